import { describe, expect, it } from 'vitest';
import { buildWith, numberOf } from '../../selfcheck/testing';
import set from './selfCheck';

/** Brute force: the smallest possible maximum class count over all ways k votes fall on C classes. */
function bruteMinMax(k: number, c: number): number {
  let best = Infinity;
  const rec = (left: number, classes: number, max: number) => {
    if (classes === 1) return void (best = Math.min(best, Math.max(max, left)));
    for (let v = 0; v <= left; v++) rec(left - v, classes - 1, Math.max(max, v));
  };
  rec(k, c, 0);
  return best;
}

describe('lecture 02 self-check', () => {
  it('knn vote follows the lab’s k and classes, matching a brute force', () => {
    for (const [k, c] of [[5, 3], [1, 2], [30, 3], [7, 2], [4, 3]]) {
      const b = buildWith(set, 'knn-vote', { knn: { k, classes: c } });
      expect(numberOf(b)).toBe(bruteMinMax(k, c));
      expect(b.prompt).toContain(`k = ${k}`);
    }
    expect(numberOf(buildWith(set, 'knn-vote'))).toBe(2); // defaults k = 5, C = 3
  });
  it('the linear prediction is the notes’ 25.2 by default and follows θ', () => {
    expect(numberOf(buildWith(set, 'linreg-prediction'))).toBeCloseTo(25.2, 10);
    const theta = [1, 0, 0, 0, 0];
    expect(numberOf(buildWith(set, 'linreg-prediction', { linreg: { theta } }))).toBeCloseTo(1, 10);
    expect(numberOf(buildWith(set, 'linreg-prediction', { linreg: { theta: [0, 1, 0, 0, 0] } }))).toBeCloseTo(25, 10);
  });
  it('the BCE value is −ln 0.8', () => {
    expect(numberOf(buildWith(set, 'bce-value'))).toBeCloseTo(0.22314355, 6);
  });
});
