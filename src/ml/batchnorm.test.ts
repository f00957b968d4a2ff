import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from './tf';
import {
  BN_EPS, batchStats, bnEval, bnEvalTf, bnTrain, bnTrainTf, pytorchMomentum, quantiles, updateRunning, updateRunningPytorch,
} from './batchnorm';
import { BnMlp, pool2x2, type BnTrace } from './bnMlp';
import { createRng } from './rng';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// A 4 × 2 batch: feature 1 = 1, 3, 5, 7 (μ = 4, σ² = 5); feature 2 = 2, 2, 4, 8 (μ = 4, σ² = 6).
const X = [1, 2, 3, 2, 5, 4, 7, 8];
const GAMMA = [2, 0.5];
const BETA = [1, -1];

describe('batch normalisation, plain TypeScript', () => {
  it('train mode: μ_B, σ²_B (biased) and y = γ x̂ + β, by hand', () => {
    const r = bnTrain(X, 4, 2, GAMMA, BETA);
    expect(Array.from(r.mean)).toEqual([4, 4]);
    expect(Array.from(r.variance)).toEqual([5, 6]);
    const s1 = Math.sqrt(5 + 1e-5);
    const s2 = Math.sqrt(6 + 1e-5);
    const expected = [
      2 * (-3 / s1) + 1, 0.5 * (-2 / s2) - 1,
      2 * (-1 / s1) + 1, 0.5 * (-2 / s2) - 1,
      2 * (1 / s1) + 1, 0.5 * (0 / s2) - 1,
      2 * (3 / s1) + 1, 0.5 * (4 / s2) - 1,
    ];
    Array.from(r.y).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    // x̂ has zero mean and (almost) unit variance per feature
    const h = batchStats(r.xhat, 4, 2);
    expect(Math.abs(h.mean[0]) + Math.abs(h.mean[1])).toBeLessThan(1e-12);
    expect(h.variance[0]).toBeCloseTo(5 / (5 + 1e-5), 12);
  });

  it('eval mode uses the running statistics, row by row, by hand', () => {
    const y = bnEval([3, 3, 1, 2], 2, 2, [1, 2], [4, 0.25], GAMMA, BETA);
    expect(y[0]).toBeCloseTo(2 * (2 / Math.sqrt(4 + BN_EPS)) + 1, 12);
    expect(y[1]).toBeCloseTo(0.5 * (1 / Math.sqrt(0.25 + BN_EPS)) - 1, 12);
    expect(y[2]).toBeCloseTo(1, 12); // x = μ_running → x̂ = 0, y = β
    expect(y[3]).toBeCloseTo(-1, 12);
    // one row alone gives the same output as within the batch: test mode has no batch coupling
    expect(bnEval([1, 2], 1, 2, [1, 2], [4, 0.25], GAMMA, BETA)[0]).toBeCloseTo(y[2], 14);
  });

  it('running averages with momentum β_m (the notes) and PyTorch’s momentum = 1 − β_m, by hand', () => {
    const r1 = updateRunning([0, 1], [4, 5], 0.9);
    expect(r1[0]).toBeCloseTo(0.4, 14);
    expect(r1[1]).toBeCloseTo(1.4, 14);
    const r2 = updateRunning(r1, [2, 1], 0.9);
    expect(r2[0]).toBeCloseTo(0.56, 14);
    expect(r2[1]).toBeCloseTo(1.36, 14);
    expect(pytorchMomentum(0.9)).toBeCloseTo(0.1, 14);
    const pt = updateRunningPytorch([0, 1], [4, 5], 0.1);
    expect(pt[0]).toBeCloseTo(0.4, 14);
    expect(pt[1]).toBeCloseTo(1.4, 14);
  });

  it('γ = √(σ²_B + ε), β = μ_B undoes the normalisation: y = x', () => {
    const s = batchStats(X, 4, 2);
    const gamma = Array.from(s.variance, (v) => Math.sqrt(v + BN_EPS));
    const r = bnTrain(X, 4, 2, gamma, Array.from(s.mean));
    Array.from(r.y).forEach((v, i) => expect(v).toBeCloseTo(X[i], 12));
    // the notes' γ = √Var (without ε) restores x up to a factor √(σ²/(σ²+ε)) ≈ 1 − 1e-6
    const r0 = bnTrain(X, 4, 2, Array.from(s.variance, Math.sqrt), Array.from(s.mean));
    Array.from(r0.y).forEach((v, i) => expect(Math.abs(v - X[i])).toBeLessThan(1e-5));
  });

  it('a single sample in train mode: σ²_B = 0, x̂ = 0, so y = β whatever x is', () => {
    const a = bnTrain([3.7, -120], 1, 2, GAMMA, BETA);
    const b = bnTrain([-5, 0.001], 1, 2, GAMMA, BETA);
    expect(Array.from(a.variance)).toEqual([0, 0]);
    expect(Array.from(a.y)).toEqual(BETA);
    expect(Array.from(b.y)).toEqual(BETA);
  });

  it('quantiles interpolate between order statistics', () => {
    expect(quantiles([4, 1, 3, 2, 5], [0, 0.25, 0.5, 1])).toEqual([1, 2, 3, 5]);
    expect(quantiles([0, 10], [0.05])[0]).toBeCloseTo(0.5, 12);
    expect(quantiles([1, NaN], [0.5])[0]).toBeNaN();
  });

  it('pool2x2 averages 2 × 2 blocks', () => {
    const img = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(Array.from(pool2x2(img, 1, 4))).toEqual([3.5, 5.5, 11.5, 13.5]);
  });
});

describe('batch normalisation in tfjs', () => {
  const rng = createRng(7);
  const n = 6;
  const d = 3;
  const x = Array.from({ length: n * d }, () => 2 * rng.normal() + 1);
  const g = [1.5, 0.7, -0.4];
  const b = [0.2, -1, 0.5];

  it('train and eval mode agree with the plain-TS version', async () => {
    const ts = bnTrain(x, n, d, g, b);
    const out = tf.tidy(() => {
      const r = bnTrainTf(tf.tensor2d(x, [n, d]), tf.tensor1d(g), tf.tensor1d(b));
      const e = bnEvalTf(tf.tensor2d(x, [n, d]), tf.tensor1d([0.5, -0.2, 1]), tf.tensor1d([2, 0.3, 1.7]), tf.tensor1d(g), tf.tensor1d(b));
      return [r.y, r.mean, r.variance, e];
    });
    const [y, m, v, e] = await Promise.all(out.map((t) => t.data()));
    tf.dispose(out);
    Array.from(y).forEach((val, i) => expect(val).toBeCloseTo(ts.y[i], 4));
    Array.from(m).forEach((val, i) => expect(val).toBeCloseTo(ts.mean[i], 5));
    Array.from(v).forEach((val, i) => expect(val).toBeCloseTo(ts.variance[i], 4));
    const te = bnEval(x, n, d, [0.5, -0.2, 1], [2, 0.3, 1.7], g, b);
    Array.from(e).forEach((val, i) => expect(val).toBeCloseTo(te[i], 4));
  });

  it('autodiff gradient of train-mode BN matches central finite differences (x, γ, β)', async () => {
    const w = Array.from({ length: n * d }, () => rng.normal());
    // L = Σ w ⊙ BN(x): the weights make the gradient with respect to x non-trivial (Σ y alone has ∂/∂x = 0).
    const lossTs = (xx: number[], gg: number[], bb: number[]) => bnTrain(xx, n, d, gg, bb).y.reduce((s, v, i) => s + w[i] * v, 0);
    const grads = tf.tidy(() => {
      const f = (xt: tf.Tensor, gt: tf.Tensor, bt: tf.Tensor) =>
        tf.sum(tf.mul(bnTrainTf(xt as tf.Tensor2D, gt as tf.Tensor1D, bt as tf.Tensor1D).y, tf.tensor2d(w, [n, d])));
      return tf.grads(f)([tf.tensor2d(x, [n, d]), tf.tensor1d(g), tf.tensor1d(b)]);
    });
    const [gx, gg, gb] = await Promise.all(grads.map((t) => t.data()));
    tf.dispose(grads);
    const h = 1e-5;
    const fd = (vec: number[], i: number, which: 0 | 1 | 2) => {
      const up = vec.slice();
      const dn = vec.slice();
      up[i] += h;
      dn[i] -= h;
      const args = (v: number[]): [number[], number[], number[]] => (which === 0 ? [v, g, b] : which === 1 ? [x, v, b] : [x, g, v]);
      return (lossTs(...args(up)) - lossTs(...args(dn))) / (2 * h);
    };
    let worst = 0;
    x.forEach((_, i) => (worst = Math.max(worst, Math.abs(gx[i] - fd(x, i, 0)))));
    g.forEach((_, i) => (worst = Math.max(worst, Math.abs(gg[i] - fd(g, i, 1)))));
    b.forEach((_, i) => (worst = Math.max(worst, Math.abs(gb[i] - fd(b, i, 2)))));
    expect(worst).toBeLessThan(2e-3);
    // and the known property: ∂L/∂x sums to 0 per feature (BN removes the mean)
    for (let k = 0; k < d; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += gx[i * d + k];
      expect(Math.abs(s)).toBeLessThan(1e-4);
    }
  });

  it('the model’s running statistics follow the notes’ recurrence on its own batch statistics', async () => {
    const m = new BnMlp({ inputs: 5, width: 4, depth: 2, classes: 3, bn: true, betaM: 0.8, seed: 3 });
    const r = createRng(9);
    let host = { mean: [0, 0, 0, 0], variance: [1, 1, 1, 1] };
    for (let s = 0; s < 3; s++) {
      const xb = tf.tensor2d(Array.from({ length: 8 * 5 }, () => r.normal()), [8, 5]);
      const yb = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3).toFloat() as tf.Tensor2D);
      // the first BN layer's input, and plain-TS BN on it, against the model's own forward pass
      const [z, pre] = tf.tidy(() => {
        const trace: BnTrace = { pre: [], z: [], mean: [], variance: [] };
        m.forward(xb, 'train', trace);
        return [trace.z[0], trace.pre[0]];
      });
      const gb = m.gammaBeta()!;
      const [zv, prev, gbv] = await Promise.all([z.data(), pre.data(), gb.data()]);
      const ts = bnTrain(zv, 8, 4, gbv.slice(0, 4), gbv.slice(8, 12));
      Array.from(prev).forEach((v, i) => expect(v).toBeCloseTo(ts.y[i], 4));
      const { loss, stats } = m.trainStep(xb, yb, 0.1);
      const sv = await stats!.data();
      host = { mean: Array.from(updateRunning(host.mean, sv.slice(0, 4), 0.8)), variance: Array.from(updateRunning(host.variance, sv.slice(8, 12), 0.8)) };
      tf.dispose([xb, yb, z, pre, gb, loss, stats!]);
    }
    const run = m.running()!;
    const rv = await run.data();
    run.dispose();
    host.mean.forEach((v, k) => expect(rv[k]).toBeCloseTo(v, 5));
    host.variance.forEach((v, k) => expect(rv[8 + k]).toBeCloseTo(v, 5));
    m.dispose();
  });

  it('numTensors stays flat over 20 create/step/dispose cycles of the model', () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const m = new BnMlp({ inputs: 4, width: 6, depth: 3, classes: 2, bn: i % 2 === 0, betaM: 0.9, seed: i + 1 });
      const xb = tf.randomNormal([5, 4]) as tf.Tensor2D;
      const yb = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1], 'int32'), 2).toFloat() as tf.Tensor2D);
      for (let k = 0; k < 3; k++) {
        const r = m.trainStep(xb, yb, 0.05);
        r.loss.dispose();
        r.stats?.dispose();
      }
      tf.dispose([xb, yb]);
      m.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
