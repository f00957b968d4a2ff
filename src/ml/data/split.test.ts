import { describe, expect, it } from 'vitest';
import { splitDataset } from './split';

const items = Array.from({ length: 100 }, (_, i) => i);
const sizes = (s: { train: unknown[]; val: unknown[]; test: unknown[] }) => [s.train.length, s.val.length, s.test.length];

describe('splitDataset', () => {
  it('sizes follow the fractions', () => {
    expect(sizes(splitDataset(items, { train: 0.6, val: 0.2 }, 1))).toEqual([60, 20, 20]);
    expect(sizes(splitDataset(items, { train: 0.8, val: 0.1 }, 1))).toEqual([80, 10, 10]);
    expect(sizes(splitDataset(items, { train: 1, val: 0 }, 1))).toEqual([100, 0, 0]);
    expect(sizes(splitDataset([1], { train: 0.5, val: 0.5 }, 1))).toEqual([1, 0, 0]);
    expect(sizes(splitDataset([], { train: 0.6, val: 0.2 }, 1))).toEqual([0, 0, 0]);
  });

  it('is deterministic, seed-dependent and does not mutate the input', () => {
    const copy = items.slice();
    const a = splitDataset(items, { train: 0.6, val: 0.2 }, 7);
    expect(splitDataset(items, { train: 0.6, val: 0.2 }, 7)).toEqual(a);
    expect(splitDataset(items, { train: 0.6, val: 0.2 }, 8)).not.toEqual(a);
    expect(items).toEqual(copy);
  });

  it('is a partition', () => {
    const s = splitDataset(items, { train: 0.6, val: 0.2 }, 3);
    const all = [...s.train, ...s.val, ...s.test].sort((x, y) => x - y);
    expect(all).toEqual(items);
  });

  it('rejects bad fractions', () => {
    expect(() => splitDataset(items, { train: -0.1, val: 0.2 }, 1)).toThrow(/non-negative/);
    expect(() => splitDataset(items, { train: 0.9, val: 0.2 }, 1)).toThrow(/at most 1/);
    expect(() => splitDataset(items, { train: NaN, val: 0.2 }, 1)).toThrow(Error);
  });
});
