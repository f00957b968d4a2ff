import { describe, expect, it } from 'vitest';
import { ARITH_GRAPH, evaluateGraph, SIGMOID_GRAPH } from '../../ml/backprop/graph';
import { buildWith, numberOf } from '../../selfcheck/testing';
import set from './selfCheck';

describe('lecture 04 self-check', () => {
  it('the graph gradient matches the lab’s own graph evaluation, for both graphs', () => {
    expect(numberOf(buildWith(set, 'graph-gradient'))).toBe(-2); // notes: ∂f/∂z = x + y = −2
    const arith = { x: 2.5, y: 1, z: -3 };
    expect(numberOf(buildWith(set, 'graph-gradient', { backprop: { graph: 'arith', ...arith } }))).toBeCloseTo(evaluateGraph(ARITH_GRAPH, arith).grads.z, 10);
    const sig = { w0: 2, x0: -1, w1: -3, x1: -2, b: -3 };
    const b = buildWith(set, 'graph-gradient', { backprop: { graph: 'sigmoid', ...sig } });
    expect(numberOf(b)).toBeCloseTo(evaluateGraph(SIGMOID_GRAPH, sig).grads.w0, 10);
    expect(numberOf(b)).toBeCloseTo(-0.196612, 5);
  });
  it('one chain-rule step on the notes’ example, checked by a finite difference of the loss', () => {
    const loss = (w1: number, p: { x: number; y: number; w2: number; relu: boolean }) => {
      const z = w1 * p.x;
      return (p.w2 * (p.relu ? Math.max(0, z) : z) - p.y) ** 2;
    };
    const cases = [
      { lab: {}, p: { x: 1, y: 0, w2: 2, relu: true }, w1: 1 / 3, lr: 0.1 },
      { lab: { x: -1.5, y: 0.7, w1: '-2/3', w2: 1.25, lr: 0.5, act: 'relu' }, p: { x: -1.5, y: 0.7, w2: 1.25, relu: true }, w1: -2 / 3, lr: 0.5 },
      { lab: { x: 0.4, y: -1, w1: '4/3', w2: -0.5, lr: 0.01, act: 'linear' }, p: { x: 0.4, y: -1, w2: -0.5, relu: false }, w1: 4 / 3, lr: 0.01 },
    ];
    for (const c of cases) {
      const h = 1e-6;
      const grad = (loss(c.w1 + h, c.p) - loss(c.w1 - h, c.p)) / (2 * h);
      expect(numberOf(buildWith(set, 'chain-update', { chain: c.lab }))).toBeCloseTo(c.w1 - c.lr * grad, 6);
    }
    expect(numberOf(buildWith(set, 'chain-update'))).toBeCloseTo(1 / 3 - 0.1 * (8 / 3), 10);
  });
  it('counts the gradient-check network’s parameters', () => {
    expect(numberOf(buildWith(set, 'gradcheck-weights'))).toBe(2 * 3 + 3 + 3 * 2 + 2);
    expect(numberOf(buildWith(set, 'gradcheck-weights', { gradcheck: { hidden: 6 } }))).toBe(32);
  });
  it('the L2 penalty is 0.525', () => {
    expect(numberOf(buildWith(set, 'l2-penalty'))).toBeCloseTo(0.525, 10);
  });
});
