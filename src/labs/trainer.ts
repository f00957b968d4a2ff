/**
 * Runs one lab's engine: a time-budgeted number of steps per animation frame, one read per frame,
 * and a publish to the UI at ~10 Hz. A run id guards every await, so results from a run that was
 * reset meanwhile are dropped.
 */
import { hasDiverged } from '../ml/metrics';
import { ensureBackend, fallBackFromWebgl, useBackend, withTimeout } from './backend';
import { MetricsBuffer, type SeriesPoint } from './metricsBuffer';
import type { EngineFactory, EngineRead, LabEngine, LabStatus } from './types';

export interface TrainerUpdate<V> {
  status: LabStatus;
  step: number;
  metrics?: Record<string, number>;
  view?: V;
  series?: Record<string, SeriesPoint[]>;
  error?: string | null;
  runId: number;
}

export interface TrainerOptions<P, V> {
  loadFactory: () => Promise<EngineFactory<P, V>>;
  needsTf: boolean;
  lossKeys: readonly string[];
  maxSteps: (p: P) => number;
  onUpdate: (u: TrainerUpdate<V>) => void;
  budgetMs?: number;
}

const PUBLISH_MS = 100;
const MAX_BUDGET_MS = 8;
const MIN_BUDGET_MS = 1;
const FRAME_MS = 1000 / 60;
const READ_TIMEOUT_MS = 5000;

export class Trainer<P, V> {
  private engine: LabEngine<V> | null = null;
  private factory: EngineFactory<P, V> | null = null;
  private runId = 0;
  private steps = 0;
  private status: LabStatus = 'loading';
  private buffer = new MetricsBuffer();
  private raf = 0;
  private busy = false;
  private lastPublish = 0;
  private params: P | null = null;
  /** Training time per frame in ms; adapts so that drawing and training together keep ~60 fps. */
  private budget: number;
  private lastTick = 0;
  maxStepsPerFrame = Infinity;
  readonly timings = { changeAt: 0, firstFrameAt: 0 };

  constructor(private readonly opts: TrainerOptions<P, V>) {
    this.budget = opts.budgetMs ?? MAX_BUDGET_MS;
  }

  get currentRunId(): number {
    return this.runId;
  }

  /** Build a fresh model for `params`; start training at once when `autoplay`. */
  async restart(params: P, autoplay: boolean): Promise<void> {
    const id = ++this.runId;
    this.timings.changeAt = performance.now();
    this.timings.firstFrameAt = 0;
    this.params = params;
    this.cancelFrame();
    this.disposeEngine();
    this.buffer.clear();
    this.steps = 0;
    this.emit({ status: 'loading', step: 0, series: {}, error: null });
    try {
      if (this.opts.needsTf) await ensureBackend();
      this.factory ??= await this.opts.loadFactory();
      const engine = await this.factory(params);
      if (id !== this.runId) {
        engine.dispose();
        return;
      }
      this.engine = engine;
      const first = await this.read(engine, true);
      if (id !== this.runId) return;
      this.buffer.push(0, first.metrics);
      this.status = autoplay ? 'running' : 'idle';
      this.publish(first);
      if (autoplay) this.schedule();
    } catch (e) {
      if (id === this.runId) this.fail(e);
    }
  }

  play(): void {
    if (!this.engine || !['idle', 'paused'].includes(this.status)) return;
    this.status = 'running';
    this.emit({ status: 'running', step: this.steps });
    this.schedule();
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.status = 'paused';
    this.cancelFrame();
    this.emit({ status: 'paused', step: this.steps });
  }

  /** One step, then a full read (used by the Step button). */
  async stepOnce(): Promise<void> {
    if (!this.engine || !['idle', 'paused'].includes(this.status) || this.busy) return;
    this.status = 'paused';
    await this.advance(1, true);
  }

  reset(): Promise<void> {
    return this.params === null ? Promise.resolve() : this.restart(this.params, false);
  }

  dispose(): void {
    this.runId++;
    this.cancelFrame();
    this.disposeEngine();
  }

  private schedule(): void {
    if (!this.raf) this.raf = requestAnimationFrame(this.tick);
  }

  private cancelFrame(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
  }

  private disposeEngine(): void {
    try {
      this.engine?.dispose();
    } catch (e) {
      // A lost GPU context can make freeing fail; the tensors are gone with it anyway.
      console.warn('disposing the previous model failed', e);
    }
    this.engine = null;
  }

  /** Shrink the training budget when frames run long (charts drawing), grow it back when they don't. */
  private adaptBudget(now: number): void {
    const dt = now - this.lastTick;
    this.lastTick = now;
    if (dt > 200) return; // first frame after a pause: nothing to learn from
    const max = this.opts.budgetMs ?? MAX_BUDGET_MS;
    if (dt > FRAME_MS + 1.5) this.budget = Math.max(MIN_BUDGET_MS, this.budget * 0.7);
    else this.budget = Math.min(max, this.budget + 0.5);
  }

  private tick = (now: number): void => {
    this.raf = 0;
    if (this.status !== 'running' || !this.engine || this.busy) return;
    this.adaptBudget(now);
    void this.advance(this.maxStepsPerFrame, false).then(() => {
      if (this.status === 'running') this.schedule();
    });
  };

  /** Run up to `maxSteps` steps within the time budget, then read once. */
  private async advance(maxSteps: number, forceView: boolean): Promise<void> {
    const engine = this.engine;
    if (!engine || this.params === null) return;
    const id = this.runId;
    this.busy = true;
    try {
      const limit = Math.min(maxSteps, this.opts.maxSteps(this.params) - this.steps);
      const t0 = performance.now();
      const budget = this.budget;
      let n = 0;
      while (n < limit && (n === 0 || performance.now() - t0 < budget) && !engine.isDone?.()) {
        engine.step();
        n++;
      }
      this.steps += n;
      const finished = this.steps >= this.opts.maxSteps(this.params) || (engine.isDone?.() ?? false);
      const withView = forceView || finished || performance.now() - this.lastPublish >= PUBLISH_MS;
      const r = await this.read(engine, withView);
      if (id !== this.runId) return;
      this.buffer.push(this.steps, r.metrics);
      if (hasDiverged(this.opts.lossKeys.map((k) => r.metrics[k]).filter((v) => v !== undefined))) {
        this.status = 'diverged';
        this.cancelFrame();
      } else if (finished) {
        this.status = 'done';
      }
      if (withView || this.status !== 'running') this.publish(r);
    } catch (e) {
      if (id === this.runId) this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private async read(engine: LabEngine<V>, withView: boolean): Promise<EngineRead<V>> {
    try {
      return await withTimeout(Promise.resolve(engine.read(withView)), READ_TIMEOUT_MS, 'The compute backend');
    } catch (e) {
      if (useBackend.getState().name === 'webgl' && String(e).includes('did not answer')) {
        void fallBackFromWebgl('a GPU read never returned');
      }
      throw e;
    }
  }

  private publish(r: EngineRead<V>): void {
    this.lastPublish = performance.now();
    if (!this.timings.firstFrameAt) this.timings.firstFrameAt = this.lastPublish;
    const error = this.status === 'diverged' ? `Training diverged at step ${this.steps}: the loss became NaN or infinite.` : null;
    this.emit({ status: this.status, step: this.steps, metrics: r.metrics, view: r.view, series: this.buffer.snapshot(), error });
  }

  private fail(e: unknown): void {
    this.status = 'error';
    this.cancelFrame();
    const msg = e instanceof Error ? e.message : String(e);
    console.warn('lab run failed:', e);
    this.emit({ status: 'error', step: this.steps, error: msg });
  }

  private emit(u: Omit<TrainerUpdate<V>, 'runId'>): void {
    if (u.status) this.status = u.status;
    this.opts.onUpdate({ ...u, runId: this.runId });
  }
}
