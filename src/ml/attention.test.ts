import { describe, expect, it } from 'vitest';
import {
  attention, createSaturationRun, initMultiHead, matmul, multiHeadAttention, softmax, softmaxJacobian, softmaxJacobianNorm,
  SATURATION_DKS, type Matrix,
} from './attention';
import { createRng } from './rng';

const close = (a: Matrix, b: Matrix, digits = 6) => {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(b[i][j], digits)));
};
const randomMatrix = (rows: number, cols: number, seed: number): Matrix => {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal()));
};

describe('attention with a known Q, K, V', () => {
  it('d_k = 1: QKᵀ = [[ln 3, 0], [0, 0]] gives weights [[3/4, 1/4], [1/2, 1/2]] and outputs [[5], [6]]', () => {
    // q₁·k₁ = ln 3, q₁·k₂ = 0 → e^{ln 3} / (e^{ln 3} + e⁰) = 3/4; q₂ = 0 → uniform. √d_k = 1.
    // Outputs: 3/4·4 + 1/4·8 = 5 and 1/2·4 + 1/2·8 = 6.
    const r = attention([[Math.log(3)], [0]], [[1], [0]], [[4], [8]], { scale: true, causal: false });
    expect(r.divisor).toBe(1);
    close(r.weights, [[0.75, 0.25], [0.5, 0.5]], 12);
    close(r.output, [[5], [6]], 12);
  });

  it('d_k = 4: QKᵀ = [[4, 0], [0, 0]], ÷√4 = [[2, 0], [0, 0]], softmax row 1 = [e²/(e²+1), 1/(e²+1)] = [0.880797, 0.119203]', () => {
    const Q = [[2, 0, 0, 0], [0, 0, 0, 2]];
    const K = [[2, 0, 0, 0], [0, 2, 0, 0]];
    const V = [[1, 0], [0, 1]];
    const r = attention(Q, K, V, { scale: true, causal: false });
    close(r.scores, [[4, 0], [0, 0]], 12);
    expect(r.divisor).toBe(2);
    close(r.scaled, [[2, 0], [0, 0]], 12);
    close(r.weights, [[0.880797, 0.119203], [0.5, 0.5]], 6);
    close(r.output, [[0.880797, 0.119203], [0.5, 0.5]], 6);
    // Without the scaling: softmax([4, 0]) = [e⁴/(e⁴+1), 1/(e⁴+1)] = [0.982014, 0.017986].
    close(attention(Q, K, V, { scale: false, causal: false }).weights, [[0.982014, 0.017986], [0.5, 0.5]], 6);
    // Causal: query 1 may only see key 1 → [1, 0]; query 2 sees both.
    const c = attention(Q, K, V, { scale: true, causal: true });
    expect(c.masked[0][1]).toBe(-Infinity);
    close(c.weights, [[1, 0], [0.5, 0.5]], 12);
    close(c.output, [[1, 0], [0.5, 0.5]], 12);
  });

  it('soft indexing: a query equal to one key (scaled up) picks that key’s value', () => {
    const K = [[3, 0, 0, 0], [0, 3, 0, 0], [0, 0, 3, 0], [0, 0, 0, 3]];
    const V = [[1, 0], [0, 1], [1, 1], [-1, 0]];
    const r = attention([K[2]], K, V, { scale: true, causal: false });
    // logits 9/2 = 4.5 on key 3, 0 elsewhere: weight e^4.5 / (e^4.5 + 3) = 0.96780
    expect(r.weights[0][2]).toBeCloseTo(Math.exp(4.5) / (Math.exp(4.5) + 3), 12);
    expect(r.weights[0][2]).toBeCloseTo(0.96775, 4);
    expect(r.output[0][0]).toBeCloseTo(r.weights[0][0] + r.weights[0][2] - r.weights[0][3], 12);
  });
});

describe('attention properties', () => {
  it('rows of the weights sum to 1 (with and without mask, scaled or not)', () => {
    const Q = randomMatrix(6, 5, 1);
    const K = randomMatrix(6, 5, 2);
    const V = randomMatrix(6, 3, 3);
    for (const scale of [true, false]) {
      for (const causal of [true, false]) {
        const r = attention(Q, K, V, { scale, causal });
        for (const row of r.weights) expect(row.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 12);
        expect(r.output.length).toBe(6);
        expect(r.output[0].length).toBe(3);
      }
    }
  });

  it('the causal mask zeros the upper triangle (j > i) and leaves the row-0 output equal to v₁', () => {
    const Q = randomMatrix(5, 4, 4);
    const K = randomMatrix(5, 4, 5);
    const V = randomMatrix(5, 2, 6);
    const r = attention(Q, K, V, { scale: true, causal: true });
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        if (j > i) {
          expect(r.weights[i][j]).toBe(0);
          expect(r.masked[i][j]).toBe(-Infinity);
        } else expect(r.weights[i][j]).toBeGreaterThan(0);
      }
    }
    close([r.output[0]], [V[0]], 12);
  });

  it('softmax is stable for large logits and gives 0 to −∞', () => {
    const p = softmax([1000, 999, -Infinity]);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(p[2]).toBe(0);
  });
});

describe('softmax Jacobian', () => {
  it('diag(p) − ppᵀ matches central finite differences of softmax', () => {
    const z = [0.3, -1.2, 2.0, 0.7, -0.1];
    const p = softmax(z);
    const J = softmaxJacobian(p);
    const h = 1e-6;
    for (let j = 0; j < z.length; j++) {
      const up = softmax(z.map((v, k) => (k === j ? v + h : v)));
      const dn = softmax(z.map((v, k) => (k === j ? v - h : v)));
      for (let i = 0; i < z.length; i++) expect(J[i][j]).toBeCloseTo((up[i] - dn[i]) / (2 * h), 8);
    }
    const fro = Math.sqrt(J.flat().reduce((a, v) => a + v * v, 0));
    expect(softmaxJacobianNorm(p)).toBeCloseTo(fro, 12);
  });

  it('norm is √(n−1)/n for a uniform p and 0 for one-hot', () => {
    expect(softmaxJacobianNorm(new Array(8).fill(1 / 8))).toBeCloseTo(Math.sqrt(7) / 8, 12);
    expect(softmaxJacobianNorm([0, 1, 0])).toBe(0);
  });
});

describe('saturation Monte Carlo', () => {
  it('the scaling makes the logit variance ≈ 1; without it the variance is ≈ d_k', () => {
    const run = createSaturationRun({ trials: 1500, seed: 3, dks: [64] });
    while (!run.done()) run.step();
    const [pt] = run.points();
    expect(pt.trials).toBe(1500);
    expect(pt.scaled.logitStd ** 2).toBeGreaterThan(0.93);
    expect(pt.scaled.logitStd ** 2).toBeLessThan(1.07);
    expect(pt.raw.logitStd ** 2 / 64).toBeGreaterThan(0.93);
    expect(pt.raw.logitStd ** 2 / 64).toBeLessThan(1.07);
  });

  it('without scaling the softmax saturates (max weight → 1, Jacobian → 0) as d_k grows; with it, it does not', () => {
    const run = createSaturationRun({ trials: 300, seed: 1 });
    let steps = 0;
    while (!run.done()) {
      run.step();
      steps++;
    }
    expect(steps).toBe(run.totalSteps);
    const pts = run.points();
    expect(pts.map((q) => q.dk)).toEqual([...SATURATION_DKS]);
    const first = pts[0];
    const last = pts[pts.length - 1];
    // d_k = 1: the two modes are the same numbers.
    expect(first.raw.maxWeight).toBeCloseTo(first.scaled.maxWeight, 12);
    expect(last.raw.maxWeight).toBeGreaterThan(0.9);
    expect(last.scaled.maxWeight).toBeLessThan(0.6);
    expect(last.raw.jacobian).toBeLessThan(0.2 * last.scaled.jacobian);
    // Raw max weight rises with d_k overall; the scaled one stays within a narrow band.
    expect(last.raw.maxWeight).toBeGreaterThan(pts[3].raw.maxWeight);
    const scaledW = pts.map((q) => q.scaled.maxWeight);
    expect(Math.max(...scaledW) - Math.min(...scaledW)).toBeLessThan(0.15);
    // Same seed → same numbers.
    const again = createSaturationRun({ trials: 300, seed: 1 });
    while (!again.done()) again.step();
    expect(again.points()).toEqual(pts);
  });
});

describe('multi-head attention', () => {
  const tokens = ['the', 'cat', 'sat', 'on', 'the', 'mat'];
  const w = initMultiHead(tokens, 12, 1);

  it('shapes: h heads of n×n weights and n×(d_model/h) outputs, concat and output n×d_model', () => {
    for (const h of [1, 2, 3, 4]) {
      const r = multiHeadAttention(w, h, { scale: true, causal: false });
      expect(r.heads.length).toBe(h);
      expect(r.dk).toBe(12 / h);
      for (const hd of r.heads) {
        expect(hd.weights.length).toBe(6);
        expect(hd.weights[0].length).toBe(6);
        expect(hd.q[0].length).toBe(12 / h);
        expect(hd.output[0].length).toBe(12 / h);
      }
      expect(r.concat.length).toBe(6);
      expect(r.concat[0].length).toBe(12);
      expect(r.output[0].length).toBe(12);
    }
    expect(() => multiHeadAttention(w, 5, { scale: true, causal: false })).toThrow(/divisible/);
  });

  it('one head is plain attention on XW_Q, XW_K, XW_V followed by W_O; repeated words share embeddings', () => {
    const r = multiHeadAttention(w, 1, { scale: true, causal: false });
    const a = attention(matmul(w.x, w.wq), matmul(w.x, w.wk), matmul(w.x, w.wv), { scale: true, causal: false });
    close(r.heads[0].weights, a.weights, 12);
    close(r.output, matmul(a.output, w.wo), 12);
    expect(w.x[0]).toEqual(w.x[4]);
    // Identical rows of X → identical outputs (no positional information without a mask).
    close([r.output[0]], [r.output[4]], 12);
    const c = multiHeadAttention(w, 2, { scale: true, causal: true });
    for (const hd of c.heads) expect(hd.weights[0].slice(1).every((v) => v === 0)).toBe(true);
  });
});
