import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { readMnistRaw } from '../../../../../scripts/mnist-format.mjs';
import { decodeMnist, type MnistSet } from '../../../../ml/data/mnist';
import * as tf from '../../../../ml/tf';
import { createCnnMnistEngineFrom, evalPoints, totalSteps, type CnnMnistView } from './engine';

let set: MnistSet;
beforeAll(async () => {
  await tf.setBackend('cpu');
  set = decodeMnist(readMnistRaw());
});

// Small on purpose: the cpu backend's convolution gradients are slow.
const tiny = { lr: 0.003, batch: 10, f1: 2, f2: 3, nTrain: 500, epochs: 1, seed: 1 };
type Read = { metrics: Record<string, number>; view: CnnMnistView };

describe('cnn-mnist engine', () => {
  it('plans quarter-epoch scorings and counts every step', () => {
    expect(evalPoints({ nTrain: 8000, batch: 20, epochs: 3 })).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
    expect(evalPoints({ nTrain: 500, batch: 100, epochs: 1 })).toEqual([1, 3, 4, 5]);
    expect(totalSteps({ nTrain: 8000, batch: 20, epochs: 3 })).toBe(1200 + 12 * 20);
  });

  it('trains, scores the validation digits in chunks, and reports finite numbers', async () => {
    const p = { ...tiny, batch: 50 }; // 10 minibatches, scorings after 3 (round 2.5), 5, 8, 10
    const e = createCnnMnistEngineFrom(set, p);
    const first = (await e.read(true)) as Read;
    expect(first.metrics.step).toBe(0);
    expect(first.view.weights).toHaveLength(25 * 2 + 2 + 25 * 2 * 3 + 3 + 48 * 10 + 10);
    expect(first.view.examples.every((ex) => ex.length === 10)).toBe(true);
    const planned = totalSteps(p);
    let n = 0;
    while (n < planned) {
      expect(e.isDone!()).toBe(false);
      e.step();
      n++;
      if (n % 7 === 0) await e.read(n % 14 === 0);
    }
    const r = (await e.read(true)) as Read;
    expect(e.isDone!()).toBe(true);
    const m = r.metrics;
    expect(m.step).toBe(10);
    expect(m.epoch).toBe(1);
    expect(r.view.val.map((c) => c.step)).toEqual([3, 5, 8, 10]);
    expect(r.view.train.length).toBeGreaterThan(0);
    for (const k of ['valAcc', 'valLoss', 'trainLoss', 'trainAcc']) expect(Number.isFinite(m[k])).toBe(true);
    expect(m.valAcc).toBeGreaterThan(0.1);
    const conf = r.view.confusion!;
    expect(conf.flat().reduce((a, b) => a + b, 0)).toBe(2000);
    const diag = conf.reduce((s, row, i) => s + row[i], 0);
    expect(diag / 2000).toBeCloseTo(m.valAcc, 6);
    expect(m.wrong).toBe(2000 - diag);
    for (const w of r.view.wrong) expect(w.truth).not.toBe(w.pred);
    e.dispose();
  }, 200_000);

  it('tf.memory().numTensors is flat across 20 create/step/dispose cycles', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      // Odd cycles stop in the middle of a validation scoring (batch 50: scoring starts after step 3).
      const e = createCnnMnistEngineFrom(set, { ...tiny, batch: i % 2 ? 50 : 10, seed: i + 1 });
      for (let k = 0; k < 5; k++) e.step();
      if (i % 2 === 0) await e.read(true);
      e.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 400_000);
});
