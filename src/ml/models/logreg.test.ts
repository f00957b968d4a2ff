import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../tf';
import { bce, LogisticRegressionGD, logregAccuracy, logregLoss, probabilityGrid, sigmoid } from './logreg';
import { generate2D } from '../data/datasets2d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const blobs = generate2D({ kind: 'blobs', n: 100, noise: 0, classes: 2, seed: 5 });
const noisy = generate2D({ kind: 'blobs', n: 100, noise: 1, classes: 2, seed: 6 });

const loss = (m: LogisticRegressionGD): number => {
  const t = m.lossTensor();
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

describe('plain helpers', () => {
  it('sigmoid is stable and symmetric', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
  });

  it('bce is clamped and matches the formula', () => {
    expect(bce(0.8, 1)).toBeCloseTo(-Math.log(0.8), 12);
    expect(bce(0.8, 0)).toBeCloseTo(-Math.log(0.2), 12);
    expect(Number.isFinite(bce(0, 1))).toBe(true);
    expect(Number.isFinite(bce(1, 0))).toBe(true);
  });

  it('logregLoss equals the mean bce of σ(z) and is finite for huge logits', () => {
    const th = [0.3, -1.2, 2];
    const direct = noisy.reduce((a, p) => a + bce(sigmoid(th[0] + th[1] * p.x + th[2] * p.y), p.label), 0) / noisy.length;
    expect(logregLoss(th, noisy)).toBeCloseTo(direct, 10);
    expect(Number.isFinite(logregLoss([0, 1e4, 1e4], noisy))).toBe(true);
  });

  it('logregAccuracy and probabilityGrid', () => {
    const pts = [{ x: 1, y: 0, label: 1 }, { x: -1, y: 0, label: 0 }, { x: 2, y: 0, label: 0 }];
    expect(logregAccuracy([0, 1, 0], pts)).toBeCloseTo(2 / 3, 12);
    expect(logregAccuracy([0, 1, 0], [])).toBeNaN();
    const g = probabilityGrid([0, 0, 5], { xMin: -1, xMax: 1, yMin: -1, yMax: 1, nx: 3, ny: 2 });
    expect(g.length).toBe(6);
    expect(g[0]).toBeCloseTo(sigmoid(2.5), 6); // row 0 is the top (y = 0.5)
    expect(g[5]).toBeCloseTo(sigmoid(-2.5), 6);
  });
});

describe('LogisticRegressionGD', () => {
  it('the explicit gradient matches a finite difference of logregLoss', () => {
    const theta0: [number, number, number] = [0.4, -0.7, 1.1];
    const m = new LogisticRegressionGD(noisy, { learningRate: 1, init: theta0 });
    m.step();
    const grad = m.theta().map((v, i) => theta0[i] - v);
    m.dispose();
    const eps = 1e-3;
    const fd = theta0.map((_, i) => {
      const plus = theta0.slice();
      const minus = theta0.slice();
      plus[i] += eps;
      minus[i] -= eps;
      return (logregLoss(plus, noisy) - logregLoss(minus, noisy)) / (2 * eps);
    });
    const scale = Math.max(...fd.map(Math.abs));
    grad.forEach((g, i) => expect(Math.abs(g - fd[i])).toBeLessThan(1e-3 * scale));
  });

  it('loss decreases on separable blobs and the classes get separated', () => {
    const m = new LogisticRegressionGD(blobs, { learningRate: 0.5 });
    let prev = loss(m);
    for (let i = 0; i < 40; i++) {
      m.step(5);
      const cur = loss(m);
      expect(cur).toBeLessThan(prev);
      prev = cur;
    }
    expect(logregAccuracy(m.theta(), blobs)).toBe(1);
    m.dispose();
  });

  it('tensor loss equals the plain-JS logregLoss', () => {
    for (const init of [[0, 0, 0], [0.5, -3, 2], [5, 20, -20]] as [number, number, number][]) {
      const m = new LogisticRegressionGD(noisy, { learningRate: 0.1, init });
      expect(Math.abs(loss(m) - logregLoss(m.theta(), noisy))).toBeLessThan(1e-5);
      m.dispose();
    }
  });

  it('does not leak tensors', () => {
    const before = tf.memory().numTensors;
    for (let c = 0; c < 20; c++) {
      const m = new LogisticRegressionGD(noisy, { learningRate: 0.1 });
      m.step(3);
      loss(m);
      m.theta();
      m.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('rejects labels other than 0/1', () => {
    expect(() => new LogisticRegressionGD([{ x: 0, y: 0, label: 2 }], { learningRate: 0.1 })).toThrow(/0 or 1/);
  });
});
