import { describe, expect, it } from 'vitest';
import { keepInDomain, makeSurface, SURFACE_IDS } from './surfaces';

const H = 1e-5;

describe('surfaces', () => {
  for (const id of SURFACE_IDS) {
    const s = makeSurface(id, { condition: 25 });
    const pts: [number, number][] = [s.start, [0.7, -0.4], [-1.3, 1.1], [0.2, 0.9]];
    it(`${id}: gradient matches central differences`, () => {
      for (const [x, y] of pts) {
        const [gx, gy] = s.grad(x, y);
        const nx = (s.f(x + H, y) - s.f(x - H, y)) / (2 * H);
        const ny = (s.f(x, y + H) - s.f(x, y - H)) / (2 * H);
        expect(gx).toBeCloseTo(nx, 3);
        expect(gy).toBeCloseTo(ny, 3);
      }
    });
    it(`${id}: Hessian matches differences of the gradient`, () => {
      for (const [x, y] of pts) {
        const [hxx, hxy, hyy] = s.hess(x, y);
        const gxp = s.grad(x + H, y); const gxm = s.grad(x - H, y);
        const gyp = s.grad(x, y + H); const gym = s.grad(x, y - H);
        expect(hxx).toBeCloseTo((gxp[0] - gxm[0]) / (2 * H), 3);
        expect(hxy).toBeCloseTo((gxp[1] - gxm[1]) / (2 * H), 3);
        expect(hxy).toBeCloseTo((gyp[0] - gym[0]) / (2 * H), 3);
        expect(hyy).toBeCloseTo((gyp[1] - gym[1]) / (2 * H), 3);
      }
    });
    it(`${id}: minimum has zero gradient and value fMin; start lies in the domain`, () => {
      if (s.minimum) {
        const [gx, gy] = s.grad(...s.minimum);
        expect(Math.hypot(gx, gy)).toBeLessThan(1e-9);
        expect(s.f(...s.minimum)).toBeCloseTo(s.fMin, 9);
      }
      const { xMin, xMax, yMin, yMax } = s.domain;
      expect(s.start[0]).toBeGreaterThanOrEqual(xMin);
      expect(s.start[0]).toBeLessThanOrEqual(xMax);
      expect(s.start[1]).toBeGreaterThanOrEqual(yMin);
      expect(s.start[1]).toBeLessThanOrEqual(yMax);
    });
  }

  it('quadratic has condition number κ and unit top curvature', () => {
    const [a, , c] = makeSurface('quadratic', { condition: 40 }).hess(0.3, 0.1);
    expect(c / a).toBeCloseTo(40, 9);
    expect(Math.max(a, c)).toBe(1);
  });

  it('saddle is bounded: points are projected onto its box', () => {
    const s = makeSurface('saddle');
    expect(s.minimum).toBeNull();
    expect(keepInDomain(s, [3, -5])).toEqual([2, -2]);
    expect(s.f(0, 2)).toBe(s.fMin);
  });
});
