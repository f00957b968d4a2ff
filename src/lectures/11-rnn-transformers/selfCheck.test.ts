import { describe, expect, it } from 'vitest';
import { buildFrom, checkShape, num, type Overrides } from '../../selfcheck/testing';
import type { BuiltQuestion } from '../../selfcheck/types';
import { COMPLEXITY_PARAMS } from './labs/complexity/params';
import { LSTM_PARAMS } from './labs/lstm/params';
import { POSITIONAL_PARAMS } from './labs/positional/params';
import { RNN_GRAD_PARAMS } from './labs/rnn-gradients/params';
import { TRANSFORMER_PARAMS } from './labs/transformer/params';
import set from './selfCheck';

const build = (id: string, over: Overrides = {}): BuiltQuestion => buildFrom(set, id, over);

const tp = TRANSFORMER_PARAMS;
const CONTEXTS: Overrides[] = [
  {},
  {
    'rnn-gradients': { l1: RNN_GRAD_PARAMS.l1.min },
    lstm: { K: LSTM_PARAMS.K.min, H: LSTM_PARAMS.H.min },
    positional: { L: POSITIONAL_PARAMS.L.min, d: POSITIONAL_PARAMS.d.min, pos: POSITIONAL_PARAMS.pos.max },
    complexity: { n: COMPLEXITY_PARAMS.n.min, d: COMPLEXITY_PARAMS.d.max },
    transformer: { dModel: tp.dModel.min, warmup: tp.warmup.max, steps: tp.steps.min },
  },
  {
    'rnn-gradients': { l1: RNN_GRAD_PARAMS.l1.max },
    lstm: { K: LSTM_PARAMS.K.max, H: LSTM_PARAMS.H.max },
    positional: { L: POSITIONAL_PARAMS.L.max, d: POSITIONAL_PARAMS.d.max, pos: POSITIONAL_PARAMS.pos.min },
    complexity: { n: COMPLEXITY_PARAMS.n.max, d: COMPLEXITY_PARAMS.d.min },
    transformer: { dModel: tp.dModel.max, warmup: tp.warmup.min, steps: tp.steps.max },
  },
  { 'rnn-gradients': { l1: 0 }, positional: { L: 100, d: 10, pos: 37 }, complexity: { n: 512, d: 512 }, transformer: { warmup: 46.4, steps: 46 } },
];

/** Noam schedule, written out piecewise: linear warm-up, then inverse square root. */
function noam(d: number, warmup: number, step: number): number {
  return step < warmup ? (step / warmup) * (1 / Math.sqrt(d * warmup)) : 1 / Math.sqrt(d * step);
}

describe('Lecture 11 self-check', () => {
  it('has 4–8 well-formed questions for defaults and extreme lab settings', () => {
    expect(set.lecture).toBe('11-rnn-transformers');
    checkShape(set, CONTEXTS);
  });

  it('eigenvalue power by repeated multiplication', () => {
    const power = (l: number) => { let v = 1; for (let i = 0; i < 10; i++) v *= l; return v; };
    expect(num(build('eigenvalue-power'))).toBeCloseTo(power(0.9), 12);
    expect(num(build('eigenvalue-power', CONTEXTS[1]))).toBeCloseTo(power(-1.5), 9);
    expect(num(build('eigenvalue-power', CONTEXTS[2]))).toBeCloseTo(power(1.5), 9);
    expect(num(build('eigenvalue-power', CONTEXTS[3]))).toBe(0);
  });

  it('LSTM parameters: Wx (D×4H) + Wh (H×4H) + b (4H)', () => {
    const count = (D: number, H: number) => D * 4 * H + H * 4 * H + 4 * H;
    expect(num(build('lstm-parameters'))).toBe(count(5, 8));
    expect(num(build('lstm-parameters', CONTEXTS[1]))).toBe(count(3, 2));
    expect(num(build('lstm-parameters', CONTEXTS[2]))).toBe(count(9, 16));
  });

  it('positional encoding entry 3 is cos(pos / 10000^(2/d))', () => {
    const pe3 = (pos: number, d: number) => Math.cos(pos * Math.exp((-2 / d) * Math.log(10000)));
    expect(num(build('positional-encoding'))).toBeCloseTo(pe3(16, 64), 12);
    // pos 255 is kept below L = 8 → 7, as the lab does.
    expect(num(build('positional-encoding', CONTEXTS[1]))).toBeCloseTo(pe3(7, 4), 12);
    expect(num(build('positional-encoding', CONTEXTS[2]))).toBeCloseTo(1, 12);
    expect(num(build('positional-encoding', CONTEXTS[3]))).toBeCloseTo(pe3(37, 10), 12);
  });

  it('self-attention against recurrent cost is n/d', () => {
    expect(num(build('attention-complexity'))).toBeCloseTo((30 * 30 * 512) / (30 * 512 * 512), 12);
    expect(num(build('attention-complexity', CONTEXTS[1]))).toBeCloseTo(2 / 8192, 12);
    expect(num(build('attention-complexity', CONTEXTS[2]))).toBeCloseTo(100000 / 2, 6);
    expect(num(build('attention-complexity', CONTEXTS[3]))).toBe(1);
  });

  it('Noam learning rate matches the piecewise form', () => {
    expect(num(build('noam-schedule'))).toBeCloseTo(noam(32, 50, 200), 12);
    expect(num(build('noam-schedule', CONTEXTS[1]))).toBeCloseTo(noam(16, 1000, 50), 12);
    expect(num(build('noam-schedule', CONTEXTS[2]))).toBeCloseTo(noam(64, 10, 3000), 12);
    // steps snaps to the schema's step of 50 in the lab; the question rounds only to a whole step.
    expect(num(build('noam-schedule', CONTEXTS[3]))).toBeCloseTo(noam(32, 46.4, 46), 12);
  });
});
