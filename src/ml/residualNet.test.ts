import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import {
  adamStep, backward, cloneNet, createAdam, createDeepNet, createWorkspace, evaluate, forward, hasSkip, initStd, layerGradNorms, layerShapes,
  zeroGrads, type DeepNet, type DeepNetSpec, type ResidualBlock,
} from './residualNet';

function data(n: number, inputs: number, classes: number, seed: number) {
  const rng = createRng(seed);
  const x = new Float64Array(n * inputs);
  for (let i = 0; i < x.length; i++) x[i] = 2 * rng.next() - 1;
  const y = Int32Array.from({ length: n }, () => rng.int(classes));
  return { x, y };
}

function loss(net: DeepNet, x: Float64Array, y: Int32Array): number {
  return forward(net, x, y, createWorkspace(net.spec, y.length));
}

/** Random biases too, so that every path (including the bias gradients) is exercised. */
function netWithBiases(spec: DeepNetSpec, seed: number): DeepNet {
  const net = createDeepNet(spec, 'he', createRng(seed));
  const rng = createRng(seed + 1);
  for (const b of net.b) for (let i = 0; i < b.length; i++) b[i] = 0.3 * rng.normal();
  return net;
}

describe('deep plain and residual networks', () => {
  it('builds D + 2 layers with skips on the second layer of each block only', () => {
    const spec: DeepNetSpec = { inputs: 2, width: 5, depth: 6, classes: 3, residual: true };
    expect(layerShapes(spec).map((s) => `${s.nIn}x${s.nOut}`)).toEqual(['2x5', '5x5', '5x5', '5x5', '5x5', '5x5', '5x5', '5x3']);
    expect([0, 1, 2, 3, 4, 5, 6, 7].filter((l) => hasSkip(spec, l))).toEqual([2, 4, 6]);
    expect([0, 1, 2, 3, 4, 5, 6, 7].filter((l) => hasSkip({ ...spec, residual: false }, l))).toEqual([]);
    expect(() => createDeepNet({ ...spec, depth: 5 }, 'he', createRng(1))).toThrow(/even depth/);
    expect(initStd('he', 8)).toBeCloseTo(0.5, 12);
    expect(initStd('xavier', 4)).toBeCloseTo(0.5, 12);
  });

  it('draws the same initial weights for the plain and the residual net', () => {
    const spec: DeepNetSpec = { inputs: 2, width: 4, depth: 4, classes: 2, residual: false };
    const a = createDeepNet(spec, 'he', createRng(9));
    const b = createDeepNet({ ...spec, residual: true }, 'he', createRng(9));
    expect(a.W.map((w) => [...w])).toEqual(b.W.map((w) => [...w]));
  });

  it('a residual block with zero weights passes its input through (x + F(x), F = 0)', () => {
    const spec: DeepNetSpec = { inputs: 2, width: 3, depth: 2, classes: 2, residual: true };
    const net = createDeepNet(spec, 'he', createRng(2));
    net.W[1].fill(0);
    net.W[2].fill(0);
    const { x, y } = data(4, 2, 2, 3);
    const ws = createWorkspace(spec, 4);
    forward(net, x, y, ws);
    expect([...ws.h[2]]).toEqual([...ws.h[0]]);
  });

  for (const [residual, block] of [[false, 'identity'], [true, 'identity'], [true, 'post']] as [boolean, ResidualBlock][]) {
    it(`backprop matches central finite differences (${residual ? `residual, ${block}` : 'plain'})`, () => {
      const spec: DeepNetSpec = { inputs: 2, width: 4, depth: 4, classes: 3, residual, block };
      const net = netWithBiases(spec, 11);
      const { x, y } = data(6, 2, 3, 5);
      const ws = createWorkspace(spec, 6);
      const g = zeroGrads(net);
      forward(net, x, y, ws);
      backward(net, x, ws, g);
      const h = 1e-6;
      let worst = 0;
      let checked = 0;
      for (let l = 0; l < net.W.length; l++) {
        for (const [params, grads] of [[net.W[l], g.W[l]], [net.b[l], g.b[l]]] as const) {
          for (let i = 0; i < params.length; i++) {
            const keep = params[i];
            params[i] = keep + h;
            const up = loss(net, x, y);
            params[i] = keep - h;
            const down = loss(net, x, y);
            params[i] = keep;
            const numeric = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(numeric - grads[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(grads[i])));
            checked++;
          }
        }
      }
      expect(checked).toBe(2 * 4 + 4 + 4 * (16 + 4) + 4 * 3 + 3);
      expect(worst).toBeLessThan(1e-5);
    });
  }

  it('the backward pass overwrites the gradients (no accumulation across calls)', () => {
    const spec: DeepNetSpec = { inputs: 2, width: 4, depth: 2, classes: 2, residual: true };
    const net = netWithBiases(spec, 4);
    const { x, y } = data(8, 2, 2, 6);
    const ws = createWorkspace(spec, 8);
    const g = zeroGrads(net);
    forward(net, x, y, ws);
    backward(net, x, ws, g);
    const first = layerGradNorms(g);
    forward(net, x, y, ws);
    backward(net, x, ws, g);
    expect(layerGradNorms(g)).toEqual(first);
  });

  it('reports Σ‖∂L/∂hˡ‖² per hidden state; the skip carries the gradient down unchanged in an identity block', () => {
    const spec: DeepNetSpec = { inputs: 2, width: 3, depth: 2, classes: 2, residual: true };
    const net = netWithBiases(spec, 7);
    const { x, y } = data(5, 2, 2, 9);
    const ws = createWorkspace(spec, 5);
    forward(net, x, y, ws);
    // ∂L/∂h² = ds · W³ (the output layer), row by row.
    let expected = 0;
    for (let r = 0; r < 5; r++) {
      for (let k = 0; k < 3; k++) {
        let v = 0;
        for (let c = 0; c < 2; c++) v += ws.dLogits[2 * r + c] * net.W[3][3 * c + k];
        expected += v * v;
      }
    }
    const dhSq = new Float64Array(3);
    backward(net, x, ws, zeroGrads(net), dhSq);
    expect(dhSq[2]).toBeCloseTo(expected, 14);
    // With the branch switched off (W² = 0), ∂L/∂h⁰ = ∂L/∂h² exactly.
    net.W[2].fill(0);
    forward(net, x, y, ws);
    const d2 = new Float64Array(3);
    backward(net, x, ws, zeroGrads(net), d2);
    expect(d2[0]).toBeCloseTo(d2[2], 14);
  });

  it('Adam lowers the loss of a small residual net, and evaluate agrees with forward', () => {
    const spec: DeepNetSpec = { inputs: 2, width: 8, depth: 4, classes: 2, residual: true };
    const net = createDeepNet(spec, 'he', createRng(3));
    const start = cloneNet(net);
    const { x, y } = data(32, 2, 2, 8);
    const ws = createWorkspace(spec, 32);
    const g = zeroGrads(net);
    const adam = createAdam(net);
    const l0 = forward(net, x, y, ws);
    for (let t = 0; t < 200; t++) {
      forward(net, x, y, ws);
      backward(net, x, ws, g);
      adamStep(net, g, adam, 0.01);
    }
    const e = evaluate(net, x, y, createWorkspace(spec, 8));
    expect(e.loss).toBeCloseTo(forward(net, x, y, ws), 10);
    expect(e.loss).toBeLessThan(0.5 * l0);
    expect(loss(start, x, y)).toBeCloseTo(l0, 12);
  });
});
