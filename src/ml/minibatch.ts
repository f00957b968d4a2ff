/**
 * Minibatch gradients of a two-parameter model (linear regression with the MSE, or logistic
 * regression with the binary cross-entropy) on 1-D data: per-sample, full-batch and minibatch
 * gradients, the spread of minibatch gradients around the full gradient, and minibatch SGD
 * epochs with an optional Robbins–Monro schedule α_k = α/k. Pure TypeScript, seeded.
 */
import { createRng, shuffleInPlace, type Rng } from './rng';

export type Vec2 = [number, number];
export type MinibatchModel = 'linear' | 'logistic';

export interface MinibatchProblem {
  model: MinibatchModel;
  x: number[];
  y: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * n samples x ~ U[−1, 1]. Linear: y = 1.5x − 0.5 + 0.5ε. Logistic: y ~ Bernoulli(σ(3x + 0.5)).
 */
export function makeMinibatchProblem(model: MinibatchModel, n: number, seed: number): MinibatchProblem {
  const rng = createRng(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = 2 * rng.next() - 1;
    x.push(xi);
    y.push(model === 'linear' ? 1.5 * xi - 0.5 + 0.5 * rng.normal() : rng.next() < sigmoid(3 * xi + 0.5) ? 1 : 0);
  }
  return { model, x, y };
}

/** Loss of sample i under θ = (θ₀ bias, θ₁ slope): (θ₀ + θ₁x − y)² or the binary cross-entropy. */
export function sampleLoss(p: MinibatchProblem, t: Vec2, i: number): number {
  const z = t[0] + t[1] * p.x[i];
  if (p.model === 'linear') return (z - p.y[i]) ** 2;
  // −y log σ(z) − (1 − y) log(1 − σ(z)) = log(1 + e^z) − y z, written to avoid overflow.
  const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  return softplus - p.y[i] * z;
}

/** ∇_θ L_i: 2(θ₀ + θ₁x − y)·(1, x) for the MSE, (σ(z) − y)·(1, x) for the cross-entropy. */
export function sampleGradient(p: MinibatchProblem, t: Vec2, i: number): Vec2 {
  const z = t[0] + t[1] * p.x[i];
  const r = p.model === 'linear' ? 2 * (z - p.y[i]) : sigmoid(z) - p.y[i];
  return [r, r * p.x[i]];
}

/** ∇_θ L over the listed samples, averaged: (1/m) Σ_{i∈S} ∇L_i. */
export function batchGradient(p: MinibatchProblem, t: Vec2, idx: ArrayLike<number>): Vec2 {
  let g0 = 0;
  let g1 = 0;
  for (let k = 0; k < idx.length; k++) {
    const g = sampleGradient(p, t, idx[k]);
    g0 += g[0];
    g1 += g[1];
  }
  return [g0 / idx.length, g1 / idx.length];
}

const allIndices = (n: number) => Array.from({ length: n }, (_, i) => i);

export function fullGradient(p: MinibatchProblem, t: Vec2): Vec2 {
  return batchGradient(p, t, allIndices(p.x.length));
}

/** L(θ) = (1/n) Σ L_i. */
export function fullLoss(p: MinibatchProblem, t: Vec2): number {
  let s = 0;
  for (let i = 0; i < p.x.length; i++) s += sampleLoss(p, t, i);
  return s / p.x.length;
}

/** The minimiser θ̂ of the full loss: normal equations (linear) or 50 damped Newton steps (logistic). */
export function minimiser(p: MinibatchProblem): Vec2 {
  let t: Vec2 = [0, 0];
  for (let it = 0; it < (p.model === 'linear' ? 1 : 50); it++) {
    let [h00, h01, h11] = [1e-9, 0, 1e-9];
    for (let i = 0; i < p.x.length; i++) {
      const w = p.model === 'linear' ? 2 : sigmoid(t[0] + t[1] * p.x[i]) * (1 - sigmoid(t[0] + t[1] * p.x[i]));
      h00 += w;
      h01 += w * p.x[i];
      h11 += w * p.x[i] * p.x[i];
    }
    const n = p.x.length;
    const g = fullGradient(p, t);
    const [a, b, c] = [h00 / n, h01 / n, h11 / n];
    const det = a * c - b * b;
    t = [t[0] - (c * g[0] - b * g[1]) / det, t[1] - (a * g[1] - b * g[0]) / det];
  }
  return t;
}

/** m distinct indices from {0, …, n−1}, uniformly (partial Fisher–Yates). */
export function sampleBatch(n: number, m: number, rng: Rng, scratch: number[] = allIndices(n)): number[] {
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    [scratch[i], scratch[j]] = [scratch[j], scratch[i]];
  }
  return scratch.slice(0, m);
}

export interface GradientCloud {
  full: Vec2;
  samples: Vec2[];
  /** Measured spread √(mean ‖g_B − ∇L‖²) over the samples. */
  spread: number;
  /** Spread of single-sample gradients s₁ = √((1/n) Σ ‖∇L_i − ∇L‖²). */
  spread1: number;
  /** The law s₁/√B · √((n − B)/(n − 1)) (sampling without replacement). */
  predicted: number;
}

/** `count` minibatch gradients of size m at θ, with the full gradient and their spread. */
export function gradientCloud(p: MinibatchProblem, t: Vec2, m: number, count: number, rng: Rng): GradientCloud {
  const n = p.x.length;
  const full = fullGradient(p, t);
  let s1 = 0;
  for (let i = 0; i < n; i++) {
    const g = sampleGradient(p, t, i);
    s1 += (g[0] - full[0]) ** 2 + (g[1] - full[1]) ** 2;
  }
  const spread1 = Math.sqrt(s1 / n);
  const scratch = allIndices(n);
  const samples: Vec2[] = [];
  let ss = 0;
  for (let k = 0; k < count; k++) {
    const g = batchGradient(p, t, sampleBatch(n, m, rng, scratch));
    samples.push(g);
    ss += (g[0] - full[0]) ** 2 + (g[1] - full[1]) ** 2;
  }
  const predicted = n > 1 ? (spread1 / Math.sqrt(m)) * Math.sqrt((n - m) / (n - 1)) : 0;
  return { full, samples, spread: Math.sqrt(ss / count), spread1, predicted };
}

export interface SgdRun {
  batch: number;
  theta: Vec2;
  /** Updates taken so far (k in α_k = α/k). */
  updates: number;
  rng: Rng;
  order: number[];
}

export function createSgdRun(n: number, batch: number, theta0: Vec2, seed: number): SgdRun {
  return { batch, theta: [theta0[0], theta0[1]], updates: 0, rng: createRng(seed), order: allIndices(n) };
}

/**
 * One epoch of minibatch SGD: shuffle, then one update per batch of `batch` consecutive samples
 * (the last batch may be smaller). Step size α, or α/k with `robbinsMonro` (k counts updates).
 */
export function sgdEpoch(p: MinibatchProblem, run: SgdRun, alpha: number, robbinsMonro: boolean): void {
  const n = p.x.length;
  shuffleInPlace(run.order, run.rng);
  for (let start = 0; start < n; start += run.batch) {
    const g = batchGradient(p, run.theta, run.order.slice(start, Math.min(n, start + run.batch)));
    run.updates++;
    const a = robbinsMonro ? alpha / run.updates : alpha;
    run.theta = [run.theta[0] - a * g[0], run.theta[1] - a * g[1]];
  }
}
