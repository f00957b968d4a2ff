import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createGnnEngine } from './engine';
import { GNN_PARAMS } from './params';

describe('gnn engine', () => {
  it('default run: 200 Adam steps, finite metrics, ≥ 90 % of the 32 unlabelled members, view sizes', async () => {
    const p = defaults(GNN_PARAMS);
    const e = createGnnEngine(p);
    const r0 = await e.read(true);
    expect(r0.metrics.labelled).toBe(2);
    expect(r0.metrics.loss).toBeGreaterThan(0.5);
    let n = 0;
    while (!e.isDone!()) {
      e.step();
      n++;
    }
    expect(n).toBe(200);
    const r = await e.read(true);
    for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
    expect(r.metrics.acc).toBeGreaterThanOrEqual(0.9);
    expect(r.view!.embedding.length).toBe(68);
    expect(r.view!.pred.length).toBe(34);
    expect(r.view!.labelled).toEqual([0, 33]);
    // The boundary is the classifier's logit difference on the 2-D embedding.
    const { a, b, c } = r.view!.boundary;
    for (let i = 0; i < 34; i++) {
      const side = a * r.view!.embedding[2 * i] + b * r.view!.embedding[2 * i + 1] + c > 0 ? 1 : 0;
      expect(side).toBe(r.view!.pred[i]);
    }
    e.dispose();
  });

  it('every aggregation, feature kind and depth runs and stays finite', async () => {
    for (const agg of ['sum', 'mean', 'max'] as const) {
      for (const feat of ['onehot', 'degree'] as const) {
        const e = createGnnEngine({ ...defaults(GNN_PARAMS), agg, feat, rounds: 4, hidden: 3, extra: 3 });
        for (let s = 0; s < 30; s++) e.step();
        const r = await e.read(false);
        expect(r.metrics.labelled).toBe(8);
        for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
      }
    }
  });
});
