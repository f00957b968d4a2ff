import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../../ml/tf';
import { defaults } from '../../../../params/schema';
import { createSegmentationEngine, segmentationData, type SegmentationView } from './engine';
import { EVAL_CHUNK, EVAL_EVERY, N_TRAIN, N_VAL, SEGMENTATION_PARAMS, SHOW, totalSteps } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base = defaults(SEGMENTATION_PARAMS);
type Read = { metrics: Record<string, number>; view: SegmentationView };
const chunks = Math.ceil(N_VAL / EVAL_CHUNK);

describe('segmentation lab engine', () => {
  it('plans every iteration plus each scoring', () => {
    expect(totalSteps({ iters: 300 })).toBe(300 + (300 / EVAL_EVERY + 1) * chunks);
    expect(totalSteps({ iters: 110 })).toBe(110 + (4 + 1 + 1) * chunks);
  });

  it('the data are the seed’s: same seed, same images; train and validation differ', () => {
    const a = segmentationData(4);
    const b = segmentationData(4);
    expect(a.train.n).toBe(N_TRAIN);
    expect(a.val.n).toBe(N_VAL);
    expect(Array.from(a.val.labels)).toEqual(Array.from(b.val.labels));
    expect(Array.from(a.val.labels.subarray(0, 1024))).not.toEqual(Array.from(a.train.labels.subarray(0, 1024)));
  });

  it('scores both networks at iteration 0, trains them, scores again; numbers are finite and in range', async () => {
    const e = createSegmentationEngine({ ...base, width: 4, iters: 100 });
    for (let i = 0; i < chunks; i++) e.step();
    const first = (await e.read(true)) as Read;
    expect(first.metrics.eval_iter).toBe(0);
    expect(first.view.history).toHaveLength(1);
    expect(first.view.predSkip).toHaveLength(SHOW * 1024);
    expect(first.view.predPlain).toHaveLength(SHOW * 1024);
    expect(first.view.truth).toHaveLength(SHOW * 1024);
    for (let i = 0; i < 10; i++) e.step();
    const r = (await e.read(true)) as Read;
    expect(r.metrics.iter).toBe(10);
    expect(r.view.losses.map((l) => l.iter)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const k of ['loss_skip', 'loss_plain']) expect(Number.isFinite(r.metrics[k])).toBe(true);
    for (const k of ['acc_skip', 'acc_plain', 'miou_skip', 'miou_plain']) {
      expect(r.metrics[k]).toBeGreaterThanOrEqual(0);
      expect(r.metrics[k]).toBeLessThanOrEqual(1);
    }
    expect(r.metrics.params_skip).toBeGreaterThan(r.metrics.params_plain);
    e.dispose();
  }, 300_000);

  it('numTensors stays flat across 20 create/step/read/dispose cycles', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const e = createSegmentationEngine({ ...base, width: 4, iters: 100, seed: i + 1 });
      // Part of a scoring, or a whole one and a training step or two; some reads, some left pending.
      const steps = i % 4 === 0 ? chunks + 2 : 1 + (i % 3);
      for (let k = 0; k < steps; k++) {
        e.step();
        if (k % 3 === 1) await e.read(k % 2 === 1);
      }
      e.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 600_000);
});
