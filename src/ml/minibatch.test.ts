import { describe, expect, it } from 'vitest';
import {
  batchGradient, createSgdRun, fullGradient, fullLoss, gradientCloud, makeMinibatchProblem, minimiser, sampleBatch, sampleGradient,
  sampleLoss, sgdEpoch, type MinibatchModel, type Vec2,
} from './minibatch';
import { createRng } from './rng';

/** Every m-element subset of {0, …, n−1}. */
function subsets(n: number, m: number): number[][] {
  if (m === 0) return [[]];
  if (n < m) return [];
  return [...subsets(n - 1, m), ...subsets(n - 1, m - 1).map((s) => [...s, n - 1])];
}

const MODELS: MinibatchModel[] = ['linear', 'logistic'];

describe('minibatch gradients', () => {
  it.each(MODELS)('%s: the per-sample gradient matches central differences', (model) => {
    const p = makeMinibatchProblem(model, 10, 3);
    const t: Vec2 = [0.3, -0.7];
    const h = 1e-6;
    for (let i = 0; i < 10; i++) {
      const g = sampleGradient(p, t, i);
      const d0 = (sampleLoss(p, [t[0] + h, t[1]], i) - sampleLoss(p, [t[0] - h, t[1]], i)) / (2 * h);
      const d1 = (sampleLoss(p, [t[0], t[1] + h], i) - sampleLoss(p, [t[0], t[1] - h], i)) / (2 * h);
      expect(g[0]).toBeCloseTo(d0, 6);
      expect(g[1]).toBeCloseTo(d1, 6);
    }
  });

  it.each(MODELS)('%s: a minibatch gradient is unbiased — the mean over all batches is the full gradient', (model) => {
    const p = makeMinibatchProblem(model, 7, 11);
    const t: Vec2 = [1.2, 0.4];
    const full = fullGradient(p, t);
    for (const m of [1, 2, 3, 7]) {
      const all = subsets(7, m);
      const mean = all.map((s) => batchGradient(p, t, s)).reduce<Vec2>((a, g) => [a[0] + g[0] / all.length, a[1] + g[1] / all.length], [0, 0]);
      expect(mean[0]).toBeCloseTo(full[0], 12);
      expect(mean[1]).toBeCloseTo(full[1], 12);
    }
  });

  it('sampled batches hold distinct indices', () => {
    const rng = createRng(5);
    for (let k = 0; k < 50; k++) {
      const b = sampleBatch(20, 8, rng);
      expect(new Set(b).size).toBe(8);
      expect(b.every((i) => i >= 0 && i < 20)).toBe(true);
    }
  });

  it('the spread of minibatch gradients shrinks like 1/√B (and vanishes at B = n)', () => {
    const p = makeMinibatchProblem('linear', 4000, 2);
    const t: Vec2 = [2, -1.5];
    const spreads = [1, 4, 16, 64].map((m) => gradientCloud(p, t, m, 3000, createRng(m)));
    for (const c of spreads) expect(c.spread / c.predicted).toBeGreaterThan(0.92);
    for (const c of spreads) expect(c.spread / c.predicted).toBeLessThan(1.08);
    const scaled = spreads.map((c, i) => c.spread * Math.sqrt(4 ** i));
    for (const s of scaled) expect(Math.abs(s / scaled[0] - 1)).toBeLessThan(0.1);
    const small = makeMinibatchProblem('linear', 30, 2);
    expect(gradientCloud(small, t, 30, 20, createRng(1)).spread).toBeLessThan(1e-12);
  });
});

describe('minibatch SGD', () => {
  it('full-batch SGD is gradient descent', () => {
    const p = makeMinibatchProblem('linear', 50, 4);
    const run = createSgdRun(50, 50, [2, -1.5], 9);
    sgdEpoch(p, run, 0.1, false);
    const g = fullGradient(p, [2, -1.5]);
    expect(run.theta[0]).toBeCloseTo(2 - 0.1 * g[0], 12);
    expect(run.theta[1]).toBeCloseTo(-1.5 - 0.1 * g[1], 12);
    expect(run.updates).toBe(1);
  });

  it.each(MODELS)('%s: SGD with α/k approaches the minimiser, whose gradient vanishes', (model) => {
    const p = makeMinibatchProblem(model, 200, 7);
    const best = minimiser(p);
    const g = fullGradient(p, best);
    expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-8);
    const run = createSgdRun(200, 1, [2, -1.5], 1);
    const start = fullLoss(p, run.theta);
    // α/k needs α ≳ 1/(2μ) (μ the smallest curvature) to converge at the O(1/k) rate.
    for (let e = 0; e < 30; e++) sgdEpoch(p, run, model === 'linear' ? 0.5 : 8, true);
    expect(fullLoss(p, run.theta) - fullLoss(p, best)).toBeLessThan(0.05 * (start - fullLoss(p, best)));
  });
});
