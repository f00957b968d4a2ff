import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../../ml/tf';
import { defaults } from '../../../../params/schema';
import { createSanityEngine, type SanityParams, type SanityView } from './engine';
import { SANITY_PARAMS } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const P = (o: Partial<SanityParams>): SanityParams => ({ ...defaults(SANITY_PARAMS), ...o });
async function run(p: SanityParams, steps: number) {
  const e = createSanityEngine(p);
  const first = (await e.read(true)) as { metrics: Record<string, number>; view: SanityView };
  for (let i = 0; i < steps; i++) e.step();
  const last = (await e.read(true)) as { metrics: Record<string, number>; view: SanityView };
  e.dispose();
  return { first, last, done: e.isDone?.() };
}

describe('sanity engine', () => {
  it('reports the initial loss ≈ log C for the chosen C, and the large initialisation far above it', async () => {
    for (const C of [3, 8]) {
      const { first } = await run(P({ classes: C, stage: '10', steps: 50 }), 0);
      expect(first.metrics.log_c).toBeCloseTo(Math.log(C), 12);
      expect(Math.abs(first.metrics.init_loss - Math.log(C))).toBeLessThan(0.01);
      expect(first.metrics.init_loss_large).toBeGreaterThan(Math.log(C) + 1);
      expect(first.view.initCurve.map((r) => r.c)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
  });

  it('the one-sample stage reaches 100% training accuracy; the stage table fills in', async () => {
    const { last, done } = await run(P({ stage: '1', steps: 50 }), 50);
    expect(done).toBe(true);
    expect(last.metrics.acc_train).toBe(1);
    expect(last.view.stages).toEqual([expect.objectContaining({ n: 1, trainAcc: 1, endStep: 50 })]);
    expect(last.metrics.stage_acc_train_1).toBe(1);
  });

  it('all stages run in order, each from a fresh initialisation', async () => {
    const { last } = await run(P({ stage: 'all', steps: 50 }), 250);
    expect(last.view.stages.map((s) => s.n)).toEqual([1, 4, 10, 100, 1000]);
    expect(last.view.stages[0].trainAcc).toBe(1);
    expect(last.view.schedule.map((s) => s.start)).toEqual([0, 50, 100, 150, 200]);
    expect(last.metrics.n).toBe(1000);
  });

  it('each mistake moves its metric the expected way (n = 100, same seed and data)', async () => {
    const { last } = await run(P({ stage: '100', steps: 150, mkSoftmax: true, mkZeroGrad: true, mkEval: true }), 150);
    const m = last.metrics;
    for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
    expect(m.loss_softmax).toBeGreaterThan(m.floor_softmax);
    expect(m.loss_softmax).toBeGreaterThan(m.loss + 0.2);
    expect(m.loss_zerograd).toBeGreaterThan(m.loss + 0.2);
    expect(m.acc_val_trainmode).toBeLessThan(m.acc_val);
    expect(m.acc_val_trainmode_sd).toBeGreaterThan(0);
  });

  it('keeps tf.memory().numTensors flat across 20 create/step/dispose cycles', async () => {
    const p = P({ stage: 'all', steps: 50, mkSoftmax: true, mkZeroGrad: true, mkEval: true });
    await run(p, 2);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      // A new seed each time, so the initial-loss curve is measured (not taken from the cache).
      const e = createSanityEngine({ ...p, seed: 100 + i });
      await e.read(true);
      e.step();
      await e.read(false);
      e.dispose();
    }
    // A run disposed mid-stage, with a stage summary still pending.
    const e = createSanityEngine(P({ stage: 'all', steps: 50 }));
    for (let i = 0; i < 50; i++) e.step();
    e.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
