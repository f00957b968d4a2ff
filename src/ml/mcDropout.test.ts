import { describe, expect, it } from 'vitest';
import { gapData, mcStats, McDropoutNet, truth } from './mcDropout';
import { createRng } from './rng';

describe('Monte Carlo dropout: statistics, data and network', () => {
  it('mcStats: per-point mean and (1/T) standard deviation of T passes', () => {
    // T = 4 passes over G = 2 points.
    const samples = [1, 10, 3, 10, 5, 10, 7, 10];
    const { mean, std } = mcStats(samples, 4, 2);
    expect([...mean]).toEqual([4, 10]);
    // deviations −3, −1, 1, 3 → variance (9 + 1 + 1 + 9)/4 = 5
    expect(std[0]).toBeCloseTo(Math.sqrt(5), 14);
    expect(std[1]).toBe(0);
    expect(() => mcStats([1, 2, 3], 2, 2)).toThrow(/expected 2×2/);
  });

  it('mcStats matches a direct computation on random passes', () => {
    const rng = createRng(4);
    const T = 37;
    const G = 5;
    const s = Array.from({ length: T * G }, () => rng.normal() * 2 + 1);
    const { mean, std } = mcStats(s, T, G);
    for (let g = 0; g < G; g++) {
      const col = Array.from({ length: T }, (_, t) => s[t * G + g]);
      const m = col.reduce((a, b) => a + b, 0) / T;
      expect(mean[g]).toBeCloseTo(m, 12);
      expect(std[g]).toBeCloseTo(Math.sqrt(col.reduce((a, b) => a + (b - m) ** 2, 0) / T), 12);
    }
  });

  it('gapData leaves the gap empty and is deterministic', () => {
    const gap = { lo: -0.5, hi: 0.5 };
    const a = gapData(200, 0.1, 3, gap);
    expect(a.x.every((x) => x >= -1 && x <= 1 && !(x > gap.lo && x < gap.hi))).toBe(true);
    expect(a.x.some((x) => x < gap.lo) && a.x.some((x) => x > gap.hi)).toBe(true);
    expect(gapData(200, 0.1, 3, gap)).toEqual(a);
    const resid = a.y.map((y, i) => y - truth(a.x[i]));
    const sd = Math.sqrt(resid.reduce((s, r) => s + r * r, 0) / resid.length);
    expect(sd).toBeGreaterThan(0.08);
    expect(sd).toBeLessThan(0.12);
  });

  it('backward pass agrees with finite differences (no dropout)', () => {
    const net = new McDropoutNet({ hidden: 6, drop: 0, lr: 1e-3, seed: 2 });
    const xs = [-0.8, -0.1, 0.3, 0.9];
    const ys = [0.2, -0.4, 0.7, 0.1];
    const ones = new Array(6).fill(1);
    const before = Float64Array.from(net.params);
    net.trainBatch(xs, ys);
    const g = Float64Array.from(net.lastGradient);
    net.params.set(before);
    const h = 1e-6;
    for (let k = 0; k < before.length; k++) {
      net.params[k] = before[k] + h;
      const up = net.lossWithMasks(xs, ys, ones, ones);
      net.params[k] = before[k] - h;
      const down = net.lossWithMasks(xs, ys, ones, ones);
      net.params[k] = before[k];
      expect(g[k]).toBeCloseTo((up - down) / (2 * h), 6);
    }
  });

  it('sampleCurves with dropout: passes differ; eval-mode prediction is deterministic', () => {
    const net = new McDropoutNet({ hidden: 16, drop: 0.3, lr: 1e-2, seed: 5 });
    const s = net.sampleCurves([0, 0.5], 20, createRng(1));
    const { std } = mcStats(s, 20, 2);
    expect(std[0]).toBeGreaterThan(0);
    expect(net.predict(0.5)).toBe(net.predict(0.5));
    expect(net.sampleCurves([0, 0.5], 20, createRng(1))).toEqual(s);
  });
});
