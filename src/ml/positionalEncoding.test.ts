import { describe, expect, it } from 'vitest';
import {
  peFrequency, peSimilarity, peValue, peWavelength, positionalEncoding, rotatePair, similarityAtOffset,
} from './positionalEncoding';

describe('the positional-encoding formula', () => {
  it('PE(0, even) = 0 and PE(0, odd) = 1 for every dimension', () => {
    const d = 16;
    const pe = positionalEncoding(4, d);
    for (let j = 0; j < d; j++) expect(pe[j]).toBe(j % 2 === 0 ? 0 : 1);
  });
  it('PE(1, 0) = sin 1 and PE(1, 1) = cos 1 (the first pair has ω = 1)', () => {
    const pe = positionalEncoding(3, 8);
    expect(pe[8]).toBeCloseTo(Math.sin(1), 6);
    expect(pe[9]).toBeCloseTo(Math.cos(1), 6);
  });
  it('a mid value by hand: d = 8, pos = 5, dims 4 and 5 (i = 2): 5 / 10000^{4/8} = 5/100 = 0.05', () => {
    const pe = positionalEncoding(10, 8);
    expect(pe[5 * 8 + 4]).toBeCloseTo(Math.sin(0.05), 6); // 0.0499792
    expect(pe[5 * 8 + 5]).toBeCloseTo(Math.cos(0.05), 6); // 0.9987503
    expect(peValue(5, 4, 8)).toBeCloseTo(0.04997916927, 10);
    // d = 4, pos = 3, dim 2 (i = 1): 3 / 10000^{2/4} = 0.03
    expect(peValue(3, 2, 4)).toBeCloseTo(Math.sin(0.03), 12);
  });
  it('is row-major maxLen × dModel and matches peValue everywhere', () => {
    const L = 12;
    const d = 10;
    const pe = positionalEncoding(L, d);
    expect(pe.length).toBe(L * d);
    for (let p = 0; p < L; p++) for (let j = 0; j < d; j++) expect(pe[p * d + j]).toBeCloseTo(peValue(p, j, d), 6);
  });
  it('frequencies fall geometrically from 1 to 10000^{-(d-2)/d}; wavelengths 2π·10000^{2i/d}', () => {
    expect(peFrequency(0, 64)).toBe(1);
    expect(peWavelength(0, 64)).toBeCloseTo(2 * Math.PI, 12);
    expect(peWavelength(16, 64)).toBeCloseTo(2 * Math.PI * 100, 9); // 2i/d = 1/2
    expect(peFrequency(31, 64)).toBeCloseTo(Math.pow(10000, -62 / 64), 14);
  });
});

describe('similarity PE·PEᵀ', () => {
  const L = 40;
  const d = 32;
  const pe = positionalEncoding(L, d);
  const s = peSimilarity(pe, L, d);
  it('is d/2 on the diagonal and symmetric', () => {
    for (let p = 0; p < L; p++) expect(s[p * L + p]).toBeCloseTo(d / 2, 4);
    for (let p = 0; p < L; p++) for (let q = 0; q < L; q++) expect(s[p * L + q]).toBe(s[q * L + p]);
  });
  it('depends only on the offset q − p: every diagonal is constant and equals Σ cos(kω_i)', () => {
    let worst = 0;
    for (let p = 0; p < L; p++) {
      for (let q = 0; q < L; q++) worst = Math.max(worst, Math.abs(s[p * L + q] - similarityAtOffset(q - p, d)));
    }
    expect(worst).toBeLessThan(1e-4); // float32 storage
    expect(similarityAtOffset(3, d)).toBeCloseTo(similarityAtOffset(-3, d), 12);
  });
  it('peaks at the position itself', () => {
    for (const p of [0, 7, 20, 39]) {
      let arg = -1;
      let best = -Infinity;
      for (let q = 0; q < L; q++) if (s[p * L + q] > best) { best = s[p * L + q]; arg = q; }
      expect(arg).toBe(p);
    }
  });
});

describe('relative positions', () => {
  it('PE(pos + k) is a fixed rotation of PE(pos) per frequency pair', () => {
    const d = 16;
    for (const [pos, k, i] of [[0, 1, 0], [5, 3, 2], [17, 9, 7], [40, 25, 4]]) {
      const r = rotatePair(pos, k, i, d);
      expect(r.after[0]).toBeCloseTo(peValue(pos + k, 2 * i, d), 12);
      expect(r.after[1]).toBeCloseTo(peValue(pos + k, 2 * i + 1, d), 12);
      // Same matrix whatever the position.
      expect(rotatePair(pos + 11, k, i, d).m).toEqual(r.m);
      // A rotation: determinant 1.
      expect(r.m[0] * r.m[3] - r.m[1] * r.m[2]).toBeCloseTo(1, 12);
    }
  });
});
