import { describe, expect, it } from 'vitest';
import { buildWith, numberOf } from '../../selfcheck/testing';
import set from './selfCheck';

describe('lecture 06 self-check', () => {
  it('reproduces the notes’ decay example and each schedule rule', () => {
    // Notes: α₀ = 0.1, decay rate 1 → epoch 3: 0.025.
    expect(numberOf(buildWith(set, 'lr-decay', { 'lr-schedules': { schedule: 'inverse', alpha0: 0.1, decay: 1 } }))).toBeCloseTo(0.025, 10);
    expect(numberOf(buildWith(set, 'lr-decay'))).toBeCloseTo(2 / 4, 10);
    expect(numberOf(buildWith(set, 'lr-decay', { 'lr-schedules': { schedule: 'exponential', alpha0: 1, decay: 0.5 } }))).toBeCloseTo(0.125, 10);
    expect(numberOf(buildWith(set, 'lr-decay', { 'lr-schedules': { schedule: 'invsqrt', alpha0: 2, decay: 1 } }))).toBeCloseTo(1, 10);
    // Step: cut by t every n epochs, applied one epoch at a time up to epoch 2n.
    let a = 0.8;
    for (let e = 1; e <= 20; e++) if (e % 10 === 0) a -= 0.5 * a;
    expect(numberOf(buildWith(set, 'lr-decay', { 'lr-schedules': { schedule: 'step', alpha0: 0.8, decay: 0.5, every: 10 } }))).toBeCloseTo(a, 10);
    expect(numberOf(buildWith(set, 'lr-decay', { 'lr-schedules': { schedule: 'constant', alpha0: 0.3 } }))).toBeCloseTo(0.3, 10);
  });
  it('cross-validation trains on k − 1 of k folds', () => {
    expect(numberOf(buildWith(set, 'crossval-share'))).toBeCloseTo(80, 10);
    expect(numberOf(buildWith(set, 'crossval-share', { crossval: { folds: 3 } }))).toBeCloseTo(200 / 3, 10);
    expect(numberOf(buildWith(set, 'crossval-share', { crossval: { folds: 10 } }))).toBeCloseTo(90, 10);
  });
  it('counts model parameters and the initial loss log C', () => {
    expect(numberOf(buildWith(set, 'capacity'))).toBe(6);
    expect(numberOf(buildWith(set, 'capacity', { fitting: { model: 'mlp', hidden: 8 } }))).toBe(8 + 8 + 8 + 1);
    for (const C of [2, 4, 10]) {
      const uniform = -Math.log(1 / C);
      expect(numberOf(buildWith(set, 'initial-loss', { sanity: { classes: C } }))).toBeCloseTo(uniform, 10);
    }
  });
});
