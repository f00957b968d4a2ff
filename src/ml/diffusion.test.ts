import { describe, expect, it } from 'vitest';
import {
  chamfer, cosineF, cosineSchedule, Denoiser, forwardStep, gaussian2d, linearSchedule, makeSchedule, makeTrainBatch, qSample,
  ReverseSampler, swissRoll, timeEmbedding, trainStep, type Schedule,
} from './diffusion';
import { createRng } from './rng';

/** Monte Carlo mean and variance per coordinate of x_t after iterating the chain t times from x_0. */
function chainMoments(x0: number[], t: number, s: Schedule, runs: number, seed: number) {
  const rng = createRng(seed);
  const d = x0.length;
  const sum = new Float64Array(d);
  const sq = new Float64Array(d);
  const x = new Float64Array(d);
  for (let r = 0; r < runs; r++) {
    x.set(x0);
    for (let u = 1; u <= t; u++) forwardStep(x, u, s, rng);
    for (let i = 0; i < d; i++) {
      sum[i] += x[i];
      sq[i] += x[i] * x[i];
    }
  }
  const mean = Array.from(sum, (v) => v / runs);
  const variance = Array.from(sq, (v, i) => v / runs - mean[i] * mean[i]);
  return { mean, variance };
}

describe('diffusion: the forward process', () => {
  const x0 = [1.5, -0.7, 0];
  const RUNS = 20000;
  for (const kind of ['linear', 'cosine'] as const) {
    it(`closed form q(x_t | x_0) = N(√ᾱ_t x_0, (1 − ᾱ_t) I) matches iterating the chain (${kind})`, () => {
      const s = makeSchedule(kind, 100);
      for (const t of [1, 10, 50, 100]) {
        const { mean, variance } = chainMoments(x0, t, s, RUNS, 17 + t);
        const mu = x0.map((v) => Math.sqrt(s.alphaBar[t]) * v);
        const v = 1 - s.alphaBar[t];
        for (let i = 0; i < x0.length; i++) {
          // 5 standard errors: mean's is √(v/N), the variance's √(2/N)·v.
          expect(Math.abs(mean[i] - mu[i])).toBeLessThan(5 * Math.sqrt(v / RUNS) + 1e-12);
          expect(Math.abs(variance[i] - v)).toBeLessThan(5 * Math.sqrt(2 / RUNS) * v + 1e-12);
        }
      }
    });
  }

  it('the chain is a real test: a wrong ᾱ (product from s = 0, i.e. one extra α_1) is caught at t = 1', () => {
    const s = makeSchedule('linear', 20);
    const { variance } = chainMoments([0], 1, s, RUNS, 5);
    const wrong = 1 - s.alphaBar[1] * s.alpha[1];
    expect(Math.abs(variance[0] - (1 - s.alphaBar[1]))).toBeLessThan(Math.abs(variance[0] - wrong));
  });

  it('qSample is √ᾱ_t x_0 + √(1 − ᾱ_t) ε', () => {
    const s = makeSchedule('linear', 100);
    const out = qSample([2, -1], [0.5, 1], 40, s);
    expect(out[0]).toBeCloseTo(Math.sqrt(s.alphaBar[40]) * 2 + Math.sqrt(1 - s.alphaBar[40]) * 0.5, 12);
    expect(out[1]).toBeCloseTo(-Math.sqrt(s.alphaBar[40]) + Math.sqrt(1 - s.alphaBar[40]), 12);
  });
});

describe('diffusion: schedules', () => {
  it('DDPM linear schedule at T = 1000: β from 10⁻⁴ to 0.02, ᾱ_T ≈ 4.04·10⁻⁵', () => {
    const s = linearSchedule(1000);
    expect(s.beta[1]).toBeCloseTo(1e-4, 12);
    expect(s.beta[1000]).toBeCloseTo(0.02, 12);
    expect(s.alphaBar[1000]).toBeCloseTo(4.0358e-5, 8);
  });

  it('a shorter linear chain has its β scaled by 1000/T and ends about as noisy', () => {
    const s = linearSchedule(100);
    expect(s.beta[1]).toBeCloseTo(1e-3, 12);
    expect(s.beta[100]).toBeCloseTo(0.2, 12);
    expect(s.alphaBar[100]).toBeLessThan(1e-4);
  });

  for (const kind of ['linear', 'cosine'] as const) {
    for (const T of [20, 100, 1000]) {
      it(`ᾱ_t (${kind}, T = ${T}): ᾱ_0 = 1, strictly decreasing, ᾱ_T small, α_t = 1 − β_t`, () => {
        const s = makeSchedule(kind, T);
        expect(s.alphaBar[0]).toBe(1);
        for (let t = 1; t <= T; t++) {
          expect(s.alphaBar[t]).toBeLessThan(s.alphaBar[t - 1]);
          expect(s.alpha[t]).toBeCloseTo(1 - s.beta[t], 15);
          expect(s.alphaBar[t]).toBeCloseTo(s.alphaBar[t - 1] * s.alpha[t], 15);
        }
        expect(s.alphaBar[T]).toBeLessThan(1e-3);
      });
    }
  }

  it('cosine schedule: ᾱ_t = f(t)/f(0), f(t) = cos²(((t/T)+s)/(1+s)·π/2), s = 0.008; β clipped at 0.999', () => {
    const s = cosineSchedule(1000);
    expect(s.alphaBar[500]).toBeCloseTo(0.4938436, 6);
    expect(s.alphaBar[250]).toBeCloseTo(0.8470122, 6);
    for (const t of [1, 100, 900, 990]) expect(s.alphaBar[t]).toBeCloseTo(cosineF(t, 1000) / cosineF(0, 1000), 10);
    expect(Math.max(...s.beta)).toBeLessThanOrEqual(0.999);
    expect(s.beta[1000]).toBe(0.999); // f(T) = 0 would make β_T = 1
  });
});

describe('diffusion: the denoiser', () => {
  it('backward matches finite differences of the loss', () => {
    const rng = createRng(3);
    const m = new Denoiser([7, 5], rng, 50);
    // Nudge biases off zero so no ReLU sits exactly at its kink.
    for (let i = 0; i < m.theta.length; i++) m.theta[i] += 0.01 * rng.normal();
    const n = 6;
    const x = Array.from({ length: 2 * n }, () => rng.normal());
    const ts = Array.from({ length: n }, () => 1 + rng.int(50));
    const y = Array.from({ length: 2 * n }, () => rng.normal());
    const lossAt = () => {
      m.forward(x, ts, n);
      return m.backward(y, n);
    };
    lossAt();
    const g = Float64Array.from(m.grad);
    const h = 1e-6;
    let maxErr = 0;
    for (let i = 0; i < m.theta.length; i += 3) {
      const old = m.theta[i];
      m.theta[i] = old + h;
      const lp = lossAt();
      m.theta[i] = old - h;
      const lm = lossAt();
      m.theta[i] = old;
      const fd = (lp - lm) / (2 * h);
      maxErr = Math.max(maxErr, Math.abs(fd - g[i]) / Math.max(1, Math.abs(fd)));
    }
    expect(maxErr).toBeLessThan(1e-6);
  });

  it('the time embedding is bounded and tells steps apart', () => {
    const a = timeEmbedding(10, 100);
    const b = timeEmbedding(11, 100);
    expect(a.every((v) => Math.abs(v) <= 1)).toBe(true);
    expect(a.some((v, i) => Math.abs(v - b[i]) > 0.1)).toBe(true);
  });

  it('training lowers the loss; the reverse process of the trained model gets closer to the data than the untrained one and than noise', () => {
    const T = 50;
    const s = makeSchedule('linear', T);
    const data = swissRoll(2000, createRng(1));
    const ref = swissRoll(300, createRng(2));
    const rng = createRng(4);
    const m = new Denoiser([64, 64], rng, T);
    const untrained = new ReverseSampler(300, s, createRng(9), 100).runAll(new Denoiser([64, 64], createRng(4), T));
    const batch = makeTrainBatch(128);
    let first = 0;
    let last = 0;
    for (let i = 0; i < 1500; i++) {
      const l = trainStep(m, data, s, rng, batch, 128, 3e-3);
      expect(Number.isFinite(l)).toBe(true);
      if (i < 100) first += l / 100;
      if (i >= 1400) last += l / 100;
    }
    expect(last).toBeLessThan(0.8 * first);
    const x = new ReverseSampler(300, s, createRng(9), 100).runAll(m);
    const qTrained = chamfer(x, ref);
    const qNoise = chamfer(gaussian2d(300, createRng(11)), ref);
    const qUntrained = chamfer(untrained, ref);
    expect(qTrained).toBeLessThan(0.75 * qNoise);
    expect(qTrained).toBeLessThan(qUntrained);
  }, 120_000);

  it('the sampler moves all points one step per full pass, whatever the chunk size, with the same result', () => {
    const s = makeSchedule('cosine', 10);
    const m = new Denoiser([8], createRng(1), 10);
    const a = new ReverseSampler(10, s, createRng(5), 3);
    expect(a.advance(m)).toBe(false);
    expect(a.t).toBe(10);
    a.advance(m);
    a.advance(m);
    expect(a.advance(m)).toBe(true);
    expect(a.t).toBe(9);
    a.runAll(m);
    const b = new ReverseSampler(10, s, createRng(5), 10).runAll(m);
    expect(Array.from(a.x)).toEqual(Array.from(b));
    expect(a.finished).toBe(true);
  });
});
