import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createSoftmaxEngine, type SoftmaxView } from './engine';
import { SOFTMAX_PARAMS } from './params';

async function run(p: ReturnType<typeof defaults<typeof SOFTMAX_PARAMS>>, steps: number) {
  const e = createSoftmaxEngine(p);
  for (let i = 0; i < steps; i++) e.step();
  const r = (await e.read(true)) as { metrics: Record<string, number>; view: SoftmaxView };
  e.dispose();
  return r;
}

describe('softmax lab engine', () => {
  it('defaults: the cat/car/frog numbers; hinge hits exactly 0 in training while cross-entropy stays > 0', async () => {
    const p = defaults(SOFTMAX_PARAMS);
    const { metrics: m, view } = await run(p, p.iters);
    expect(m.hinge_i).toBeCloseTo(2.9, 12);
    expect(m.ce_i).toBeCloseTo(2.0404, 3);
    expect(m.stable_sum).toBeCloseTo(1, 12);
    expect(m.hinge_data).toBe(0);
    expect(m.hinge_delta).toBe(0);
    expect(m.hinge_zero_at).toBeGreaterThan(0);
    expect(m.ce_data).toBeGreaterThan(0);
    expect(m.ce_delta).toBeGreaterThan(0);
    expect(m.ce_w).toBeGreaterThan(m.hinge_w);
    expect(view.points).toHaveLength(12);
    expect(Object.values(m).every(Number.isFinite)).toBe(true);
  });

  it('scale 1000: naive float32 and float64 give NaN, the stable form stays finite and sums to 1', async () => {
    const p = { ...defaults(SOFTMAX_PARAMS), scale: 1000 };
    const { metrics: m, view } = await run(p, 1);
    expect(m.max_score).toBeCloseTo(5100, 9);
    expect(Number.isNaN(m.naive32_true)).toBe(true);
    expect(Number.isNaN(m.naive64_true)).toBe(true);
    expect(m.naive32_nan).toBe(2); // e^{-1700} underflows to 0, and 0/∞ = 0
    expect(m.stable_nonfinite).toBe(0);
    expect(m.stable_sum).toBeCloseTo(1, 12);
    expect(m.stable32_sum).toBeCloseTo(1, 6);
    expect(view.scores.stable.every(Number.isFinite)).toBe(true);
    expect(m.ce_i).toBeCloseTo(1900, 6);
  });

  it('float32 overflows before float64: scale 20 breaks only the float32 form', async () => {
    const { metrics: m } = await run({ ...defaults(SOFTMAX_PARAMS), scale: 20 }, 0);
    // s = (64, 102, −34): e^102 is ∞ in float32, so the car's p = ∞/∞ = NaN and the cat's e^64/∞ = 0 (silently wrong).
    expect(m.naive32_nan).toBe(1);
    expect(m.naive32_true).toBe(0);
    expect(m.naive64_nan).toBe(0);
    expect(m.naive64_true).toBeCloseTo(Math.exp(64 - 102), 20);
  });

  it('λ > 0 keeps ‖W‖ of the cross-entropy run smaller, and the reg. loss is λΣw²', async () => {
    const base = defaults(SOFTMAX_PARAMS);
    const a = await run(base, 1500);
    const b = await run({ ...base, lambda: 0.02 }, 1500);
    expect(b.metrics.ce_w).toBeLessThan(a.metrics.ce_w);
    expect(b.metrics.ce_reg).toBeCloseTo(0.02 * b.metrics.ce_w ** 2, 10);
    expect(b.metrics.ce_total).toBeCloseTo(b.metrics.ce_data + b.metrics.ce_reg, 12);
  });

  it('the true class follows the selection and is clamped to C', async () => {
    const { metrics: m } = await run({ ...defaults(SOFTMAX_PARAMS), trueClass: 5, classes: 3 }, 0);
    expect(m.hinge_i).toBeCloseTo(Math.max(0, 3.2 + 1.7 + 1) + Math.max(0, 5.1 + 1.7 + 1), 12);
  });
});
