import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { meanStd } from '../../../../ml/crossval';
import { createCrossvalEngine, type CrossvalView } from './engine';
import { candidatesFor, CROSSVAL_PARAMS, totalRounds, type CrossvalParams } from './params';

const base = defaults(CROSSVAL_PARAMS);

async function runAll(p: CrossvalParams) {
  const e = createCrossvalEngine(p);
  const first = await e.read(true);
  let steps = 0;
  while (!e.isDone?.()) {
    e.step();
    steps++;
  }
  const end = await e.read(true);
  e.dispose();
  return { first, end: end.metrics, view: end.view as CrossvalView, steps };
}

describe('crossval engine', () => {
  it('runs one round per step, scores every fold of every candidate and tests once at the end', async () => {
    const { first, end, view, steps } = await runAll(base);
    expect(steps).toBe(totalRounds(base));
    expect(first.metrics.testAcc).toBeNaN();
    expect(view.rows).toHaveLength(candidatesFor(base).length);
    for (const r of view.rows) {
      expect(r.scores.every((s) => s >= 0 && s <= 1)).toBe(true);
      const ms = meanStd(r.scores);
      expect(r.mean).toBeCloseTo(ms.mean, 14);
      expect(r.std).toBeCloseTo(ms.std, 14);
    }
    const best = view.rows[view.best];
    expect(end.bestK).toBe(best.kNN);
    expect(Math.max(...view.rows.map((r) => r.mean))).toBe(best.mean);
    expect(end.testAcc).toBeGreaterThan(0.5);
    expect(end.nDev + end.nTest).toBe(base.n);
    expect(end.foldMax - end.foldMin).toBeLessThanOrEqual(1);
    expect(view.foldSizes.reduce((s, v) => s + v, 0)).toBe(view.nDev);
    // The test points never appear in the development data.
    const devSet = new Set(view.dev);
    expect(view.test.some((q) => devSet.has(q))).toBe(false);
  });

  it('is deterministic for a seed', async () => {
    const a = await runAll({ ...base, folds: 3 });
    const b = await runAll({ ...base, folds: 3 });
    expect(a.end).toEqual(b.end);
    expect(a.view.rows).toEqual(b.view.rows);
  });

  it('k = 10 with the fewest points still fits every candidate into the training folds', async () => {
    const p = { ...base, n: 60, folds: 10 };
    const cands = candidatesFor(p);
    expect(Math.max(...cands)).toBeLessThanOrEqual(48 - 5);
    const { end } = await runAll(p);
    expect(Number.isFinite(end.bestK)).toBe(true);
    expect(end.folds).toBe(10);
  });
});
