import { describe, expect, it } from 'vitest';
import {
  argmaxInWindow, conv2d, outputSize, pool2d, repeatingDecimalTex, samePadding, seededGrid, windowPositions, windowTerms, zeroPad,
} from './convArith';

/** The notes' 4×4 pooling example (a single depth slice). */
const NOTES_POOL = [3, 1, 3, 5, 6, 0, 7, 9, 3, 2, 1, 4, 0, 2, 4, 3];

describe('output size ⌊(N + 2P − F)/S⌋ + 1', () => {
  it("matches the notes' examples", () => {
    expect(outputSize(7, 3, 1)).toMatchObject({ size: 5, exact: 5, legal: true });
    expect(outputSize(7, 3, 2)).toMatchObject({ size: 3, exact: 3, legal: true });
    const s3 = outputSize(7, 3, 3);
    expect(s3.legal).toBe(false);
    expect(s3.exact).toBeCloseTo(2 + 1 / 3, 12);
    expect(s3.size).toBe(2);
    expect(s3.remainder).toBe(1);
    expect(outputSize(7, 3, 1, 1)).toMatchObject({ size: 7, legal: true });
  });

  it('same padding (F − 1)/2 keeps N at stride 1 for odd F and does not exist for even F', () => {
    for (const f of [1, 3, 5, 7]) {
      const p = samePadding(f)!;
      for (const n of [5, 7, 12]) expect(outputSize(n, f, 1, p).size).toBe(n);
    }
    expect(samePadding(2)).toBeNull();
    expect(samePadding(4)).toBeNull();
  });

  it('flags a filter larger than the padded input', () => {
    expect(outputSize(3, 5, 1, 0)).toMatchObject({ size: 0, fits: false, legal: false });
    expect(outputSize(3, 5, 1, 1)).toMatchObject({ size: 1, fits: true, legal: true });
  });

  it('writes repeating decimals exactly', () => {
    expect(repeatingDecimalTex(7, 3)).toBe('2.\\overline{3}');
    expect(repeatingDecimalTex(5, 4)).toBe('1.25');
    expect(repeatingDecimalTex(6, 3)).toBe('2');
    expect(repeatingDecimalTex(1, 6)).toBe('0.1\\overline{6}');
    expect(repeatingDecimalTex(3, 2)).toBe('1.5');
  });
});

describe('the sliding window', () => {
  it('computes the sums of products on a hand example (3×3 input, 2×2 filter, stride 1)', () => {
    const x = [1, 2, 0, 0, 1, 3, 2, 1, 1];
    const k = [1, 0, -1, 2];
    // (0,0): 1·1 + 2·0 + 0·(−1) + 1·2 = 3; (0,1): 2·1 + 0·0 + 1·(−1) + 3·2 = 7
    // (1,0): 0·1 + 1·0 + 2·(−1) + 1·2 = 0; (1,1): 1·1 + 3·0 + 1·(−1) + 1·2 = 2
    const r = conv2d(x, 3, 3, k, 2, 2);
    expect([r.outH, r.outW]).toEqual([2, 2]);
    expect([...r.out]).toEqual([3, 7, 0, 2]);
    const t = windowTerms(x, 3, k, 2, 0, 1);
    expect(t.terms).toEqual([{ x: 2, w: 1 }, { x: 0, w: 0 }, { x: 1, w: -1 }, { x: 3, w: 2 }]);
    expect(t.sum).toBe(7);
  });

  it('zero padding: conv2d with P equals the window sums on the explicitly padded grid', () => {
    const n = 7;
    const x = seededGrid(n, 4, 0, 3);
    const k = seededGrid(3, 5, -1, 2);
    for (const [s, p] of [[1, 1], [2, 1], [3, 0], [2, 2]]) {
      const padded = zeroPad(x, n, p);
      const m = n + 2 * p;
      expect(padded.length).toBe(m * m);
      const r = conv2d(x, n, n, k, 3, 3, s, p);
      const pos = windowPositions(m, 3, s);
      expect(pos.length).toBe(r.outH * r.outW);
      for (const q of pos) expect(r.out[q.row * r.outW + q.col]).toBe(windowTerms(padded, m, k, 3, q.top, q.left).sum);
    }
  });

  it('positions of the illegal stride stop before the edge (N = 7, F = 3, S = 3)', () => {
    const pos = windowPositions(7, 3, 3);
    expect(pos.map((q) => q.left).slice(0, 2)).toEqual([0, 3]);
    expect(pos.length).toBe(4);
    expect(Math.max(...pos.map((q) => q.left + 3))).toBe(6); // column 6 is never covered
  });

  it('seeded grids are reproducible small integers', () => {
    const a = seededGrid(7, 3, 0, 3);
    expect(a).toEqual(seededGrid(7, 3, 0, 3));
    expect(a.every((v) => Number.isInteger(v) && v >= 0 && v <= 3)).toBe(true);
    expect(a).not.toEqual(seededGrid(7, 4, 0, 3));
  });
});

describe('pooling', () => {
  it("max pooling F = 2, S = 2 on the notes' example gives [[6, 9], [3, 4]]", () => {
    const r = pool2d(NOTES_POOL, 4, 4, 2, 2, 'max');
    expect([r.outH, r.outW]).toEqual([2, 2]);
    expect([...r.out]).toEqual([6, 9, 3, 4]);
    expect(argmaxInWindow(NOTES_POOL, 4, 2, 2, 0, 1)).toBe(7); // the 9
  });

  it("average pooling F = 2, S = 2 on the notes' example gives [[2.5, 6], [1.75, 3]]", () => {
    expect([...pool2d(NOTES_POOL, 4, 4, 2, 2, 'avg').out]).toEqual([2.5, 6, 1.75, 3]);
  });

  it('overlapping pools (S < F)', () => {
    // F = 3, S = 1 on the 4×4 example: 2×2 windows that share a 3×2 / 2×3 strip.
    expect([...pool2d(NOTES_POOL, 4, 4, 3, 1, 'max').out]).toEqual([7, 9, 7, 9]);
    expect([...pool2d(NOTES_POOL, 4, 4, 3, 1, 'avg').out]).toEqual([26 / 9, 32 / 9, 25 / 9, 32 / 9]);
    // F = 3, S = 2 (the notes' other common setting): a 5×5 input gives 2×2, overlapping in the middle row/column.
    const x = Array.from({ length: 25 }, (_, i) => i);
    const r = pool2d(x, 5, 5, 3, 2, 'max');
    expect([r.outH, r.outW]).toEqual([2, 2]);
    expect([...r.out]).toEqual([12, 14, 22, 24]);
    // …while on the 4×4 example (4 − 3)/2 + 1 = 1.5 is a fraction: one window, the last row and column unused.
    expect(outputSize(4, 3, 2)).toMatchObject({ size: 1, exact: 1.5, legal: false });
    expect([...pool2d(NOTES_POOL, 4, 4, 3, 2, 'max').out]).toEqual([7]);
  });
});
