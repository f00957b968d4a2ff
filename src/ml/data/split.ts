/** Train / validation / test splits. */
import { createRng, shuffleInPlace } from '../rng';

export interface Split<T> {
  train: T[];
  val: T[];
  test: T[];
}

/**
 * Shuffles a copy of `items` with the seed, then takes the first round(n·train) items for train,
 * the next round(n·val) for validation and the rest (fraction 1 − train − val) for test.
 * The three parts are a partition of the input (each item appears exactly once).
 * @param items array of length n (not modified)
 * @param fractions train, val ≥ 0 with train + val ≤ 1
 * @throws Error if a fraction is negative / not finite or train + val > 1
 */
export function splitDataset<T>(
  items: readonly T[],
  fractions: { train: number; val: number },
  seed: number,
): Split<T> {
  const { train, val } = fractions;
  if (!Number.isFinite(train) || !Number.isFinite(val) || train < 0 || val < 0) {
    throw new Error(`splitDataset: fractions must be finite and non-negative (train=${train}, val=${val})`);
  }
  if (train + val > 1 + 1e-9) {
    throw new Error(`splitDataset: train + val must be at most 1 (got ${train + val})`);
  }
  const n = items.length;
  const shuffled = shuffleInPlace(items.slice(), createRng(seed));
  const nTrain = Math.min(n, Math.round(n * train));
  const nVal = Math.min(n - nTrain, Math.round(n * val));
  return {
    train: shuffled.slice(0, nTrain),
    val: shuffled.slice(nTrain, nTrain + nVal),
    test: shuffled.slice(nTrain + nVal),
  };
}
