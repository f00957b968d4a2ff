import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import {
  crossEntropy, crossEntropyGrad, fullGrad, fullLoss, gdStep, hinge, hingeGrad, hingeZeroFrom, initLinear, lossSweep, makeBlobs,
  softmaxNaive32, softmaxNaive64, softmaxStable, softmaxStable32, weightNorm,
} from './softmax';

describe('softmax: naive against stable', () => {
  it('agree for small scores and sum to 1', () => {
    const s = [3.2, 5.1, -1.7];
    const a = softmaxNaive64(s);
    const b = softmaxStable(s);
    for (let k = 0; k < 3; k++) expect(a[k]).toBeCloseTo(b[k], 14);
    expect(b.reduce((x, v) => x + v, 0)).toBeCloseTo(1, 14);
    // e^3.2 = 24.53, e^5.1 = 164.02, e^-1.7 = 0.1827 → p = 0.1300, 0.8690, 0.000968
    expect(b[0]).toBeCloseTo(24.5325 / 188.7376, 4);
    expect(softmaxNaive32(s)[1]).toBeCloseTo(b[1], 6);
  });

  it('scores of 1,000: the stable form is finite and sums to 1, the naive ones give NaN', () => {
    const s = [1000, 999, 990];
    const st = softmaxStable(s);
    expect(st.every(Number.isFinite)).toBe(true);
    expect(st.reduce((x, v) => x + v, 0)).toBeCloseTo(1, 14);
    expect(st[0]).toBeCloseTo(1 / (1 + Math.exp(-1) + Math.exp(-10)), 12);
    const s32 = softmaxStable32(s);
    expect(s32.every(Number.isFinite)).toBe(true);
    expect(s32.reduce((x, v) => x + v, 0)).toBeCloseTo(1, 6);
    expect(softmaxNaive32(s).every(Number.isNaN)).toBe(true);
    expect(softmaxNaive64(s).every(Number.isNaN)).toBe(true);
  });

  it('float32 overflows at e^89, float64 only above ~709.78', () => {
    expect(Math.fround(Math.exp(88))).toBeLessThan(Infinity);
    expect(Math.fround(Math.exp(89))).toBe(Infinity);
    expect(softmaxNaive32([89, 0, 0]).some(Number.isNaN)).toBe(true);
    expect(softmaxNaive64([89, 0, 0]).every(Number.isFinite)).toBe(true);
    expect(softmaxNaive64([709, 0, 0]).every(Number.isFinite)).toBe(true);
    expect(softmaxNaive64([710, 0, 0]).some(Number.isNaN)).toBe(true);
    expect(softmaxStable([710, 0, 0])[0]).toBe(1);
  });
});

describe('hinge and cross-entropy on hand-computed examples', () => {
  it('the cat/car/frog scores', () => {
    const s = [3.2, 5.1, -1.7];
    // max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9 + 0
    expect(hinge(s, 0)).toBeCloseTo(2.9, 12);
    // true class car: max(0, 3.2 − 5.1 + 1) + max(0, −1.7 − 5.1 + 1) = 0
    expect(hinge(s, 1)).toBe(0);
    // true class frog: (3.2 + 1.7 + 1) + (5.1 + 1.7 + 1) = 5.9 + 7.8
    expect(hinge(s, 2)).toBeCloseTo(13.7, 12);
    // −log(24.5325 / 188.7376) = 2.0404
    expect(crossEntropy(s, 0)).toBeCloseTo(-Math.log(Math.exp(3.2) / (Math.exp(3.2) + Math.exp(5.1) + Math.exp(-1.7))), 12);
    expect(crossEntropy(s, 0)).toBeCloseTo(2.0404, 3);
    expect(crossEntropy(s, 1)).toBeGreaterThan(0);
  });

  it('as s_y rises, hinge reaches exactly 0 at max_{k≠y} s_k + 1 and stays; cross-entropy keeps falling but stays > 0', () => {
    const s = [3.2, 5.1, -1.7];
    expect(hingeZeroFrom(s, 0)).toBeCloseTo(6.1, 12);
    const sweep = lossSweep(s, 0, 0, 30, 300);
    for (const q of sweep) if (q.x >= 6.1 + 1e-9) expect(q.hinge).toBe(0);
    for (let i = 1; i < sweep.length; i++) {
      expect(sweep[i].ce).toBeLessThan(sweep[i - 1].ce);
      expect(sweep[i].ce).toBeGreaterThan(0);
    }
  });
});

describe('gradients', () => {
  const fd = (f: (s: number[]) => number, s: number[], k: number, h = 1e-6) => {
    const a = [...s];
    const b = [...s];
    a[k] += h;
    b[k] -= h;
    return (f(a) - f(b)) / (2 * h);
  };

  it('cross-entropy gradient p − onehot matches finite differences', () => {
    const rng = createRng(3);
    for (let t = 0; t < 20; t++) {
      const c = 3 + (t % 3);
      const s = Array.from({ length: c }, () => 3 * rng.normal());
      const y = t % c;
      const g = crossEntropyGrad(s, y);
      expect(g.reduce((x, v) => x + v, 0)).toBeCloseTo(0, 12);
      for (let k = 0; k < c; k++) expect(g[k]).toBeCloseTo(fd((v) => crossEntropy(v, y), s, k), 6);
    }
  });

  it('hinge subgradient matches finite differences away from the kinks', () => {
    const s = [3.2, 5.1, -1.7, 2.5];
    for (let y = 0; y < 4; y++) {
      const g = hingeGrad(s, y);
      for (let k = 0; k < 4; k++) expect(g[k]).toBeCloseTo(fd((v) => hinge(v, y), s, k), 6);
    }
  });

  it('full-loss gradient (data + λΣw²) matches finite differences', () => {
    const rng = createRng(5);
    const pts = makeBlobs(3, 0.5, rng);
    const m = initLinear(rng);
    for (const loss of ['hinge', 'ce'] as const) {
      const g = fullGrad(m, pts, loss, 0.05);
      for (let i = 0; i < m.w.length; i++) {
        const h = 1e-6;
        const up = { w: [...m.w], b: [...m.b] };
        const dn = { w: [...m.w], b: [...m.b] };
        up.w[i] += h;
        dn.w[i] -= h;
        const num = (fullLoss(up, pts, loss, 0.05).total - fullLoss(dn, pts, loss, 0.05).total) / (2 * h);
        expect(g.w[i]).toBeCloseTo(num, 5);
      }
    }
  });
});

describe('training a linear classifier with hinge vs cross-entropy', () => {
  function train(loss: 'hinge' | 'ce', lambda: number, iters: number) {
    const rng = createRng(1);
    const pts = makeBlobs(4, 0.35, rng);
    const m = initLinear(rng);
    const norms: number[] = [];
    let lastDelta = NaN;
    for (let i = 0; i < iters; i++) {
      lastDelta = gdStep(m, pts, loss, lambda, 0.5);
      norms.push(weightNorm(m));
    }
    return { m, pts, norms, lastDelta, loss: fullLoss(m, pts, loss, lambda) };
  }

  it('λ = 0: hinge reaches exactly 0 and its weights stop; cross-entropy stays > 0 and ‖W‖ keeps growing', () => {
    const h = train('hinge', 0, 1500);
    expect(h.loss.data).toBe(0);
    expect(h.lastDelta).toBe(0);
    expect(h.norms[1499]).toBe(h.norms[999]);
    const c = train('ce', 0, 1500);
    expect(c.loss.data).toBeGreaterThan(0);
    expect(c.loss.accuracy).toBe(1);
    expect(c.norms[1499]).toBeGreaterThan(c.norms[999]);
    expect(c.lastDelta).toBeGreaterThan(0);
  });

  it('λ > 0 bounds the cross-entropy weights', () => {
    const c0 = train('ce', 0, 3000);
    const c1 = train('ce', 0.01, 3000);
    expect(c1.norms[2999]).toBeLessThan(c0.norms[2999]);
    expect(Math.abs(c1.norms[2999] - c1.norms[1999])).toBeLessThan(1e-3);
    expect(c1.loss.reg).toBeCloseTo(0.01 * c1.norms[2999] ** 2, 12);
  });
});
