/**
 * Denoising diffusion (DDPM, Ho et al. 2020) on small data, in plain TypeScript.
 *
 * Forward process: a Markov chain q(x_{1:T} | x_0) = Π_{t=1}^T q(x_t | x_{t−1}) with
 *   x_t = √(1 − β_t) x_{t−1} + √β_t ε,   α_t = 1 − β_t,   ᾱ_t = Π_{s=1}^t α_s,
 * and its closed form q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I).
 * Reverse process: ε_θ(x_t, t) is an MLP trained with the simple loss ‖ε − ε_θ(√ᾱ_t x_0 + √(1 − ᾱ_t) ε, t)‖²;
 * sampling runs x_{t−1} = (x_t − β_t/√(1 − ᾱ_t) ε_θ) / √α_t + σ_t z with σ_t² = β_t.
 *
 * Why plain TypeScript and not tfjs: the denoiser is a 2-D MLP (18 → 64 → 64 → 64 → 2 by default,
 * ~9 k weights). Measured in node on the 2-core build machine (under heavy shared load), one Adam step
 * on a batch of 128 took 11.5 ms here against 27 ms for the same network with tfjs-wasm
 * (`tf.train.adam().minimize`): at this size the ~30 ops' dispatch outweighs the arithmetic. Plain
 * loops also keep the tfjs tensor count trivially flat.
 */
import type { Rng } from './rng';

export type ScheduleKind = 'linear' | 'cosine';

/** β_t, α_t, ᾱ_t for t = 0…T (index t; t = 0 is the data: β_0 = 0, α_0 = ᾱ_0 = 1). */
export interface Schedule {
  kind: ScheduleKind;
  T: number;
  beta: Float64Array;
  alpha: Float64Array;
  alphaBar: Float64Array;
}

/** DDPM's linear schedule: β from 10⁻⁴ to 0.02 over T = 1000 steps. */
export const DDPM_T = 1000;
export const DDPM_BETA_1 = 1e-4;
export const DDPM_BETA_T = 0.02;
/** Nichol & Dhariwal's cosine offset s and β clip. */
export const COSINE_S = 0.008;
export const COSINE_MAX_BETA = 0.999;

function fromBetas(kind: ScheduleKind, beta: Float64Array): Schedule {
  const T = beta.length - 1;
  const alpha = new Float64Array(T + 1);
  const alphaBar = new Float64Array(T + 1);
  alpha[0] = 1;
  alphaBar[0] = 1;
  for (let t = 1; t <= T; t++) {
    alpha[t] = 1 - beta[t];
    alphaBar[t] = alphaBar[t - 1] * alpha[t];
  }
  return { kind, T, beta, alpha, alphaBar };
}

/**
 * Linear β_t from β_1 to β_T. With `scaleToT` (default) DDPM's range 10⁻⁴…0.02 (for T = 1000) is
 * multiplied by 1000/T, so a shorter chain ends as close to pure noise as DDPM's does.
 */
export function linearSchedule(T: number, beta1 = DDPM_BETA_1, betaT = DDPM_BETA_T, scaleToT = true): Schedule {
  const k = scaleToT ? DDPM_T / T : 1;
  const b1 = Math.min(beta1 * k, COSINE_MAX_BETA);
  const bT = Math.min(betaT * k, COSINE_MAX_BETA);
  const beta = new Float64Array(T + 1);
  for (let t = 1; t <= T; t++) beta[t] = T === 1 ? b1 : b1 + ((bT - b1) * (t - 1)) / (T - 1);
  return fromBetas('linear', beta);
}

/** f(t) = cos²(((t/T) + s)/(1 + s) · π/2), the cosine schedule's ᾱ_t = f(t)/f(0) before clipping. */
export function cosineF(t: number, T: number, s = COSINE_S): number {
  const c = Math.cos((((t / T) + s) / (1 + s)) * (Math.PI / 2));
  return c * c;
}

/** Cosine schedule: β_t = min(1 − ᾱ_t/ᾱ_{t−1}, 0.999) from ᾱ_t = f(t)/f(0); ᾱ recomputed from the clipped β. */
export function cosineSchedule(T: number, s = COSINE_S, maxBeta = COSINE_MAX_BETA): Schedule {
  const f0 = cosineF(0, T, s);
  const beta = new Float64Array(T + 1);
  for (let t = 1; t <= T; t++) {
    const ab = cosineF(t, T, s) / f0;
    const abPrev = cosineF(t - 1, T, s) / f0;
    beta[t] = Math.min(1 - ab / abPrev, maxBeta);
  }
  return fromBetas('cosine', beta);
}

export function makeSchedule(kind: ScheduleKind, T: number): Schedule {
  return kind === 'cosine' ? cosineSchedule(T) : linearSchedule(T);
}

/** Closed form x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε, element-wise (into `out`). */
export function qSample(x0: ArrayLike<number>, eps: ArrayLike<number>, t: number, s: Schedule, out = new Float64Array(x0.length)): Float64Array {
  const a = Math.sqrt(s.alphaBar[t]);
  const b = Math.sqrt(1 - s.alphaBar[t]);
  for (let i = 0; i < x0.length; i++) out[i] = a * x0[i] + b * eps[i];
  return out;
}

/** One link of the chain: x_t = √(1 − β_t) x_{t−1} + √β_t ε (in place on x). */
export function forwardStep(x: Float64Array, t: number, s: Schedule, rng: Rng): void {
  const a = Math.sqrt(1 - s.beta[t]);
  const b = Math.sqrt(s.beta[t]);
  for (let i = 0; i < x.length; i++) x[i] = a * x[i] + b * rng.normal();
}

/**
 * Swiss roll in 2-D: θ ~ U[1.5π, 4.5π], (θ cos θ, θ sin θ)/SWISS_SCALE plus N(0, noise²) per coordinate.
 * The scale puts the data at about unit standard deviation, like the noise it diffuses into.
 */
export const SWISS_SCALE = 8;
export function swissRoll(n: number, rng: Rng, noise = 0.03): Float64Array {
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const th = 1.5 * Math.PI * (1 + 2 * rng.next());
    out[2 * i] = (th * Math.cos(th)) / SWISS_SCALE + noise * rng.normal();
    out[2 * i + 1] = (th * Math.sin(th)) / SWISS_SCALE + noise * rng.normal();
  }
  return out;
}

/** Sinusoidal time embedding (transformer-style): [sin(p ω_k), cos(p ω_k)], p = 1000 t/T, ω_k = 10000^{−k/(d/2 − 1)}. */
export const EMB_DIM = 16;
export function timeEmbedding(t: number, T: number, dim = EMB_DIM, out = new Float64Array(dim)): Float64Array {
  // Positions scaled to 0…1000 whatever T is, so the frequencies suit every chain length.
  const pos = (t / T) * 1000;
  const half = dim / 2;
  for (let k = 0; k < half; k++) {
    const w = Math.pow(10000, -k / (half - 1 || 1));
    out[2 * k] = Math.sin(pos * w);
    out[2 * k + 1] = Math.cos(pos * w);
  }
  return out;
}

/** ε_θ(x_t, t): an MLP on [x_t, emb(t)] with ReLU hidden layers and a linear 2-D output, trained by Adam. */
export class Denoiser {
  readonly sizes: number[];
  /** All weights and biases in one vector: per layer W (out × in, row-major) then b. */
  readonly theta: Float64Array;
  private readonly offW: number[] = [];
  private readonly offB: number[] = [];
  private m: Float64Array;
  private v: Float64Array;
  private adamT = 0;
  readonly grad: Float64Array;
  /** Activations per layer for the last batch (a^0 = input, …), reused between calls. */
  private acts: Float64Array[] = [];
  private deltas: Float64Array[] = [];
  private cap = 0;
  private embCache = new Map<number, Float64Array>();

  constructor(hidden: number[], rng: Rng, readonly T: number) {
    this.sizes = [2 + EMB_DIM, ...hidden, 2];
    let n = 0;
    for (let l = 1; l < this.sizes.length; l++) {
      this.offW.push(n);
      n += this.sizes[l] * this.sizes[l - 1];
      this.offB.push(n);
      n += this.sizes[l];
    }
    this.theta = new Float64Array(n);
    this.grad = new Float64Array(n);
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
    for (let l = 1; l < this.sizes.length; l++) {
      const fanIn = this.sizes[l - 1];
      // Kaiming (He) initialisation for ReLU layers; the output layer smaller (Xavier-like).
      const std = l === this.sizes.length - 1 ? Math.sqrt(1 / fanIn) : Math.sqrt(2 / fanIn);
      const o = this.offW[l - 1];
      for (let i = 0; i < this.sizes[l] * fanIn; i++) this.theta[o + i] = std * rng.normal();
    }
  }

  get parameterCount(): number {
    return this.theta.length;
  }

  private emb(t: number): Float64Array {
    let e = this.embCache.get(t);
    if (!e) {
      e = timeEmbedding(t, this.T);
      this.embCache.set(t, e);
    }
    return e;
  }

  private ensure(batch: number): void {
    if (batch <= this.cap) return;
    this.cap = batch;
    this.acts = this.sizes.map((s) => new Float64Array(batch * s));
    this.deltas = this.sizes.map((s) => new Float64Array(batch * s));
  }

  /** Forward pass for `n` points x (n × 2) at steps ts (one per point); returns the output buffer (n × 2, owned). */
  forward(x: ArrayLike<number>, ts: ArrayLike<number>, n: number): Float64Array {
    this.ensure(n);
    const S = this.sizes;
    const in0 = this.acts[0];
    const d0 = S[0];
    for (let b = 0; b < n; b++) {
      in0[b * d0] = x[2 * b];
      in0[b * d0 + 1] = x[2 * b + 1];
      in0.set(this.emb(ts[b]), b * d0 + 2);
    }
    const L = S.length - 1;
    const th = this.theta;
    for (let l = 1; l <= L; l++) {
      const nin = S[l - 1];
      const nout = S[l];
      const a = this.acts[l - 1];
      const z = this.acts[l];
      const ow = this.offW[l - 1];
      const ob = this.offB[l - 1];
      const relu = l < L;
      for (let b = 0; b < n; b++) {
        const ai = b * nin;
        const zi = b * nout;
        for (let o = 0; o < nout; o++) {
          let s = th[ob + o];
          const wi = ow + o * nin;
          for (let i = 0; i < nin; i++) s += th[wi + i] * a[ai + i];
          z[zi + o] = relu && s < 0 ? 0 : s;
        }
      }
    }
    return this.acts[L];
  }

  /**
   * Mean squared error (1/n)Σ‖ε − ε_θ‖² (summed over the 2 coordinates, averaged over points) of the
   * last forward pass against `target`, and its gradient into `this.grad` (overwritten).
   */
  backward(target: ArrayLike<number>, n: number): number {
    const S = this.sizes;
    const L = S.length - 1;
    const th = this.theta;
    const g = this.grad;
    g.fill(0);
    const out = this.acts[L];
    const dOut = this.deltas[L];
    let loss = 0;
    for (let i = 0; i < 2 * n; i++) {
      const r = out[i] - target[i];
      loss += r * r;
      dOut[i] = (2 * r) / n;
    }
    for (let l = L; l >= 1; l--) {
      const nin = S[l - 1];
      const nout = S[l];
      const a = this.acts[l - 1];
      const d = this.deltas[l];
      const dPrev = this.deltas[l - 1];
      const ow = this.offW[l - 1];
      const ob = this.offB[l - 1];
      const needPrev = l > 1;
      if (needPrev) dPrev.fill(0, 0, n * nin);
      for (let b = 0; b < n; b++) {
        const ai = b * nin;
        const di = b * nout;
        for (let o = 0; o < nout; o++) {
          const dv = d[di + o];
          if (dv === 0) continue;
          g[ob + o] += dv;
          const wi = ow + o * nin;
          for (let i = 0; i < nin; i++) g[wi + i] += dv * a[ai + i];
          if (needPrev) for (let i = 0; i < nin; i++) dPrev[ai + i] += th[wi + i] * dv;
        }
      }
      // ReLU derivative: the hidden activation a^{l−1} is 0 exactly where z ≤ 0.
      if (needPrev) for (let i = 0; i < n * nin; i++) if (a[i] === 0) dPrev[i] = 0;
    }
    return loss / n;
  }

  /** Adam (β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸) on `this.grad`. */
  adam(lr: number): void {
    this.adamT++;
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - Math.pow(b1, this.adamT);
    const c2 = 1 - Math.pow(b2, this.adamT);
    const { theta, grad, m, v } = this;
    for (let i = 0; i < theta.length; i++) {
      const gi = grad[i];
      m[i] = b1 * m[i] + (1 - b1) * gi;
      v[i] = b2 * v[i] + (1 - b2) * gi * gi;
      theta[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
    }
  }
}

/** Scratch buffers for one training minibatch. */
export interface TrainBatch {
  xt: Float64Array;
  eps: Float64Array;
  ts: Int32Array;
}

export function makeTrainBatch(size: number): TrainBatch {
  return { xt: new Float64Array(2 * size), eps: new Float64Array(2 * size), ts: new Int32Array(size) };
}

/**
 * One DDPM training step (Ho et al.'s Algorithm 1): x_0 from the data, t ~ U{1…T}, ε ~ N(0, I),
 * loss ‖ε − ε_θ(√ᾱ_t x_0 + √(1 − ᾱ_t) ε, t)‖², one Adam update. Returns the minibatch loss.
 */
/** Fill a batch with (t, ε, x_t = √ᾱ_t x_0 + √(1 − ᾱ_t) ε) for x_0 drawn from the data. */
export function sampleNoisedBatch(data: Float64Array, s: Schedule, rng: Rng, batch: TrainBatch, size: number): void {
  const n = data.length / 2;
  for (let b = 0; b < size; b++) {
    const j = rng.int(n);
    const t = 1 + rng.int(s.T);
    const a = Math.sqrt(s.alphaBar[t]);
    const c = Math.sqrt(1 - s.alphaBar[t]);
    const e0 = rng.normal();
    const e1 = rng.normal();
    batch.ts[b] = t;
    batch.eps[2 * b] = e0;
    batch.eps[2 * b + 1] = e1;
    batch.xt[2 * b] = a * data[2 * j] + c * e0;
    batch.xt[2 * b + 1] = a * data[2 * j + 1] + c * e1;
  }
}

export function trainStep(model: Denoiser, data: Float64Array, s: Schedule, rng: Rng, batch: TrainBatch, size: number, lr: number): number {
  sampleNoisedBatch(data, s, rng, batch, size);
  model.forward(batch.xt, batch.ts, size);
  const loss = model.backward(batch.eps, size);
  model.adam(lr);
  return loss;
}

/**
 * The reverse process for n points, one step t → t−1 at a time, in chunks so a step can be spread
 * over several engine steps: x_T ~ N(0, I), then
 *   x_{t−1} = (x_t − β_t/√(1 − ᾱ_t) ε_θ(x_t, t)) / √α_t + σ_t z,  σ_t² = β_t,  z ~ N(0, I) (z = 0 at t = 1).
 */
export class ReverseSampler {
  readonly x: Float64Array;
  /** The step the points are at: T at the start, 0 when finished. */
  t: number;
  private done = 0;
  private readonly ts: Int32Array;

  constructor(readonly n: number, readonly s: Schedule, private readonly rng: Rng, readonly chunk = n) {
    this.x = new Float64Array(2 * n);
    for (let i = 0; i < 2 * n; i++) this.x[i] = rng.normal();
    this.t = s.T;
    this.ts = new Int32Array(chunk);
  }

  get finished(): boolean {
    return this.t <= 0;
  }

  /** Denoise the next chunk of points by one step; returns true when the whole set moved to t − 1. */
  advance(model: Denoiser): boolean {
    if (this.finished) return true;
    const t = this.t;
    const s = this.s;
    const start = this.done;
    const m = Math.min(this.chunk, this.n - start);
    this.ts.fill(t);
    const slice = this.x.subarray(2 * start, 2 * (start + m));
    const eps = model.forward(slice, this.ts, m);
    const k = s.beta[t] / Math.sqrt(1 - s.alphaBar[t]);
    const inv = 1 / Math.sqrt(s.alpha[t]);
    const sigma = t > 1 ? Math.sqrt(s.beta[t]) : 0;
    for (let i = 0; i < 2 * m; i++) slice[i] = inv * (slice[i] - k * eps[i]) + (sigma > 0 ? sigma * this.rng.normal() : 0);
    this.done += m;
    if (this.done >= this.n) {
      this.done = 0;
      this.t--;
      return true;
    }
    return false;
  }

  /** Run to the end (tests). */
  runAll(model: Denoiser): Float64Array {
    while (!this.finished) this.advance(model);
    return this.x;
  }
}

/** Mean distance from each point of a (n × 2) to its nearest point in b (m × 2). */
export function meanNearest(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length / 2;
  const m = b.length / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = a[2 * i];
    const y = a[2 * i + 1];
    let best = Infinity;
    for (let j = 0; j < m; j++) {
      const dx = x - b[2 * j];
      const dy = y - b[2 * j + 1];
      const d = dx * dx + dy * dy;
      if (d < best) best = d;
    }
    sum += Math.sqrt(best);
  }
  return sum / n;
}

/**
 * Symmetric Chamfer distance ½(mean nearest a→b + mean nearest b→a): small when the samples lie on
 * the data (first term) and cover all of it (second term).
 */
export function chamfer(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return 0.5 * (meanNearest(a, b) + meanNearest(b, a));
}

/** n points of N(0, I) in 2-D (the chain's end, x_T). */
export function gaussian2d(n: number, rng: Rng): Float64Array {
  const out = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++) out[i] = rng.normal();
  return out;
}
