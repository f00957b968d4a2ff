import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { designMatrix, evalPolynomial, fitPolynomial, hessianMaxEigen, legendreFeatures, polyMse, PolyGD, qrLeastSquares } from './polyfit';

/** A polynomial in raw powers, for ground truth: c0 + c1 x + c2 x² + … */
const mono = (c: number[]) => (x: number) => c.reduce((s, ck, k) => s + ck * x ** k, 0);

describe('Legendre basis', () => {
  it('is orthonormal under U[−1, 1] (midpoint rule)', () => {
    const m = 20000;
    const G = Array.from({ length: 16 }, () => new Array<number>(16).fill(0));
    for (let i = 0; i < m; i++) {
      const phi = legendreFeatures(-1 + (2 * (i + 0.5)) / m, 15);
      for (let j = 0; j < 16; j++) for (let k = 0; k < 16; k++) G[j][k] += (phi[j] * phi[k]) / m;
    }
    for (let j = 0; j < 16; j++) for (let k = 0; k < 16; k++) expect(G[j][k]).toBeCloseTo(j === k ? 1 : 0, 3);
  });

  it('matches the closed forms P2 = (3x² − 1)/2, P3 = (5x³ − 3x)/2', () => {
    for (const x of [-0.9, -0.3, 0.2, 0.77]) {
      const phi = legendreFeatures(x, 3);
      expect(phi[2]).toBeCloseTo(Math.sqrt(5) * (3 * x * x - 1) / 2, 12);
      expect(phi[3]).toBeCloseTo(Math.sqrt(7) * (5 * x ** 3 - 3 * x) / 2, 12);
    }
  });
});

describe('least-squares polynomial fit', () => {
  it('QR solves an exactly determined system', () => {
    // [[2, 1], [1, 3]] θ = [3, 5] → θ = [0.8, 1.4]
    const th = qrLeastSquares(Float64Array.from([2, 1, 1, 3]), [3, 5], 2, 2);
    expect(th[0]).toBeCloseTo(0.8, 12);
    expect(th[1]).toBeCloseTo(1.4, 12);
  });

  it('recovers an exact polynomial from noiseless data (degree 4, and degree 15 given enough points)', () => {
    const f = mono([0.5, -1, 2, 0.3, -1.5]);
    const rng = createRng(3);
    const x = Array.from({ length: 40 }, () => 2 * rng.next() - 1);
    const y = x.map(f);
    for (const degree of [4, 15]) {
      // Plain QR (no ridge): exact to rounding, even at degree 15 where raw powers would lose every digit.
      const theta = fitPolynomial(x, y, degree, 0);
      expect(polyMse(theta, x, y)).toBeLessThan(1e-20);
      for (const t of [-1, -0.55, 0, 0.31, 0.99]) expect(Math.abs(evalPolynomial(theta, t) - f(t))).toBeLessThan(1e-9);
      for (let k = 5; k <= degree; k++) expect(Math.abs(theta[k])).toBeLessThan(1e-10);
      // The lab's tiny ridge changes nothing visible.
      const ridged = fitPolynomial(x, y, degree);
      for (const t of [-0.8, -0.55, 0, 0.31, 0.9]) expect(Math.abs(evalPolynomial(ridged, t) - f(t))).toBeLessThan(1e-6);
    }
  });

  it('interpolates n points with degree n − 1 and stays finite when n < degree + 1 (tiny ridge)', () => {
    const x = [-0.9, -0.4, 0.1, 0.5, 0.8];
    const y = [1, -1, 0.5, 2, -0.3];
    expect(polyMse(fitPolynomial(x, y, 4), x, y)).toBeLessThan(1e-12);
    const over = fitPolynomial(x, y, 15);
    expect([...over].every(Number.isFinite)).toBe(true);
    expect(polyMse(over, x, y)).toBeLessThan(1e-6);
  });

  it('Hessian λ_max by power iteration matches (2/n)ΦᵀΦ for one feature', () => {
    const x = [0.1, -0.5, 0.7];
    const phi = designMatrix(x, 0);
    expect(hessianMaxEigen(phi, 3, 1)).toBeCloseTo(2, 10);
  });

  it('gradient descent with momentum converges to the least-squares fit of a well-posed problem', () => {
    const rng = createRng(5);
    const x = Array.from({ length: 50 }, () => 2 * rng.next() - 1);
    const y = x.map((t) => Math.sin(3 * t) + 0.1 * rng.normal());
    const ls = fitPolynomial(x, y, 4);
    const gd = new PolyGD(x, y, 4);
    const first = gd.run(1);
    gd.run(3000);
    expect(polyMse(gd.theta, x, y)).toBeLessThan(first);
    for (let k = 0; k <= 4; k++) expect(gd.theta[k]).toBeCloseTo(ls[k], 6);
  });
});
