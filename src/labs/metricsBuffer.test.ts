import { describe, expect, it } from 'vitest';
import { MetricsBuffer } from './metricsBuffer';

describe('MetricsBuffer', () => {
  it('keeps finite values and stays bounded', () => {
    const b = new MetricsBuffer(100);
    for (let i = 0; i < 10000; i++) b.push(i, { loss: 1 / (i + 1), bad: i === 5 ? NaN : 1 });
    const s = b.snapshot();
    expect(s.loss.length).toBeLessThanOrEqual(101);
    expect(s.loss.length).toBeGreaterThan(40);
    expect(s.loss[0]).toEqual({ x: 0, y: 1 });
    expect(s.bad.every((p) => Number.isFinite(p.y))).toBe(true);
    const xs = s.loss.map((p) => p.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });
});
