import { describe, expect, it } from 'vitest';
import { defaults, type LabeledPoint } from '../../../../params/schema';
import { createDeadReluEngine, deadReluPoints, type DeadReluView } from './engine';
import { DEAD_RELU_PARAMS, MIN_OWN_POINTS } from './params';

const base = defaults(DEAD_RELU_PARAMS);
const pts = (n: number): LabeledPoint[] => Array.from({ length: n }, (_, i) => ({ x: i % 2 ? 0.6 : -0.6, y: 0.04 * i - 0.4, label: i % 2 }));

function run(p: typeof base, epochs: number) {
  const e = createDeadReluEngine(p);
  for (let i = 0; i < epochs && !e.isDone?.(); i++) e.step();
  const r = e.read(true) as { metrics: Record<string, number>; view: DeadReluView };
  e.dispose();
  return r;
}

describe('dead ReLUs on the learner’s points', () => {
  it('trains every run on the learner’s points alone', () => {
    const r = run({ ...base, dataset: 'own', points: pts(20), epochs: 30 }, 30);
    expect(r.view.data).toHaveLength(20);
    expect(r.view.runs).not.toBeNull();
    expect(r.metrics.epoch).toBe(30);
    // Two separated columns: the normal run learns them.
    expect(r.metrics.acc_normal).toBe(1);
  });

  it('adds the learner’s points to the moons', () => {
    const d = deadReluPoints({ ...base, points: pts(3) });
    expect(d.points).toHaveLength(203);
    expect(d.shown.filter((q) => q.set === 'user')).toHaveLength(3);
  });

  it('too few points: a message and no training, never a crash', () => {
    for (const n of [0, MIN_OWN_POINTS - 1]) {
      const r = run({ ...base, dataset: 'own', points: pts(n) }, 5);
      expect(r.view.runs).toBeNull();
      expect(r.view.notice).toContain(`at least ${MIN_OWN_POINTS}`);
      expect(r.metrics.epoch).toBe(0);
    }
  });
});
