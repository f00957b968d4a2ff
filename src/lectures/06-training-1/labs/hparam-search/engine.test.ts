import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../../ml/tf';
import { defaults } from '../../../../params/schema';
import { createHparamEngine, planCoarse, type HparamParams, type HparamView } from './engine';
import { HPARAM_PARAMS } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base = defaults(HPARAM_PARAMS);

/** Run like the trainer does: steps, then a read, until done. */
async function runToEnd(p: HparamParams, maxRounds = 5000) {
  const e = createHparamEngine(p);
  let last = await e.read(true);
  for (let r = 0; r < maxRounds && !e.isDone!(); r++) {
    for (let i = 0; i < 20 && !e.isDone!(); i++) e.step();
    last = await e.read(true);
  }
  e.dispose();
  return last as { metrics: Record<string, number>; view: HparamView };
}

describe('hparam-search engine', () => {
  it('plans the notes’ grid and N random trials, interleaved side by side', () => {
    const both = planCoarse(base);
    expect(both).toHaveLength(24);
    expect(both.slice(0, 4).map((t) => t.kind)).toEqual(['grid', 'random', 'grid', 'random']);
    expect(planCoarse({ ...base, mode: 'grid' }).map((t) => `${t.lr}|${t.wd}`)).toHaveLength(12);
    const r = planCoarse({ ...base, mode: 'random', budget: 20 });
    expect(r).toHaveLength(20);
    expect(planCoarse({ ...base, mode: 'random', budget: 20 })).toEqual(r);
    expect(planCoarse({ ...base, mode: 'random', budget: 20, seed: 2 })).not.toEqual(r);
  });

  it('a grid search runs to completion, scores every trial and finds a model well above chance', async () => {
    const end = await runToEnd({ ...base, mode: 'grid', epochs: 3, refine: false });
    const m = end.metrics;
    expect(m.trials_total).toBe(12);
    expect(m.trials_done).toBe(12);
    expect(m.phase).toBe(3);
    expect(m.grid_distinct_lr).toBe(4);
    expect(m.best_acc).toBeGreaterThan(0.7);
    expect(end.view.trials.every((t) => Number.isFinite(t.valAcc) && t.epochs === 3)).toBe(true);
    // α = 1e-4 barely moves in three epochs: close to chance.
    const slow = end.view.trials.filter((t) => t.lr === 1e-4);
    expect(Math.max(...slow.map((t) => t.valAcc))).toBeLessThan(0.6);
    expect(m.ms_per_batch).toBeGreaterThan(0);
  }, 120_000);

  it('random search then refines around the best two and trains those longer', async () => {
    const end = await runToEnd({ ...base, mode: 'random', budget: 6, epochs: 2, refine: true, refineEpochs: 10 });
    const { trials, coarseCount } = end.view;
    expect(coarseCount).toBe(6);
    expect(end.metrics.random_distinct_lr).toBe(6);
    const refined = trials.slice(coarseCount);
    expect(refined.length).toBeGreaterThanOrEqual(9);
    expect(refined.length).toBeLessThanOrEqual(18);
    expect(refined.every((t) => t.kind === 'refine' && t.epochs === 10 && Number.isFinite(t.valAcc))).toBe(true);
    // The best coarse trial's learning rate is among the refined ones.
    const bestCoarse = [...trials.slice(0, coarseCount)].sort((a, b) => b.valAcc - a.valAcc)[0];
    expect(refined.some((t) => Math.abs(Math.log10(t.lr) - Math.log10(bestCoarse.lr)) < 1e-6)).toBe(true);
    expect(end.metrics.trials_done).toBe(trials.length);
  }, 120_000);

  it('holds no tensors across 20 create / step / dispose cycles', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const e = createHparamEngine({ ...base, seed: 1 + i });
      for (let k = 0; k < 1 + (i % 3) * 4; k++) e.step();
      if (i % 2) await e.read(true);
      e.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    // Also when a trial finishes and its scores are still unread at dispose time.
    const e = createHparamEngine({ ...base, epochs: 1 });
    for (let k = 0; k < 8; k++) e.step();
    e.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
