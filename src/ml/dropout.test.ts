import { describe, expect, it } from 'vitest';
import { enumerateExpectation, keepProbability, maskedOutput, sampleMask, unitOutput, UnitMonteCarlo } from './dropout';
import { createRng } from './rng';

describe('dropout on one unit: the weight-scaling inference rule', () => {
  it('reproduces the notes’ four-mask sum for two inputs and p = 0.5', () => {
    const theta = [0.8, -1.3];
    const x = [1.5, 0.4];
    const { expectation, terms } = enumerateExpectation(theta, x, 0.5);
    expect(terms).toHaveLength(4);
    for (const t of terms) expect(t.prob).toBe(0.25);
    // ¼(θ₁·0 + θ₂·0 + θ₁x₁ + θ₂·0 + θ₁·0 + θ₂x₂ + θ₁x₁ + θ₂x₂) = ½(θ₁x₁ + θ₂x₂)
    const notes = 0.25 * (0 + theta[0] * x[0] + theta[1] * x[1] + theta[0] * x[0] + theta[1] * x[1]);
    expect(expectation).toBeCloseTo(notes, 14);
    expect(expectation).toBeCloseTo(0.5 * unitOutput(theta, x), 14);
  });

  it('E[z] = q·z exactly by enumeration, for every p (p = drop probability, q = 1 − p)', () => {
    const rng = createRng(5);
    for (const drop of [0, 0.1, 0.3, 0.5, 0.8]) {
      for (const n of [1, 3, 6, 10]) {
        const theta = Array.from({ length: n }, () => rng.normal());
        const x = Array.from({ length: n }, () => rng.normal());
        const { expectation, terms } = enumerateExpectation(theta, x, drop);
        expect(terms.reduce((s, t) => s + t.prob, 0)).toBeCloseTo(1, 12);
        expect(expectation).toBeCloseTo(keepProbability(drop) * unitOutput(theta, x), 12);
      }
    }
  });

  it('the Monte Carlo mean converges to q·z within 4 standard errors; inverted dropout to z', () => {
    const theta = [0.7, -0.4, 1.2, 0.3, -0.9];
    const x = [1.1, 0.6, 1.9, 0.8, 1.4];
    for (const drop of [0.2, 0.5, 0.7]) {
      const mc = new UnitMonteCarlo(theta, x, drop, createRng(drop * 100));
      mc.sample(20000);
      const tol = (4 * mc.sampleStd) / Math.sqrt(mc.count);
      expect(Math.abs(mc.meanPlain - mc.zScaled)).toBeLessThan(tol);
      expect(Math.abs(mc.meanInverted - mc.z)).toBeLessThan(tol / (1 - drop));
      // The measured standard error agrees with the exact one.
      expect(mc.standardError).toBeCloseTo(mc.sampleStd / Math.sqrt(mc.count), 3);
    }
  });

  it('inverted dropout is unbiased: E[(m/q)·θx] = θx exactly by enumeration', () => {
    const theta = [0.5, -2, 1.5];
    const x = [2, 0.25, -1];
    for (const drop of [0.1, 0.5, 0.9]) {
      const q = keepProbability(drop);
      const { terms } = enumerateExpectation(theta, x, drop);
      const inverted = terms.reduce((s, t) => s + t.prob * maskedOutput(theta, x, t.mask, 1 / q), 0);
      expect(inverted).toBeCloseTo(unitOutput(theta, x), 12);
    }
  });

  it('masks keep a fraction q of the units; bad p is rejected', () => {
    const rng = createRng(3);
    const m = sampleMask(100000, 0.3, rng);
    expect(m.reduce((s, v) => s + v, 0) / m.length).toBeCloseTo(0.7, 2);
    expect(() => keepProbability(1)).toThrow(/drop probability/);
    expect(() => keepProbability(-0.1)).toThrow(/drop probability/);
  });
});
