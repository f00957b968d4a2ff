import type { Schema, Values } from '../params/schema';
import type { SeriesPoint } from './metricsBuffer';

/** What an engine hands back after a frame's steps: plain numbers, never tensors. */
export interface EngineRead<V> {
  metrics: Record<string, number>;
  /** The data views draw (heatmaps, fitted lines); asked for at ~10 Hz only. */
  view?: V;
}

/**
 * A lab's model and its training step. `step()` dispatches work (no GPU→CPU read);
 * `read()` is the one read per frame. Engines own their tensors and free them in `dispose()`.
 */
export interface LabEngine<V> {
  step(): void;
  read(withView: boolean): EngineRead<V> | Promise<EngineRead<V>>;
  /** True when there is nothing left to train (e.g. every sample memorised). */
  isDone?(): boolean;
  dispose(): void;
}

export type EngineFactory<P, V> = (params: P) => LabEngine<V> | Promise<LabEngine<V>>;

export type LabStatus = 'loading' | 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'error';

export interface LabDefinition<S extends Schema, V> {
  /** Stable id: the URL prefix, `data-lab` and the `window.__labs` key. */
  id: string;
  title: string;
  /** Slug of the lecture the lab belongs to (for links and export names). */
  lecture: string;
  schema: S;
  /** Lazy so tfjs and the engine load with the lab, not with the page shell. */
  engine: () => Promise<EngineFactory<Values<S>, V>>;
  /** Whether the engine needs a tfjs backend. */
  needsTf: boolean;
  /** Metrics that, when NaN or infinite, mean the run diverged. */
  lossKeys: readonly string[];
  /** Steps after which the run is complete. */
  maxSteps: (p: Values<S>) => number;
  /** Upper bound on steps per animation frame at the default speed. */
  stepsPerFrame?: number;
  /**
   * Whether a parameter change starts training at once (default true). Steppers that walk through
   * a computation set false, so a new input shows stage 0 and the learner steps from there.
   */
  playOnChange?: boolean;
  /** Parameters that only change what is shown, not the run: changing them does not retrain. */
  viewOnly?: readonly (keyof S & string)[];
  /** Key parameters for export file names, e.g. "k5-l2-seed1". */
  fileTag: (p: Values<S>) => string;
}

export interface LabState<S extends Schema, V> {
  params: Values<S>;
  /** Messages about values that were clamped or replaced. */
  notices: string[];
  status: LabStatus;
  step: number;
  metrics: Record<string, number>;
  view: V | null;
  series: Record<string, SeriesPoint[]>;
  error: string | null;
  /** Maximum steps per frame: 1, 10 or Infinity (time budget only). */
  speed: number;
  runId: number;
}

/** What `window.__labs[id]` shows to tests and to the benchmark. */
export interface LabProbe {
  params: Record<string, unknown>;
  status: LabStatus;
  step: number;
  metrics: Record<string, number>;
  runId: number;
  notices: string[];
  error: string | null;
  /** performance.now() of the last parameter change and of the first frame published after it. */
  timings: { changeAt: number; firstFrameAt: number };
}

declare global {
  interface Window {
    __labs?: Record<string, LabProbe>;
  }
}
