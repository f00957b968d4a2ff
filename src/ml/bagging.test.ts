import { describe, expect, it } from 'vitest';
import {
  averagePredictions, bootstrapIndices, createBagging, decomposeErrors, drawCounts, ensembleSizeCurve, expectedOobFraction, majorityVote,
  memberPredictions, mse, oobFraction, pick,
} from './bagging';
import { createRng } from './rng';

describe('bootstrap sampling', () => {
  it('draws n indices in range, reproducibly for a seed', () => {
    const a = bootstrapIndices(50, createRng(7));
    const b = bootstrapIndices(50, createRng(7));
    const c = bootstrapIndices(50, createRng(8));
    expect(a).toHaveLength(50);
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
    expect(a.every((i) => Number.isInteger(i) && i >= 0 && i < 50)).toBe(true);
    expect(drawCounts(a, 50).reduce((s, x) => s + x, 0)).toBe(50);
    expect(() => bootstrapIndices(0, createRng(1))).toThrow(/positive integer/);
  });

  it('counts draws and the out-of-bag share on a hand example', () => {
    const idx = [0, 0, 2, 4, 4];
    expect([...drawCounts(idx, 5)]).toEqual([2, 0, 1, 0, 2]);
    expect(oobFraction(idx, 5)).toBeCloseTo(2 / 5, 15);
    const s = pick({ x: Float64Array.of(10, 11, 12, 13, 14), y: Float64Array.of(0, 1, 2, 3, 4) }, idx);
    expect([...s.x]).toEqual([10, 10, 12, 14, 14]);
    expect([...s.y]).toEqual([0, 0, 2, 4, 4]);
  });

  it('leaves out (1 − 1/n)ⁿ of the points on average, → 1/e, so 1 − (1 − 1/n)ⁿ are in the bag', () => {
    expect(expectedOobFraction(1)).toBe(0);
    expect(expectedOobFraction(2)).toBeCloseTo(0.25, 15);
    expect(expectedOobFraction(25)).toBeCloseTo(0.36040, 5);
    expect(expectedOobFraction(1e6)).toBeCloseTo(Math.exp(-1), 6);
    for (const n of [5, 25, 100]) {
      const rng = createRng(1000 + n);
      const trials = 4000;
      let out = 0;
      for (let t = 0; t < trials; t++) out += oobFraction(bootstrapIndices(n, rng), n);
      const measured = out / trials;
      // Standard error of the mean share is below 0.1/√4000 ≈ 0.0016 for these n: 4 standard errors.
      expect(Math.abs(measured - expectedOobFraction(n))).toBeLessThan(0.0065);
      expect(Math.abs(1 - measured - (1 - (1 - 1 / n) ** n))).toBeLessThan(0.0065);
    }
  });
});

describe('averaging and voting', () => {
  it('averages predictions pointwise', () => {
    const avg = averagePredictions([[1, 2, 3], [3, 2, 1], [2, 5, -1]]);
    expect([...avg]).toEqual([2, 3, 1]);
    expect([...averagePredictions([[0.5, -4]])]).toEqual([0.5, -4]);
    expect(() => averagePredictions([])).toThrow();
    expect(() => averagePredictions([[1, 2], [1]])).toThrow();
  });

  it('takes the majority vote, ties to the smallest label', () => {
    const v = majorityVote([[0, 1, 2, 1], [1, 1, 2, 0], [1, 0, 0, 2]], 3);
    expect([...v]).toEqual([1, 1, 2, 0]);
    expect([...majorityVote([[1, 0], [0, 1]], 2)]).toEqual([0, 0]);
  });

  it('splits the ensemble MSE into v̄/k + (k − 1)/k · c̄ exactly', () => {
    const y = [0, 0];
    // Errors (1, 1) and (1, −1): v̄ = 1, c̄ = 0 (uncorrelated), so the ensemble MSE is v̄/2.
    let d = decomposeErrors([[1, 1], [1, -1]], y);
    expect(d.v).toBeCloseTo(1, 15);
    expect(d.c).toBeCloseTo(0, 15);
    expect(d.rho).toBeCloseTo(0, 15);
    expect(d.ensemble).toBeCloseTo(0.5, 15);
    // Identical members: perfectly correlated, no gain.
    d = decomposeErrors([[2, -1], [2, -1], [2, -1]], [1, 1]);
    expect(d.rho).toBeCloseTo(1, 12);
    expect(d.ensemble).toBeCloseTo(d.v, 12);
    // Opposite errors cancel.
    d = decomposeErrors([[1, 2], [-1, 0]], [0, 1]);
    expect(d.rho).toBeCloseTo(-1, 12);
    expect(d.ensemble).toBeCloseTo(0, 12);
    // Random members: the identity holds and the ensemble never loses to the mean member.
    const rng = createRng(3);
    const preds = Array.from({ length: 7 }, () => Array.from({ length: 40 }, () => rng.normal()));
    const t = Array.from({ length: 40 }, () => rng.normal());
    d = decomposeErrors(preds, t);
    expect(d.ensemble).toBeCloseTo(d.v / 7 + (6 / 7) * d.c, 12);
    expect(d.ensemble).toBeLessThanOrEqual(d.v);
    const curve = ensembleSizeCurve(preds, t);
    expect(curve).toHaveLength(7);
    expect(curve[0]).toBeCloseTo(mse(preds[0], t), 12);
    expect(curve[6]).toBeCloseTo(d.ensemble, 12);
  });
});

describe('a bagged ensemble of small networks', () => {
  const base = { k: 4, n: 25, sigma: 0.3, hidden: 16, lr: 0.05, valSize: 50, seed: 5 } as const;

  it('gives every member its own bootstrap sample; "init" trains all on the full set', () => {
    const s = createBagging({ ...base, diversity: 'bootstrap' });
    expect(s.members).toHaveLength(4);
    expect(s.train.x).toHaveLength(25);
    expect(s.val.x).toHaveLength(50);
    for (const m of s.members) {
      expect(m.sample).toHaveLength(25);
      expect(m.oob).toBeCloseTo(oobFraction(m.sample, 25), 15);
    }
    expect([...s.members[0].sample]).not.toEqual([...s.members[1].sample]);
    // Member i's draws do not depend on k, so a larger ensemble extends a smaller one.
    const bigger = createBagging({ ...base, k: 6, diversity: 'bootstrap' });
    expect([...bigger.members[3].sample]).toEqual([...s.members[3].sample]);
    const init = createBagging({ ...base, diversity: 'init' });
    for (const m of init.members) expect(m.oob).toBe(0);
    // Shared initialisation: two members on the same sample would predict identically.
    const same = createBagging({ ...base, diversity: 'bootstrap-same-init' });
    const p = memberPredictions(same.members, [0.3]);
    expect(p[0][0]).toBe(p[1][0]); // untrained: same weights
  });
});
