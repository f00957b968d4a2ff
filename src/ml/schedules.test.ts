import { describe, expect, it } from 'vitest';
import { decayAlpha, effectiveRate, scheduleAlpha, scheduleCurve, type ScheduleSpec } from './schedules';

const spec = (o: Partial<ScheduleSpec>): ScheduleSpec => ({ kind: 'inverse', alpha0: 0.1, rate: 1, every: 1, warmup: 0, ...o });

describe('learning-rate schedules (Lecture 6)', () => {
  it("inverse time decay gives the notes' 0.1, 0.05, 0.033, 0.025 for α₀ = 0.1, decay = 1", () => {
    const a = scheduleCurve(spec({}), 4);
    expect(a[0]).toBeCloseTo(0.1, 12);
    expect(a[1]).toBeCloseTo(0.05, 12);
    expect(a[2]).toBeCloseTo(0.1 / 3, 12);
    expect(a[3]).toBeCloseTo(0.025, 12);
    // As the notes print them (two significant digits).
    expect(a.map((v) => Number(v.toPrecision(2)))).toEqual([0.1, 0.05, 0.033, 0.025]);
  });

  it('step decay α ← α − t·α every n epochs equals α₀(1 − t)^⌊e/n⌋', () => {
    const s = spec({ kind: 'step', alpha0: 1, rate: 0.5, every: 3 });
    // Apply the notes' update literally.
    let alpha = 1;
    for (let e = 0; e < 12; e++) {
      if (e > 0 && e % 3 === 0) alpha = alpha - 0.5 * alpha;
      expect(scheduleAlpha(s, e)).toBeCloseTo(alpha, 14);
    }
    expect(scheduleCurve(s, 7)).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.25]);
  });

  it('exponential decay is t^epoch · α₀', () => {
    const s = spec({ kind: 'exponential', alpha0: 2, rate: 0.9 });
    expect(scheduleAlpha(s, 0)).toBe(2);
    expect(scheduleAlpha(s, 1)).toBeCloseTo(1.8, 14);
    expect(scheduleAlpha(s, 10)).toBeCloseTo(2 * 0.9 ** 10, 14);
  });

  it('t/√epoch · α₀ counts epochs from 1, so it is finite at epoch 0', () => {
    const s = spec({ kind: 'invsqrt', alpha0: 0.5, rate: 1 });
    expect(scheduleAlpha(s, 0)).toBe(0.5);
    expect(scheduleAlpha(s, 3)).toBeCloseTo(0.5 / 2, 14);
    expect(scheduleAlpha(spec({ kind: 'invsqrt', alpha0: 1, rate: 0.5 }), 8)).toBeCloseTo(0.5 / 3, 14);
    expect(scheduleCurve(s, 50).every(Number.isFinite)).toBe(true);
  });

  it('constant stays at α₀', () => {
    expect(scheduleCurve(spec({ kind: 'constant', alpha0: 0.3 }), 5)).toEqual([0.3, 0.3, 0.3, 0.3, 0.3]);
  });

  it('warm-up ramps linearly over w epochs, then runs the decay from its epoch 0', () => {
    const s = spec({ kind: 'inverse', alpha0: 0.1, rate: 1, warmup: 4 });
    const a = scheduleCurve(s, 8);
    expect(a.slice(0, 4).map((v) => v / 0.1)).toEqual([0.2, 0.4, 0.6, 0.8].map((v) => expect.closeTo(v, 12)));
    expect(a[4]).toBeCloseTo(0.1, 14);
    expect(a[5]).toBeCloseTo(0.05, 14);
    expect(a[7]).toBeCloseTo(0.025, 14);
    for (let e = 1; e < 4; e++) expect(a[e] - a[e - 1]).toBeCloseTo(0.1 / 5, 14);
  });

  it('step and exponential need t < 1; the others accept any t ≥ 0', () => {
    expect(effectiveRate('step', 1.5)).toBe(0.99);
    expect(effectiveRate('exponential', 1)).toBe(0.99);
    expect(effectiveRate('inverse', 1.5)).toBe(1.5);
    expect(effectiveRate('invsqrt', -1)).toBe(0);
    expect(() => decayAlpha('inverse', -1, 0.1, 1)).toThrow();
  });

  it('every decaying rule is non-increasing after the warm-up', () => {
    for (const kind of ['inverse', 'step', 'exponential', 'invsqrt'] as const) {
      const a = scheduleCurve(spec({ kind, alpha0: 1, rate: 0.5, every: 5 }), 60);
      for (let e = 1; e < a.length; e++) expect(a[e]).toBeLessThanOrEqual(a[e - 1]);
      expect(a[59]).toBeLessThan(a[0]);
    }
  });
});
