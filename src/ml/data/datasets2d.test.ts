import { describe, expect, it } from 'vitest';
import { DATASET_2D_KINDS, DATASET_2D_LABELS, generate2D, type Dataset2DKind } from './datasets2d';

const classesOf = [2, 3] as const;

describe('generate2D', () => {
  it('labels every kind', () => {
    for (const k of DATASET_2D_KINDS) expect(DATASET_2D_LABELS[k]).toBeTruthy();
  });

  for (const kind of DATASET_2D_KINDS) {
    for (const classes of classesOf) {
      it(`${kind}/${classes}: size, range, balance, determinism`, () => {
        const o = { kind, n: 301, noise: 0.5, classes, seed: 4 };
        const pts = generate2D(o);
        expect(pts.length).toBe(301);
        for (const p of pts) {
          expect(Math.abs(p.x)).toBeLessThanOrEqual(1.2);
          expect(Math.abs(p.y)).toBeLessThanOrEqual(1.2);
          expect(Number.isInteger(p.label) && p.label >= 0 && p.label < classes).toBe(true);
        }
        const counts = new Array<number>(classes).fill(0);
        pts.forEach((p) => counts[p.label]++);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        expect(generate2D(o)).toEqual(pts);
        expect(generate2D({ ...o, seed: 5 })).not.toEqual(pts);
      });
    }
  }

  it('clean data stays inside [-1, 1]² and noise only jitters the same points', () => {
    for (const kind of DATASET_2D_KINDS) {
      const clean = generate2D({ kind, n: 200, noise: 0, classes: 3, seed: 1 });
      for (const p of clean) expect(Math.max(Math.abs(p.x), Math.abs(p.y))).toBeLessThanOrEqual(1);
      const noisy = generate2D({ kind, n: 200, noise: 0.1, classes: 3, seed: 1 });
      const maxMove = Math.max(...clean.map((p, i) => Math.hypot(p.x - noisy[i].x, p.y - noisy[i].y)));
      expect(maxMove).toBeLessThan(0.25);
      expect(noisy.map((p) => p.label)).toEqual(clean.map((p) => p.label));
    }
  });

  const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
  const byClass = (kind: Dataset2DKind, classes: 2 | 3, c: number) =>
    generate2D({ kind, n: 600, noise: 0, classes, seed: 2 }).filter((p) => p.label === c);

  it('shapes: circles radius grows with class, xor sign pattern, central square for 3-class xor', () => {
    const r = [0, 1, 2].map((c) => mean(byClass('circles', 3, c).map((p) => Math.hypot(p.x, p.y))));
    expect(r[0]).toBeLessThan(r[1]);
    expect(r[1]).toBeLessThan(r[2]);
    expect(byClass('xor', 2, 0).every((p) => p.x * p.y > 0)).toBe(true);
    expect(byClass('xor', 2, 1).every((p) => p.x * p.y < 0)).toBe(true);
    expect(byClass('xor', 3, 2).every((p) => Math.max(Math.abs(p.x), Math.abs(p.y)) < 0.35)).toBe(true);
    expect(byClass('xor', 3, 0).every((p) => p.x * p.y > 0 && Math.max(Math.abs(p.x), Math.abs(p.y)) >= 0.5)).toBe(true);
  });

  it('blobs: class centres are separated', () => {
    const c0 = byClass('blobs', 2, 0);
    const c1 = byClass('blobs', 2, 1);
    const d = Math.hypot(mean(c0.map((p) => p.x)) - mean(c1.map((p) => p.x)), mean(c0.map((p) => p.y)) - mean(c1.map((p) => p.y)));
    expect(d).toBeGreaterThan(0.9);
  });
});
