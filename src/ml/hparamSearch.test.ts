import { describe, expect, it } from 'vitest';
import {
  distinctCount, gridPoints, LR_RANGE, nearestTrialMap, NOTES_LRS, NOTES_WDS, randomPoints, refinePoints, sortByValAcc, WD_RANGE,
} from './hparamSearch';
import { createRng } from './rng';

describe('hyperparameter search plans', () => {
  it('the grid enumerates exactly the notes’ values: α ∈ {1e-1, 1e-2, 1e-3, 1e-4} × λ ∈ {1e-4, 1e-5, 0}', () => {
    expect(NOTES_LRS).toEqual([1e-1, 1e-2, 1e-3, 1e-4]);
    expect(NOTES_WDS).toEqual([1e-4, 1e-5, 0]);
    const g = gridPoints();
    expect(g).toHaveLength(12);
    const keys = g.map((p) => `${p.lr}|${p.wd}`);
    expect(new Set(keys).size).toBe(12);
    for (const lr of [0.1, 0.01, 0.001, 0.0001]) for (const wd of [0.0001, 0.00001, 0]) expect(keys).toContain(`${lr}|${wd}`);
    expect(distinctCount(g.map((p) => p.lr))).toBe(4);
    expect(distinctCount(g.map((p) => p.wd))).toBe(3);
  });

  it('random samples are seeded and log-uniform inside the ranges, λ = 0 about a third of the time', () => {
    const a = randomPoints(4000, createRng(7));
    expect(randomPoints(4000, createRng(7))).toEqual(a);
    expect(randomPoints(5, createRng(8))).not.toEqual(a.slice(0, 5));
    expect(a.every((p) => p.lr >= LR_RANGE[0] && p.lr < LR_RANGE[1])).toBe(true);
    const pos = a.filter((p) => p.wd > 0);
    expect(pos.every((p) => p.wd >= WD_RANGE[0] && p.wd < WD_RANGE[1])).toBe(true);
    expect(Math.abs(1 - pos.length / a.length - 1 / 3)).toBeLessThan(0.03);
    // Log-uniform: each decade of α gets a third of the samples (uniform in α would put ~90 % in the top decade).
    for (const [lo, hi] of [[1e-4, 1e-3], [1e-3, 1e-2], [1e-2, 1e-1]]) {
      const share = a.filter((p) => p.lr >= lo && p.lr < hi).length / a.length;
      expect(Math.abs(share - 1 / 3)).toBeLessThan(0.03);
    }
    // log10 α ~ U[−4, −1): mean −2.5, variance 9/12.
    const l = a.map((p) => Math.log10(p.lr));
    const mean = l.reduce((s, v) => s + v, 0) / l.length;
    const variance = l.reduce((s, v) => s + (v - mean) ** 2, 0) / l.length;
    expect(mean).toBeCloseTo(-2.5, 1);
    expect(variance).toBeCloseTo(0.75, 1);
    // N random trials try N distinct learning rates.
    expect(distinctCount(randomPoints(12, createRng(1)).map((p) => p.lr))).toBe(12);
  });

  it('refinement: a 3 × 3 grid half a decade apart around each centre, clipped and without duplicates', () => {
    const r = refinePoints([{ lr: 1e-2, wd: 1e-5 }]);
    expect(r).toHaveLength(9);
    const lrs = [...new Set(r.map((p) => Math.log10(p.lr).toFixed(3)))];
    expect(lrs).toEqual(['-2.500', '-2.000', '-1.500']);
    const wds = [...new Set(r.map((p) => Math.log10(p.wd).toFixed(3)))];
    expect(wds).toEqual(['-5.500', '-5.000', '-4.500']);
    // Around λ = 0: 0 and the two smallest refined decays; around α = 0.1 the largest step is clipped at 10^−0.5.
    const z = refinePoints([{ lr: 1e-1, wd: 0 }]);
    expect(z).toHaveLength(9);
    expect(z.filter((p) => p.wd === 0)).toHaveLength(3);
    expect(Math.max(...z.map((p) => p.lr))).toBeCloseTo(10 ** -0.5, 12);
    // Two neighbouring centres share points, which are trained once.
    const both = refinePoints([{ lr: 1e-2, wd: 1e-5 }, { lr: 10 ** -1.5, wd: 1e-5 }]);
    expect(both).toHaveLength(12); // 4 learning rates (two shared) × 3 decays
  });

  it('sorts by validation accuracy with unscored trials last, and colours the plane by the nearest trial', () => {
    const t = [
      { index: 0, valAcc: 0.5, lr: 1e-3, wd: 1e-5 },
      { index: 1, valAcc: NaN, lr: 1e-2, wd: 0 },
      { index: 2, valAcc: 0.9, lr: 1e-1, wd: 1e-4 },
      { index: 3, valAcc: 0.7, lr: 1e-2, wd: 0 },
    ];
    expect(sortByValAcc(t).map((x) => x.index)).toEqual([2, 3, 0, 1]);
    const m = nearestTrialMap(t, 45, 25);
    // Left edge (α ≈ 10^−4.7) of the log band is nearest to trial 0; top right to trial 2.
    expect(m.band[12 * 45]).toBeCloseTo(0.5);
    expect(m.band[44]).toBeCloseTo(0.9);
    // The λ = 0 row only sees trial 3 (trial 1 has no score yet).
    expect([...m.zero].every((v) => Math.abs(v - 0.7) < 1e-6)).toBe(true);
    expect(nearestTrialMap([], 4, 3).band.every((v) => Number.isNaN(v))).toBe(true);
  });
});
