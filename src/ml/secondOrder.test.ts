import { describe, expect, it } from 'vitest';
import {
  dampedIterate, dampedStep, gaussNewtonStep, gdStep, gradient, jacobian, makeExpData, newton1DStep,
  NEWTON_FUNCTIONS, quadraticModel, residuals, sse, updateLambda, type CurveData, type DampedState, type Theta,
} from './secondOrder';

const data: CurveData = { xs: [0, 0.5, 1, 1.5], ys: [2.1, 1.1, 0.8, 0.4] };
const theta: Theta = { a: 1.5, b: -0.7 };

describe('Jacobian and gradient', () => {
  it('match central finite differences', () => {
    const J = jacobian(theta, data);
    const h = 1e-6;
    const ra = [residuals({ ...theta, a: theta.a + h }, data), residuals({ ...theta, a: theta.a - h }, data)];
    const rb = [residuals({ ...theta, b: theta.b + h }, data), residuals({ ...theta, b: theta.b - h }, data)];
    J.forEach(([ja, jb], i) => {
      expect(ja).toBeCloseTo((ra[0][i] - ra[1][i]) / (2 * h), 6);
      expect(jb).toBeCloseTo((rb[0][i] - rb[1][i]) / (2 * h), 6);
    });
    const g = gradient(theta, data);
    expect(g[0]).toBeCloseTo((sse({ ...theta, a: theta.a + h }, data) - sse({ ...theta, a: theta.a - h }, data)) / (2 * h), 5);
    expect(g[1]).toBeCloseTo((sse({ ...theta, b: theta.b + h }, data) - sse({ ...theta, b: theta.b - h }, data)) / (2 * h), 5);
  });
});

/** Hand computation of the (corrected) notes' formulas with explicit 2×2 matrices. */
function hand(t: Theta, d: CurveData) {
  const J = d.xs.map((x) => [Math.exp(t.b * x), t.a * x * Math.exp(t.b * x)]);
  const r = d.xs.map((x, i) => t.a * Math.exp(t.b * x) - d.ys[i]);
  const A = [[0, 0], [0, 0]];
  const g = [0, 0];
  J.forEach((row, i) => {
    for (let j = 0; j < 2; j++) {
      g[j] += 2 * row[j] * r[i]; // ∇L = 2 J_Eᵀ E
      for (let k = 0; k < 2; k++) A[j][k] += row[j] * row[k];
    }
  });
  /** Solve (2A + 2λD)(θ_k − θ_{k+1}) = ∇L for the step θ_{k+1} − θ_k. */
  const step = (D: number[][], lambda: number) => {
    const M = A.map((row, j) => row.map((v, k) => 2 * v + 2 * lambda * D[j][k]));
    const det = M[0][0] * M[1][1] - M[0][1] * M[1][0];
    return [-(M[1][1] * g[0] - M[0][1] * g[1]) / det, -(M[0][0] * g[1] - M[1][0] * g[0]) / det];
  };
  return { A, g, step };
}

describe('steps against the corrected notes formulas', () => {
  const H = hand(theta, data);
  it('Gauss–Newton: 2 J_EᵀJ_E (θ_k − θ_{k+1}) = ∇L(θ_k)', () => {
    const s = gaussNewtonStep(theta, data)!;
    const e = H.step([[0, 0], [0, 0]], 0);
    expect(s[0]).toBeCloseTo(e[0], 10);
    expect(s[1]).toBeCloseTo(e[1], 10);
  });
  it('Levenberg: (J_EᵀJ_E + λI)(θ_k − θ_{k+1}) = ½∇L(θ_k)', () => {
    const s = dampedStep(theta, data, 0.3, 'identity')!;
    const e = H.step([[1, 0], [0, 1]], 0.3);
    expect(s[0]).toBeCloseTo(e[0], 10);
    expect(s[1]).toBeCloseTo(e[1], 10);
  });
  it('LM: (J_EᵀJ_E + λ diag(J_EᵀJ_E))(θ_k − θ_{k+1}) = ½∇L(θ_k)', () => {
    const s = dampedStep(theta, data, 0.3, 'diag')!;
    const e = H.step([[H.A[0][0], 0], [0, H.A[1][1]]], 0.3);
    expect(s[0]).toBeCloseTo(e[0], 10);
    expect(s[1]).toBeCloseTo(e[1], 10);
  });
  it('gradient descent: θ − α∇L', () => {
    const t = gdStep(theta, data, 0.01);
    expect(t.a).toBeCloseTo(theta.a - 0.01 * H.g[0], 12);
    expect(t.b).toBeCloseTo(theta.b - 0.01 * H.g[1], 12);
  });
  it('large λ in Levenberg turns into a short gradient-descent step −∇L/(2λ)', () => {
    const s = dampedStep(theta, data, 1e6, 'identity')!;
    expect(s[0]).toBeCloseTo(-H.g[0] / 2e6, 10);
    expect(s[1]).toBeCloseTo(-H.g[1] / 2e6, 10);
  });
});

describe('Gauss–Newton is Newton on the linearised problem', () => {
  it('the GN step minimises ‖E + J_E δ‖² exactly (Newton on a quadratic is one step)', () => {
    const J = jacobian(theta, data);
    const r = residuals(theta, data);
    const lin = (d: number[]) => r.reduce((s, ri, i) => s + (ri + J[i][0] * d[0] + J[i][1] * d[1]) ** 2, 0);
    const d = gaussNewtonStep(theta, data)!;
    // The linearised loss is quadratic with Hessian 2JᵀJ and gradient 2Jᵀ(E + Jδ); Newton from δ = 0 lands on its minimum.
    const h = 1e-4;
    const gradAt = [0, 1].map((k) => {
      const p = [...d], m = [...d];
      p[k] += h; m[k] -= h;
      return (lin(p) - lin(m)) / (2 * h);
    });
    expect(Math.abs(gradAt[0])).toBeLessThan(1e-6);
    expect(Math.abs(gradAt[1])).toBeLessThan(1e-6);
    expect(lin(d)).toBeLessThan(lin([0, 0]));
  });
});

describe('convergence on noise-free data', () => {
  const truth = { a: 2, b: -1 };
  const clean = makeExpData(truth, 0, 20, 1);
  it('Gauss–Newton reaches the true (a, b) in a few iterations', () => {
    let t: Theta = { a: 1, b: 0 };
    for (let k = 0; k < 10; k++) t = { a: t.a + gaussNewtonStep(t, clean)![0], b: t.b + gaussNewtonStep(t, clean)![1] };
    expect(t.a).toBeCloseTo(2, 8);
    expect(t.b).toBeCloseTo(-1, 8);
  });
  it('LM reaches the true (a, b) in a few iterations', () => {
    const start: Theta = { a: 1, b: 0 };
    let s: DampedState = { theta: start, lambda: 1, loss: sse(start, clean), accepted: true };
    for (let k = 0; k < 20; k++) s = dampedIterate(s, clean, 'diag');
    expect(s.theta.a).toBeCloseTo(2, 8);
    expect(s.theta.b).toBeCloseTo(-1, 8);
  });
});

describe('λ adapts as a trust region', () => {
  it('÷10 on an accepted step, ×10 and θ kept on a rejected one', () => {
    expect(updateLambda(1, true)).toBeCloseTo(0.1, 12);
    expect(updateLambda(1, false)).toBeCloseTo(10, 12);
    const start: Theta = { a: 1, b: 0 };
    const s0: DampedState = { theta: start, lambda: 1, loss: sse(start, data), accepted: true };
    const s1 = dampedIterate(s0, data, 'identity');
    expect(s1.accepted).toBe(true);
    expect(s1.lambda).toBeCloseTo(0.1, 12);
    expect(s1.loss).toBeLessThan(s0.loss);
    // At the minimum no step changes the loss beyond rounding: θ and λ stay put.
    let s = s1;
    for (let k = 0; k < 80; k++) s = dampedIterate(s, data, 'identity');
    const after = dampedIterate(s, data, 'identity');
    expect(after.theta).toEqual(s.theta);
    expect(after.lambda).toBe(s.lambda);
    expect(after.lambda).toBeGreaterThanOrEqual(1e-12);
  });
  it('a deliberately bad step is rejected', () => {
    // From (0.5, −3) the undamped Gauss–Newton step overshoots (loss 4.3 → ~8·10¹⁵).
    const t: Theta = { a: 0.5, b: -3 };
    const s0: DampedState = { theta: t, lambda: 1e-6, loss: sse(t, data), accepted: true };
    const full = gaussNewtonStep(t, data)!;
    expect(sse({ a: t.a + full[0], b: t.b + full[1] }, data)).toBeGreaterThan(s0.loss);
    const s1 = dampedIterate(s0, data, 'identity');
    expect(s1.accepted).toBe(false);
    expect(s1.theta).toEqual(t);
    expect(s1.loss).toBe(s0.loss);
    expect(s1.lambda).toBeCloseTo(1e-5, 15);
  });
});

describe('Newton in 1D', () => {
  const q = NEWTON_FUNCTIONS.quartic;
  it('steps to the minimum of the quadratic model and converges to a stationary point', () => {
    const x1 = newton1DStep(q, 2);
    expect(x1).toBeCloseTo(2 - 21 / 42, 12);
    const h = 1e-5;
    expect(quadraticModel(q, 2, x1)).toBeLessThan(quadraticModel(q, 2, x1 + h));
    expect(quadraticModel(q, 2, x1)).toBeLessThan(quadraticModel(q, 2, x1 - h));
    let x = 2;
    for (let k = 0; k < 20; k++) x = newton1DStep(q, x);
    expect(Math.abs(q.df(x))).toBeLessThan(1e-12);
  });
  it('√(1+x²): x_{k+1} = −x_k³ (diverges for |x₀| > 1)', () => {
    expect(newton1DStep(NEWTON_FUNCTIONS.sqrt, 0.5)).toBeCloseTo(-0.125, 12);
    expect(newton1DStep(NEWTON_FUNCTIONS.sqrt, 1.2)).toBeCloseTo(-1.728, 12);
  });
});
