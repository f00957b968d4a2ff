import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createGanEngine, HEAT_N, SHOW_ARROWS } from './engine';
import { COLLAPSE_PRESET, GAN_PARAMS, GRID_PRESET } from './params';

async function run(patch: Record<string, unknown>, steps: number) {
  const e = createGanEngine({ ...defaults(GAN_PARAMS), ...patch });
  for (let i = 0; i < steps; i++) e.step();
  const r = await e.read(true);
  e.dispose();
  return r;
}

describe('GAN engine', () => {
  it('seeded ring (defaults): mean distance to the ring below 0.1·r within the default budget', async () => {
    const p = defaults(GAN_PARAMS);
    const e = createGanEngine(p);
    const r0 = await e.read(true);
    expect(r0.metrics.distRel).toBeGreaterThan(0.3);
    expect(r0.view!.heat.length).toBe(HEAT_N * HEAT_N);
    expect(r0.view!.push.length).toBe(2 * SHOW_ARROWS);
    let first = -1;
    for (let s = 1; s <= p.steps; s++) {
      e.step();
      if (s % 100 === 0) {
        const r = await e.read(true); // quality metrics are recomputed with a view
        for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
        if (first < 0 && r.metrics.distRel < 0.1) first = s;
      }
    }
    const end = await e.read(true);
    expect(first).toBeGreaterThan(0);
    expect(end.metrics.distRel).toBeLessThan(0.1);
    expect(end.metrics.coverage).toBeGreaterThan(0.9);
    expect(end.metrics.lossD).toBeGreaterThan(0.5); // near log 2: D cannot tell
  }, 60_000);

  it('mode collapse preset covers at most 2 of 9 modes where the grid preset covers at least 4 (seed 1, 2000 steps)', async () => {
    const bad = await run(COLLAPSE_PRESET, 2000);
    const good = await run(GRID_PRESET, 2000);
    expect(bad.metrics.modesTotal).toBe(9);
    expect(bad.metrics.modes).toBeLessThanOrEqual(2);
    expect(good.metrics.modes).toBeGreaterThanOrEqual(4);
  }, 90_000);

  it('a bad drawing does not train and says why', async () => {
    const e = createGanEngine({ ...defaults(GAN_PARAMS), dist: 'drawn', points: [] });
    expect(e.isDone!()).toBe(true);
    const r = await e.read(true);
    expect(r.view!.problem).toMatch(/Nothing drawn/);
  });
});
