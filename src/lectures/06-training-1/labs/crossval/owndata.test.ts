import { describe, expect, it } from 'vitest';
import { defaults, type LabeledPoint } from '../../../../params/schema';
import { createCrossvalEngine, type CrossvalView } from './engine';
import { candidatesFor, CROSSVAL_PARAMS, cvPlan, MIN_OWN_POINTS, totalRounds, type CrossvalParams } from './params';

const base = defaults(CROSSVAL_PARAMS);
/** n points of two classes, class 0 left, class 1 right. */
const pts = (n: number): LabeledPoint[] => Array.from({ length: n }, (_, i) => ({ x: (i % 2 ? 0.5 : -0.5) + 0.01 * i, y: 0.02 * i - 0.3, label: i % 2 }));
const own = (n: number, folds = 5): CrossvalParams => ({ ...base, dataset: 'own', points: pts(n), folds });

async function runAll(p: CrossvalParams) {
  const e = createCrossvalEngine(p);
  let steps = 0;
  while (!e.isDone?.() && steps < 10_000) {
    e.step();
    steps++;
  }
  const r = await e.read(true);
  e.dispose();
  return { m: r.metrics, view: r.view as CrossvalView, steps };
}

describe('crossval on the learner’s points', () => {
  it('plans generated data as before, with the learner’s points added', () => {
    expect(cvPlan(base)).toEqual({ n: 200, folds: 5, requested: 5, tooFew: false, notice: null });
    expect(cvPlan({ ...base, points: pts(7) }).n).toBe(207);
  });

  it('keeps the slider’s folds when there are enough points, cuts them down otherwise, refuses too few', () => {
    expect(cvPlan(own(40, 10))).toMatchObject({ n: 40, folds: 10, tooFew: false, notice: null });
    // 8 points: 6 development points (round(0.8 · 8)), so at most 6 folds of one point each.
    const cut = cvPlan(own(8, 10));
    expect(cut).toMatchObject({ n: 8, folds: 6, requested: 10, tooFew: false });
    expect(cut.notice).toContain('too few for 10 folds');
    expect(cut.notice).toContain('leave-one-out');
    expect(cvPlan(own(MIN_OWN_POINTS, 3)).folds).toBe(3);
    for (const n of [0, 1, MIN_OWN_POINTS - 1]) {
      const p = cvPlan(own(n));
      expect(p.tooFew).toBe(true);
      expect(p.notice).toContain(`at least ${MIN_OWN_POINTS}`);
      expect(totalRounds(p)).toBe(0);
    }
    // Every plan that runs has a candidate that fits the smallest training part.
    for (let n = MIN_OWN_POINTS; n <= 30; n++) for (let k = 2; k <= 10; k++) expect(candidatesFor(cvPlan(own(n, k))).length).toBeGreaterThan(0);
  });

  it('cuts exactly the learner’s points into test set and folds and cross-validates them', async () => {
    const p = own(30, 4);
    const { m, view, steps } = await runAll(p);
    expect(steps).toBe(totalRounds(cvPlan(p)));
    expect(m.nDev + m.nTest).toBe(30);
    expect(view.foldSizes).toEqual([6, 6, 6, 6]);
    const all = [...view.dev, ...view.test].map((q) => `${q.x},${q.y},${q.label}`).sort();
    expect(all).toEqual(p.points.map((q) => `${q.x},${q.y},${q.label}`).sort());
    // The two columns are far apart: every candidate that fits classifies the held-out points.
    expect(m.testAcc).toBe(1);
    expect(view.notice).toBeNull();
  });

  it('with fewer development points than folds runs leave-one-out; with too few it waits without a crash', async () => {
    const cut = await runAll(own(6, 10));
    expect(cut.m.folds).toBe(5);
    expect(cut.view.foldSizes).toEqual([1, 1, 1, 1, 1]);
    expect(Number.isFinite(cut.m.bestK)).toBe(true);
    expect(cut.view.notice).toContain('uses 5 folds');
    const few = await runAll(own(3));
    expect(few.steps).toBe(0);
    expect(few.view.tooFew).toBe(true);
    expect(few.view.dev).toHaveLength(3);
    expect(few.view.notice).toContain('Only 3 points');
    expect(Object.values(few.m).every(Number.isFinite)).toBe(true);
  });
});
