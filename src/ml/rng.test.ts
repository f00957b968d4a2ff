import { describe, expect, it } from 'vitest';
import { createRng, randomNormalTensorInit, shuffleInPlace } from './rng';

const take = (seed: number, n: number): number[] => {
  const r = createRng(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('createRng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(take(42, 20)).toEqual(take(42, 20));
    expect(take(42, 20)).not.toEqual(take(43, 20));
    expect(take(0, 5)).not.toEqual(take(1, 5));
    expect(createRng(7).seed).toBe(7);
  });

  it('next() is in [0, 1) with mean ≈ ½ and variance ≈ 1/12', () => {
    const xs = take(1, 20000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(v).toBeCloseTo(1 / 12, 2);
  });

  it('normal() has mean ≈ 0 and variance ≈ 1', () => {
    const r = createRng(3);
    const zs = Array.from({ length: 20000 }, () => r.normal());
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const v = zs.reduce((a, b) => a + (b - mean) ** 2, 0) / zs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
    expect(zs.every(Number.isFinite)).toBe(true);
  });

  it('int(n) covers 0..n−1 uniformly', () => {
    const r = createRng(5);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 10000; i++) counts[r.int(5)]++;
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(200);
  });
});

describe('shuffleInPlace', () => {
  it('permutes in place, deterministically', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = a.slice();
    expect(shuffleInPlace(a, createRng(9))).toBe(a);
    expect(a).not.toEqual(b);
    expect(a.slice().sort((x, y) => x - y)).toEqual(b);
    expect(shuffleInPlace(b.slice(), createRng(9))).toEqual(a);
  });
});

describe('randomNormalTensorInit', () => {
  it('fills prod(shape) samples scaled by std, deterministically', () => {
    const w = randomNormalTensorInit([30, 40], 0.1, createRng(11));
    expect(w).toBeInstanceOf(Float32Array);
    expect(w.length).toBe(1200);
    const sd = Math.sqrt(w.reduce((a, b) => a + b * b, 0) / w.length);
    expect(Math.abs(sd - 0.1)).toBeLessThan(0.01);
    expect(randomNormalTensorInit([30, 40], 0.1, createRng(11))).toEqual(w);
    expect(randomNormalTensorInit([], 1, createRng(1)).length).toBe(1);
  });
});
