import { describe, expect, it } from 'vitest';
import { defaults, type LabeledPoint } from '../../../../params/schema';
import { classCount, createSoftmaxEngine, type SoftmaxView } from './engine';
import { MAX_CLASSES, SOFTMAX_PARAMS } from './params';

const base = defaults(SOFTMAX_PARAMS);
/** Four classes at the corners of a square. */
const corners = (perClass: number): LabeledPoint[] => Array.from({ length: 4 * perClass }, (_, i) => {
  const c = i % 4;
  return { x: (c % 2 ? 1.5 : -1.5) + 0.05 * Math.sin(i), y: (c < 2 ? -1.2 : 1.8) + 0.05 * Math.cos(i), label: c };
});

async function run(p: typeof base, steps: number) {
  const e = createSoftmaxEngine(p);
  for (let i = 0; i < steps && !e.isDone?.(); i++) e.step();
  const r = (await e.read(true)) as { metrics: Record<string, number>; view: SoftmaxView };
  e.dispose();
  return r;
}

describe('softmax training on the learner’s points', () => {
  it('counts classes from the largest label, from a floor, up to MAX_CLASSES', () => {
    expect(classCount([], 2)).toBe(2);
    expect(classCount([{ x: 0, y: 0, label: 0 }], 2)).toBe(2);
    expect(classCount([{ x: 0, y: 0, label: 1 }], 3)).toBe(3);
    expect(classCount([{ x: 0, y: 0, label: 3 }, { x: 0, y: 0, label: 0 }], 2)).toBe(4);
    expect(classCount([{ x: 0, y: 0, label: 9 }], 2)).toBe(MAX_CLASSES);
  });

  it('trains a four-class classifier on the learner’s points only', async () => {
    const { metrics: m, view } = await run({ ...base, dataset: 'own', points: corners(5), iters: 800 }, 800);
    expect(view.classes).toBe(4);
    expect(view.points).toHaveLength(20);
    expect(view.runs.ce.model.b).toHaveLength(4);
    expect(m.train_points).toBe(20);
    expect(m.ce_acc).toBe(1);
    expect(m.hinge_acc).toBe(1);
  });

  it('adds the learner’s points to the seeded ones (a fifth label adds classes)', async () => {
    const { view } = await run({ ...base, points: [{ x: 2.5, y: 3, label: 4 }] }, 1);
    expect(view.points).toHaveLength(13);
    expect(view.classes).toBe(5);
    expect(view.points.at(-1)).toMatchObject({ set: 'user', label: 4 });
  });

  it('with no point of the learner’s own: nothing to train, no loss metric (no false divergence)', async () => {
    const { metrics: m, view } = await run({ ...base, dataset: 'own', points: [] }, 10);
    expect(view.points).toHaveLength(0);
    expect(m.ce_total).toBeUndefined();
    expect(m.hinge_total).toBeUndefined();
    expect(Number.isFinite(m.ce_i)).toBe(true);
  });
});
