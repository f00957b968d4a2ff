/**
 * The session's run history of each lab: the last runs (parameters incl. seed, downsampled curves,
 * final metrics) and the runs the learner pinned to compare. One zustand store per lab id, kept at
 * module level so it outlives the lab's remounts, and mirrored to sessionStorage (validated on the
 * way in; anything malformed is dropped without a word). Bounded: at most MAX_UNPINNED unpinned runs
 * plus MAX_PINNED pinned ones, each series at most MAX_POINTS points, at most MAX_SERIES series.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { downsampleMinMax } from '../charts/lineData';
import { formatNumber } from '../charts/format';
import { formatNumberParam } from '../params/codec';
import type { ParamSpec, Schema } from '../params/schema';
import type { SeriesPoint } from './metricsBuffer';

export const MAX_UNPINNED = 8;
export const MAX_PINNED = 8;
export const MAX_POINTS = 300;
export const MAX_SERIES = 16;
const STORAGE_VERSION = 1;
const STORAGE_PREFIX = 'i2dl.runs.';

/** 'running' marks a run pinned while it was still going; it is updated when it ends. */
export type RunStatus = 'done' | 'diverged' | 'stopped' | 'running';
const STATUSES: readonly RunStatus[] = ['done', 'diverged', 'stopped', 'running'];

export interface RunSnapshot {
  /** Unique per run (lab instance token + trainer run id): recording the same key again updates it. */
  key: string;
  params: Record<string, unknown>;
  series: Record<string, SeriesPoint[]>;
  metrics: Record<string, number>;
  steps: number;
  status: RunStatus;
}

export interface RunRecord extends RunSnapshot {
  /** "Run 3": numbered in the order the runs were first recorded, per lab, per session. */
  number: number;
  /** Date.now() when last recorded. */
  time: number;
  pinned: boolean;
}

export interface RunHistoryState {
  runs: RunRecord[];
  nextNumber: number;
  /** A sentence for the learner, e.g. why a pin was refused. */
  message: string | null;
}

export const emptyHistory = (): RunHistoryState => ({ runs: [], nextNumber: 1, message: null });

/** Each series downsampled (min/max per bucket, so spikes stay) to ≤ MAX_POINTS; loss keys first. */
export function snapshotSeries(series: Record<string, readonly SeriesPoint[]>, preferred: readonly string[] = []): Record<string, SeriesPoint[]> {
  const keys = Object.keys(series);
  const ordered = [...preferred.filter((k) => keys.includes(k)), ...keys.filter((k) => !preferred.includes(k))].slice(0, MAX_SERIES);
  const out: Record<string, SeriesPoint[]> = {};
  for (const k of ordered) {
    const pts = series[k].filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (pts.length) out[k] = downsampleMinMax(pts, MAX_POINTS).map((p) => ({ x: p.x, y: p.y }));
  }
  return out;
}

/** Keep every pinned run and the newest MAX_UNPINNED unpinned ones, in run order. */
export function prune(runs: readonly RunRecord[]): RunRecord[] {
  const keepUnpinned = new Set(runs.filter((r) => !r.pinned).sort((a, b) => b.number - a.number).slice(0, MAX_UNPINNED).map((r) => r.key));
  return runs.filter((r) => r.pinned || keepUnpinned.has(r.key)).sort((a, b) => a.number - b.number);
}

const pinnedCount = (runs: readonly RunRecord[]) => runs.filter((r) => r.pinned).length;
const PIN_LIMIT_MESSAGE = `Up to ${MAX_PINNED} runs can be pinned: unpin one first.`;

/**
 * Record a run (insert, or update the record with the same key: a run is never listed twice).
 * `pin` pins it as well, unless MAX_PINNED runs are pinned already (then it says so).
 */
export function recordRun(state: RunHistoryState, snap: RunSnapshot, time: number, pin = false): RunHistoryState {
  const existing = state.runs.find((r) => r.key === snap.key);
  let pinned = existing?.pinned ?? false;
  let message: string | null = null;
  if (pin && !pinned) {
    if (pinnedCount(state.runs) >= MAX_PINNED) message = PIN_LIMIT_MESSAGE;
    else pinned = true;
  }
  const rec: RunRecord = { ...snap, number: existing?.number ?? state.nextNumber, time, pinned };
  const runs = existing ? state.runs.map((r) => (r.key === snap.key ? rec : r)) : [...state.runs, rec];
  return { runs: prune(runs), nextNumber: existing ? state.nextNumber : state.nextNumber + 1, message };
}

export function setPinned(state: RunHistoryState, key: string, pinned: boolean): RunHistoryState {
  const run = state.runs.find((r) => r.key === key);
  if (!run || run.pinned === pinned) return state;
  if (pinned && pinnedCount(state.runs) >= MAX_PINNED) return { ...state, message: PIN_LIMIT_MESSAGE };
  const runs = state.runs.map((r) => (r.key === key ? { ...r, pinned } : r));
  return { ...state, runs: prune(runs), message: null };
}

// ---------------------------------------------------------------------------------------------
// sessionStorage: series as flat [x0, y0, x1, y1, …] arrays; everything checked on the way in.

interface StoredRun extends Omit<RunRecord, 'series'> {
  series: Record<string, number[]>;
}

export function serializeHistory(state: RunHistoryState, onlyPinned = false): string {
  const runs: StoredRun[] = state.runs
    .filter((r) => !onlyPinned || r.pinned)
    .map((r) => ({ ...r, series: Object.fromEntries(Object.entries(r.series).map(([k, pts]) => [k, pts.flatMap((p) => [p.x, p.y])])) }));
  return JSON.stringify({ v: STORAGE_VERSION, nextNumber: state.nextNumber, runs });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function parseRun(v: unknown): RunRecord | null {
  if (!isObj(v)) return null;
  const { key, number, time, pinned, params, series, metrics, steps, status } = v;
  if (typeof key !== 'string' || !isNum(number) || number < 1 || !isNum(time) || typeof pinned !== 'boolean') return null;
  if (!isObj(params) || !isObj(series) || !isObj(metrics) || !isNum(steps) || steps < 0) return null;
  if (!STATUSES.includes(status as RunStatus)) return null;
  const outSeries: Record<string, SeriesPoint[]> = {};
  for (const [k, flat] of Object.entries(series)) {
    if (!Array.isArray(flat) || flat.length % 2 !== 0 || flat.length > 2 * MAX_POINTS || !flat.every(isNum)) return null;
    const pts: SeriesPoint[] = [];
    for (let i = 0; i < flat.length; i += 2) pts.push({ x: flat[i] as number, y: flat[i + 1] as number });
    outSeries[k] = pts;
  }
  if (Object.keys(outSeries).length > MAX_SERIES) return null;
  const outMetrics: Record<string, number> = {};
  for (const [k, m] of Object.entries(metrics)) {
    // JSON turns NaN/Infinity into null: a diverged run's last loss.
    if (m === null) outMetrics[k] = NaN;
    else if (typeof m === 'number') outMetrics[k] = m;
    else return null;
  }
  return { key, number, time, pinned, params, series: outSeries, metrics: outMetrics, steps, status: status as RunStatus };
}

/** The stored history, or null when it is missing or malformed in any way (then it is ignored). */
export function parseHistory(raw: string | null, paramKeys?: readonly string[]): RunHistoryState | null {
  if (!raw) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObj(data) || data.v !== STORAGE_VERSION || !isNum(data.nextNumber) || !Array.isArray(data.runs)) return null;
  const runs: RunRecord[] = [];
  for (const r of data.runs) {
    const run = parseRun(r);
    if (!run) return null;
    // A run from another version of the lab (parameters renamed) cannot be compared: drop it.
    if (paramKeys && !paramKeys.every((k) => k in run.params)) continue;
    runs.push(run);
  }
  const keys = new Set(runs.map((r) => r.key));
  if (keys.size !== runs.length) return null;
  const maxNumber = runs.reduce((m, r) => Math.max(m, r.number), 0);
  return { runs: prune(runs), nextNumber: Math.max(data.nextNumber, maxNumber + 1), message: null };
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null; // storage disabled by the browser's settings
  }
}

function save(labId: string, state: RunHistoryState): void {
  const s = storage();
  if (!s) return;
  try {
    s.setItem(STORAGE_PREFIX + labId, serializeHistory(state));
  } catch {
    // Over the quota: keep at least the pinned runs; failing that, the history stays in memory only.
    try {
      s.setItem(STORAGE_PREFIX + labId, serializeHistory(state, true));
    } catch {
      try {
        s.removeItem(STORAGE_PREFIX + labId);
      } catch {
        /* nothing more to do */
      }
    }
  }
}

const stores = new Map<string, StoreApi<RunHistoryState>>();

/** The history store of one lab (created, and read back from sessionStorage, on first use). */
export function runHistoryStore(labId: string, paramKeys?: readonly string[]): StoreApi<RunHistoryState> {
  let store = stores.get(labId);
  if (!store) {
    let initial = emptyHistory();
    try {
      initial = parseHistory(storage()?.getItem(STORAGE_PREFIX + labId) ?? null, paramKeys) ?? initial;
    } catch {
      /* unreadable storage: start empty */
    }
    store = createStore<RunHistoryState>(() => initial);
    store.subscribe((s, prev) => {
      if (s.runs !== prev.runs || s.nextNumber !== prev.nextNumber) save(labId, s);
    });
    stores.set(labId, store);
  }
  return store;
}

/** For tests: forget every store (sessionStorage is left alone). */
export function resetRunHistoryStores(): void {
  stores.clear();
}

// ---------------------------------------------------------------------------------------------
// "What differed": legend text from the schema's labels and symbols.

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', eta: 'η', theta: 'θ', kappa: 'κ',
  lambda: 'λ', mu: 'μ', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', omega: 'ω',
};

/** The Greek letter when the parameter's symbol is one (\\alpha → α), else null. */
function greekSymbol(spec: ParamSpec): string | null {
  const m = spec.symbol ? /^\\([a-z]+)$/.exec(spec.symbol) : null;
  return m ? GREEK[m[1]] ?? null : null;
}

/** A plain-text name: the Greek letter when the symbol is one (α), else the label ("iterations"). */
export function paramName(spec: ParamSpec): string {
  const g = greekSymbol(spec);
  if (g) return g;
  const l = spec.label;
  // Lower-case the first letter unless the word is an acronym or has a capital inside ("L2", "ReLU").
  return l.length > 1 && /^[A-Z][a-z]/.test(l) && !/^[A-Z][a-z]*[A-Z]/.test(l.split(' ')[0]) ? l[0].toLowerCase() + l.slice(1) : l;
}

export function formatParamValue(spec: ParamSpec, v: unknown): string {
  switch (spec.kind) {
    case 'number':
      return typeof v === 'number' ? formatNumberParam(v) : '—';
    case 'select':
      return typeof v === 'string' ? (spec.optionLabels as Record<string, string> | undefined)?.[v] ?? v : '—';
    case 'bool':
      return v === true ? 'on' : v === false ? 'off' : '—';
    case 'vector': {
      if (!Array.isArray(v)) return '—';
      const shown = v.slice(0, 4).map((x) => (typeof x === 'number' ? formatNumber(x) : '?'));
      return `[${shown.join(', ')}${v.length > 4 ? ', …' : ''}]`;
    }
    case 'points':
      return Array.isArray(v) ? `${v.length} point${v.length === 1 ? '' : 's'}` : '—';
  }
}

/** "α = 0.1" for symbols, "iterations 100" for labels. */
export function describeParam(spec: ParamSpec, v: unknown): string {
  const value = formatParamValue(spec, v);
  const g = greekSymbol(spec);
  return g ? `${g} = ${value}` : `${paramName(spec)} ${value}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Parameter keys worth comparing: all of the schema but the view-only ones. */
function comparedKeys(schema: Schema, ignore: readonly string[]): string[] {
  return Object.keys(schema).filter((k) => !ignore.includes(k));
}

/** The parameters of `params` that differ from `reference`, described ("α = 0.5, seed 2"). */
export function diffFrom(schema: Schema, params: Record<string, unknown>, reference: Record<string, unknown>, ignore: readonly string[] = []): string[] {
  return comparedKeys(schema, ignore).filter((k) => !same(params[k], reference[k])).map((k) => describeParam(schema[k], params[k]));
}

/**
 * Legend text for runs shown together: each run named with the parameters that are not the same
 * in all of them, and one line with those that are ("Same in all: κ = 20, iterations 100, seed 1").
 */
export function differingLegend(
  schema: Schema, runs: readonly { name: string; params: Record<string, unknown> }[], ignore: readonly string[] = [],
): { labels: string[]; same: string } {
  const keys = comparedKeys(schema, ignore);
  const varying = keys.filter((k) => runs.some((r) => !same(r.params[k], runs[0]?.params[k])));
  const constant = keys.filter((k) => !varying.includes(k));
  const labels = runs.map((r) => {
    const d = varying.map((k) => describeParam(schema[k], r.params[k]));
    return d.length ? `${r.name}: ${d.join(', ')}` : r.name;
  });
  const sameText = runs.length && constant.length ? `Same in all: ${constant.map((k) => describeParam(schema[k], runs[0].params[k])).join(', ')}` : '';
  return { labels, same: sameText };
}
