import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../tf';
import { generate2D } from '../data/datasets2d';
import { splitDataset } from '../data/split';
import { classificationTensors, disposeClassificationTensors, SoftmaxMlpTrial, type TrialConfig } from './softmaxMlpTf';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function dataset(seed = 1) {
  const pts = generate2D({ kind: 'xor', n: 360, noise: 0.15, classes: 3, seed });
  const s = splitDataset(pts, { train: 2 / 3, val: 1 / 3 }, seed + 1);
  return classificationTensors(s.train, s.val, 3);
}

const base: TrialConfig = { hidden: 16, lr: 0.05, wd: 0, optimizer: 'adam', batchSize: 32, seed: 3 };

async function scores(t: SoftmaxMlpTrial) {
  const e = t.evaluate();
  const v = Array.from(await e.data());
  e.dispose();
  return { acc: v[0], valLoss: v[1], trainLoss: v[2], norm: v[3] };
}

describe('softmax MLP trial (tfjs)', () => {
  it('starts at the softmax sanity value ≈ log C and learns XOR well above chance', async () => {
    const d = dataset();
    const t = new SoftmaxMlpTrial(d, base);
    const s0 = await scores(t);
    expect(t.batchesPerEpoch).toBe(Math.ceil(240 / 32));
    expect(Math.abs(s0.trainLoss - Math.log(3))).toBeLessThan(0.5);
    for (let e = 0; e < 8; e++) t.trainEpoch();
    expect(t.epoch).toBe(8);
    const s = await scores(t);
    expect(s.trainLoss).toBeLessThan(s0.trainLoss * 0.5);
    expect(s.acc).toBeGreaterThan(0.8);
    t.dispose();
    disposeClassificationTensors(d);
  });

  it('weight decay enters the update: large λ shrinks ‖W‖² against λ = 0 (SGD and Adam)', async () => {
    const d = dataset();
    for (const optimizer of ['sgd', 'adam'] as const) {
      const norms: number[] = [];
      for (const wd of [0, 0.5]) {
        const t = new SoftmaxMlpTrial(d, { ...base, optimizer, lr: optimizer === 'sgd' ? 0.1 : 0.01, wd });
        const before = (await scores(t)).norm;
        for (let e = 0; e < 5; e++) t.trainEpoch();
        const after = (await scores(t)).norm;
        t.dispose();
        if (wd > 0) expect(after).toBeLessThan(before * 0.8);
        norms.push(after);
      }
      expect(norms[1]).toBeLessThan(norms[0] * 0.7);
    }
    // With SGD and λ alone (a zero learning signal is impossible to arrange, so compare with the
    // closed form for one step from the same start): W′ = W − α(∇L + λW) differs from the λ = 0 step by −αλW.
    const a = new SoftmaxMlpTrial(d, { ...base, optimizer: 'sgd', lr: 0.1, wd: 0, batchSize: 240 });
    const b = new SoftmaxMlpTrial(d, { ...base, optimizer: 'sgd', lr: 0.1, wd: 0.2, batchSize: 240 });
    const n0 = (await scores(a)).norm;
    a.trainBatch();
    b.trainBatch();
    const na = (await scores(a)).norm;
    const nb = (await scores(b)).norm;
    // ‖(W_a − αλW)‖² ≈ ‖W_a‖² − 2αλ⟨W_a, W⟩ ≈ (1 − 2αλ)‖W‖² to first order.
    expect(nb).toBeLessThan(na);
    expect(nb / na).toBeCloseTo((1 - 0.1 * 0.2) ** 2, 1);
    expect(n0).toBeGreaterThan(0);
    a.dispose();
    b.dispose();
    disposeClassificationTensors(d);
  });

  it('a trial is deterministic for its seed and frees all its tensors', async () => {
    const d = dataset();
    const before = tf.memory().numTensors;
    const run = async () => {
      const t = new SoftmaxMlpTrial(d, { ...base, wd: 1e-4 });
      for (let e = 0; e < 2; e++) t.trainEpoch();
      const s = await scores(t);
      t.dispose();
      return s;
    };
    const r1 = await run();
    const r2 = await run();
    expect(r2).toEqual(r1);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => new SoftmaxMlpTrial(d, { ...base, lr: 0 })).toThrow(/learning rate/);
    disposeClassificationTensors(d);
  });
});
