import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { MNIST_PIXELS, type MnistSet } from '../../../../ml/data/mnist';
import { invertedMask } from '../../../../ml/dropoutMlpTf';
import { createRng } from '../../../../ml/rng';
import * as tf from '../../../../ml/tf';
import { defaults } from '../../../../params/schema';
import { createDropoutEngineFromSet, stepsPerEpoch, unitValues, type DropoutView } from './engine';
import { DROPOUT_PARAMS, MASKS_PER_STEP } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A stand-in for MNIST in node: ten noisy templates, `perClass` digits each. */
function fakeDigits(perClass: number): MnistSet {
  const rng = createRng(42);
  const templates = Array.from({ length: 10 }, () => Array.from({ length: MNIST_PIXELS }, () => (rng.next() < 0.2 ? 1 : 0)));
  const n = 10 * perClass;
  const images = new Uint8Array(n * MNIST_PIXELS);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 10;
    labels[i] = c;
    for (let k = 0; k < MNIST_PIXELS; k++) {
      const on = rng.next() < 0.35 ? rng.next() < 0.2 : templates[c][k] === 1;
      images[i * MNIST_PIXELS + k] = on ? 200 + rng.int(56) : rng.int(30);
    }
  }
  return { n, images, labels };
}

const SET = fakeDigits(40);
const small = { ...defaults(DROPOUT_PARAMS), hidden: 32, perClass: 10, epochs: 10 };

describe('dropout engine (tfjs, cpu backend)', () => {
  it('masks: 0 or 1/q, a fraction q kept; p = 0 keeps all', () => {
    const m = invertedMask(200, 100, 0.25, createRng(1));
    expect(new Set(m)).toEqual(new Set([0, Math.fround(1 / 0.75)]));
    expect(m.filter((v) => v > 0).length / m.length).toBeCloseTo(0.75, 1);
    expect(invertedMask(3, 4, 0, createRng(1)).every((v) => v === 1)).toBe(true);
  });

  it('unit values are seeded and |z| ≥ 0.5', () => {
    const a = unitValues(5, createRng(9));
    expect(unitValues(5, createRng(9))).toEqual(a);
    expect(Math.abs(a.theta.reduce((s, t, i) => s + t * a.x[i], 0))).toBeGreaterThanOrEqual(0.5);
  });

  it('trains both networks to finite numbers; eval mode beats dropout left on; the MC mean meets q·z', async () => {
    const p = { ...small, drop: 0.5 };
    const e = createDropoutEngineFromSet(p, SET, 20);
    const steps = p.epochs * stepsPerEpoch(p);
    for (let i = 0; i < steps; i++) e.step();
    const r = await e.read(true);
    const m = r.metrics;
    const v = r.view as DropoutView;
    expect(m.epoch).toBe(p.epochs);
    expect(v.history).toHaveLength(p.epochs + 1);
    for (const k of ['do_train_loss', 'do_val_loss', 'plain_train_loss', 'plain_val_loss', 'mc_mean', 'inv_mean']) expect(Number.isFinite(m[k])).toBe(true);
    expect(m.do_train_loss).toBeLessThan(v.history[0].withDrop.trainLoss);
    expect(m.plain_train_acc).toBeGreaterThan(0.9);
    expect(m.do_val_acc).toBeGreaterThanOrEqual(m.do_val_acc_trainmode);
    expect(m.do_val_loss).toBeLessThan(m.do_val_loss_trainmode);
    expect(m.mc_masks).toBe(steps * MASKS_PER_STEP);
    expect(m.mc_diff).toBeLessThan(m.mc_tol);
    expect(m.mc_target).toBeCloseTo(0.5 * m.z, 12);
    expect(v.example.evalProbs.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 4);
    expect(v.example.trainProbs).toHaveLength(8);
    expect(v.netMasks[0]).toHaveLength(8);
    e.dispose();
  }, 120_000);

  it('p = 0: train mode equals eval mode and both networks coincide', async () => {
    const p = { ...small, drop: 0, epochs: 1 };
    const e = createDropoutEngineFromSet(p, SET, 20);
    for (let i = 0; i < stepsPerEpoch(p); i++) e.step();
    const m = (await e.read(false)).metrics;
    expect(m.do_val_acc_trainmode).toBe(m.do_val_acc);
    expect(m.do_train_loss).toBeCloseTo(m.plain_train_loss, 5);
    e.dispose();
  });

  it('numTensors stays flat across 20 create/step/read/dispose cycles', async () => {
    const run = async () => {
      const e = createDropoutEngineFromSet(small, SET, 20);
      e.step();
      await e.read(true);
      e.step();
      e.dispose();
    };
    await run();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await run();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});
