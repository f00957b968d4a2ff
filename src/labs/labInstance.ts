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
}

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
      unsubs.forEach((u) => u());
      unsubs = [];
      trainer.dispose();
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
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
