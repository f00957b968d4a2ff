import { describe, expect, it } from 'vitest';
import { texNum, texSigned } from './Tex';

describe('texNum', () => {
  it('formats with fixed significant digits', () => {
    expect(texNum(25.2)).toBe('25.2');
    expect(texNum(-4.8, 2)).toBe('-4.8');
    expect(texNum(0.5)).toBe('0.500');
    expect(texNum(1234.5678)).toBe('1235');
    expect(texNum(0.000123)).toBe('1.23\\times10^{-4}');
    expect(texNum(NaN)).toBe('\\text{NaN}');
    expect(texNum(-Infinity)).toBe('-\\infty');
    expect(texSigned(-0.25)).toBe(' - 0.250');
  });
});
