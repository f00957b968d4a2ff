import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createResnetEngine, type ResnetView } from './engine';
import { RESNET_PARAMS, runDepths, totalSteps, type ResnetParams } from './params';

function runToEnd(p: ResnetParams) {
  const e = createResnetEngine(p);
  let steps = 0;
  while (!e.isDone!()) {
    e.step();
    steps++;
  }
  const r = e.read(true) as { metrics: Record<string, number>; view: ResnetView };
  e.dispose();
  return { ...r, steps };
}

describe('resnet lab engine', () => {
  it('plans the chosen depth first, then the shallower sweep depths', () => {
    expect(runDepths({ depth: 16, sweep: true })).toEqual([16, 2, 4, 8]);
    expect(runDepths({ depth: 6, sweep: true })).toEqual([6, 2, 4]);
    expect(runDepths({ depth: 32, sweep: false })).toEqual([32]);
    expect(totalSteps({ depth: 16, sweep: true, iters: 400 })).toBe(8 * (8 + 400 + 8));
  });

  it('a small sweep runs to the planned number of steps with finite curves and gradient norms', () => {
    const p = { ...defaults(RESNET_PARAMS), depth: 4, iters: 100 };
    const { metrics: m, view, steps } = runToEnd(p);
    expect(steps).toBe(totalSteps(p));
    expect(m.runs_done).toBe(4);
    expect(view.runs.map((r) => `${r.depth}${r.residual ? 'r' : 'p'}`)).toEqual(['4p', '4r', '2p', '2r']);
    for (const r of view.runs) {
      expect(r.curve.length).toBe(1 + 100 / 10);
      expect(r.curve.every((q) => Number.isFinite(q.y))).toBe(true);
    }
    // Same initial weights: the plain and the residual net differ only by the skips.
    expect(view.grads.plain.init!.length).toBe(4 + 1);
    expect(view.grads.residual.end!.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(m.final_plain_d2) && Number.isFinite(m.final_res_d4)).toBe(true);
  });

  it('at the default depth the plain net ends far above the residual one, over three seeds', () => {
    for (const seed of [1, 2, 3]) {
      const { metrics: m } = runToEnd({ ...defaults(RESNET_PARAMS), sweep: false, seed });
      expect(m.final_plain, `seed ${seed}`).toBeGreaterThan(m.final_res + 0.3);
      expect(m.final_res, `seed ${seed}`).toBeLessThan(0.2);
      // With Xavier's 1/n the first hidden layer's gradient is orders of magnitude below the last one's.
      expect(m.gratio_plain_init).toBeLessThan(0.1);
      expect(m.gratio_res_init).toBeGreaterThan(0.05);
    }
  });
});
