import { describe, expect, it } from 'vitest';
import {
  cheapest, costPerLayer, LAYER_TYPES, maxPathLength, nGrid, selfConvCrossover, selfOverRecurrent, selfRecurrentCrossover, sequentialOps,
} from './attentionComplexity';

const base = { n: 30, d: 512, k: 3, r: 8 };

describe('the complexity table', () => {
  it('costs per layer for n = 30, d = 512, k = 3, r = 8', () => {
    expect(costPerLayer('self', base)).toBe(30 * 30 * 512); // 460,800
    expect(costPerLayer('recurrent', base)).toBe(30 * 512 * 512); // 7,864,320
    expect(costPerLayer('conv', base)).toBe(3 * 30 * 512 * 512);
    expect(costPerLayer('restricted', base)).toBe(8 * 30 * 512);
  });
  it('sequential operations and maximum path lengths', () => {
    expect(LAYER_TYPES.map((t) => sequentialOps(t, base))).toEqual([1, 30, 1, 1]);
    expect(maxPathLength('self', base)).toBe(1);
    expect(maxPathLength('recurrent', base)).toBe(30);
    expect(maxPathLength('conv', { ...base, n: 81 })).toBeCloseTo(4, 12); // log_3 81
    expect(maxPathLength('restricted', { ...base, n: 64 })).toBe(8);
  });
  it('self-attention and recurrence cross at n = d exactly; self-attention is cheaper while n < d', () => {
    const d = 512;
    expect(selfRecurrentCrossover(d)).toBe(512);
    const at = { ...base, n: d };
    expect(costPerLayer('self', at)).toBe(costPerLayer('recurrent', at));
    expect(costPerLayer('self', { ...at, n: d - 1 })).toBeLessThan(costPerLayer('recurrent', { ...at, n: d - 1 }));
    expect(costPerLayer('self', { ...at, n: d + 1 })).toBeGreaterThan(costPerLayer('recurrent', { ...at, n: d + 1 }));
    expect(selfOverRecurrent(base)).toBeCloseTo(30 / 512, 14);
  });
  it('restricted self-attention equals full self-attention at r = n, and r > n counts as r = n', () => {
    const s = { ...base, n: 50, r: 50 };
    expect(costPerLayer('restricted', s)).toBe(costPerLayer('self', s));
    expect(maxPathLength('restricted', s)).toBe(1);
    expect(costPerLayer('restricted', { ...s, r: 500 })).toBe(costPerLayer('self', s));
  });
  it('self-attention against a convolution crosses at n = k·d; the cheapest type', () => {
    const d = 64;
    const k = 3;
    const n = selfConvCrossover(d, k);
    expect(costPerLayer('self', { n, d, k, r: 1 })).toBe(costPerLayer('conv', { n, d, k, r: 1 }));
    expect(cheapest({ n: 30, d: 512, k: 3, r: 64 })).toBe('self');
    expect(cheapest({ n: 30, d: 512, k: 3, r: 8 })).toBe('restricted');
    expect(cheapest({ n: 4000, d: 64, k: 3, r: 4000 })).toBe('recurrent');
  });
  it('nGrid is increasing integers from 1 to nMax', () => {
    const g = nGrid(10000);
    expect(g[0]).toBe(1);
    expect(g[g.length - 1]).toBe(10000);
    for (let i = 1; i < g.length; i++) expect(g[i]).toBeGreaterThan(g[i - 1]);
  });
});
