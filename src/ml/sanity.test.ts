import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from './tf';
import {
  accuracy, crossEntropy, disposeData, initialLoss, initWeights, prefix, SanityNet, softmaxMistakeFloor, spiralC, toTensors, type NetOptions,
} from './sanity';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const H = 16;
const opts = (o: Partial<NetOptions> = {}): NetOptions => ({ lr: 0.5, dropout: 0, mistake: 'none', dropoutSeed: 3, ...o });

function evalNet(net: SanityNet, d: ReturnType<typeof toTensors>) {
  return tf.tidy(() => {
    const l = net.forward(d.x, false);
    return { ce: crossEntropy(l, d.onehot).dataSync()[0], printed: net.loss(l, d.onehot).dataSync()[0], acc: accuracy(l, d.labels).dataSync()[0] };
  });
}

describe('sanity: data', () => {
  it('spiralC is seeded, balanced in every prefix and has C labels', () => {
    const a = spiralC(100, 7, 3);
    expect(spiralC(100, 7, 3)).toEqual(a);
    expect(new Set(a.y).size).toBe(7);
    expect([...prefix(a, 4).y]).toEqual([0, 1, 2, 3]);
    expect(() => spiralC(10, 1, 1)).toThrow();
  });
});

describe('sanity: the initial-loss check', () => {
  it('small random weights give an initial loss ≈ log C; N(0, 1) weights give far more', () => {
    for (const C of [2, 3, 5, 10]) {
      const d = spiralC(200, C, 1);
      expect(Math.abs(initialLoss(d, H, 'small', 1) - Math.log(C))).toBeLessThan(0.01);
      expect(initialLoss(d, H, 'large', 1)).toBeGreaterThan(Math.log(C) + 1);
    }
  });
});

describe('sanity: the recipe and the mistakes', () => {
  it('overfits one sample to 100% training accuracy', () => {
    const d = toTensors(prefix(spiralC(10, 4, 2), 1));
    const net = new SanityNet(initWeights(4, H, 'small', 2), opts({ dropout: 0.2 }));
    const before = evalNet(net, d);
    for (let i = 0; i < 60; i++) net.trainStep(d.x, d.onehot);
    const after = evalNet(net, d);
    expect(after.acc).toBe(1);
    expect(after.ce).toBeLessThan(0.01);
    expect(Math.abs(before.ce - Math.log(4))).toBeLessThan(0.1); // one sample: close to log C, not exact
    net.dispose();
    disposeData(d);
  });

  it('softmax outputs into softmaxCrossEntropy: the loss is stuck above log(e + C − 1) − 1 and ends higher', () => {
    expect(softmaxMistakeFloor(2)).toBeCloseTo(Math.log(Math.E + 1) - 1, 12);
    // The floor is what the loss gives a perfect one-hot probability vector.
    const floor = tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.tensor2d([[1, 0, 0, 0]]), tf.tensor2d([[1, 0, 0, 0]])).dataSync()[0]);
    expect(floor).toBeCloseTo(softmaxMistakeFloor(4), 5);
    const d = toTensors(prefix(spiralC(1000, 3, 4), 60));
    const res = (['none', 'softmax'] as const).map((mistake) => {
      const net = new SanityNet(initWeights(3, H, 'small', 4), opts({ mistake }));
      for (let i = 0; i < 150; i++) net.trainStep(d.x, d.onehot);
      const r = evalNet(net, d);
      net.dispose();
      return r;
    });
    expect(res[1].printed).toBeGreaterThan(softmaxMistakeFloor(3));
    expect(res[1].printed).toBeGreaterThan(res[0].printed + 0.2);
    expect(res[1].ce).toBeGreaterThan(res[0].ce);
    disposeData(d);
  });

  it('without zero_grad the second step applies g₁ + g₂: θ₂ differs from the correct θ₂ by exactly −α·g₁', () => {
    const lr = 0.3;
    const d = toTensors(prefix(spiralC(50, 3, 5), 20));
    const w = initWeights(3, H, 'small', 5);
    const good = new SanityNet(w, opts({ lr }));
    const bad = new SanityNet(w, opts({ lr, mistake: 'zerograd' }));
    // g₁ = ∇L(θ₀), by hand.
    const g1 = tf.tidy(() => {
      const { grads } = tf.variableGrads(() => crossEntropy(good.forward(d.x, true, 3), d.onehot), good.vars);
      return good.vars.map((v) => grads[v.name].arraySync());
    });
    good.trainStep(d.x, d.onehot);
    bad.trainStep(d.x, d.onehot);
    const same = good.vars.map((v, i) => tf.tidy(() => tf.max(tf.abs(tf.sub(v, bad.vars[i]))).dataSync()[0]));
    expect(Math.max(...same)).toBe(0);
    // .grad after one step is g₁ in both.
    expect(Math.abs(tf.tidy(() => tf.sub(bad.grads[4], tf.tensor(g1[4] as number[][])).abs().max().dataSync()[0]))).toBeLessThan(1e-6);
    good.trainStep(d.x, d.onehot);
    bad.trainStep(d.x, d.onehot);
    for (let i = 0; i < good.vars.length; i++) {
      const diff = tf.tidy(() => tf.sub(bad.vars[i], good.vars[i]).arraySync());
      const expected = tf.tidy(() => tf.mul(-lr, tf.tensor(g1[i] as number[])).arraySync());
      expect(tf.tidy(() => tf.max(tf.abs(tf.sub(diff as number[], expected as number[]))).dataSync()[0])).toBeLessThan(1e-5);
    }
    good.dispose();
    bad.dispose();
    disposeData(d);
  });
});
