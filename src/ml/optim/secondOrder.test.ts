import { describe, expect, it } from 'vitest';
import { eigSym2, initLbfgs, initNewton, stepLbfgs, stepNewton, twoLoop } from './secondOrder';
import { makeSurface } from './surfaces';

describe('Newton', () => {
  it('converges in one step on the ill-conditioned quadratic', () => {
    for (const kappa of [1, 10, 100]) {
      const s = makeSurface('quadratic', { condition: kappa });
      const n1 = stepNewton(initNewton(s.start), s);
      expect(n1.modified).toBe(false);
      expect(Math.abs(n1.theta[0])).toBeLessThan(1e-12);
      expect(Math.abs(n1.theta[1])).toBeLessThan(1e-12);
    }
  });

  it('on the saddle uses |H| (flagged) and moves away from the saddle along y', () => {
    const s = makeSurface('saddle');
    const n1 = stepNewton(initNewton([-1, 0.1]), s);
    expect(n1.modified).toBe(true);
    expect(n1.eig).toEqual([-2, 2]);
    expect(n1.theta[0]).toBeCloseTo(0, 12);
    expect(n1.theta[1]).toBeCloseTo(0.2, 12);
    expect(s.f(...n1.theta)).toBeLessThan(s.f(-1, 0.1));
  });

  it('eigSym2 returns the eigenpairs of a symmetric 2×2 matrix', () => {
    const { lo, hi, u } = eigSym2(2, 1, 3);
    expect(lo * hi).toBeCloseTo(5, 12);
    expect(lo + hi).toBeCloseTo(5, 12);
    expect(2 * u[0] + 1 * u[1]).toBeCloseTo(hi * u[0], 12);
    expect(1 * u[0] + 3 * u[1]).toBeCloseTo(hi * u[1], 12);
  });
});

describe('L-BFGS', () => {
  it('two-loop recursion satisfies the secant condition H̃⁻¹ y = s for the newest pair', () => {
    const r = twoLoop([0.5, -1.5], [[1, 0.5], [0.2, -0.4]], [[2, 0.7], [0.5, -1.5]]);
    expect(r[0]).toBeCloseTo(0.2, 12);
    expect(r[1]).toBeCloseTo(-0.4, 12);
  });

  it('solves the κ = 100 quadratic in a few steps and Rosenbrock within 100', () => {
    const q = makeSurface('quadratic', { condition: 100 });
    let s = initLbfgs(q.start);
    for (let i = 0; i < 10; i++) s = stepLbfgs(s, q, 5);
    expect(q.f(...s.theta)).toBeLessThan(1e-12);
    const r = makeSurface('rosenbrock');
    let t = initLbfgs(r.start);
    for (let i = 0; i < 100; i++) t = stepLbfgs(t, r, 5);
    expect(r.f(...t.theta)).toBeLessThan(1e-10);
    expect(t.sHist.length).toBeLessThanOrEqual(5);
  });

  it('every step decreases f (Armijo line search)', () => {
    const b = makeSurface('beale');
    let s = initLbfgs(b.start);
    for (let i = 0; i < 30; i++) {
      const next = stepLbfgs(s, b, 3);
      expect(b.f(...next.theta)).toBeLessThanOrEqual(b.f(...s.theta));
      s = next;
    }
  });
});
