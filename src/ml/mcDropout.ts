/**
 * Monte Carlo dropout for 1-D regression, in plain TypeScript: a 1 → H → H → 1 ReLU network with
 * inverted dropout (drop probability p) after each hidden layer, trained with Adam on the squared
 * error; at prediction time T stochastic passes with dropout left on give a mean and a spread.
 *
 * Plain TS rather than tfjs: with ~1,200 parameters and 1-D inputs, per-op dispatch would dominate.
 */
import { createRng, type Rng } from './rng';

/** Interval of x with no training data. */
export interface Gap {
  lo: number;
  hi: number;
}

/** The function the data are drawn from. */
export function truth(x: number): number {
  return Math.cos(3 * x) + 0.3 * x;
}

/**
 * n points x ~ U([xMin, xMax] \ gap) (sampled uniformly over the two pieces), y = truth(x) + σε.
 * Sorted by x. Deterministic for a seed.
 */
export function gapData(n: number, noise: number, seed: number, gap: Gap, xMin = -1, xMax = 1): { x: number[]; y: number[] } {
  if (!(gap.lo > xMin && gap.hi < xMax && gap.lo < gap.hi)) throw new Error('the gap must lie inside the data range');
  const rng = createRng(seed);
  const left = gap.lo - xMin;
  const total = left + (xMax - gap.hi);
  const x: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = rng.next() * total;
    x.push(u < left ? xMin + u : gap.hi + (u - left));
  }
  x.sort((a, b) => a - b);
  const y = x.map((xi) => truth(xi) + noise * rng.normal());
  return { x, y };
}

/**
 * Per-point mean and standard deviation over T stochastic passes. `samples` is T rows of G values
 * (row-major, T·G); std uses 1/T (the spread of the passes themselves, as in Gal & Ghahramani).
 */
export function mcStats(samples: Float64Array | readonly number[], T: number, G: number): { mean: Float64Array; std: Float64Array } {
  if (samples.length !== T * G || T < 1) throw new Error(`mcStats: expected ${T}×${G} samples, got ${samples.length}`);
  const mean = new Float64Array(G);
  const std = new Float64Array(G);
  for (let t = 0; t < T; t++) for (let g = 0; g < G; g++) mean[g] += samples[t * G + g] / T;
  for (let t = 0; t < T; t++) {
    for (let g = 0; g < G; g++) {
      const d = samples[t * G + g] - mean[g];
      std[g] += (d * d) / T;
    }
  }
  for (let g = 0; g < G; g++) std[g] = Math.sqrt(std[g]);
  return { mean, std };
}

export interface McNetConfig {
  hidden: number;
  /** Drop probability p ∈ [0, 1). */
  drop: number;
  lr: number;
  seed: number;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/** The network: parameters in one Float64Array [W1 (H), b1 (H), W2 (H·H), b2 (H), W3 (H), b3 (1)]. */
export class McDropoutNet {
  readonly params: Float64Array;
  private readonly grad: Float64Array;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  private readonly H: number;
  private readonly rng: Rng;
  // Scratch buffers for one sample.
  private readonly z1: Float64Array;
  private readonly a1: Float64Array;
  private readonly z2: Float64Array;
  private readonly a2: Float64Array;
  private readonly m1: Float64Array;
  private readonly m2: Float64Array;
  private readonly d2: Float64Array;

  constructor(readonly cfg: McNetConfig) {
    if (!(cfg.drop >= 0 && cfg.drop < 1)) throw new Error(`drop probability must be in [0, 1) (got ${cfg.drop})`);
    if (!(cfg.lr > 0)) throw new Error(`learning rate must be > 0 (got ${cfg.lr})`);
    const H = (this.H = cfg.hidden);
    const size = H + H + H * H + H + H + 1;
    this.params = new Float64Array(size);
    this.grad = new Float64Array(size);
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
    const init = createRng(cfg.seed);
    // He initialisation (ReLU); the first layer's fan-in is 1. Biases of the first layer spread the
    // kinks over the input range.
    for (let j = 0; j < H; j++) {
      this.params[j] = Math.sqrt(2) * init.normal();
      this.params[H + j] = 0.5 * init.normal();
    }
    const w2 = 2 * H;
    for (let k = 0; k < H * H; k++) this.params[w2 + k] = Math.sqrt(2 / H) * init.normal();
    const w3 = 3 * H + H * H;
    for (let j = 0; j < H; j++) this.params[w3 + j] = Math.sqrt(1 / H) * init.normal();
    this.rng = createRng(cfg.seed * 7919 + 5);
    this.z1 = new Float64Array(H);
    this.a1 = new Float64Array(H);
    this.z2 = new Float64Array(H);
    this.a2 = new Float64Array(H);
    this.m1 = new Float64Array(H).fill(1);
    this.m2 = new Float64Array(H).fill(1);
    this.d2 = new Float64Array(H);
  }

  /** Draw inverted-dropout masks (0 or 1/q) into m1, m2 from `rng`; all ones in eval mode. */
  private drawMasks(train: boolean, rng: Rng): void {
    const { drop } = this.cfg;
    const inv = 1 / (1 - drop);
    for (let j = 0; j < this.H; j++) {
      this.m1[j] = !train || drop === 0 ? 1 : rng.next() >= drop ? inv : 0;
      this.m2[j] = !train || drop === 0 ? 1 : rng.next() >= drop ? inv : 0;
    }
  }

  /** Forward pass with the current masks. */
  private forward(x: number): number {
    const { H, params: P } = this;
    for (let j = 0; j < H; j++) {
      this.z1[j] = P[j] * x + P[H + j];
      this.a1[j] = (this.z1[j] > 0 ? this.z1[j] : 0) * this.m1[j];
    }
    const w2 = 2 * H;
    const b2 = w2 + H * H;
    const w3 = b2 + H;
    let out = P[w3 + H];
    for (let k = 0; k < H; k++) {
      let z = P[b2 + k];
      const row = w2 + k * H;
      for (let j = 0; j < H; j++) z += P[row + j] * this.a1[j];
      this.z2[k] = z;
      this.a2[k] = (z > 0 ? z : 0) * this.m2[k];
      out += P[w3 + k] * this.a2[k];
    }
    return out;
  }

  /** Eval mode (every unit kept, unscaled). */
  predict(x: number): number {
    this.drawMasks(false, this.rng);
    return this.forward(x);
  }

  /**
   * One Adam step on the mean squared error ½·mean (ŷ − y)² over the given samples, with a fresh
   * dropout mask per sample (train mode). Returns the batch's mean squared error (train mode).
   */
  trainBatch(xs: readonly number[], ys: readonly number[]): number {
    const { H, params: P, grad: G } = this;
    G.fill(0);
    const n = xs.length;
    const w2 = 2 * H;
    const b2 = w2 + H * H;
    const w3 = b2 + H;
    let sse = 0;
    for (let i = 0; i < n; i++) {
      this.drawMasks(true, this.rng);
      const yhat = this.forward(xs[i]);
      const e = yhat - ys[i];
      sse += e * e;
      const dOut = e / n;
      G[w3 + H] += dOut;
      for (let k = 0; k < H; k++) {
        G[w3 + k] += dOut * this.a2[k];
        this.d2[k] = this.z2[k] > 0 ? dOut * P[w3 + k] * this.m2[k] : 0;
        G[b2 + k] += this.d2[k];
      }
      for (let j = 0; j < H; j++) {
        if (!(this.z1[j] > 0) || this.m1[j] === 0) continue;
        const a = this.a1[j];
        let back = 0;
        for (let k = 0; k < H; k++) {
          const d = this.d2[k];
          if (d === 0) continue;
          G[w2 + k * H + j] += d * a;
          back += d * P[w2 + k * H + j];
        }
        const d1 = back * this.m1[j];
        G[j] += d1 * xs[i];
        G[H + j] += d1;
      }
      // Weight gradients of layer 2 for inactive first-layer units are zero (a = 0): nothing to add.
    }
    this.t++;
    const { lr } = this.cfg;
    const c1 = 1 - BETA1 ** this.t;
    const c2 = 1 - BETA2 ** this.t;
    for (let k = 0; k < P.length; k++) {
      this.m[k] = BETA1 * this.m[k] + (1 - BETA1) * G[k];
      this.v[k] = BETA2 * this.v[k] + (1 - BETA2) * G[k] * G[k];
      P[k] -= (lr * (this.m[k] / c1)) / (Math.sqrt(this.v[k] / c2) + EPS);
    }
    return sse / n;
  }

  /** The gradient of the last {@link trainBatch} (for tests). */
  get lastGradient(): Float64Array {
    return this.grad;
  }

  /**
   * T stochastic passes over the grid `xs` with dropout on. One mask per pass, shared by every x,
   * so each pass is one thinned sub-network and its curve is a smooth function. Returns T·G values.
   */
  sampleCurves(xs: readonly number[], T: number, rng: Rng): Float64Array {
    const out = new Float64Array(T * xs.length);
    for (let t = 0; t < T; t++) {
      this.drawMasks(true, rng);
      for (let g = 0; g < xs.length; g++) out[t * xs.length + g] = this.forward(xs[g]);
    }
    return out;
  }

  /** Squared-error loss ½·mean (ŷ − y)² for a fixed mask (all ones: eval mode); for gradient checks. */
  lossWithMasks(xs: readonly number[], ys: readonly number[], m1: readonly number[], m2: readonly number[]): number {
    this.m1.set(m1);
    this.m2.set(m2);
    let s = 0;
    for (let i = 0; i < xs.length; i++) s += (this.forward(xs[i]) - ys[i]) ** 2;
    return s / (2 * xs.length);
  }
}
