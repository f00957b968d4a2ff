/**
 * A small two-layer perceptron in plain float64 TypeScript, for gradient checking:
 * s¹ = xW¹ + b¹, h = act(s¹), s = hW² + b², ŷ = out(s), L = Σ_samples Σ_i L_i.
 * Indices follow the notes: w¹_kj joins input k to hidden unit j, w_ji hidden j to output i.
 * Two output/loss pairs, both with ∂L/∂s_i ∝ (ŷ_i − y_i):
 *  - 'bce': sigmoid outputs with binary cross-entropy (the notes' derivation), ∂L/∂s_i = ŷ_i − y_i;
 *  - 'l2': linear outputs with the L2 loss L_i = (ŷ_i − y_i)², ∂L/∂s_i = 2(ŷ_i − y_i).
 */
import { createRng } from '../rng';

export type HiddenAct = 'sigmoid' | 'relu';
export type OutputLoss = 'bce' | 'l2';

export interface MlpConfig {
  act: HiddenAct;
  loss: OutputLoss;
}

/** Weights as nested arrays: W1[k][j] (in × hidden), b1[j], W2[j][i] (hidden × out), b2[i]. */
export interface MlpWeights {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

export interface Sample {
  x: number[];
  y: number[];
}

export const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

function activate(act: HiddenAct, s: number): number {
  return act === 'relu' ? Math.max(0, s) : sigmoid(s);
}

/** Seeded weights ~ N(0, 1/fan-in), rounded to float32 so tfjs sees exactly the same numbers. */
export function initMlp(nIn: number, nHidden: number, nOut: number, seed: number): MlpWeights {
  const rng = createRng(seed);
  const mat = (r: number, c: number, scale: number) =>
    Array.from({ length: r }, () => Array.from({ length: c }, () => Math.fround(rng.normal() * scale)));
  return {
    W1: mat(nIn, nHidden, 1 / Math.sqrt(nIn)),
    b1: Array.from({ length: nHidden }, () => Math.fround(0.1 * rng.normal())),
    W2: mat(nHidden, nOut, 1 / Math.sqrt(nHidden)),
    b2: Array.from({ length: nOut }, () => Math.fround(0.1 * rng.normal())),
  };
}

/** Seeded 2-D inputs ~ N(0, 1) and two targets: labels for 'bce', smooth values for 'l2'. */
export function makeSamples(n: number, loss: OutputLoss, seed: number): Sample[] {
  const rng = createRng(seed + 7919);
  return Array.from({ length: n }, () => {
    const x = [Math.fround(rng.normal()), Math.fround(rng.normal())];
    const y = loss === 'bce' ? [x[0] > 0 ? 1 : 0, x[0] * x[1] > 0 ? 1 : 0] : [Math.fround(Math.sin(x[0])), Math.fround(0.5 * x[0] * x[1])];
    return { x, y };
  });
}

export interface Forward {
  s1: number[];
  h: number[];
  s: number[];
  yHat: number[];
}

/** Forward pass for one input. */
export function forward(w: MlpWeights, x: readonly number[], cfg: MlpConfig): Forward {
  const s1 = w.b1.map((b, j) => x.reduce((acc, xk, k) => acc + xk * w.W1[k][j], b));
  const h = s1.map((v) => activate(cfg.act, v));
  const s = w.b2.map((b, i) => h.reduce((acc, hj, j) => acc + hj * w.W2[j][i], b));
  const yHat = cfg.loss === 'bce' ? s.map(sigmoid) : s;
  return { s1, h, s, yHat };
}

/** Total loss L = Σ_samples Σ_i L_i. */
export function mlpLoss(w: MlpWeights, samples: readonly Sample[], cfg: MlpConfig): number {
  let total = 0;
  for (const { x, y } of samples) {
    const { yHat } = forward(w, x, cfg);
    yHat.forEach((p, i) => {
      total += cfg.loss === 'bce' ? -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p)) : (p - y[i]) ** 2;
    });
  }
  return total;
}

/** Weights flattened in the order W1 (row-major), b1, W2 (row-major), b2. */
export function flatten(w: MlpWeights): number[] {
  return [...w.W1.flat(), ...w.b1, ...w.W2.flat(), ...w.b2];
}

/** Inverse of {@link flatten} for the given layer sizes. */
export function unflatten(v: readonly number[], nIn: number, nHidden: number, nOut: number): MlpWeights {
  let o = 0;
  const take = (n: number) => v.slice(o, (o += n));
  const rows = (r: number, c: number) => Array.from({ length: r }, () => take(c));
  const W1 = rows(nIn, nHidden);
  const b1 = take(nHidden);
  const W2 = rows(nHidden, nOut);
  const b2 = take(nOut);
  return { W1, b1, W2, b2 };
}

/** Names of the flattened weights in the notes' notation, as TeX. */
export function weightNames(nIn: number, nHidden: number, nOut: number): string[] {
  const names: string[] = [];
  for (let k = 0; k < nIn; k++) for (let j = 0; j < nHidden; j++) names.push(`w^1_{${k + 1}${j + 1}}`);
  for (let j = 0; j < nHidden; j++) names.push(`b^1_{${j + 1}}`);
  for (let j = 0; j < nHidden; j++) for (let i = 0; i < nOut; i++) names.push(`w_{${j + 1}${i + 1}}`);
  for (let i = 0; i < nOut; i++) names.push(`b_{${i + 1}}`);
  return names;
}

/**
 * Central finite differences (L(θ + ε) − L(θ − ε)) / 2ε for every weight, in float64.
 * The truncation error is O(ε²); ε = 1e-5 leaves ~1e-10 absolute error for these sizes.
 */
export function numericGradients(w: MlpWeights, samples: readonly Sample[], cfg: MlpConfig, eps = 1e-5): number[] {
  const theta = flatten(w);
  const nIn = w.W1.length;
  const nHidden = w.b1.length;
  const nOut = w.b2.length;
  return theta.map((t, idx) => {
    const at = (v: number) => mlpLoss(unflatten(theta.map((u, m) => (m === idx ? v : u)), nIn, nHidden, nOut), samples, cfg);
    return (at(t + eps) - at(t - eps)) / (2 * eps);
  });
}

/** Relative error |a − b| / max(|a|, |b|, 1e-8). */
export function relError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-8);
}
