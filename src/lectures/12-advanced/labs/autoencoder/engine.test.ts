import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { readMnistRaw } from '../../../../../scripts/mnist-format.mjs';
import { decodeMnist } from '../../../../ml/data/mnist';
import * as tf from '../../../../ml/tf';
import { defaults } from '../../../../params/schema';
import { createAutoencoderEngineFrom, prepareData, type AutoencoderView, type Data } from './engine';
import { AUTOENCODER_PARAMS, GRID_K, HELD_PER_CLASS, RECON_N, type AutoencoderParams } from './params';

let data: Data;
beforeAll(async () => {
  await tf.setBackend('cpu');
  data = prepareData(decodeMnist(readMnistRaw()), 1);
});

const small = (over: Partial<AutoencoderParams> = {}): AutoencoderParams => ({ ...defaults(AUTOENCODER_PARAMS), hidden: '64', batch: 32, lr: 3e-3, ...over });

async function train(p: AutoencoderParams, steps: number) {
  const e = createAutoencoderEngineFrom(data, { ...p, steps });
  const start = await e.read(true);
  for (let i = 0; i < steps; i++) e.step();
  const end = await e.read(true);
  e.dispose();
  return { start, end };
}

describe('autoencoder lab engine (cpu backend, real MNIST digits)', () => {
  it('prepares 4,000 training and 400 held-out digits, one showcase digit per class', () => {
    expect(data.nTrain).toBe(4000);
    expect(data.nHeld).toBe(10 * HELD_PER_CLASS);
    expect(data.showcase.map((i) => data.heldLabels[i])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('a short run lowers the held-out reconstruction loss of both models, and the view is complete', async () => {
    const { start, end } = await train(small(), 60);
    const s = start.metrics;
    const m = end.metrics;
    expect(m.probeStep).toBe(60);
    expect(m.valAeRecon).toBeLessThan(s.valAeRecon - 20);
    expect(m.valVaeRecon).toBeLessThan(s.valVaeRecon - 20);
    for (const k of ['aeRecon', 'vaeRecon', 'vaeKl', 'vaeLoss', 'valKl', 'vaeSpread', 'aeSpread', 'meanSigma']) expect(Number.isFinite(m[k]), k).toBe(true);
    const v = end.view as AutoencoderView;
    expect(v.aeZ.length).toBe(2 * data.nHeld);
    expect(v.vaeGrid.length).toBe(GRID_K * GRID_K * 784);
    expect(v.aeRecon.length).toBe(RECON_N * 784);
    expect(v.reconLabels).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(v.vaeGrid.every((p) => p >= 0 && p <= 1)).toBe(true);
  }, 120_000);

  it('β = 0 leaves the latent unconstrained: larger KL and a wider μ cloud than β = 1', async () => {
    const b0 = (await train(small({ beta: 0 }), 80)).end.metrics;
    const b1 = (await train(small({ beta: 1 }), 80)).end.metrics;
    expect(b0.valKl).toBeGreaterThan(1.5 * b1.valKl);
    expect(b0.vaeSpread).toBeGreaterThan(b1.vaeSpread);
  }, 120_000);

  it('tensor count stays flat over 20 create/step/read/dispose cycles', async () => {
    const e0 = createAutoencoderEngineFrom(data, small());
    e0.step();
    await e0.read(true);
    e0.dispose();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const e = createAutoencoderEngineFrom(data, small());
      await e.read(true);
      e.step();
      e.step();
      await e.read(false);
      e.step();
      e.dispose(); // with a step still queued
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});
