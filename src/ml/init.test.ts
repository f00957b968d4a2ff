import { describe, expect, it } from 'vitest';
import { activationMoments, initStd, initVariance, sampleVariance, sampleWeights, theoryPerLayer } from './init';
import { createRng } from './rng';

describe('weight initialisation', () => {
  it('uses the notes’ standard deviations, with n the fan-in', () => {
    expect(initStd('zero', 500)).toBe(0);
    expect(initStd('small', 500)).toBe(0.01);
    expect(initStd('big', 500)).toBe(1);
    expect(initVariance('xavier', 500)).toBeCloseTo(1 / 500, 15);
    expect(initVariance('kaiming', 500)).toBeCloseTo(2 / 500, 15);
  });

  it('samples Xavier with Var(w) ≈ 1/n and Kaiming with Var(w) ≈ 2/n', () => {
    for (const n of [50, 500]) {
      const x = sampleWeights('xavier', n, 400, createRng(3));
      const k = sampleWeights('kaiming', n, 400, createRng(4));
      // 20 000+ samples: the relative standard error of a variance is √(2/m) < 1 %.
      expect(sampleVariance(x) * n).toBeGreaterThan(0.97);
      expect(sampleVariance(x) * n).toBeLessThan(1.03);
      expect(sampleVariance(k) * n).toBeGreaterThan(1.94);
      expect(sampleVariance(k) * n).toBeLessThan(2.06);
    }
    expect([...sampleWeights('zero', 10, 10, createRng(1))].every((w) => w === 0)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(sampleWeights('xavier', 20, 20, createRng(7))).toEqual(sampleWeights('xavier', 20, 20, createRng(7)));
  });

  it('knows E[f(s)] and E[f(s)²] of a Gaussian s', () => {
    expect(activationMoments('relu', 2).second).toBe(1);
    expect(activationMoments('relu', 1).mean).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 14);
    // E[tanh²(s)], s ~ N(0, 1) = 0.3942…
    expect(activationMoments('tanh', 1).second).toBeCloseTo(0.394294, 5);
    expect(activationMoments('tanh', 1e-6).second).toBeCloseTo(1e-6, 9);
    expect(activationMoments('tanh', 1e4).second).toBeGreaterThan(0.99);
  });

  it('theory: Kaiming+ReLU and Xavier+linear keep the scale, Xavier+ReLU halves Var(s) per layer', () => {
    const kr = theoryPerLayer('kaiming', 'relu', 500, 10);
    for (const t of kr) expect(t.preVar).toBeCloseTo(2, 12);
    const xl = theoryPerLayer('xavier', 'linear', 500, 10);
    for (const t of xl) expect(t.std).toBeCloseTo(1, 12);
    const xr = theoryPerLayer('xavier', 'relu', 500, 10);
    for (let l = 1; l < 10; l++) expect(xr[l].preVar / xr[l - 1].preVar).toBeCloseTo(0.5, 12);
    const small = theoryPerLayer('small', 'tanh', 500, 10);
    expect(small[9].std).toBeLessThan(1e-5);
    const big = theoryPerLayer('big', 'tanh', 500, 10);
    expect(big[9].std).toBeGreaterThan(0.95);
    const xt = theoryPerLayer('xavier', 'tanh', 500, 10);
    expect(xt[0].std).toBeCloseTo(Math.sqrt(0.394294), 4);
    expect(xt[9].std).toBeGreaterThan(0.2);
    expect(theoryPerLayer('zero', 'tanh', 500, 3).every((t) => t.std === 0)).toBe(true);
  });
});
