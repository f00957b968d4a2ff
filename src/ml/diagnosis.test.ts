import { describe, expect, it } from 'vitest';
import { diagnoseCurves, endTrend } from './diagnosis';

const E = 200;
const floor = 0.04;
/** a + b·e^{−t/τ} over E epochs. */
const decay = (a: number, b: number, tau: number) => Array.from({ length: E }, (_, t) => a + b * Math.exp(-t / tau));

describe('diagnoseCurves (the notes\' criteria)', () => {
  it('too few epochs: untrained', () => {
    expect(diagnoseCurves([1, 0.9], [1, 0.95], { floor }).kind).toBe('untrained');
  });

  it('underfitting: both losses high (far above the noise floor)', () => {
    const d = diagnoseCurves(decay(0.3, 0.4, 20), decay(0.33, 0.4, 20), { floor });
    expect(d.kind).toBe('underfitting');
    expect(d.reasons[0]).toMatch(/Both losses are high/);
  });

  it('underfitting: training and validation losses still decrease at the end of training', () => {
    const d = diagnoseCurves(decay(0.02, 0.1, 150), decay(0.03, 0.1, 150), { floor });
    expect(d.trainTrend).toBeLessThan(-0.02);
    expect(d.kind).toBe('underfitting');
    expect(d.reasons[0]).toMatch(/still decrease/);
  });

  it('overfitting: training loss decreases while validation loss increases', () => {
    const train = decay(0.005, 0.5, 30);
    const val = Array.from({ length: E }, (_, t) => 0.06 + 0.5 * Math.exp(-t / 20) + 0.0008 * t);
    const d = diagnoseCurves(train, val, { floor });
    expect(d.kind).toBe('overfitting');
    expect(d.valBestAt).toBeGreaterThan(10);
    expect(d.valBestAt).toBeLessThan(E - 1);
    expect(d.reasons[0]).toMatch(/validation loss increases/);
  });

  it('overfitting: a big gap even with flat curves', () => {
    const d = diagnoseCurves(decay(0.005, 0.5, 10), decay(0.2, 0.5, 10), { floor });
    expect(d.kind).toBe('overfitting');
    expect(d.reasons[0]).toMatch(/Big gap/);
  });

  it('good fit: small gap, both go down at the same rate and level off at the floor', () => {
    const d = diagnoseCurves(decay(0.035, 0.5, 15), decay(0.045, 0.5, 15), { floor });
    expect(d.kind).toBe('good');
    expect(d.badSigns).toEqual([]);
    expect(d.gap).toBeCloseTo(0.01, 6);
  });

  it('bad signs: validation better than training; training error not going down; validation not going down', () => {
    const better = diagnoseCurves(decay(0.035, 0.5, 15), decay(0.02, 0.5, 15), { floor });
    expect(better.badSigns).toContain('val-better');
    const flat = diagnoseCurves(new Array(E).fill(0.5), new Array(E).fill(0.55), { floor });
    expect(flat.badSigns).toEqual(expect.arrayContaining(['train-flat', 'val-flat']));
    expect(flat.kind).toBe('underfitting');
    const valUp = diagnoseCurves(decay(0.001, 0.3, 10), Array.from({ length: E }, (_, t) => 0.3 + 0.01 * t), { floor });
    expect(valUp.badSigns).toEqual(['val-flat']);
    expect(valUp.kind).toBe('overfitting');
  });

  it('endTrend is the relative change over the last quarter', () => {
    expect(endTrend([4, 4, 4, 2, 1])).toBeCloseTo(-0.5, 12);
    expect(endTrend([1])).toBe(0);
  });
});
