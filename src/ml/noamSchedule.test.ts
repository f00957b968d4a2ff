import { describe, expect, it } from 'vitest';
import { noamCurve, noamLr, noamPeak } from './noamSchedule';

describe('the Transformer learning-rate schedule (notes: d^−0.5 · min(step^−0.5, step · warmup^−1.5))', () => {
  it('peaks at step = warmup with d^−0.5 · warmup^−0.5', () => {
    expect(noamLr(100, 32, 100)).toBeCloseTo(32 ** -0.5 * 100 ** -0.5, 15);
    expect(noamPeak(32, 100)).toBeCloseTo(0.0176776695, 9);
    // The paper's base model: d = 512, warmup 4000 → peak ≈ 7.0e-4.
    expect(noamLr(4000, 512, 4000)).toBeCloseTo(6.987712429686844e-4, 12);
    for (const s of [1, 50, 99, 101, 500, 5000]) expect(noamLr(s, 32, 100)).toBeLessThan(noamLr(100, 32, 100));
  });

  it('rises linearly during warm-up (second branch)', () => {
    expect(noamLr(1, 64, 400)).toBeCloseTo(64 ** -0.5 * 400 ** -1.5, 15);
    expect(noamLr(10, 64, 400)).toBeCloseTo(10 * noamLr(1, 64, 400), 14);
    expect(noamLr(200, 64, 400) / noamLr(100, 64, 400)).toBeCloseTo(2, 12);
  });

  it('decays as 1/√step after warm-up (first branch)', () => {
    expect(noamLr(900, 16, 100)).toBeCloseTo(16 ** -0.5 * 900 ** -0.5, 15);
    expect(noamLr(1600, 16, 100) / noamLr(400, 16, 100)).toBeCloseTo(0.5, 12);
  });

  it('is 0 before the first step, rejects bad d and warmup, and its curve includes the peak', () => {
    expect(noamLr(0, 32, 100)).toBe(0);
    expect(() => noamLr(1, 0, 100)).toThrow();
    expect(() => noamLr(1, 32, 0)).toThrow();
    const c = noamCurve(400, 32, 137, 50);
    expect(c[0].x).toBe(1);
    expect(c[c.length - 1].x).toBe(400);
    expect(c.some((q) => q.x === 137)).toBe(true);
    expect(Math.max(...c.map((q) => q.y))).toBeCloseTo(noamPeak(32, 137), 15);
  });
});
