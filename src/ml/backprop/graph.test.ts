import { describe, expect, it } from 'vitest';
import { ARITH_GRAPH, SIGMOID_GRAPH, evaluateGraph, graphStages, revealedAfter, type GraphSpec } from './graph';

function finiteDiff(spec: GraphSpec, inputs: Record<string, number>, id: string, eps = 1e-6): number {
  const f = (v: number) => evaluateGraph(spec, { ...inputs, [id]: v }).values.f;
  return (f(inputs[id] + eps) - f(inputs[id] - eps)) / (2 * eps);
}

const NOTES = { x: 1, y: -3, z: 4 };
const CLASSIC = { w0: 2, x0: -1, w1: -3, x1: -2, b: -3 };

describe('computational graphs', () => {
  it('reproduces the notes: f = (x + y)·z = −8, ∂f/∂x = ∂f/∂y = 4, ∂f/∂z = −2', () => {
    const r = evaluateGraph(ARITH_GRAPH, NOTES);
    expect(r.values.d).toBe(-2);
    expect(r.values.f).toBe(-8);
    expect(r.grads.d).toBe(4);
    expect(r.grads.x).toBe(4);
    expect(r.grads.y).toBe(4);
    expect(r.grads.z).toBe(-2);
  });

  it('the sigmoid neuron gives σ(1) and the classic gradients', () => {
    const r = evaluateGraph(SIGMOID_GRAPH, CLASSIC);
    const s = 1 / (1 + Math.exp(-1));
    expect(r.values.f).toBeCloseTo(s, 12);
    // ∂f/∂s = σ(1 − σ); ∂s/∂w0 = x0 etc.
    const ds = s * (1 - s);
    expect(r.grads.w0).toBeCloseTo(ds * -1, 12);
    expect(r.grads.x0).toBeCloseTo(ds * 2, 12);
    expect(r.grads.w1).toBeCloseTo(ds * -2, 12);
    expect(r.grads.x1).toBeCloseTo(ds * -3, 12);
    expect(r.grads.b).toBeCloseTo(ds, 12);
  });

  it.each([
    ['arith', ARITH_GRAPH, NOTES],
    ['arith (other inputs)', ARITH_GRAPH, { x: 2.5, y: 0.7, z: -1.3 }],
    ['sigmoid', SIGMOID_GRAPH, CLASSIC],
    ['sigmoid (other inputs)', SIGMOID_GRAPH, { w0: 0.3, x0: 1.2, w1: -0.8, x1: 0.4, b: 0.1 }],
  ])('every gradient of %s matches central finite differences', (_name, spec, inputs) => {
    const r = evaluateGraph(spec, inputs);
    for (const id of Object.keys(inputs)) {
      const num = finiteDiff(spec, inputs, id);
      expect(Math.abs(r.grads[id] - num) / Math.max(Math.abs(num), 1)).toBeLessThan(1e-8);
    }
  });

  it('stages: every gate forward, then every gate backward; reveals grow to everything', () => {
    expect(graphStages(ARITH_GRAPH).map((s) => `${s.pass}:${s.node}`)).toEqual(['forward:d', 'forward:f', 'backward:f', 'backward:d']);
    expect(graphStages(SIGMOID_GRAPH)).toHaveLength(16);
    const start = revealedAfter(ARITH_GRAPH, 0);
    expect([...start.values].sort()).toEqual(['x', 'y', 'z']);
    expect(start.grads.size).toBe(0);
    const afterF = revealedAfter(ARITH_GRAPH, 3);
    expect([...afterF.grads].sort()).toEqual(['d', 'f', 'z']);
    const end = revealedAfter(ARITH_GRAPH, 4);
    expect(end.grads.size).toBe(5);
    expect(end.values.size).toBe(5);
  });
});
