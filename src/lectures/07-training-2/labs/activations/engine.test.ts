import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createActivationsEngine, type ActView } from './engine';
import { ACT_PARAMS } from './params';

async function run(p: ReturnType<typeof defaults<typeof ACT_PARAMS>>, steps: number) {
  const e = createActivationsEngine(p);
  let n = 0;
  while (n < steps && !e.isDone?.()) {
    e.step();
    n++;
  }
  const r = (await e.read(true)) as { metrics: Record<string, number>; view: ActView };
  e.dispose();
  return { ...r, n };
}

describe('activations lab engine', () => {
  it('every activation samples finite curves', async () => {
    for (const act of ACT_PARAMS.act.options) {
      const { view, metrics } = await run({ ...defaults(ACT_PARAMS), act }, 0);
      expect(view.curve.points.every((q) => Number.isFinite(q.f) && Number.isFinite(q.df))).toBe(true);
      expect(Number.isFinite(metrics.f_m2)).toBe(true);
    }
  });

  it('defaults: both runs reach w*; the all-positive one always has same-sign gradients and a longer path', async () => {
    const p = defaults(ACT_PARAMS);
    const { metrics: m, n } = await run(p, p.steps);
    expect(m.pos_same).toBe(1);
    expect(m.cen_same).toBeGreaterThan(0.3);
    expect(m.cen_same).toBeLessThan(0.7);
    expect(m.pos_len).toBeGreaterThan(2 * m.cen_len);
    expect(m.pos_reached).toBeGreaterThan(0);
    expect(m.cen_reached).toBeGreaterThan(0);
    expect(n).toBe(Math.max(m.pos_reached, m.cen_reached));
  });

  it('too large a learning rate diverges (distance NaN or huge)', async () => {
    const { metrics: m } = await run({ ...defaults(ACT_PARAMS), lr: 4 }, 1000);
    expect(Number.isFinite(m.pos_dist) && m.pos_dist < 1e6).toBe(false);
  });
});
