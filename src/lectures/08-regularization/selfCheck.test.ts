import { describe, expect, it } from 'vitest';
import { buildFrom, checkShape, num, type Overrides } from '../../selfcheck/testing';
import type { BuiltQuestion } from '../../selfcheck/types';
import { AUGMENT_PARAMS } from './labs/augment/params';
import { BATCHNORM_PARAMS } from './labs/batchnorm/params';
import { DROPOUT_PARAMS } from './labs/dropout/params';
import { ENSEMBLE_PARAMS } from './labs/ensemble/params';
import { WEIGHT_DECAY_PARAMS } from './labs/weight-decay/params';
import set from './selfCheck';

const build = (id: string, over: Overrides = {}): BuiltQuestion => buildFrom(set, id, over);

const CONTEXTS: Overrides[] = [
  {},
  {
    augment: { flip: !AUGMENT_PARAMS.flip.default },
    'weight-decay': { decay: WEIGHT_DECAY_PARAMS.decay.min, lrSgd: WEIGHT_DECAY_PARAMS.lrSgd.max },
    ensemble: { k: ENSEMBLE_PARAMS.k.min },
    dropout: { drop: DROPOUT_PARAMS.drop.min },
    batchnorm: { betaM: BATCHNORM_PARAMS.betaM.min },
  },
  {
    'weight-decay': { decay: WEIGHT_DECAY_PARAMS.decay.max, lrSgd: WEIGHT_DECAY_PARAMS.lrSgd.min },
    ensemble: { k: ENSEMBLE_PARAMS.k.max },
    dropout: { drop: DROPOUT_PARAMS.drop.max },
    batchnorm: { betaM: BATCHNORM_PARAMS.betaM.max },
  },
  { 'weight-decay': { decay: 0.00123, lrSgd: 0.0456 }, dropout: { drop: 0.35 }, batchnorm: { betaM: 0.73 } },
];

/** Running mean after `steps` updates towards 1 from 0, by direct iteration. */
function runningMean(beta: number, steps: number): number {
  let m = 0;
  for (let i = 0; i < steps; i++) m = beta * m + (1 - beta) * 1;
  return m;
}

describe('Lecture 8 self-check', () => {
  it('has 4–8 well-formed questions for defaults and extreme lab settings', () => {
    expect(set.lecture).toBe('08-regularization');
    checkShape(set, CONTEXTS);
  });

  it('counts the fixed test crops: 10 with flips, 5 without', () => {
    expect(num(build('test-crops', { augment: { flip: true } }))).toBe(10);
    expect(num(build('test-crops', { augment: { flip: false } }))).toBe(5);
    expect(num(build('test-crops'))).toBe(AUGMENT_PARAMS.flip.default ? 10 : 5);
  });

  it('weight decay λ equals L2 with λ/α for SGD', () => {
    expect(num(build('weight-decay-as-l2'))).toBeCloseTo(3e-4 / 0.1, 12);
    expect(num(build('weight-decay-as-l2', CONTEXTS[1]))).toBeCloseTo(1e-5 / 0.5, 12);
    expect(num(build('weight-decay-as-l2', CONTEXTS[2]))).toBeCloseTo(1e-2 / 0.01, 12);
    expect(num(build('weight-decay-as-l2', CONTEXTS[3]))).toBeCloseTo(0.00123 / 0.0456, 12);
  });

  it('ensemble error is v/k', () => {
    expect(num(build('ensemble-error'))).toBeCloseTo(1 / 10, 12);
    expect(num(build('ensemble-error', CONTEXTS[1]))).toBe(1);
    expect(num(build('ensemble-error', CONTEXTS[2]))).toBeCloseTo(1 / 25, 12);
  });

  it('dropout test-time factor is the keep probability', () => {
    expect(num(build('dropout-test-scaling'))).toBeCloseTo(0.5, 12);
    expect(num(build('dropout-test-scaling', CONTEXTS[1]))).toBe(1);
    expect(num(build('dropout-test-scaling', CONTEXTS[2]))).toBeCloseTo(0.2, 12);
    expect(num(build('dropout-test-scaling', CONTEXTS[3]))).toBeCloseTo(0.65, 12);
  });

  it('running mean after three minibatches matches direct iteration', () => {
    for (const [over, beta] of [[{}, 0.9], [CONTEXTS[1], 0.5], [CONTEXTS[2], 0.99], [CONTEXTS[3], 0.73]] as const) {
      expect(num(build('bn-running-mean', over))).toBeCloseTo(runningMean(beta, 3), 12);
    }
  });
});
