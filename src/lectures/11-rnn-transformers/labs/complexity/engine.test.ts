import { describe, expect, it } from 'vitest';
import { createComplexityEngine } from './engine';

describe('complexity engine', () => {
  it('evaluates the table for the defaults (n = 30, d = 512, k = 3, r = 16)', async () => {
    const r = await createComplexityEngine({ n: 30, d: 512, k: 3, r: 16 }).read(true);
    expect(r.metrics.cost_self).toBe(460800);
    expect(r.metrics.cost_recurrent).toBe(7864320);
    expect(r.metrics.cost_conv).toBe(3 * 7864320);
    expect(r.metrics.cost_restricted).toBe(16 * 30 * 512);
    expect(r.metrics.seq_recurrent).toBe(30);
    expect(r.metrics.path_restricted).toBeCloseTo(30 / 16, 12);
    expect(r.metrics.crossover).toBe(512);
    expect(r.metrics.self_cheaper).toBe(1);
    expect(r.metrics.self_over_recurrent).toBeCloseTo(30 / 512, 12);
    const v = r.view!;
    expect(v.grid[v.grid.length - 1]).toBe(10000);
    // On the curves, self-attention crosses recurrence at n = d.
    const i = v.grid.findIndex((n) => n > 512);
    expect(v.curves.self[i]).toBeGreaterThan(v.curves.recurrent[i]);
    expect(v.curves.self[i - 1]).toBeLessThanOrEqual(v.curves.recurrent[i - 1]);
  });
  it('rounds the sizes, clamps r to n; the tour ends after four rows', async () => {
    const e = createComplexityEngine({ n: 12.3, d: 64, k: 3, r: 1000 });
    const m = (await e.read(false)).metrics;
    expect(m.n).toBe(12);
    expect(m.r_eff).toBe(12);
    expect(m.cost_restricted).toBe(m.cost_self);
    for (let s = 0; s < 4; s++) e.step();
    expect(e.isDone!()).toBe(true);
  });
  it('n above d: recurrence is cheaper', async () => {
    const m = (await createComplexityEngine({ n: 2000, d: 512, k: 3, r: 2000 }).read(false)).metrics;
    expect(m.self_cheaper).toBe(0);
    expect(m.cost_self).toBeGreaterThan(m.cost_recurrent);
  });
});
