import { describe, expect, it } from 'vitest';
import {
  bestFixedStep, exactLineSearchStep, gdStep, illConditionedQuadratic, lineSearchStep, quadGrad, quadValue, stableStepLimit, type Vec2,
} from './quadratic2d';

describe('ill-conditioned quadratic', () => {
  it('has eigenvalues 1 and 1/κ', () => {
    const q = illConditionedQuadratic(25);
    const { a, b, c } = q.H;
    const tr = a + c;
    const det = a * c - b * b;
    expect(tr).toBeCloseTo(1 + 1 / 25, 12);
    expect(det).toBeCloseTo(1 / 25, 12);
  });

  it('the line-search step is exact: f decreases, α* minimises f along −g and the new gradient is orthogonal to the old', () => {
    const q = illConditionedQuadratic(40);
    let t: Vec2 = [-2, 1.3];
    for (let k = 0; k < 10; k++) {
      const g = quadGrad(q, t);
      const { theta, alpha } = lineSearchStep(q, t);
      expect(alpha).toBeCloseTo(exactLineSearchStep(q.H, g), 14);
      expect(quadValue(q, theta)).toBeLessThan(quadValue(q, t));
      for (const d of [0.99, 1.01]) expect(quadValue(q, gdStep(q, t, alpha * d))).toBeGreaterThan(quadValue(q, theta));
      const g2 = quadGrad(q, theta);
      expect(Math.abs(g2[0] * g[0] + g2[1] * g[1])).toBeLessThan(1e-12 * (g[0] ** 2 + g[1] ** 2));
      t = theta;
    }
  });

  it('fixed steps converge below 2/λ_max and diverge above it', () => {
    const q = illConditionedQuadratic(10);
    const run = (alpha: number) => {
      let t: Vec2 = [1, 1];
      for (let k = 0; k < 200; k++) t = gdStep(q, t, alpha);
      return quadValue(q, t);
    };
    expect(run(0.95 * stableStepLimit(q))).toBeLessThan(quadValue(q, [1, 1]));
    expect(run(1.05 * stableStepLimit(q))).toBeGreaterThan(1e3);
    expect(run(bestFixedStep(q))).toBeLessThan(run(0.5));
    expect(exactLineSearchStep(q.H, [0, 0])).toBe(0);
  });
});
