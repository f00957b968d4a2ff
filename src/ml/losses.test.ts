import { describe, expect, it } from 'vitest';
import {
  bce, bceGrad, bceLogit, bceLogitGrad, ceLogit, ceLogitGrad, ceProb, ceProbGrad, descentStep, l1, l1Grad, loss1D, mse, mseGrad,
  sigmoid, softmaxCrossEntropy, softmaxTrue, type LossSpec,
} from './losses';

/** Central finite difference. */
const fd = (f: (x: number) => number, x: number, h = 1e-5) => (f(x + h) - f(x - h)) / (2 * h);

function expectGradMatches(f: (x: number) => number, g: (x: number) => number, xs: number[]) {
  for (const x of xs) expect(g(x)).toBeCloseTo(fd(f, x), 5);
}

describe('losses and their derivatives', () => {
  it('L1: value and sign gradient agree with finite differences away from the kink', () => {
    expect(l1(0.5, 2)).toBe(1.5);
    expectGradMatches((x) => l1(x, 0.7), (x) => l1Grad(x, 0.7), [-3, -0.2, 0.69, 0.71, 4]);
    expect(l1Grad(0.7, 0.7)).toBe(0);
  });

  it('MSE: (y − ŷ)² with derivative 2(ŷ − y), no leading minus', () => {
    expect(mse(3, 1)).toBe(4);
    expect(mseGrad(3, 1)).toBe(4);
    expectGradMatches((x) => mse(x, -1.3), (x) => mseGrad(x, -1.3), [-4, -1.3, 0, 2.5]);
  });

  it('binary cross-entropy on the probability and on the logit', () => {
    for (const y of [0, 1]) {
      expectGradMatches((p) => bce(p, y), (p) => bceGrad(p, y), [0.05, 0.3, 0.5, 0.9]);
      expectGradMatches((z) => bceLogit(z, y), (z) => bceLogitGrad(z, y), [-6, -1, 0, 2, 7]);
      for (const z of [-3, 0.4, 2]) expect(bceLogit(z, y)).toBeCloseTo(bce(sigmoid(z), y), 10);
    }
    expect(bce(0.5, 1)).toBeCloseTo(Math.log(2), 12);
    expect(bceLogit(800, 1)).toBeCloseTo(0, 12);
    expect(bceLogit(-800, 1)).toBeCloseTo(800, 6);
  });

  it('cross-entropy on the true class: matches −Σ y_k log ŷ_k of a full softmax', () => {
    for (const C of [2, 3, 10]) {
      for (const z of [-4, 0, 1.5, 6]) {
        const logits = [z, ...new Array<number>(C - 1).fill(0)];
        expect(ceLogit(z, C)).toBeCloseTo(softmaxCrossEntropy(logits, 0), 10);
        expect(ceProb(softmaxTrue(z, C))).toBeCloseTo(ceLogit(z, C), 8);
      }
      expectGradMatches((z) => ceLogit(z, C), (z) => ceLogitGrad(z, C), [-5, -0.5, 0, 3]);
    }
    expect(ceLogit(0, 4)).toBeCloseTo(Math.log(4), 12);
    expectGradMatches(ceProb, ceProbGrad, [0.1, 0.5, 0.95]);
  });

  it('C = 2 cross-entropy on the logit is binary cross-entropy with y = 1', () => {
    for (const z of [-2, 0, 3]) expect(ceLogit(z, 2)).toBeCloseTo(bceLogit(z, 1), 12);
  });
});

describe('gradient descent on one prediction', () => {
  const run = (spec: LossSpec, x0: number, lr: number, n: number) => {
    const loss = loss1D(spec);
    let x = x0;
    for (let i = 0; i < n; i++) x = descentStep(loss, x, lr);
    return { x, loss: loss.value(x), start: loss.value(x0) };
  };

  it('MSE converges to the target; L1 keeps oscillating within one step of it', () => {
    const m = run({ kind: 'mse', axis: 'value', target: 1, classes: 3 }, -2, 0.1, 200);
    expect(m.x).toBeCloseTo(1, 8);
    const a = run({ kind: 'l1', axis: 'value', target: 1.05, classes: 3 }, -2, 0.1, 200);
    expect(Math.abs(a.x - 1.05)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(a.loss).toBeGreaterThan(1e-3);
  });

  it('BCE and CE lower the loss on both axes and stay inside (0, 1) on probabilities', () => {
    for (const kind of ['bce', 'ce'] as const) {
      const p = run({ kind, axis: 'prob', target: 1, classes: 3 }, 0.1, 0.05, 100);
      expect(p.loss).toBeLessThan(p.start);
      expect(p.x).toBeLessThan(1);
      const z = run({ kind, axis: 'logit', target: 1, classes: 3 }, -2, 0.5, 100);
      expect(z.loss).toBeLessThan(z.start);
    }
  });
});
