/**
 * The current parameters of every lab mounted on the page, by lab id. Lets parts of a page outside a
 * lab (the self-check questions) read what the learner has set, and follow it as it changes.
 * A lab publishes on every parameter change and removes itself when it unmounts.
 */
import { create } from 'zustand';

interface LiveParamsState {
  byLab: Record<string, Record<string, unknown>>;
}

export const useLiveParams = create<LiveParamsState>(() => ({ byLab: {} }));

export function publishLiveParams(labId: string, params: Record<string, unknown>): void {
  useLiveParams.setState((s) => (s.byLab[labId] === params ? s : { byLab: { ...s.byLab, [labId]: params } }));
}

export function removeLiveParams(labId: string): void {
  useLiveParams.setState((s) => {
    if (!(labId in s.byLab)) return s;
    const next = { ...s.byLab };
    delete next[labId];
    return { byLab: next };
  });
}
