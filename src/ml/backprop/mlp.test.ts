import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../tf';
import { handGradients } from './handGradients';
import { flatten, initMlp, makeSamples, mlpLoss, numericGradients, relError, unflatten, weightNames, type MlpConfig } from './mlp';
import { autodiffGradients, TfMlp } from './mlpTf';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const CONFIGS: MlpConfig[] = [
  { act: 'sigmoid', loss: 'bce' },
  { act: 'relu', loss: 'bce' },
  { act: 'sigmoid', loss: 'l2' },
  { act: 'relu', loss: 'l2' },
];

const maxRel = (a: number[], b: number[]) => Math.max(...a.map((v, i) => relError(v, b[i])));

describe('gradient check of a 2-3-2 perceptron', () => {
  it('flatten and unflatten are inverse; names follow the notes', () => {
    const w = initMlp(2, 3, 2, 5);
    expect(unflatten(flatten(w), 2, 3, 2)).toEqual(w);
    const names = weightNames(2, 3, 2);
    expect(names).toHaveLength(flatten(w).length);
    expect(names[0]).toBe('w^1_{11}');
    expect(names[9]).toBe('w_{11}');
  });

  it.each(CONFIGS)('hand-derived = numeric = autodiff for %o', (cfg) => {
    for (const seed of [1, 2, 3]) {
      const w = initMlp(2, 3, 2, seed);
      const samples = makeSamples(4, cfg.loss, seed);
      const hand = handGradients(w, samples, cfg);
      const num = numericGradients(w, samples, cfg);
      const auto = autodiffGradients(w, samples, cfg);
      expect(maxRel(hand, num)).toBeLessThan(1e-6);
      // tfjs computes in float32 (machine epsilon 1.2e-7): it agrees to ~1e-6, below 1e-5 always.
      expect(maxRel(auto, hand)).toBeLessThan(1e-5);
      expect(maxRel(auto, num)).toBeLessThan(1e-5);
    }
  });

  it.each(CONFIGS)('the broken first-layer formula (no activation derivative) is caught for %o', (cfg) => {
    const w = initMlp(2, 3, 2, 1);
    const samples = makeSamples(4, cfg.loss, 1);
    const broken = handGradients(w, samples, cfg, true);
    const num = numericGradients(w, samples, cfg);
    const firstLayer = 2 * 3 + 3;
    expect(maxRel(broken.slice(0, firstLayer), num.slice(0, firstLayer))).toBeGreaterThan(1e-2);
    // The last layer does not use the activation derivative, so it stays right.
    expect(maxRel(broken.slice(firstLayer), num.slice(firstLayer))).toBeLessThan(1e-6);
  });

  it('training by autodiff lowers the loss; snapshot matches the plain model', async () => {
    const cfg: MlpConfig = { act: 'sigmoid', loss: 'bce' };
    const w = initMlp(2, 3, 2, 1);
    const samples = makeSamples(6, cfg.loss, 1);
    const m = new TfMlp(w, samples, cfg, 0.1);
    const first = await m.snapshot();
    expect(first.loss).toBeCloseTo(mlpLoss(w, samples, cfg), 5);
    expect(maxRel(first.autodiff, handGradients(first.weights, samples, cfg))).toBeLessThan(1e-5);
    for (let i = 0; i < 50; i++) m.step();
    const later = await m.snapshot();
    m.dispose();
    expect(later.loss).toBeLessThan(first.loss);
    expect(later.loss).toBeCloseTo(mlpLoss(later.weights, samples, cfg), 4);
  });

  it('keeps tf.memory().numTensors flat across 20 create/step/dispose cycles', async () => {
    const cfg: MlpConfig = { act: 'relu', loss: 'l2' };
    const samples = makeSamples(4, cfg.loss, 2);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const m = new TfMlp(initMlp(2, 3, 2, i + 1), samples, cfg, 0.05);
      m.step();
      await m.snapshot();
      autodiffGradients(initMlp(2, 3, 2, i + 1), samples, cfg);
      m.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
