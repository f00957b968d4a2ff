import { describe, expect, it } from 'vitest';
import { buildWith, numberOf } from '../../selfcheck/testing';
import set from './selfCheck';

describe('lecture 05 self-check', () => {
  it('the flat-direction factor is what one GD step does to the error on the bowl', () => {
    for (const [kappa, lr] of [[20, 1], [1, 1.9], [200, 0.02]]) {
      // One step on f = ½ λ θ², θ = 1: θ − α λ θ.
      const lmin = 1 / kappa;
      const after = 1 - lr * lmin * 1;
      expect(numberOf(buildWith(set, 'flat-direction', { lr: { kappa, lr } }))).toBeCloseTo(Math.abs(after), 10);
    }
    expect(numberOf(buildWith(set, 'flat-direction'))).toBeCloseTo(0.95, 10);
  });
  it('counts the minibatches of an epoch by slicing', () => {
    for (const batch of [1, 16, 50, 128]) {
      let updates = 0;
      for (let i = 0; i < 128; i += batch) updates++;
      expect(numberOf(buildWith(set, 'updates-per-epoch', { minibatch: { batch } }))).toBe(updates);
    }
  });
  it('momentum and Adam steps follow the notes’ update rules, run step by step', () => {
    // Momentum with the defaults β = 0.9, α = 0.5: v = 0.9·0.4 − 0.5·2.
    expect(numberOf(buildWith(set, 'momentum-step'))).toBeCloseTo(-0.64, 10);
    expect(numberOf(buildWith(set, 'momentum-step', { optimizers: { beta: 0.5, lr: 0.1 } }))).toBeCloseTo(0.5 * 0.4 - 0.1 * 2, 10);
    // Adam: run one iteration of the bias-corrected rule.
    const adamStep = (alpha: number, b1: number, b2: number, eps: number, g: number) => {
      const m = (1 - b1) * g;
      const v = (1 - b2) * g * g;
      const mh = m / (1 - b1);
      const vh = v / (1 - b2);
      return (alpha * mh) / Math.sqrt(vh + eps);
    };
    expect(numberOf(buildWith(set, 'adam-first-step'))).toBeCloseTo(adamStep(0.1, 0.9, 0.999, 1e-8, 0.5), 10);
    expect(numberOf(buildWith(set, 'adam-first-step', { optimizers: { lrAdaptive: 0.01, beta1: 0.5, beta2: 0.9, eps: 0.1 } }))).toBeCloseTo(adamStep(0.01, 0.5, 0.9, 0.1, 0.5), 10);
  });
});
