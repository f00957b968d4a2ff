import { describe, expect, it } from 'vitest';
import { crossValidate, foldOf, foldSizes, foldSplit, kFolds, meanStd, selectBest } from './crossval';

describe('k-fold cross-validation', () => {
  it('folds partition the samples: each sample in exactly one validation fold, sizes differ by ≤ 1', () => {
    for (const n of [10, 37, 160, 161]) {
      for (let k = 2; k <= 10; k++) {
        const folds = kFolds(n, k, 3);
        expect(folds).toHaveLength(k);
        const all = folds.flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
        const sizes = folds.map((f) => f.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(sizes).toEqual(foldSizes(n, k));
        const of = foldOf(folds, n);
        expect([...of].every((f) => f >= 0 && f < k)).toBe(true);
        // Round i trains on everything but fold i.
        for (let i = 0; i < k; i++) {
          const { train, val } = foldSplit(folds, i);
          expect(train.length + val.length).toBe(n);
          expect(new Set([...train, ...val]).size).toBe(n);
          expect(val.every((j) => of[j] === i) && train.every((j) => of[j] !== i)).toBe(true);
        }
      }
    }
  });

  it('fold sizes by hand', () => {
    expect(foldSizes(10, 3)).toEqual([4, 3, 3]);
    expect(foldSizes(160, 5)).toEqual([32, 32, 32, 32, 32]);
    expect(foldSizes(161, 10)).toEqual([17, 16, 16, 16, 16, 16, 16, 16, 16, 16]);
    expect(() => foldSizes(5, 1)).toThrow();
    expect(() => foldSizes(3, 4)).toThrow();
  });

  it('is deterministic for a seed and shuffles differently for another', () => {
    expect(kFolds(50, 5, 7)).toEqual(kFolds(50, 5, 7));
    expect(kFolds(50, 5, 7)).not.toEqual(kFolds(50, 5, 8));
  });

  it('mean and sample standard deviation (m − 1) by hand', () => {
    // 0.8, 0.9, 0.7, 0.8, 0.8: mean 0.8; squared deviations 0, .01, .01, 0, 0 → s² = 0.02/4 = 0.005.
    const r = meanStd([0.8, 0.9, 0.7, 0.8, 0.8]);
    expect(r.mean).toBeCloseTo(0.8, 14);
    expect(r.std).toBeCloseTo(Math.sqrt(0.005), 14);
    // 2, 4, 4, 4, 5, 5, 7, 9: population σ = 2, sample s = √(32/7).
    expect(meanStd([2, 4, 4, 4, 5, 5, 7, 9]).std).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(meanStd([3]).std).toBeNaN();
    expect(meanStd([]).mean).toBeNaN();
  });

  it('crossValidate scores every fold once', () => {
    const seen: number[] = [];
    const scores = crossValidate(23, 4, 1, (train, val) => {
      seen.push(...val);
      return val.length / (train.length + val.length);
    });
    expect(scores).toHaveLength(4);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(scores.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });

  it('selectBest takes the highest mean, ties to the later candidate', () => {
    expect(selectBest([0.7, 0.9, 0.8])).toBe(1);
    expect(selectBest([0.9, 0.8, 0.9])).toBe(2);
    expect(selectBest([NaN, 0.5, NaN])).toBe(1);
    expect(selectBest([NaN])).toBe(-1);
  });
});
