/**
 * k-fold cross-validation (Lecture 6): the development data (everything but the test set) is
 * shuffled with a seed and cut into k folds whose sizes differ by at most one; fold i is the
 * validation set of round i and the other k − 1 folds train the model.
 */
import { createRng, shuffleInPlace } from './rng';

/** Sizes of the k folds of n samples: the first n mod k folds hold one sample more. */
export function foldSizes(n: number, k: number): number[] {
  checkFolds(n, k);
  const base = Math.floor(n / k);
  const extra = n % k;
  return Array.from({ length: k }, (_, i) => base + (i < extra ? 1 : 0));
}

function checkFolds(n: number, k: number): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(k) || k < 2) throw new Error(`k must be an integer ≥ 2, got ${k}`);
  if (k > n) throw new Error(`k = ${k} folds need at least ${k} samples, got ${n}`);
}

/**
 * The k validation folds as lists of sample indices: indices 0…n−1 shuffled with the seed, then
 * cut into consecutive blocks of foldSizes(n, k). Every index lies in exactly one fold.
 */
export function kFolds(n: number, k: number, seed: number): number[][] {
  const sizes = foldSizes(n, k);
  const order = shuffleInPlace(Array.from({ length: n }, (_, i) => i), createRng(seed));
  const folds: number[][] = [];
  let at = 0;
  for (const s of sizes) {
    folds.push(order.slice(at, at + s));
    at += s;
  }
  return folds;
}

/** Fold number of every sample (inverse of kFolds). */
export function foldOf(folds: readonly (readonly number[])[], n: number): Int32Array {
  const out = new Int32Array(n).fill(-1);
  folds.forEach((f, i) => f.forEach((j) => (out[j] = i)));
  return out;
}

/** Round i of cross-validation: fold i validates, the other folds train (indices in fold order). */
export function foldSplit(folds: readonly (readonly number[])[], i: number): { train: number[]; val: number[] } {
  return { train: folds.flatMap((f, j) => (j === i ? [] : f)), val: [...folds[i]] };
}

/**
 * Mean and sample standard deviation (divisor m − 1) of m values:
 * s = √(Σ (xᵢ − x̄)² / (m − 1)). With one value the standard deviation is undefined (NaN).
 */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const m = values.length;
  if (m === 0) return { mean: NaN, std: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / m;
  if (m < 2) return { mean, std: NaN };
  const ss = values.reduce((s, v) => s + (v - mean) * (v - mean), 0);
  return { mean, std: Math.sqrt(ss / (m - 1)) };
}

/** Scores of all k rounds: score(trainIdx, valIdx) for each fold as validation set. */
export function crossValidate(n: number, k: number, seed: number, score: (train: number[], val: number[]) => number): number[] {
  const folds = kFolds(n, k, seed);
  return folds.map((_, i) => {
    const { train, val } = foldSplit(folds, i);
    return score(train, val);
  });
}

/**
 * The candidate with the highest mean score; ties go to the later candidate (list candidates from
 * the most to the least flexible model, so a tie picks the simpler one). NaN means are skipped.
 * @returns index into means, or −1 if none is finite
 */
export function selectBest(means: readonly number[]): number {
  let best = -1;
  means.forEach((m, i) => {
    if (Number.isFinite(m) && (best < 0 || m >= means[best])) best = i;
  });
  return best;
}
