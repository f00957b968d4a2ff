import { describe, expect, it } from 'vitest';
import { FIT_CODE } from '../../../../ml/diagnosis';
import { defaults } from '../../../../params/schema';
import { createFittingEngine, type FittingParams } from './engine';
import { FITTING_PARAMS, LC_SIZES } from './params';

const base = defaults(FITTING_PARAMS);

async function run(patch: Partial<FittingParams>, epochs?: number) {
  const p = { ...base, ...patch, ...(epochs ? { epochs } : {}) };
  const e = createFittingEngine(p);
  const start = (await e.read(true)).metrics;
  for (let i = 0; i < p.epochs; i++) e.step();
  const end = await e.read(true);
  e.dispose();
  return { start, end: end.metrics, view: end.view! };
}

describe('fitting engine', () => {
  it('defaults (degree 5, n = 30, σ = 0.2): a good fit, finite everywhere', async () => {
    const { start, end, view } = await run({});
    expect(end.fit).toBe(FIT_CODE.good);
    expect(end.train_loss).toBeLessThan(start.train_loss);
    for (const v of [...view.fit, ...view.sweep.flatMap((s) => [s.train, s.val]), ...view.lc.flatMap((s) => [s.train, s.val])]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    expect(view.sweep).toHaveLength(16);
    expect(view.lc.map((l) => l.size)).toEqual(LC_SIZES);
    // The sweep's validation minimum sits at a moderate degree; the learning curve's validation error falls with n.
    expect(end.sweep_best_capacity).toBeGreaterThanOrEqual(4);
    expect(end.sweep_best_capacity).toBeLessThanOrEqual(9);
    expect(end.lc_val_largest).toBeLessThan(end.lc_val_smallest);
  });

  it('degree 1 underfits, degree 15 with 15 points overfits', async () => {
    expect((await run({ degree: 1 })).end.fit).toBe(FIT_CODE.underfitting);
    const over = await run({ degree: 15, n: 15 });
    expect(over.end.fit).toBe(FIT_CODE.overfitting);
    expect(over.end.val_loss).toBeGreaterThan(5 * over.end.train_loss);
  });

  it('the MLP trains (Adam) and stays finite; one hidden unit underfits', async () => {
    const { start, end, view } = await run({ model: 'mlp' }, 300);
    expect(end.train_loss).toBeLessThan(start.train_loss);
    expect(view.sweep.map((s) => s.capacity)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(view.fit.every(Number.isFinite)).toBe(true);
    expect((await run({ model: 'mlp', hidden: 1 }, 600)).end.fit).toBe(FIT_CODE.underfitting);
  });

  it('the widest MLP on 15 points overfits, 8 units on 30 points fit well', async () => {
    expect((await run({ model: 'mlp', hidden: 32, n: 15 }, 800)).end.fit).toBe(FIT_CODE.overfitting);
    expect((await run({ model: 'mlp', hidden: 8, n: 30 })).end.fit).toBe(FIT_CODE.good);
  });

  it('is deterministic for a seed', async () => {
    const a = await run({}, 100);
    const b = await run({}, 100);
    expect(a.end.val_loss).toBe(b.end.val_loss);
  });
});
