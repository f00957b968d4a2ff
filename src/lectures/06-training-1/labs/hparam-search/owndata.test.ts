import { describe, expect, it } from 'vitest';
import { defaults, type LabeledPoint } from '../../../../params/schema';
import { createHparamEngine, searchData, type HparamView } from './engine';
import { HPARAM_PARAMS, MIN_OWN_POINTS, N_POINTS } from './params';

const base = defaults(HPARAM_PARAMS);
const pts = (n: number): LabeledPoint[] => Array.from({ length: n }, (_, i) => ({ x: 0.1 * (i % 5) - 0.2, y: 0.05 * i - 0.5, label: i % 3 }));
const key = (q: { x: number; y: number; label: number }) => `${q.x},${q.y},${q.label}`;

describe('hparam-search on the learner’s points', () => {
  it('splits “your points only” 2 : 1 into training and validation, every point once', () => {
    const p = { ...base, dataset: 'own' as const, points: pts(30) };
    const d = searchData(p);
    expect(d.tooFew).toBe(false);
    expect(d.train).toHaveLength(20);
    expect(d.val).toHaveLength(10);
    expect([...d.train, ...d.val].map(key).sort()).toEqual(p.points.map(key).sort());
    expect(d.shown.filter((q) => q.set === 'val')).toHaveLength(10);
    // Seeded: the same split again.
    expect(searchData(p).val.map(key)).toEqual(d.val.map(key));
  });

  it('adds the learner’s points to the generated training set only', () => {
    const d = searchData({ ...base, points: pts(5) });
    expect(d.train.length + d.val.length).toBe(N_POINTS + 5);
    expect(d.val).toHaveLength(N_POINTS / 3);
    expect(d.shown.filter((q) => q.set === 'user').map(key)).toEqual(pts(5).map(key));
  });

  it('too few points: a clear message and a search that does not run (no tensors, no crash)', async () => {
    for (const n of [0, 1, MIN_OWN_POINTS - 1]) {
      const p = { ...base, dataset: 'own' as const, points: pts(n) };
      expect(searchData(p).notice).toContain(`at least ${MIN_OWN_POINTS}`);
      const e = createHparamEngine(p);
      expect(e.isDone?.()).toBe(true);
      e.step();
      const r = await e.read(true);
      const view = r.view as HparamView;
      expect(view.tooFew).toBe(true);
      expect(view.data).toHaveLength(n);
      expect(r.metrics.trials_done).toBe(0);
      e.dispose();
    }
    expect(searchData({ ...base, dataset: 'own', points: pts(MIN_OWN_POINTS) })).toMatchObject({ tooFew: false, notice: null });
  });
});
