import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../../ml/tf';
import { syntheticMnist } from '../../../../ml/data/mnistSubset';
import { defaults } from '../../../../params/schema';
import { createAugmentEngineFrom, stepsPerEpoch, testViews, totalSteps, type AugmentParams, type AugmentView } from './engine';
import { AUGMENT_PARAMS } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base = defaults(AUGMENT_PARAMS);
const set = syntheticMnist(80, 3);

/** Run like the trainer: a few steps, then a read, until done. */
async function runToEnd(p: AugmentParams) {
  const e = createAugmentEngineFrom(set, p);
  let last = await e.read(true);
  for (let r = 0; r < 10_000 && !e.isDone!(); r++) {
    for (let i = 0; i < 7 && !e.isDone!(); i++) e.step();
    last = await e.read(true);
  }
  e.dispose();
  return last as { metrics: Record<string, number>; view: AugmentView };
}

describe('augment engine', () => {
  it('plans the test views as the notes do: 4 corners + centre, × 2 flips', () => {
    expect(testViews(base)).toHaveLength(5);
    expect(testViews({ ...base, flip: true })).toHaveLength(10);
    expect(testViews({ ...base, tta: false })).toHaveLength(1);
    expect(testViews({ ...base, tta: false })[0]).toMatchObject({ L: 32, ox: 2, oy: 2, flip: false });
    expect(testViews({ ...base, crop: false })).toHaveLength(1);
    expect(testViews({ ...base, crop: false, flip: true })).toHaveLength(2);
    expect(stepsPerEpoch(base)).toBe(10 + 5);
    expect(totalSteps(base)).toBe(15 * 60);
  });

  it('trains both models to the end with finite scores, one history entry per epoch', async () => {
    const end = await runToEnd({ ...base, nTrain: 200, epochs: 5 });
    const m = end.metrics;
    expect(end.view.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5]);
    for (const k of ['acc_plain', 'acc_aug', 'train_plain', 'train_aug', 'loss_plain', 'loss_aug']) expect(Number.isFinite(m[k])).toBe(true);
    expect(m.n_train).toBe(200);
    expect(m.n_val).toBe(500);
    expect(m.test_views).toBe(5);
    expect(m.progress).toBe(1);
    // The synthetic classes are easy: both learn far above chance.
    expect(m.acc_plain).toBeGreaterThan(0.5);
    expect(m.train_plain).toBeGreaterThan(m.train_aug - 0.2);
  }, 120_000);

  it('with every transform off the two runs are the same run', async () => {
    const off = { ...base, bright: false, contrast: false, flip: false, crop: false, rotate: false, nTrain: 100, epochs: 3 };
    const end = await runToEnd(off);
    for (const h of end.view.history) {
      expect(h.valAug).toBe(h.valPlain);
      expect(h.trainAug).toBe(h.trainPlain);
      expect(h.lossAug).toBe(h.lossPlain);
    }
  }, 120_000);

  it('is deterministic for a seed', async () => {
    const p = { ...base, nTrain: 100, epochs: 2 };
    const a = await runToEnd(p);
    const b = await runToEnd(p);
    expect(b.view.history).toEqual(a.view.history);
    const c = await runToEnd({ ...p, seed: 2 });
    expect(c.view.history).not.toEqual(a.view.history);
  }, 120_000);

  it('holds no tensors across 20 create / step / dispose cycles', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const e = createAugmentEngineFrom(set, { ...base, nTrain: 100, epochs: 5, seed: 1 + i, flip: i % 2 === 0 });
      // Mid-batch, mid-evaluation, and with an epoch's scores unread.
      for (let k = 0; k < 1 + (i % 4) * 4; k++) e.step();
      if (i % 3 === 0) await e.read(true);
      e.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});
