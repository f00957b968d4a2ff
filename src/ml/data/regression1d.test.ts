import { describe, expect, it } from 'vitest';
import { generateLinear1D } from './regression1d';
import { designMatrix, leastSquares } from '../linalg';

describe('generateLinear1D', () => {
  const o = { n: 500, slope: 2, intercept: -1, noise: 0.3, xMin: -3, xMax: 5, seed: 12 };

  it('has x in range, is deterministic', () => {
    const d = generateLinear1D(o);
    expect(d.x.length).toBe(500);
    expect(d.y.length).toBe(500);
    expect(d.x.every((v) => v >= -3 && v < 5)).toBe(true);
    expect(generateLinear1D(o)).toEqual(d);
    expect(generateLinear1D({ ...o, seed: 13 })).not.toEqual(d);
  });

  it('is exact without noise and recovers the line with noise', () => {
    const clean = generateLinear1D({ ...o, noise: 0 });
    clean.x.forEach((x, i) => expect(clean.y[i]).toBeCloseTo(-1 + 2 * x, 12));
    const d = generateLinear1D(o);
    const [b, m] = leastSquares(designMatrix(d.x), d.y);
    expect(Math.abs(b + 1)).toBeLessThan(0.1);
    expect(Math.abs(m - 2)).toBeLessThan(0.05);
    const resid = d.x.map((x, i) => d.y[i] - (b + m * x));
    const sd = Math.sqrt(resid.reduce((a, r) => a + r * r, 0) / resid.length);
    expect(Math.abs(sd - 0.3)).toBeLessThan(0.03);
  });
});
