import { describe, expect, it } from 'vitest';
import { formatNumber, hasDiverged, isFiniteNumber } from './metrics';

describe('metrics', () => {
  it('isFiniteNumber', () => {
    expect(isFiniteNumber(1.5)).toBe(true);
    expect(isFiniteNumber(NaN)).toBe(false);
    expect(isFiniteNumber(-Infinity)).toBe(false);
    expect(isFiniteNumber('1')).toBe(false);
  });

  it('hasDiverged', () => {
    expect(hasDiverged([])).toBe(false);
    expect(hasDiverged([1, -1e11, 3])).toBe(false);
    expect(hasDiverged([1, NaN])).toBe(true);
    expect(hasDiverged([Infinity])).toBe(true);
    expect(hasDiverged([-2e12])).toBe(true);
  });

  it('formatNumber', () => {
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(3.14159)).toBe('3.142');
    expect(formatNumber(-12.5, 1)).toBe('-12.5');
    expect(formatNumber(0)).toBe('0.000');
    expect(formatNumber(0.00012346)).toBe('1.235e-4');
    expect(formatNumber(123456)).toBe('1.235e+5');
    expect(formatNumber(99999)).toBe('99999.000');
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(Infinity)).toBe('∞');
  });
});
