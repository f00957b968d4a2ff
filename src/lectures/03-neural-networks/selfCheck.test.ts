import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from '../../ml/losses';
import { buildWith, numberOf } from '../../selfcheck/testing';
import set from './selfCheck';

describe('lecture 03 self-check', () => {
  it('counts the notes’ network 2→3→4→4→3→1 as 64 parameters, and follows the lab', () => {
    expect(numberOf(buildWith(set, 'graph-parameters'))).toBe(9 + 16 + 20 + 15 + 4);
    expect(numberOf(buildWith(set, 'graph-parameters', { 'graph-nn': { layers: 1, inputs: 3, w1: 2, outputs: 1 } }))).toBe(3 * 2 + 2 + 2 + 1);
  });
  it('computes the loss at the start for every loss and axis', () => {
    expect(numberOf(buildWith(set, 'start-loss'))).toBeCloseTo(9, 10); // MSE, y = 1, start −2
    expect(numberOf(buildWith(set, 'start-loss', { losses: { loss: 'l1', target: 0.5, x0: 2 } }))).toBeCloseTo(1.5, 10);
    expect(numberOf(buildWith(set, 'start-loss', { losses: { loss: 'bce', axis: 'prob', label: '1', p0: 0.1 } }))).toBeCloseTo(-Math.log(0.1), 10);
    expect(numberOf(buildWith(set, 'start-loss', { losses: { loss: 'bce', axis: 'prob', label: '0', p0: 0.1 } }))).toBeCloseTo(-Math.log(0.9), 10);
    expect(numberOf(buildWith(set, 'start-loss', { losses: { loss: 'bce', axis: 'logit', label: '1', x0: 0 } }))).toBeCloseTo(Math.log(2), 10);
    expect(numberOf(buildWith(set, 'start-loss', { losses: { loss: 'ce', axis: 'logit', classes: 4, x0: 1.5 } }))).toBeCloseTo(softmaxCrossEntropy([1.5, 0, 0, 0], 0), 10);
    expect(numberOf(buildWith(set, 'start-loss', { losses: { loss: 'ce', axis: 'prob', classes: 4, p0: 0.25 } }))).toBeCloseTo(Math.log(4), 10);
  });
  it('σ′(0) = 0.25, by a finite difference', () => {
    const s = (z: number) => 1 / (1 + Math.exp(-z));
    expect(numberOf(buildWith(set, 'sigmoid-derivative'))).toBeCloseTo((s(1e-5) - s(-1e-5)) / 2e-5, 8);
  });
});
