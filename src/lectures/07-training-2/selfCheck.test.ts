import { describe, expect, it } from 'vitest';
import { buildFrom, checkShape, num, type Overrides } from '../../selfcheck/testing';
import type { BuiltQuestion } from '../../selfcheck/types';
import { INIT_PARAMS } from './labs/init/params';
import { SOFTMAX_PARAMS } from './labs/softmax/params';
import set from './selfCheck';

const build = (id: string, over: Overrides = {}): BuiltQuestion => buildFrom(set, id, over);

const sm = SOFTMAX_PARAMS;
const ini = INIT_PARAMS;
const CONTEXTS: Overrides[] = [
  {},
  { softmax: { classes: sm.classes.min, scale: sm.scale.min, trueClass: sm.trueClass.max }, init: { width: ini.width.min, act: 'relu' } },
  { softmax: { classes: sm.classes.max, scale: sm.scale.max, scores: [10, -10, 10, -10, 10], trueClass: 2 }, init: { width: ini.width.max, act: 'linear' } },
  { softmax: { classes: 4, scores: [-10, -10, -10, -10, -10], trueClass: 4 } },
];

/** Independent softmax in plain float64 (log-sum-exp). */
function softmaxP(s: number[], y: number): number {
  const m = Math.max(...s);
  let z = 0;
  for (const v of s) z += Math.exp(v - m);
  return Math.exp(s[y] - m) / z;
}

describe('Lecture 7 self-check', () => {
  it('has 4–8 well-formed questions for defaults and extreme lab settings', () => {
    expect(set.lecture).toBe('07-training-2');
    checkShape(set, CONTEXTS);
  });

  it('softmax probability of the true class matches an independent softmax', () => {
    // Defaults: C = 3, scores 3.2, 5.1, −1.7, true class 1 (cat).
    expect(num(build('softmax-probability'))).toBeCloseTo(Math.exp(3.2) / (Math.exp(3.2) + Math.exp(5.1) + Math.exp(-1.7)), 9);
    expect(num(build('softmax-probability'))).toBeCloseTo(0.1301, 3);
    // Scale 1000, scores ±10: true class 2 has −10 000 against +10 000 → probability 0.
    expect(num(build('softmax-probability', CONTEXTS[2]))).toBe(softmaxP([10000, -10000, 10000, -10000, 10000], 1));
    // All equal → 1/C.
    expect(num(build('softmax-probability', CONTEXTS[3]))).toBeCloseTo(0.25, 12);
    // True class above C is clamped to C (as the lab does): C = 3, class 3 (frog).
    expect(num(build('softmax-probability', CONTEXTS[1]))).toBeCloseTo(softmaxP([3.2, 5.1, -1.7], 2), 9);
  });

  it('hinge loss matches the definition', () => {
    // Defaults: max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9.
    expect(num(build('hinge-loss'))).toBeCloseTo(2.9, 9);
    expect(num(build('hinge-loss', CONTEXTS[3]))).toBeCloseTo(3, 9); // three ties, margin 1 each
    // Scale 1000: class 2 at −10 000, three classes at +10 000 → 3 × 20 001, one at −10 000 → 1.
    expect(num(build('hinge-loss', CONTEXTS[2]))).toBeCloseTo(3 * 20001 + 1, 6);
    const b = build('hinge-loss', CONTEXTS[1]);
    expect(num(b)).toBeCloseTo(Math.max(0, 3.2 + 1.7 + 1) + Math.max(0, 5.1 + 1.7 + 1), 9);
  });

  it('initialisation standard deviation: Xavier 1/n for tanh and linear, Kaiming 2/n for ReLU', () => {
    expect(num(build('init-std'))).toBeCloseTo(1 / Math.sqrt(500), 12);
    expect(num(build('init-std', CONTEXTS[1]))).toBeCloseTo(Math.sqrt(2 / 10), 12);
    expect(num(build('init-std', CONTEXTS[2]))).toBeCloseTo(Math.sqrt(1 / 1000), 12);
    expect(build('init-std').fromLab?.labId).toBe('init');
  });

  it('the leaky-ReLU question uses the corrected 0.01x', () => {
    const b = build('leaky-relu');
    expect(b.answer.kind === 'choice' && b.answer.options[b.answer.correct]).toBe('$-0.03$');
  });
});
