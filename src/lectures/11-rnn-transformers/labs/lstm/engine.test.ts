import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createRng } from '../../../../ml/rng';
import { createLstmEngine } from './engine';
import {
  adamUpdate, createAdam, createSeqModel, encode, evaluate, formatSequence, lossAndGrads, parseSequence, randomBatch, traceSequence,
} from './model';
import { LSTM_PARAMS } from './params';
import { numericGrad, relError } from '../../../../ml/lstm';

describe('marked-digit task', () => {
  it('encodes one-hot digits and the marker channel', () => {
    const xs = encode([{ digits: [2, 0, 1], marker: 1 }], 3, 3);
    expect(xs.map((x) => Array.from(x))).toEqual([[0, 0, 1, 0], [1, 0, 0, 1], [0, 1, 0, 0]]);
  });

  it('parses and formats sequences, with clear errors', () => {
    expect(parseSequence('2 *0 1', 3, 3)).toEqual({ digits: [2, 0, 1], marker: 1 });
    expect(formatSequence({ digits: [2, 0, 1], marker: 1 })).toBe('2 *0 1');
    expect(parseSequence('2 0 1', 3, 3)).toEqual({ error: expect.stringMatching(/Mark one/) });
    expect(parseSequence('2 *0', 3, 3)).toEqual({ error: expect.stringMatching(/exactly T = 3/) });
    expect(parseSequence('2 *0 5', 3, 3)).toEqual({ error: expect.stringMatching(/0 … 2/) });
    expect(parseSequence('*2 *0 1', 3, 3)).toEqual({ error: expect.stringMatching(/exactly one/) });
  });

  it('the readout + BPTT gradients match finite differences of the batch loss', () => {
    const rng = createRng(4);
    const m = createSeqModel(3, 4, rng, 1);
    const batch = randomBatch(5, 6, 3, rng);
    const g = lossAndGrads(m, batch, 6).grads;
    const L = () => evaluate(m, batch, 6).loss;
    expect(relError(g.dWx, numericGrad(L, m.lstm.Wx))).toBeLessThan(1e-7);
    expect(relError(g.dWh, numericGrad(L, m.lstm.Wh))).toBeLessThan(1e-7);
    expect(relError(g.db, numericGrad(L, m.lstm.b))).toBeLessThan(1e-7);
    expect(relError(g.dWy, numericGrad(L, m.Wy))).toBeLessThan(1e-7);
    expect(relError(g.dby, numericGrad(L, m.by))).toBeLessThan(1e-7);
  });

  it('Adam training learns the task: held-out loss falls from ≈ ln K and accuracy reaches > 95 %', () => {
    const rng = createRng(1);
    const m = createSeqModel(4, 8, rng, 1);
    const s = createAdam(m);
    const val = randomBatch(128, 12, 4, createRng(99));
    const before = evaluate(m, val, 12);
    expect(before.loss).toBeGreaterThan(1.2);
    for (let i = 0; i < 400; i++) adamUpdate(m, lossAndGrads(m, randomBatch(32, 12, 4, rng), 12).grads, s, 0.01);
    const after = evaluate(m, val, 12);
    expect(after.loss).toBeLessThan(0.2 * before.loss);
    expect(after.accuracy).toBeGreaterThan(0.95);
  }, 60_000);

  it('trace: C_t = f C_{t−1} + i g and h = o tanh C, pre-activation parts add up', () => {
    const rng = createRng(2);
    const m = createSeqModel(4, 3, rng, 1);
    const tr = traceSequence(m, { digits: [1, 3, 0, 2], marker: 1 });
    for (let t = 1; t < 4; t++) {
      for (let k = 0; k < 3; k++) {
        expect(tr.c[t][k]).toBeCloseTo(tr.f[t][k] * tr.c[t - 1][k] + tr.i[t][k] * tr.g[t][k], 12);
        expect(tr.h[t][k]).toBeCloseTo(tr.o[t][k] * Math.tanh(tr.c[t][k]), 12);
        const a = tr.ax[t][3 + k] + tr.ah[t][3 + k] + tr.ab[3 + k];
        expect(tr.f[t][k]).toBeCloseTo(1 / (1 + Math.exp(-a)), 12);
      }
    }
    expect(tr.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('engine', () => {
  it('runs, stays finite, and lowers the held-out loss', () => {
    const p = { ...defaults(LSTM_PARAMS), iters: 300 };
    const e = createLstmEngine(p);
    const m0 = (e.read(true) as { metrics: Record<string, number> }).metrics;
    expect(m0.loss).toBeGreaterThan(1);
    for (let i = 0; i < 300; i++) e.step();
    const r = e.read(true) as { metrics: Record<string, number>; view?: { step: number } };
    for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
    expect(r.metrics.loss).toBeLessThan(0.5 * m0.loss);
    expect(r.view?.step).toBe(300);
    e.dispose();
  }, 60_000);
});
