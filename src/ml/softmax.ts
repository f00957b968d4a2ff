/**
 * Softmax, cross-entropy and the multiclass hinge (SVM) loss on a vector of class scores, in the
 * three ways Lecture 7 compares them: the naive exp-then-normalise form in float64 and in float32
 * (as a GPU computes it), and the stable form e^{s−s_max}/Σe^{s_k−s_max}. Plus a tiny linear
 * classifier on 2-D points trained with either loss, with L2 regularisation λΣw².
 *
 * Plain TypeScript: a handful of scores and a 3×2 weight matrix need no tensors.
 */
import { softmaxCrossEntropy } from './losses';
import type { Rng } from './rng';

const f32 = Math.fround;

/** Naive softmax in float64: e^{s_k} / Σ e^{s_j}. Overflows once some s_k > ~709.78. */
export function softmaxNaive64(s: readonly number[]): number[] {
  const e = s.map((v) => Math.exp(v));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * Naive softmax with every intermediate rounded to float32, as a GPU kernel computes it.
 * e^{89} ≈ 4.5·10³⁸ exceeds float32's largest value 3.4·10³⁸, so it is already Infinity, and
 * Infinity/Infinity = NaN.
 */
export function softmaxNaive32(s: readonly number[]): number[] {
  const e = s.map((v) => f32(Math.exp(f32(v))));
  let sum = 0;
  for (const v of e) sum = f32(sum + v);
  return e.map((v) => f32(v / sum));
}

/** The exponentials of the naive float32 form (to show which ones overflow). */
export function expNaive32(s: readonly number[]): number[] {
  return s.map((v) => f32(Math.exp(f32(v))));
}

/** Stable softmax e^{s_k − s_max} / Σ e^{s_j − s_max} (float64). Every exponent is ≤ 0. */
export function softmaxStable(s: readonly number[]): number[] {
  const m = Math.max(...s);
  const e = s.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** The stable form computed in float32: still finite for any finite scores. */
export function softmaxStable32(s: readonly number[]): number[] {
  const s32 = s.map((v) => f32(v));
  const m = Math.max(...s32);
  const e = s32.map((v) => f32(Math.exp(f32(v - m))));
  let sum = 0;
  for (const v of e) sum = f32(sum + v);
  return e.map((v) => f32(v / sum));
}

/** Cross-entropy L_i = −log p_y = log Σ e^{s_k} − s_y, computed stably (log-sum-exp). */
export function crossEntropy(s: readonly number[], y: number): number {
  return softmaxCrossEntropy(s, y);
}

/** ∂L_i/∂s for the cross-entropy: p − onehot(y). */
export function crossEntropyGrad(s: readonly number[], y: number): number[] {
  const p = softmaxStable(s);
  return p.map((v, k) => v - (k === y ? 1 : 0));
}

/** The hinge terms max(0, s_k − s_y + 1) for k ≠ y (0 at k = y). */
export function hingeTerms(s: readonly number[], y: number, margin = 1): number[] {
  return s.map((v, k) => (k === y ? 0 : Math.max(0, v - s[y] + margin)));
}

/** Multiclass hinge (SVM) loss L_i = Σ_{k≠y} max(0, s_k − s_y + 1). */
export function hinge(s: readonly number[], y: number, margin = 1): number {
  return hingeTerms(s, y, margin).reduce((a, b) => a + b, 0);
}

/** A (sub)gradient of the hinge loss: +1 for each violating k, −(number of violators) at y. */
export function hingeGrad(s: readonly number[], y: number, margin = 1): number[] {
  const g = s.map(() => 0);
  for (let k = 0; k < s.length; k++) {
    if (k === y) continue;
    if (s[k] - s[y] + margin > 0) {
      g[k] += 1;
      g[y] -= 1;
    }
  }
  return g;
}

/* ------------------------------------------------------------ a linear classifier on 2-D points */

export type LossName = 'hinge' | 'ce';

export interface Point2C {
  x: number;
  y: number;
  label: number;
}

/** Scores s = W x + b for K classes: W is K×2 (row-major, w[2k], w[2k+1]), b has K entries. */
export interface Linear2 {
  w: number[];
  b: number[];
}

export const TRAIN_CLASSES = 3;
const CENTRES: readonly [number, number][] = [[-1.4, -0.9], [1.4, -0.9], [0, 1.5]];

/** A few seeded points per class around three well-separated centres (linearly separable). */
export function makeBlobs(perClass: number, spread: number, rng: Rng): Point2C[] {
  const out: Point2C[] = [];
  for (let c = 0; c < TRAIN_CLASSES; c++) {
    for (let i = 0; i < perClass; i++) {
      out.push({ x: CENTRES[c][0] + spread * rng.normal(), y: CENTRES[c][1] + spread * rng.normal(), label: c });
    }
  }
  return out;
}

/** Small random weights (std 0.1), zero biases. */
export function initLinear(rng: Rng, classes = TRAIN_CLASSES): Linear2 {
  return { w: Array.from({ length: 2 * classes }, () => 0.1 * rng.normal()), b: new Array<number>(classes).fill(0) };
}

export function scores(m: Linear2, x: number, y: number): number[] {
  return m.b.map((bk, k) => m.w[2 * k] * x + m.w[2 * k + 1] * y + bk);
}

/** R(W) = Σ w² over the weights (the biases are not regularised). */
export const l2Reg = (m: Linear2): number => m.w.reduce((a, v) => a + v * v, 0);

export interface FullLoss {
  data: number;
  reg: number;
  total: number;
  accuracy: number;
}

/** L = (1/N) Σ L_i + λ R(W). */
export function fullLoss(m: Linear2, pts: readonly Point2C[], loss: LossName, lambda: number): FullLoss {
  let data = 0;
  let correct = 0;
  for (const p of pts) {
    const s = scores(m, p.x, p.y);
    data += loss === 'hinge' ? hinge(s, p.label) : crossEntropy(s, p.label);
    if (s.indexOf(Math.max(...s)) === p.label) correct++;
  }
  data /= pts.length;
  const reg = lambda * l2Reg(m);
  return { data, reg, total: data + reg, accuracy: correct / pts.length };
}

/** ∂L/∂W and ∂L/∂b of the full loss. */
export function fullGrad(m: Linear2, pts: readonly Point2C[], loss: LossName, lambda: number): Linear2 {
  const gw = m.w.map((v) => 2 * lambda * v);
  const gb = m.b.map(() => 0);
  const n = pts.length;
  for (const p of pts) {
    const s = scores(m, p.x, p.y);
    const ds = loss === 'hinge' ? hingeGrad(s, p.label) : crossEntropyGrad(s, p.label);
    for (let k = 0; k < ds.length; k++) {
      if (ds[k] === 0) continue;
      gw[2 * k] += (ds[k] * p.x) / n;
      gw[2 * k + 1] += (ds[k] * p.y) / n;
      gb[k] += ds[k] / n;
    }
  }
  return { w: gw, b: gb };
}

/** One full-batch gradient step in place; returns the size of the change ‖Δθ‖. */
export function gdStep(m: Linear2, pts: readonly Point2C[], loss: LossName, lambda: number, lr: number): number {
  const g = fullGrad(m, pts, loss, lambda);
  let sq = 0;
  for (let i = 0; i < m.w.length; i++) {
    const d = lr * g.w[i];
    m.w[i] -= d;
    sq += d * d;
  }
  for (let k = 0; k < m.b.length; k++) {
    const d = lr * g.b[k];
    m.b[k] -= d;
    sq += d * d;
  }
  return Math.sqrt(sq);
}

export const weightNorm = (m: Linear2): number => Math.sqrt(l2Reg(m));

/** Each loss as the true-class score s_y sweeps [lo, hi], the other scores held fixed. */
export function lossSweep(s: readonly number[], y: number, lo: number, hi: number, n: number): { x: number; hinge: number; ce: number }[] {
  const v = [...s];
  return Array.from({ length: n + 1 }, (_, i) => {
    const x = lo + ((hi - lo) * i) / n;
    v[y] = x;
    return { x, hinge: hinge(v, y), ce: crossEntropy(v, y) };
  });
}

/** The true-class score from which the hinge loss is exactly 0: max_{k≠y} s_k + 1. */
export function hingeZeroFrom(s: readonly number[], y: number, margin = 1): number {
  let m = -Infinity;
  for (let k = 0; k < s.length; k++) if (k !== y) m = Math.max(m, s[k]);
  return m + margin;
}
