import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../tf';
import { LinearRegressionGD } from './linregGD';
import { generateLinear1D } from '../data/regression1d';
import { designMatrix, leastSquares, mse } from '../linalg';
import { createRng } from '../rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function standardizedData(): { X: number[][]; y: number[] } {
  const d = generateLinear1D({ n: 200, slope: 1.5, intercept: 4, noise: 0.5, xMin: 0, xMax: 10, seed: 3 });
  const m = d.x.reduce((a, b) => a + b, 0) / d.x.length;
  const s = Math.sqrt(d.x.reduce((a, b) => a + (b - m) ** 2, 0) / d.x.length);
  return { X: designMatrix(d.x.map((v) => (v - m) / s)), y: d.y };
}

const loss = (m: LinearRegressionGD): number => {
  const t = m.lossTensor();
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

describe('LinearRegressionGD', () => {
  const { X, y } = standardizedData();

  it('converges to the least-squares solution', () => {
    const model = new LinearRegressionGD(X, y, { learningRate: 0.1 });
    model.step(300);
    const ls = leastSquares(X, y);
    model.theta().forEach((v, i) => expect(Math.abs(v - ls[i])).toBeLessThan(1e-3));
    expect(loss(model)).toBeCloseTo(mse(X, ls, y), 4);
    model.dispose();
  });

  it('loss decreases monotonically for a small learning rate', () => {
    const model = new LinearRegressionGD(X, y, { learningRate: 0.01, init: [-2, 3] });
    let prev = loss(model);
    for (let i = 0; i < 50; i++) {
      model.step();
      const cur = loss(model);
      expect(cur).toBeLessThan(prev);
      prev = cur;
    }
    model.dispose();
  });

  it('the applied gradient matches a central finite difference of J', () => {
    const rng = createRng(17);
    const theta0 = [rng.normal() * 2, rng.normal() * 2];
    const model = new LinearRegressionGD(X, y, { learningRate: 1, init: theta0 });
    model.step(); // θ1 = θ0 − 1·∇J(θ0)
    const grad = model.theta().map((v, i) => theta0[i] - v);
    model.dispose();
    const eps = 1e-3;
    const fd = theta0.map((_, i) => {
      const plus = theta0.slice();
      const minus = theta0.slice();
      plus[i] += eps;
      minus[i] -= eps;
      return (mse(X, plus, y) - mse(X, minus, y)) / (2 * eps);
    });
    const scale = Math.max(...fd.map(Math.abs));
    grad.forEach((g, i) => expect(Math.abs(g - fd[i])).toBeLessThan(1e-3 * scale));
  });

  it('does not leak tensors', () => {
    const before = tf.memory().numTensors;
    const model = new LinearRegressionGD(X, y, { learningRate: 0.05 });
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    for (let c = 0; c < 20; c++) {
      const m = new LinearRegressionGD(X, y, { learningRate: 0.05 });
      m.step(3);
      loss(m);
      m.theta();
      m.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('validates shapes', () => {
    expect(() => new LinearRegressionGD([[1, 2]], [1, 2], { learningRate: 0.1 })).toThrow();
    expect(() => new LinearRegressionGD([[1, 2]], [1], { learningRate: 0.1, init: [0] })).toThrow();
  });
});
