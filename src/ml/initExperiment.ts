/**
 * The notes' initialisation experiment on TensorFlow.js: a batch of unit-Gaussian inputs through L
 * fully connected layers of n units (biases 0), then one backward pass of the loss
 * L = (1/N) Σ_i g_i · a^L_i with a seeded random upstream gradient g (so ∂L/∂a^L = G/N).
 *
 * tfjs because this is real matrix work (10 products of 500 × 500 matrices with N × 500 batches each
 * way); the backward pass is written out by hand (∂L/∂s = ∂L/∂a ⊙ f'(s), ∂L/∂W = aᵀ ∂L/∂s,
 * ∂L/∂a^{l−1} = ∂L/∂s Wᵀ) so it can be split into steps: one step is one layer (or one chunk of samples
 * through one layer when the batch is big), forward first, then backward. `initExperiment.test.ts` checks the
 * hand-written gradients against tf.grad.
 *
 * Statistics are reduced on the device; `collect()` reads everything new with ONE data() call.
 * (Transposes are explicit: the wasm backend's matMul with transpose flags is ~8× slower here.)
 */
import { createRng, type Rng } from './rng';
import { sampleWeights, type DeepActivation, type InitScheme } from './init';
import * as tf from './tf';

export interface DeepSpec {
  layers: number;
  width: number;
  samples: number;
  act: DeepActivation;
  scheme: InitScheme;
  seed: number;
  /** Multiply-adds per step (default CHUNK_MACS); smaller values split a layer into more steps. */
  chunkMacs?: number;
}

/**
 * Multiply-adds per step: one 500 × 500 × 500 product, so at the notes' sizes one step is one whole
 * layer (~20 ms on wasm); bigger batches or layers are split into chunks of samples.
 */
export const CHUNK_MACS = 500 * 500 * 500;
/** Activations kept per layer for the histograms (from the first samples). */
export const HIST_VALUES = 50_000;
/** |a| above this counts as saturated (tanh). */
export const SATURATED = 0.99;

type Sizes = Pick<DeepSpec, 'width' | 'samples' | 'chunkMacs'>;

export function chunkRows(spec: Sizes): number {
  return Math.max(1, Math.min(spec.samples, Math.floor((spec.chunkMacs ?? CHUNK_MACS) / (spec.width * spec.width))));
}

export function chunkCount(spec: Sizes): number {
  return Math.ceil(spec.samples / chunkRows(spec));
}

/** Steps of the whole experiment: every chunk through every layer, forward and backward. */
export function experimentSteps(spec: Sizes & Pick<DeepSpec, 'layers'>): number {
  return 2 * spec.layers * chunkCount(spec);
}

export interface LayerStats {
  /** Values counted so far (N·n when the layer is complete). */
  count: number;
  mean: number;
  std: number;
  /** E[a²]. */
  second: number;
  /** Share of |a| > 0.99 and of a ≤ 0 exactly 0 (ReLU's cut). */
  saturated: number;
  zero: number;
  /** Activations of the first samples (for the histogram). */
  sample: Float32Array | null;
  /** RMS of ∂L/∂W^l and of ∂L/∂a^l (NaN until the backward pass has computed them). */
  gradW: number;
  gradOut: number;
}

interface Acc {
  n: number;
  sum: number;
  sumSq: number;
  sat: number;
  zero: number;
  gradInN: number;
  gradInSq: number;
}

type Pending = { t: tf.Tensor; take: (v: Float32Array) => void };

/** [s, Σ x/s, Σ (x/s)², #|x|>0.99, #x==0] with s = max|x| (scaled so the squares never overflow float32). */
function chunkStats(x: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const s = tf.maximum(tf.max(tf.abs(x)), tf.scalar(1e-30));
    const y = tf.div(x, s);
    return tf.stack([
      s, tf.sum(y), tf.sum(tf.square(y)),
      tf.sum(tf.cast(tf.greater(tf.abs(x), SATURATED), 'float32')),
      tf.sum(tf.cast(tf.equal(x, 0), 'float32')),
    ]) as tf.Tensor1D;
  });
}

/** [s, Σ (x/s)²] with s = max|x|. */
function squareStats(x: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const s = tf.maximum(tf.max(tf.abs(x)), tf.scalar(1e-30));
    return tf.stack([s, tf.sum(tf.square(tf.div(x, s)))]) as tf.Tensor1D;
  });
}

function activate(act: DeepActivation, s: tf.Tensor): tf.Tensor {
  if (act === 'tanh') return tf.tanh(s);
  if (act === 'relu') return tf.relu(s);
  return tf.clone(s);
}

/** f'(s) written with a = f(s): 1 − a² (tanh), [a > 0] (ReLU), 1 (linear). */
function slope(act: DeepActivation, a: tf.Tensor): tf.Tensor {
  if (act === 'tanh') return tf.sub(1, tf.square(a));
  if (act === 'relu') return tf.cast(tf.greater(a, 0), 'float32');
  return tf.onesLike(a);
}

export class InitExperiment {
  readonly spec: DeepSpec;
  readonly rows: number;
  readonly chunks: number;
  readonly totalSteps: number;
  /** Wall time spent in step() so far (ms). */
  computeMs = 0;
  private stepIndex = 0;
  private readonly x: tf.Tensor2D[] = [];
  private readonly g: tf.Tensor2D[] = [];
  /** a[l][c]: activations of layer l (1…L) for chunk c; a[0] = x. */
  private readonly a: (tf.Tensor2D | null)[][];
  private readonly w: (tf.Tensor2D | null)[];
  private wT: tf.Tensor2D | null = null;
  private gradW: tf.Tensor2D | null = null;
  /** ∂L/∂a of the layer being back-propagated into, per chunk. */
  private upstream: (tf.Tensor2D | null)[];
  private readonly rngW: Rng;
  private readonly acc: Acc[];
  private readonly gradWRms: number[];
  private readonly samples: (Float32Array | null)[];
  private pending: Pending[] = [];

  constructor(spec: DeepSpec) {
    if (!(spec.layers >= 1 && spec.width >= 1 && spec.samples >= 1)) throw new Error('the network needs at least one layer, unit and sample');
    this.spec = { ...spec };
    this.rows = chunkRows(spec);
    this.chunks = chunkCount(spec);
    this.totalSteps = experimentSteps(spec);
    const { width: n, samples: N, layers: L } = spec;
    const rngX = createRng(spec.seed * 2654435761 + 1);
    const rngG = createRng(spec.seed * 2654435761 + 2);
    this.rngW = createRng(spec.seed * 2654435761 + 3);
    for (let c = 0; c < this.chunks; c++) {
      const r = Math.min(this.rows, N - c * this.rows);
      const xv = new Float32Array(r * n);
      for (let i = 0; i < xv.length; i++) xv[i] = rngX.normal();
      const gv = new Float32Array(r * n);
      // ∂L/∂a^L = G / N for L = (1/N) Σ_i g_i · a^L_i.
      for (let i = 0; i < gv.length; i++) gv[i] = rngG.normal() / N;
      this.x.push(tf.tensor2d(xv, [r, n]));
      const g = tf.tensor2d(gv, [r, n]);
      this.g.push(g);
    }
    this.a = Array.from({ length: L + 1 }, (_, l) => (l === 0 ? [...this.x] : new Array<tf.Tensor2D | null>(this.chunks).fill(null)));
    this.w = new Array<tf.Tensor2D | null>(L + 1).fill(null);
    this.upstream = new Array<tf.Tensor2D | null>(this.chunks).fill(null);
    this.acc = Array.from({ length: L + 1 }, () => ({ n: 0, sum: 0, sumSq: 0, sat: 0, zero: 0, gradInN: 0, gradInSq: 0 }));
    this.gradWRms = new Array<number>(L + 1).fill(NaN);
    this.samples = new Array<Float32Array | null>(L + 1).fill(null);
    for (const g of this.g) this.pending.push({ t: squareStats(g), take: (v) => this.addGradIn(L, v) });
  }

  get done(): boolean {
    return this.stepIndex >= this.totalSteps;
  }

  get stepsDone(): number {
    return this.stepIndex;
  }

  /** Forward layers finished so far, and backward layers finished so far. */
  get progress(): { forward: number; backward: number } {
    const perLayer = this.chunks;
    const fwd = Math.min(this.spec.layers, Math.floor(this.stepIndex / perLayer));
    const bwd = Math.max(0, Math.floor((this.stepIndex - this.spec.layers * perLayer) / perLayer));
    return { forward: fwd, backward: Math.min(this.spec.layers, bwd) };
  }

  step(): void {
    if (this.done) return;
    const t0 = performance.now();
    const { layers: L } = this.spec;
    const k = this.stepIndex;
    const forwardSteps = L * this.chunks;
    if (k < forwardSteps) this.forward(1 + Math.floor(k / this.chunks), k % this.chunks);
    else {
      const j = k - forwardSteps;
      this.backward(L - Math.floor(j / this.chunks), j % this.chunks);
    }
    this.stepIndex++;
    this.computeMs += performance.now() - t0;
  }

  private weights(l: number): tf.Tensor2D {
    let w = this.w[l];
    if (!w) {
      const n = this.spec.width;
      w = tf.tensor2d(sampleWeights(this.spec.scheme, n, n, this.rngW), [n, n]);
      this.w[l] = w;
    }
    return w;
  }

  private forward(l: number, c: number): void {
    const w = this.weights(l);
    const prev = this.a[l - 1][c]!;
    const a = tf.tidy(() => activate(this.spec.act, tf.matMul(prev, w))) as tf.Tensor2D;
    this.a[l][c] = a;
    const count = a.shape[0] * this.spec.width;
    this.pending.push({ t: chunkStats(a), take: (v) => this.addForward(l, count, v) });
    if (c === 0) {
      const rows = Math.max(1, Math.min(a.shape[0], Math.floor(HIST_VALUES / this.spec.width)));
      this.pending.push({ t: tf.tidy(() => tf.reshape(tf.slice(a, [0, 0], [rows, -1]), [-1])), take: (v) => { this.samples[l] = v.slice(); } });
    }
  }

  private addForward(l: number, count: number, v: Float32Array): void {
    const [s, sum, sumSq, sat, zero] = v;
    const acc = this.acc[l];
    acc.n += count;
    acc.sum += s * sum;
    acc.sumSq += s * s * sumSq;
    acc.sat += sat;
    acc.zero += zero;
  }

  private backward(l: number, c: number): void {
    const { act } = this.spec;
    if (c === 0) {
      this.gradW?.dispose();
      this.gradW = null;
      this.wT?.dispose();
      this.wT = l > 1 ? tf.transpose(this.w[l]!) : null;
    }
    const a = this.a[l][c]!;
    const prev = this.a[l - 1][c]!;
    const up = l === this.spec.layers ? this.g[c] : this.upstream[c]!;
    const dS = tf.tidy(() => tf.mul(up, slope(act, a))) as tf.Tensor2D;
    const gradW = this.gradW;
    const gw = tf.tidy(() => {
      const part = tf.matMul(tf.transpose(prev), dS) as tf.Tensor2D;
      return gradW ? (tf.add(gradW, part) as tf.Tensor2D) : part;
    });
    const wT = this.wT;
    const down = wT ? (tf.matMul(dS, wT) as tf.Tensor2D) : null;
    dS.dispose();
    gradW?.dispose();
    this.gradW = gw;
    if (l !== this.spec.layers) this.upstream[c]?.dispose();
    this.upstream[c] = down;
    if (down) this.pending.push({ t: squareStats(down), take: (v) => this.addGradIn(l - 1, v) });
    // a^l is no longer needed: layer l+1 is already back-propagated, and layer l just used it.
    a.dispose();
    this.a[l][c] = null;
    if (c === this.chunks - 1) {
      const count = this.spec.width * this.spec.width;
      this.pending.push({ t: squareStats(gw), take: (v) => { this.gradWRms[l] = v[0] * Math.sqrt(v[1] / count); } });
      gw.dispose();
      this.gradW = null;
    }
  }

  /** Adds one chunk's Σ (∂L/∂a^l)². */
  private addGradIn(l: number, v: Float32Array): void {
    const acc = this.acc[l];
    acc.gradInSq += v[0] * v[0] * v[1];
    acc.gradInN += 1;
  }

  /** Read everything computed since the last call, in one device read. */
  async collect(): Promise<void> {
    if (!this.pending.length) return;
    const pending = this.pending;
    this.pending = [];
    const all = tf.tidy(() => tf.concat(pending.map((p) => tf.reshape(p.t, [-1]))));
    for (const p of pending) p.t.dispose();
    const values = (await all.data()) as Float32Array;
    all.dispose();
    let off = 0;
    for (const p of pending) {
      const size = p.t.size;
      p.take(values.subarray(off, off + size));
      off += size;
    }
  }

  /** Statistics of layers 1…L (index 0 is layer 1). */
  layerStats(): LayerStats[] {
    const out: LayerStats[] = [];
    const total = this.spec.samples * this.spec.width;
    for (let l = 1; l <= this.spec.layers; l++) {
      const acc = this.acc[l];
      const n = acc.n;
      const mean = n ? acc.sum / n : NaN;
      const second = n ? acc.sumSq / n : NaN;
      out.push({
        count: n,
        mean,
        second,
        std: Math.sqrt(Math.max(0, second - mean * mean)),
        saturated: n ? acc.sat / n : NaN,
        zero: n ? acc.zero / n : NaN,
        sample: this.samples[l],
        gradW: this.gradWRms[l],
        gradOut: acc.gradInN === this.chunks ? Math.sqrt(acc.gradInSq / total) : NaN,
      });
    }
    return out;
  }

  dispose(): void {
    for (const p of this.pending) p.t.dispose();
    this.pending = [];
    for (const t of [...this.x, ...this.g]) t.dispose();
    for (let l = 1; l < this.a.length; l++) for (const t of this.a[l]) t?.dispose();
    for (const t of this.w) t?.dispose();
    for (const t of this.upstream) t?.dispose();
    this.wT?.dispose();
    this.gradW?.dispose();
  }
}
