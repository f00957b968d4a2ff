import { describe, expect, it } from 'vitest';
import {
  createLstmWeights, lstmBackward, lstmForward, lstmStepBackward, lstmStepBackwardNotes, lstmStepForward,
  lstmStepGradCheck, numericGrad, relError, GRAD_NAMES, type LstmWeights,
} from './lstm';
import { createRng } from './rng';

const F = (a: number[]) => Float64Array.from(a);

describe('lstmStepForward by hand', () => {
  it('D = 1, H = 1', () => {
    // x = 1, h_{t−1} = 0, C_{t−1} = 0.5; Wx = [1, −1, 0, 0.5] (blocks i, f, o, g), Wh = [.5, .5, 2, −1],
    // b = [0, 1, 0, 0]  ⇒  a = x·Wx + 0·Wh + b = [1, 0, 0, 0.5].
    // i = σ(1) = 0.7310585786300049, f = σ(0) = 0.5, o = σ(0) = 0.5, g = tanh(0.5) = 0.46211715726000974
    // C = f·C_{t−1} + i·g = 0.25 + 0.7310585786·0.4621171573 = 0.5878347121470411
    // h = o·tanh(C) = 0.5 · 0.5283365230335547 = 0.26416826151677736
    const w: LstmWeights = { D: 1, H: 1, Wx: F([1, -1, 0, 0.5]), Wh: F([0.5, 0.5, 2, -1]), b: F([0, 1, 0, 0]) };
    const r = lstmStepForward(F([1]), F([0]), F([0.5]), w, 1);
    expect(r.i[0]).toBeCloseTo(0.7310585786300049, 14);
    expect(r.f[0]).toBeCloseTo(0.5, 14);
    expect(r.o[0]).toBeCloseTo(0.5, 14);
    expect(r.g[0]).toBeCloseTo(0.46211715726000974, 14);
    expect(r.c[0]).toBeCloseTo(0.5878347121470411, 14);
    expect(r.h[0]).toBeCloseTo(0.26416826151677736, 14);
  });

  it('D = 1, H = 2 (checks the i, f, o, g column blocks and the Wh rows)', () => {
    // x = 2, h_{t−1} = [1, −1], C_{t−1} = [0, 1], b = 0.
    // Wx = [.5, 0 | 0, .5 | 0, 0 | 0, 0]         ⇒ x·Wx   = [1, 0 | 0, 1 | 0,  0 | 0, 0]
    // Wh row 1 = [0, 0 | 0, 1 | 0, 0 | 0, .5], row 2 = [0, 0 | 0, 0 | 0, 1 | 0, 0]
    //                                             ⇒ h·Wh   = [0, 0 | 0, 1 | 0, −1 | 0, .5]
    // a = [a_i | a_f | a_o | a_g] = [1, 0 | 0, 2 | 0, −1 | 0, 0.5]
    // unit 1: g = tanh 0 = 0 ⇒ C = 0.5·0 + σ(1)·0 = 0, h = 0
    // unit 2: i = 0.5, f = σ(2) = 0.8807970779778823, o = σ(−1) = 0.2689414213699951, g = tanh .5
    //         C = 0.8807970779778823·1 + 0.5·0.46211715726000974 = 1.1118556566078872
    //         h = 0.2689414213699951 · tanh(1.1118556566078872) = 0.2164218299839118
    const w: LstmWeights = {
      D: 1, H: 2,
      Wx: F([0.5, 0, 0, 0.5, 0, 0, 0, 0]),
      Wh: F([0, 0, 0, 1, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 1, 0, 0]),
      b: new Float64Array(8),
    };
    const r = lstmStepForward(F([2]), F([1, -1]), F([0, 1]), w, 1);
    expect(Array.from(r.i)).toEqual([expect.closeTo(0.7310585786300049, 14), 0.5]);
    expect(r.f[1]).toBeCloseTo(0.8807970779778823, 14);
    expect(r.o[1]).toBeCloseTo(0.2689414213699951, 14);
    expect(r.g[0]).toBe(0);
    expect(r.c[0]).toBe(0);
    expect(r.h[0]).toBe(0);
    expect(r.c[1]).toBeCloseTo(1.1118556566078872, 14);
    expect(r.h[1]).toBeCloseTo(0.2164218299839118, 14);
  });

  it('rejects wrong shapes', () => {
    const w = createLstmWeights(2, 3, createRng(1).next);
    expect(() => lstmStepForward(new Float64Array(3), new Float64Array(3), new Float64Array(3), w, 1)).toThrow(/N·D/);
  });
});

describe('createLstmWeights', () => {
  it('has the notes’ shapes, U[−s, s] entries and the forget bias in block 2', () => {
    const w = createLstmWeights(3, 4, createRng(5).next, { scale: 0.2, forgetBias: 1 });
    expect(w.Wx.length).toBe(3 * 16);
    expect(w.Wh.length).toBe(4 * 16);
    expect(Array.from(w.b)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    for (const v of [...w.Wx, ...w.Wh]) expect(Math.abs(v)).toBeLessThanOrEqual(0.2);
    // seeded
    expect(Array.from(createLstmWeights(3, 4, createRng(5).next).Wx)).toEqual(Array.from(createLstmWeights(3, 4, createRng(5).next).Wx));
  });
});

describe('lstmStepBackward (corrected) against central differences', () => {
  for (const seed of [1, 2, 3]) {
    it(`every gradient has relative error < 1e-8 (seed ${seed})`, () => {
      const r = lstmStepGradCheck(lstmStepBackward, createRng(seed).next, { N: 3, D: 4, H: 5 });
      for (const k of GRAD_NAMES) expect(r.errors[k], k).toBeLessThan(1e-8);
      expect(r.mutatedInput).toBe(false);
    });
  }

  it('does not mutate its inputs', () => {
    const rng = createRng(9);
    const w = createLstmWeights(2, 3, rng.next);
    const x = F([0.3, -1, 2, 0.5]);
    const h0 = F([0.1, 0.2, -0.3, 0.4, 0.5, -0.6]);
    const c0 = F([1, -1, 0.5, 0.2, 0, 0.3]);
    const { cache } = lstmStepForward(x, h0, c0, w, 2);
    const dh = F([1, 2, 3, -1, -2, -3]);
    const dc = F([0.5, 0.5, -0.5, 1, 1, 1]);
    const snap = [dh, dc, x, h0, c0, w.Wx, w.Wh, w.b, cache.c, cache.i].map((a) => Array.from(a));
    lstmStepBackward(dh, dc, cache);
    const after = [dh, dc, x, h0, c0, w.Wx, w.Wh, w.b, cache.c, cache.i].map((a) => Array.from(a));
    expect(after).toEqual(snap);
  });
});

describe('the notes’ lstm_step_backward (faithful port) fails the check', () => {
  it('large errors in dx, dprev_h, dWx, dWh, db; dprev_c is right; dnext_c is mutated', () => {
    const r = lstmStepGradCheck(lstmStepBackwardNotes, createRng(1).next, { N: 3, D: 4, H: 5 });
    for (const k of ['dx', 'dprev_h', 'dWx', 'dWh', 'db'] as const) expect(r.errors[k], k).toBeGreaterThan(1e-2);
    expect(r.errors.dprev_c).toBeLessThan(1e-8);
    expect(r.mutatedInput).toBe(true);
  });
});

describe('relError', () => {
  it('is 0 for equal vectors and ½ for a against 0… and symmetric', () => {
    expect(relError([1, 2], [1, 2])).toBe(0);
    expect(relError([0, 0], [0, 0])).toBe(0);
    expect(relError([1, 0], [0, 0])).toBe(1);
    expect(relError([1, 1], [3, 3])).toBeCloseTo(0.5, 12);
  });
});

describe('BPTT (lstmForward / lstmBackward) against finite differences of a sequence loss', () => {
  it('gradients of L = Σ_t Σ r_t ⊙ h_t + ½‖C_T‖² w.r.t. Wx, Wh, b, x_t, h0, c0', () => {
    const rng = createRng(42);
    const N = 2, D = 3, H = 4, T = 6;
    const w = createLstmWeights(D, H, rng.next, { scale: 0.8, forgetBias: 0.5 });
    const vec = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
    const xs = Array.from({ length: T }, () => vec(N * D));
    const h0 = vec(N * H);
    const c0 = vec(N * H);
    // loss on steps 1, 3, 5 only (zeros elsewhere) plus ½‖C_T‖² to feed a final dC
    const rs = Array.from({ length: T }, (_, t) => (t % 2 === 1 ? vec(N * H) : new Float64Array(N * H)));
    const loss = () => {
      const f = lstmForward(xs, h0, c0, w, N);
      let L = 0;
      for (let t = 0; t < T; t++) for (let q = 0; q < N * H; q++) L += rs[t][q] * f.hs[t][q];
      for (const v of f.cs[T - 1]) L += 0.5 * v * v;
      return L;
    };
    // the ½‖C_T‖² term enters as dnext_c at the last step: fold it in through dh = 0 and a custom final step
    const f = lstmForward(xs, h0, c0, w, N);
    const g = lstmBackward(rs, f.caches);
    // add the C_T term by hand: rerun last step's backward with dc = C_T and dh = 0, and BPTT from there
    const cT = f.cs[T - 1];
    let dh: Float64Array = new Float64Array(N * H);
    let dc: Float64Array = cT.slice();
    const extra = { dWx: new Float64Array(w.Wx.length), dWh: new Float64Array(w.Wh.length), db: new Float64Array(w.b.length) };
    const dxsExtra: Float64Array[] = new Array(T);
    for (let t = T - 1; t >= 0; t--) {
      const r = lstmStepBackward(dh, dc, f.caches[t]);
      r.dWx.forEach((v, k) => (extra.dWx[k] += v));
      r.dWh.forEach((v, k) => (extra.dWh[k] += v));
      r.db.forEach((v, k) => (extra.db[k] += v));
      dxsExtra[t] = r.dx;
      dh = r.dPrevH;
      dc = r.dPrevC;
    }
    const sum = (a: Float64Array, b: Float64Array) => a.map((v, k) => v + b[k]);
    expect(relError(sum(g.dWx, extra.dWx), numericGrad(loss, w.Wx))).toBeLessThan(1e-7);
    expect(relError(sum(g.dWh, extra.dWh), numericGrad(loss, w.Wh))).toBeLessThan(1e-7);
    expect(relError(sum(g.db, extra.db), numericGrad(loss, w.b))).toBeLessThan(1e-7);
    expect(relError(sum(g.dh0, dh), numericGrad(loss, h0))).toBeLessThan(1e-7);
    expect(relError(sum(g.dc0, dc), numericGrad(loss, c0))).toBeLessThan(1e-7);
    for (const t of [0, 3, T - 1]) expect(relError(sum(g.dxs[t], dxsExtra[t]), numericGrad(loss, xs[t]))).toBeLessThan(1e-7);
  });

  it('returns ‖dL/dh_t‖ and ‖dL/dC_t‖ per step; with a loss only at the end, ‖dC_t‖ decays back in time when f is small', () => {
    const rng = createRng(3);
    const N = 1, D = 2, H = 3, T = 8;
    const w = createLstmWeights(D, H, rng.next, { forgetBias: -3 });
    const xs = Array.from({ length: T }, () => Float64Array.from({ length: N * D }, () => rng.normal()));
    const f = lstmForward(xs, new Float64Array(H), new Float64Array(H), w, N);
    const dhs = Array.from({ length: T }, (_, t) => (t === T - 1 ? Float64Array.from([1, 1, 1]) : new Float64Array(H)));
    const g = lstmBackward(dhs, f.caches);
    expect(g.dhNorms).toHaveLength(T);
    expect(g.dhNorms[T - 1]).toBeCloseTo(Math.sqrt(3), 12);
    expect(g.dcNorms[0]).toBeLessThan(g.dcNorms[T - 1] * 1e-2);
    expect(f.is).toHaveLength(T);
  });
});
