import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { bandWidths, createMcEngine, gridXs, region, type McView } from './engine';
import { GAP, MC_PARAMS } from './params';

describe('mc-dropout engine', () => {
  it('regions of the prediction grid', () => {
    expect(region(0)).toBe('gap');
    expect(region(GAP.lo - 0.01)).toBe('data');
    expect(region(1.2)).toBe('outside');
    const g = gridXs();
    expect(bandWidths(g, g.map(() => 0.5))).toEqual({ data: 2, gap: 2, outside: 2 });
  });

  it('trains to finite numbers, and the ±2 std band is clearly wider in the gap (default seed)', async () => {
    const p = defaults(MC_PARAMS);
    const e = createMcEngine(p);
    const start = await e.read(true);
    expect(Number.isFinite(start.metrics.mse_eval)).toBe(true);
    for (let i = 0; i < p.epochs / 10; i++) e.step();
    const r = await e.read(true);
    const v = r.view as McView;
    const m = r.metrics;
    expect(m.epoch).toBe(p.epochs);
    expect(m.band_epoch).toBe(p.epochs);
    for (const k of ['loss', 'mse_eval', 'width_data', 'width_gap', 'width_outside']) expect(Number.isFinite(m[k])).toBe(true);
    expect(m.mse_eval).toBeLessThan(start.metrics.mse_eval);
    // The fit is good where there are data: eval-mode error near the noise level σ² = 0.01.
    expect(m.mse_eval).toBeLessThan(0.03);
    expect(m.width_gap).toBeGreaterThan(1.4 * m.width_data);
    // Beyond the data (extrapolation) it is wider still than where the data are.
    expect(m.width_outside).toBeGreaterThan(m.width_data);
    expect(v.mean.every(Number.isFinite) && v.std.every(Number.isFinite)).toBe(true);
    expect(v.curves).toHaveLength(6);
  }, 60_000);

  it('is deterministic for a seed (a link reproduces the band)', async () => {
    const p = { ...defaults(MC_PARAMS), epochs: 200 };
    const run = async () => {
      const e = createMcEngine(p);
      for (let i = 0; i < 20; i++) e.step();
      return (await e.read(true)).metrics;
    };
    expect(await run()).toEqual(await run());
  });
});
