import { describe, expect, it } from 'vitest';
import { LAYER_KINDS, rfTable } from '../../ml/receptiveField';
import { defaults } from '../../params/schema';
import { buildFrom, checkShape, num, type Overrides } from '../../selfcheck/testing';
import type { BuiltQuestion } from '../../selfcheck/types';
import { CNN_MNIST_PARAMS } from './labs/cnn-mnist/params';
import { CONV_ARITH_PARAMS } from './labs/conv-arith/params';
import { MAX_SIDE, POOLING_PARAMS } from './labs/pooling/params';
import { layersOf, RF_PARAMS } from './labs/receptive-field/params';
import set from './selfCheck';

const build = (id: string, over: Overrides = {}): BuiltQuestion => buildFrom(set, id, over);

const ca = CONV_ARITH_PARAMS;
const CONTEXTS: Overrides[] = [
  {},
  {
    'conv-arith': { n: ca.n.min, f: ca.f.max, s: ca.s.max, p: ca.p.min },
    'cnn-mnist': { f1: CNN_MNIST_PARAMS.f1.min, f2: CNN_MNIST_PARAMS.f2.min },
    pooling: { w: POOLING_PARAMS.w.min, f: POOLING_PARAMS.f.max, s: POOLING_PARAMS.s.max },
    'receptive-field': { depth: 4, l1: 'conv3s2', l2: 'conv3s2', l3: 'conv3s2', l4: 'conv3s2', n: RF_PARAMS.n.min, C: RF_PARAMS.C.min },
  },
  {
    'conv-arith': { n: ca.n.max, f: ca.f.min, s: ca.s.min, p: ca.p.max },
    'cnn-mnist': { f1: CNN_MNIST_PARAMS.f1.max, f2: CNN_MNIST_PARAMS.f2.max },
    pooling: { w: POOLING_PARAMS.w.max, f: POOLING_PARAMS.f.min, s: POOLING_PARAMS.s.min },
    'receptive-field': { depth: 4, l1: 'pool2s2', l2: 'conv3s1', l3: 'pool2s2', l4: 'conv3s1', n: RF_PARAMS.n.max, C: RF_PARAMS.C.max },
  },
  { 'conv-arith': { n: 7, f: 3, s: 3, p: 0 }, pooling: { w: 5, f: 3, s: 2 }, 'receptive-field': { depth: 1 } },
];

/** Counts the window positions along one row by sliding, not by formula. */
function positions(N: number, F: number, S: number, P: number): number {
  let count = 0;
  for (let x = 0; x + F <= N + 2 * P; x += S) count++;
  return count;
}

describe('Lecture 9 self-check', () => {
  it('has 4–8 well-formed questions for defaults and extreme lab settings', () => {
    expect(set.lecture).toBe('09-cnn');
    checkShape(set, CONTEXTS);
  });

  it('conv output size matches sliding the window, for every setting the lab allows', () => {
    expect(num(build('conv-output-size'))).toBe(5); // the notes' 7, 3, 1, 0
    expect(num(build('conv-output-size', CONTEXTS[3]))).toBe(2); // 7, 3, 3: ⌊4/3⌋ + 1 = 2 (the notes’ illegal stride, floored)
    let nofit = 0;
    for (let N = ca.n.min; N <= ca.n.max; N++) {
      for (let F = ca.f.min; F <= ca.f.max; F++) {
        for (let S = ca.s.min; S <= ca.s.max; S++) {
          for (let P = ca.p.min; P <= ca.p.max; P++) {
            const b = build('conv-output-size', { 'conv-arith': { n: N, f: F, s: S, p: P } });
            const count = positions(N, F, S, P);
            if (count > 0) {
              expect(num(b), `${N} ${F} ${S} ${P}`).toBe(count);
            } else {
              nofit++;
              let minP = 0;
              while (positions(N, F, S, minP) === 0) minP++;
              expect(num(b), `${N} ${F} ${S} ${P}`).toBe(minP);
              expect(b.prompt).toMatch(/does not fit/);
            }
          }
        }
      }
    }
    expect(nofit).toBeGreaterThan(0);
  });

  it('conv layer parameters: 5·5·K1·K2 + K2', () => {
    expect(num(build('conv-parameters'))).toBe(25 * 8 * 16 + 16);
    expect(num(build('conv-parameters', CONTEXTS[1]))).toBe(25 * 2 * 2 + 2);
    expect(num(build('conv-parameters', CONTEXTS[2]))).toBe(25 * 16 * 32 + 32);
  });

  it('max pooling reads the top-left window of the lab cells', () => {
    // Notes' example: 4×4, F = S = 2 → top-left window 3, 1, 6, 0 → 6.
    expect(num(build('max-pool'))).toBe(6);
    // W = 2 < F = 4: no output.
    expect(num(build('max-pool', CONTEXTS[1]))).toBe(0);
    // F = 1: the top-left cell itself.
    expect(num(build('max-pool', CONTEXTS[2]))).toBe(POOLING_PARAMS.cells.default[0]);
    // Custom cells: a 3×3 window with its maximum at (2, 2).
    const cells = Array.from({ length: MAX_SIDE * MAX_SIDE }, (_, i) => -50 + (i % 7));
    cells[2 * MAX_SIDE + 2] = 77;
    cells[3 * MAX_SIDE + 3] = 99; // outside the window
    const grid = Array.from({ length: 3 }, (_, r) => cells.slice(r * MAX_SIDE, r * MAX_SIDE + 3));
    expect(num(build('max-pool', { pooling: { w: 5, f: 3, s: 2, cells } }))).toBe(Math.max(...grid.flat()));
    expect(num(build('max-pool', { pooling: { w: 5, f: 3, s: 2, cells } }))).toBe(77);
  });

  it('receptive field matches the lab library for every stack of layer kinds', () => {
    expect(num(build('receptive-field'))).toBe(7); // three 3×3 convs
    for (const n of [RF_PARAMS.n.min, 16, RF_PARAMS.n.max]) {
      for (const a of LAYER_KINDS) for (const b of LAYER_KINDS) for (const c of LAYER_KINDS) for (const d of LAYER_KINDS) {
        for (const depth of [1, 2, 3, 4]) {
          const params = { ...defaults(RF_PARAMS), depth, l1: a, l2: b, l3: c, l4: d, n };
          const { rows } = rfTable(layersOf(params), n);
          const built = build('receptive-field', { 'receptive-field': { depth, l1: a, l2: b, l3: c, l4: d, n } });
          expect(num(built), `${n} ${depth} ${a} ${b} ${c} ${d}`).toBe(rows[rows.length - 1].r);
        }
      }
    }
  });

  it('the 3×3 stack question counts 27C² against 49C²', () => {
    const b = build('three-3x3', CONTEXTS[2]);
    expect(b.answer.kind).toBe('choice');
    if (b.answer.kind === 'choice') expect(b.answer.options[b.answer.correct]).toContain('7{,}077{,}888');
    expect(27 * 512 * 512).toBe(7077888);
  });
});
