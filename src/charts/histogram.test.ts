import { describe, expect, it } from 'vitest';
import { histogram } from './histogram';

describe('histogram', () => {
  it('bins values into equal-width bins over the data range', () => {
    const bins = histogram([0, 0.1, 0.5, 0.9, 1], 2);
    expect(bins).toEqual([
      { x0: 0, x1: 0.5, count: 2 },
      { x0: 0.5, x1: 1, count: 3 },
    ]);
  });

  it('includes the upper edge in the last bin and ignores out-of-range and non-finite values', () => {
    const bins = histogram([-1, 0, 2, 4, 4, 5, NaN, Infinity], 4, [0, 4]);
    expect(bins.map((b) => b.count)).toEqual([1, 0, 1, 2]);
    expect(bins[3].x1).toBe(4);
  });

  it('counts every value exactly once', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3);
    const bins = histogram(values, 20);
    expect(bins).toHaveLength(20);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(1000);
    for (let i = 1; i < bins.length; i++) expect(bins[i].x0).toBeCloseTo(bins[i - 1].x1, 12);
  });

  it('handles a constant sample, empty input and odd bin counts', () => {
    expect(histogram([2, 2, 2], 1)).toEqual([{ x0: 1.5, x1: 2.5, count: 3 }]);
    expect(histogram([], 3).map((b) => b.count)).toEqual([0, 0, 0]);
    expect(histogram([1, 2], 0)).toHaveLength(1);
    expect(histogram([1, 2], 2.7)).toHaveLength(2);
    expect(histogram(new Float32Array([0.25, 0.75]), 2, [0, 1]).map((b) => b.count)).toEqual([1, 1]);
  });
});
