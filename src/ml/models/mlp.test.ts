import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../tf';
import { createRng } from '../rng';
import { ACTIVATIONS, Mlp, layerParamCounts, parameterCount, type Activation, type MlpData, type Problem, type Regularizer } from './mlp';
import { allocUnitMaps, fillOutputMap, fillUnitMaps } from './mlpMaps';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const f32 = (v: number) => Math.fround(v);

/** n samples of d features in [−1, 1] (float32-exact, so tfjs sees the very same numbers). */
function randomData(n: number, d: number, problem: Problem, seed: number): MlpData {
  const rng = createRng(seed);
  const x = Float64Array.from({ length: n * d }, () => f32(2 * rng.next() - 1));
  const y = Float64Array.from({ length: n }, () => (problem === 'classification' ? rng.int(2) : f32(2 * rng.next() - 1)));
  return { x, y, n };
}

function makeNet(activation: Activation, problem: Problem, sizes = [3, 4, 3, 1], seed = 4): Mlp {
  const net = new Mlp({ sizes, activation, problem }, createRng(seed));
  // Non-zero biases exercise their gradients; float32-exact values keep the tfjs comparison fair.
  const rng = createRng(seed + 1);
  for (const b of net.biases) for (let k = 0; k < b.length; k++) b[k] = f32(0.4 * rng.next() - 0.2);
  for (const w of net.weights) for (let k = 0; k < w.length; k++) w[k] = f32(w[k]);
  return net;
}

const allIdx = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const flatGrad = (net: Mlp) => net.gradW.flatMap((g, l) => [...g, ...net.gradB[l]]);

function tfActivation(f: Activation, z: tf.Tensor): tf.Tensor {
  switch (f) {
    case 'linear': return z;
    case 'sigmoid': return tf.sigmoid(z);
    case 'tanh': return tf.tanh(z);
    case 'relu': return tf.relu(z);
    case 'leakyRelu': return tf.leakyRelu(z, 0.01);
  }
}

/** The same objective written with tfjs ops; gradients by tf.grads. */
function tfLossAndGrads(net: Mlp, data: MlpData, reg: Regularizer, rate: number): { loss: number; grads: number[] } {
  const d = net.sizes[0];
  return tf.tidy(() => {
    const X = tf.tensor2d(Float32Array.from(data.x), [data.n, d]);
    const Y = tf.tensor2d(Float32Array.from(data.y), [data.n, 1]);
    const params = net.weights.flatMap((w, l) => [
      tf.tensor2d(Float32Array.from(w), [net.sizes[l + 1], net.sizes[l]]),
      tf.tensor1d(Float32Array.from(net.biases[l])),
    ]);
    const objective = (...ps: tf.Tensor[]): tf.Scalar => {
      let a: tf.Tensor = X;
      for (let l = 0; l < net.depth; l++) {
        const z = tf.add(tf.matMul(a, ps[2 * l] as tf.Tensor2D, false, true), ps[2 * l + 1]);
        a = l === net.depth - 1 ? z : tfActivation(net.activation, z);
      }
      const data = net.problem === 'regression'
        ? tf.mean(tf.square(tf.sub(a, Y)))
        : tf.mean(tf.add(tf.sub(tf.relu(a), tf.mul(a, Y)), tf.log1p(tf.exp(tf.neg(tf.abs(a))))));
      const ws = ps.filter((_, i) => i % 2 === 0);
      const r = reg === 'none' ? tf.scalar(0)
        : tf.addN(ws.map((w) => (reg === 'l1' ? tf.sum(tf.abs(w)) : tf.mul(0.5, tf.sum(tf.square(w))))));
      return tf.add(data, tf.mul(rate, r)) as tf.Scalar;
    };
    const { value, grads } = tf.valueAndGrads(objective)(params);
    return { loss: value.dataSync()[0], grads: grads.flatMap((g) => [...g.dataSync()]) };
  });
}

/** max |a − b| / max(|b|∞, 1e-3): an error relative to the gradient's scale. */
function relErr(a: readonly number[], b: readonly number[]): number {
  const scale = Math.max(1e-3, ...b.map(Math.abs));
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]))) / scale;
}

describe('parameter count', () => {
  it('is #neurons·#inputs + #biases per layer', () => {
    expect(layerParamCounts([2, 4, 2, 1])).toEqual([{ weights: 8, biases: 4 }, { weights: 8, biases: 2 }, { weights: 2, biases: 1 }]);
    expect(parameterCount([2, 4, 2, 1])).toBe(25);
    expect(parameterCount([7, 8, 8, 8, 8, 8, 8, 1])).toBe(7 * 8 + 8 + 5 * (8 * 8 + 8) + 8 + 1);
    expect(parameterCount([3, 1])).toBe(4);
  });

  it('matches the arrays the network allocates', () => {
    const net = makeNet('tanh', 'classification', [2, 4, 2, 1]);
    expect(net.weights.reduce((s, w) => s + w.length, 0) + net.biases.reduce((s, b) => s + b.length, 0)).toBe(25);
  });
});

describe('gradients', () => {
  const cases: [Activation, Problem, Regularizer][] = [];
  for (const a of ACTIVATIONS) for (const p of ['classification', 'regression'] as const) for (const r of ['none', 'l1', 'l2'] as const) cases.push([a, p, r]);

  it.each(cases)('%s, %s, %s: backprop matches central finite differences', (activation, problem, reg) => {
    const net = makeNet(activation, problem);
    const data = randomData(12, 3, problem, 9);
    const idx = allIdx(data.n);
    net.gradient(data, idx, 0, data.n, reg, 0.05);
    const analytic = flatGrad(net);
    const params = net.weights.flatMap((w, l) => [w, net.biases[l]]);
    const numeric: number[] = [];
    const h = 1e-6;
    for (const p of params) {
      for (let k = 0; k < p.length; k++) {
        const v = p[k];
        p[k] = v + h;
        const up = net.gradient(data, idx, 0, data.n, reg, 0.05);
        p[k] = v - h;
        const down = net.gradient(data, idx, 0, data.n, reg, 0.05);
        p[k] = v;
        numeric.push((up - down) / (2 * h));
      }
    }
    // ReLU kinks and |w| are not differentiable at 0; random inputs keep them away from 0.
    expect(relErr(analytic, numeric)).toBeLessThan(1e-6);
  });

  it.each(cases)('%s, %s, %s: loss and gradients agree with tfjs', (activation, problem, reg) => {
    const net = makeNet(activation, problem);
    const data = randomData(16, 3, problem, 11);
    const loss = net.gradient(data, allIdx(data.n), 0, data.n, reg, 0.05);
    const ref = tfLossAndGrads(net, data, reg, 0.05);
    // tfjs computes in float32 (ε ≈ 6e-8); the engine in float64.
    expect(Math.abs(loss - ref.loss) / Math.abs(ref.loss)).toBeLessThan(1e-6);
    expect(relErr(flatGrad(net), ref.grads)).toBeLessThan(1e-6);
  });
});

describe('training', () => {
  it('is deterministic for a seed and lowers the loss', () => {
    const data = randomData(60, 2, 'classification', 3);
    const run = () => {
      const net = makeNet('tanh', 'classification', [2, 4, 2, 1], 8);
      const before = net.dataLoss(data);
      const rng = createRng(5);
      for (let e = 0; e < 50; e++) net.trainEpoch(data, { batchSize: 10, learningRate: 0.1, regularizer: 'l2', regRate: 0.001 }, rng);
      return { before, after: net.dataLoss(data), w: [...net.weights[0]] };
    };
    const a = run();
    const b = run();
    expect(a).toEqual(b);
    expect(a.after).toBeLessThan(a.before);
  });

  it('a huge learning rate on regression diverges to a non-finite loss', () => {
    const data = randomData(40, 2, 'regression', 3);
    const net = makeNet('linear', 'regression', [2, 4, 1]);
    const rng = createRng(1);
    for (let e = 0; e < 200; e++) net.trainEpoch(data, { batchSize: 40, learningRate: 50, regularizer: 'none', regRate: 0 }, rng);
    expect(Number.isFinite(net.dataLoss(data))).toBe(false);
  });

  it('accuracy counts ŷ > 0.5 as class 1', () => {
    const net = makeNet('linear', 'classification', [1, 1]);
    net.weights[0][0] = 1;
    net.biases[0][0] = 0;
    const data = { x: Float64Array.from([-1, 0.5, 2]), y: Float64Array.from([0, 1, 0]), n: 3 };
    expect(net.accuracy(data)).toBeCloseTo(2 / 3, 12);
  });
});

describe('unit maps', () => {
  it('hold every unit’s output over the grid, the output as ŷ', () => {
    const net = makeNet('tanh', 'classification', [2, 3, 1]);
    const grid = Float64Array.from([0, 0, 0.5, -0.5, -1, 1]);
    const maps = allocUnitMaps(net.sizes, 3);
    fillUnitMaps(net, grid, 3, maps);
    expect(maps[0][1][2]).toBe(1);
    net.forward(grid, 1);
    expect(maps[1][2][1]).toBeCloseTo(net.a[1][2], 6);
    expect(maps[2][0][1]).toBeCloseTo(net.predict(grid, 1), 6);
    const out = new Float32Array(3);
    fillOutputMap(net, grid, 3, out);
    expect([...out]).toEqual([...maps[2][0]]);
  });
});
