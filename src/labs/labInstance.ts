/**
 * One lab instance: its zustand store (one per instance), its trainer, its URL sync and its
 * `window.__labs` probe. Created by `useLab`; nothing here is module-level mutable state.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { hashQuery, replaceHashQuery } from '../app/router';
import { useProgress } from '../app/progress';
import { decodeParams, encodeParams, sanitizeValue } from '../params/codec';
import type { Schema, Values } from '../params/schema';
import { useBackend } from './backend';
import { publishLiveParams, removeLiveParams } from './liveParams';
import { recordRun, runHistoryStore, setPinned, snapshotSeries, type RunHistoryState, type RunStatus } from './runHistory';
import { Trainer } from './trainer';
import type { LabDefinition, LabState } from './types';

export interface LabInstance<S extends Schema, V> {
  def: LabDefinition<S, V>;
  store: StoreApi<LabState<S, V>>;
  start(): void;
  dispose(): void;
  setParams(patch: Partial<Values<S>>): void;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  setSpeed(stepsPerFrame: number): void;
  dismissNotices(): void;
  /** A link that reproduces this lab's parameters and seed exactly. */
  shareLink(): string;
  /** The session's runs of this lab (shared by every instance of the lab id). */
  history: StoreApi<RunHistoryState>;
  /** The history key of run `runId` of this instance (the current run: `runKey(state.runId)`). */
  runKey(runId: number): string;
  /** Pin or unpin the current run (recording it as it stands if it is still going). */
  pinCurrent(pinned: boolean): void;
  setRunPinned(key: string, pinned: boolean): void;
}

let instanceSeq = 0;

export function shareLinkFor<S extends Schema>(def: LabDefinition<S, unknown>, params: Values<S>): string {
  const q = encodeParams(def.schema, params, def.id, new URLSearchParams());
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#/lecture/${def.lecture}/${def.id}?${q.toString()}`;
}

export function createLabInstance<S extends Schema, V>(def: LabDefinition<S, V>): LabInstance<S, V> {
  const decoded = decodeParams(def.schema, hashQuery(), def.id);
  const speed = def.stepsPerFrame ?? Infinity;
  const store = createStore<LabState<S, V>>(() => ({
    params: decoded.values,
    notices: decoded.notices,
    status: 'loading',
    step: 0,
    metrics: {},
    view: null,
    series: {},
    error: null,
    speed,
    runId: 0,
  }));
  const trainer = new Trainer<Values<S>, V>({
    loadFactory: def.engine,
    needsTf: def.needsTf,
    lossKeys: def.lossKeys,
    maxSteps: def.maxSteps,
    onUpdate: (u) => store.setState((s) => ({ ...s, ...stripUndefined(u) })),
  });
  trainer.maxStepsPerFrame = speed;
  let urlTimer = 0;
  let unsubs: (() => void)[] = [];

  // Run history: a run is recorded when it ends (done / diverged) and when something supersedes it
  // (new parameters, Reset, a backend restart, unmounting) after making progress; keyed by run so a
  // run is never recorded twice (recording again updates the record, e.g. one pinned mid-run).
  const history = runHistoryStore(def.id, Object.keys(def.schema));
  const token = `${Date.now().toString(36)}.${++instanceSeq}`;
  const runKey = (runId: number) => `${token}:${runId}`;
  let runParams = store.getState().params as Record<string, unknown>;
  let finishedRunId = -1;
  const recordState = (s: LabState<S, V>, status: RunStatus, pin = false) => {
    history.setState((h) => recordRun(h, {
      key: runKey(s.runId), params: { ...runParams }, series: snapshotSeries(s.series, def.lossKeys), metrics: { ...s.metrics }, steps: s.step, status,
    }, Date.now(), pin));
  };
  const isRecorded = (runId: number) => history.getState().runs.some((r) => r.key === runKey(runId));
  const recordSuperseded = (s: LabState<S, V>) => {
    if (s.runId === finishedRunId || s.runId === 0) return;
    if (s.step > 0 || isRecorded(s.runId)) recordState(s, 'stopped');
  };
  const followRuns = (s: LabState<S, V>, prev: LabState<S, V>) => {
    if (s.runId !== prev.runId) {
      // The trainer's 'loading' update carries the new run id; `prev` is the old run's last frame.
      recordSuperseded(prev);
      runParams = s.params as Record<string, unknown>;
    } else if ((s.status === 'done' || s.status === 'diverged') && s.status !== prev.status && s.runId !== finishedRunId) {
      finishedRunId = s.runId;
      recordState(s, s.status);
    }
  };

  const writeUrl = () => {
    window.clearTimeout(urlTimer);
    urlTimer = window.setTimeout(() => replaceHashQuery(encodeParams(def.schema, store.getState().params, def.id, hashQuery())), 150);
  };

  const publishProbe = (s: LabState<S, V>) => {
    window.__labs ??= {};
    window.__labs[def.id] = {
      params: { ...s.params },
      status: s.status,
      step: s.step,
      metrics: s.metrics,
      runId: s.runId,
      notices: s.notices,
      error: s.error,
      timings: { ...trainer.timings },
    };
  };

  return {
    def,
    store,
    start() {
      unsubs.push(store.subscribe(publishProbe));
      unsubs.push(store.subscribe(followRuns));
      unsubs.push(store.subscribe((s, prev) => {
        if (s.params !== prev.params) publishLiveParams(def.id, s.params as Record<string, unknown>);
      }));
      publishLiveParams(def.id, store.getState().params as Record<string, unknown>);
      unsubs.push(store.subscribe((s, prev) => {
        if (s.status === 'running' && prev.status !== 'running') useProgress.getState().markLabRun(def.id);
      }));
      unsubs.push(useBackend.subscribe((b, prev) => {
        if (b.generation !== prev.generation && def.needsTf) void trainer.restart(store.getState().params, false);
      }));
      publishProbe(store.getState());
      void trainer.restart(store.getState().params, false);
    },
    dispose() {
      window.clearTimeout(urlTimer);
      if (unsubs.length) recordSuperseded(store.getState());
      unsubs.forEach((u) => u());
      unsubs = [];
      trainer.dispose();
      removeLiveParams(def.id);
      if (window.__labs) delete window.__labs[def.id];
    },
    setParams(patch) {
      const next = { ...store.getState().params } as Record<string, unknown>;
      for (const [k, v] of Object.entries(patch)) {
        const spec = def.schema[k];
        if (spec) next[k] = sanitizeValue(spec, v);
      }
      store.setState({ params: next as Values<S> });
      writeUrl();
      const viewOnly = (def.viewOnly ?? []) as readonly string[];
      if (Object.keys(patch).some((k) => !viewOnly.includes(k))) void trainer.restart(next as Values<S>, def.playOnChange ?? true);
    },
    play: () => trainer.play(),
    pause: () => trainer.pause(),
    step: () => void trainer.stepOnce(),
    reset: () => void trainer.reset(),
    setSpeed(stepsPerFrame) {
      trainer.maxStepsPerFrame = stepsPerFrame;
      store.setState({ speed: stepsPerFrame });
    },
    dismissNotices: () => store.setState({ notices: [] }),
    shareLink: () => shareLinkFor(def as LabDefinition<S, unknown>, store.getState().params),
    history,
    runKey,
    pinCurrent(pinned) {
      const s = store.getState();
      if (isRecorded(s.runId)) history.setState((h) => setPinned(h, runKey(s.runId), pinned));
      else if (pinned && s.step > 0) recordState(s, s.status === 'done' || s.status === 'diverged' ? s.status : 'running', true);
    },
    setRunPinned: (key, pinned) => history.setState((h) => setPinned(h, key, pinned)),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
