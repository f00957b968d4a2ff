import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createEnsembleEngine, type EnsembleParams } from './engine';
import { ENSEMBLE_PARAMS } from './params';

const DEFAULTS = defaults(ENSEMBLE_PARAMS) as EnsembleParams;

async function run(p: EnsembleParams, steps = p.epochs) {
  const e = createEnsembleEngine(p);
  const start = await e.read(true);
  for (let i = 0; i < steps; i++) e.step();
  const end = await e.read(true);
  e.dispose();
  return { start, end };
}

describe('ensemble engine', () => {
  it('for the default seed, bagging beats the mean member clearly and the identity holds', async () => {
    const { start, end } = await run(DEFAULTS);
    const m = end.metrics;
    expect(m.epoch).toBe(DEFAULTS.epochs);
    expect(m.ens_val).toBeLessThanOrEqual(m.member_val);
    // High-variance members: averaging ten of them removes at least a quarter of the error.
    expect(m.ens_val).toBeLessThan(0.75 * m.member_val);
    expect(m.ens_val).toBeLessThan(start.metrics.ens_val);
    expect(m.ens_formula).toBeCloseTo(m.ens_val, 10);
    expect(m.rho).toBeGreaterThan(0);
    expect(m.rho).toBeLessThan(0.95);
    // Nothing beats the noise floor σ² by much on 200 validation points.
    expect(m.ens_val).toBeGreaterThan(0.6 * m.noise_floor);
    const v = end.view!;
    expect(v.members).toHaveLength(DEFAULTS.k);
    expect(v.sizeCurve).toHaveLength(DEFAULTS.k);
    expect(v.sizeCurve[DEFAULTS.k - 1]).toBeCloseTo(m.ens_val, 12);
    expect(v.sizeCurve[DEFAULTS.k - 1]).toBeLessThan(v.sizeCurve[0]);
    expect(v.sizeMean[DEFAULTS.k - 1]).toBeCloseTo(m.member_val, 12);
    // Members fit their own bootstrap sample better than new data.
    const meanTrain = v.memberTrain.reduce((a, b) => a + b, 0) / DEFAULTS.k;
    expect(meanTrain).toBeLessThan(m.member_val);
    for (const c of [...v.members, v.ensemble]) expect(c.every(Number.isFinite)).toBe(true);
  });

  it('measures the out-of-bag share near (1 − 1/n)ⁿ ≈ 1/e', async () => {
    const { end } = await run(DEFAULTS, 0);
    const m = end.metrics;
    expect(m.oob_theory).toBeCloseTo((1 - 1 / 25) ** 25, 12);
    expect(Math.abs(m.oob_many - m.oob_theory)).toBeLessThan(0.01);
    expect(Math.abs(m.oob_members - m.oob_theory)).toBeLessThan(0.1);
    expect(end.view!.oob.every((o) => o > 0 && o < 1)).toBe(true);
  });

  it('members that differ only by initialisation correlate more than bagged ones', async () => {
    const p = { ...DEFAULTS, epochs: 600 };
    const bag = (await run(p)).end.metrics;
    const init = (await run({ ...p, diversity: 'init' })).end.metrics;
    expect(init.oob_members).toBe(0);
    expect(init.rho).toBeGreaterThan(bag.rho);
    expect(init.ens_val).toBeLessThanOrEqual(init.member_val);
  });

  it('stays finite and consistent for k = 1 and extreme settings', async () => {
    const one = (await run({ ...DEFAULTS, k: 1, epochs: 100 })).end;
    expect(one.metrics.ens_val).toBeCloseTo(one.metrics.member_val, 12);
    expect(one.metrics.rho).toBe(1);
    const wild = (await run({ ...DEFAULTS, k: 3, n: 10, sigma: 0.8, hidden: 64, lr: 0.2, epochs: 300 })).end;
    expect(Object.values(wild.metrics).every(Number.isFinite)).toBe(true);
    const quiet = (await run({ ...DEFAULTS, k: 3, sigma: 0, epochs: 100 })).end;
    expect(quiet.metrics.noise_floor).toBe(0);
    expect(Number.isFinite(quiet.metrics.ens_val)).toBe(true);
  });
});
