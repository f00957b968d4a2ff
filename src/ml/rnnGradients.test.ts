import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import {
  clipGlobalNorm, closedForm, createReadout, createRnnWeights, eigenComponents, firstSymbolBatch, globalNorm, inputSize, iterateRecurrence,
  norm2, randomOrthogonal, readoutLoss, rnnBackward, rnnForward, thetaFromEig, type RnnActivation, type Vec2,
} from './rnnGradients';

describe('A_t = θ^t A_0 with θ = QΛQᵀ', () => {
  it('θ has eigenvalues λ1, λ2 with eigenvectors the columns of the rotation Q', () => {
    const phi = 0.7;
    const th = thetaFromEig(0.9, -1.2, phi);
    const q1: Vec2 = [Math.cos(phi), Math.sin(phi)];
    const q2: Vec2 = [-Math.sin(phi), Math.cos(phi)];
    const m = (v: Vec2): Vec2 => [th[0] * v[0] + th[1] * v[1], th[2] * v[0] + th[3] * v[1]];
    expect(m(q1)[0]).toBeCloseTo(0.9 * q1[0], 12);
    expect(m(q1)[1]).toBeCloseTo(0.9 * q1[1], 12);
    expect(m(q2)[0]).toBeCloseTo(-1.2 * q2[0], 12);
    expect(m(q2)[1]).toBeCloseTo(-1.2 * q2[1], 12);
    expect(th[1]).toBeCloseTo(th[2], 15); // symmetric
  });

  it('the closed form QΛ^tQᵀA_0 equals repeated multiplication', () => {
    for (const [l1, l2, phi] of [[0.9, 0.6, 0.5], [1.1, -0.7, 2], [-1.5, 1, 1], [1, 1, 0.3]]) {
      const a0: Vec2 = [0.3, -0.8];
      const seq = iterateRecurrence(thetaFromEig(l1, l2, phi), a0, 40);
      seq.forEach((a, t) => {
        const c = closedForm(l1, l2, phi, a0, t);
        const scale = Math.max(1, norm2(a));
        expect(Math.abs(a[0] - c[0]) / scale).toBeLessThan(1e-12);
        expect(Math.abs(a[1] - c[1]) / scale).toBeLessThan(1e-12);
      });
    }
  });

  it('for λ < 1 the norm decays as λ^t; the eigen-components scale as λ_i^t; λ = 1 keeps the state', () => {
    const a0: Vec2 = [Math.cos(1), Math.sin(1)];
    const seq = iterateRecurrence(thetaFromEig(0.9, 0.9, 0.4), a0, 30);
    seq.forEach((a, t) => expect(norm2(a)).toBeCloseTo(0.9 ** t, 12));
    const phi = 0.4;
    const s2 = iterateRecurrence(thetaFromEig(0.8, 1.1, phi), a0, 25);
    const c0 = eigenComponents(phi, a0);
    s2.forEach((a, t) => {
      const c = eigenComponents(phi, a);
      expect(c[0]).toBeCloseTo(0.8 ** t * c0[0], 10);
      expect(c[1] / c0[1]).toBeCloseTo(1.1 ** t, 8);
    });
    // Largest |λ| < 1: the norm is eventually dominated by it (ratio → 0.8 for λ = (0.8, 0.5)).
    const s3 = iterateRecurrence(thetaFromEig(0.8, 0.5, phi), a0, 60);
    expect(norm2(s3[60]) / norm2(s3[59])).toBeCloseTo(0.8, 6);
    const keep = iterateRecurrence(thetaFromEig(1, 1, phi), a0, 50);
    expect(norm2(keep[50])).toBeCloseTo(1, 12);
  });
});

describe('clipping by global norm', () => {
  it('rescales to exactly τ when the norm is above it, leaves it alone otherwise', () => {
    const gs = [Float64Array.from([3, 4]), Float64Array.from([12])];
    expect(globalNorm(gs)).toBeCloseTo(13, 12);
    const r = clipGlobalNorm(gs, 2);
    expect(r.before).toBeCloseTo(13, 12);
    expect(r.after).toBeCloseTo(2, 12);
    expect(globalNorm(gs)).toBeCloseTo(2, 12);
    expect(gs[0][0] / gs[0][1]).toBeCloseTo(3 / 4, 12); // direction kept
    const small = [Float64Array.from([0.1, 0.2])];
    const r2 = clipGlobalNorm(small, 2);
    expect(r2.after).toBe(r2.before);
    expect([...small[0]]).toEqual([0.1, 0.2]);
  });
});

describe('vanilla RNN backpropagation through time', () => {
  it('random orthogonal matrices are orthogonal', () => {
    const H = 6;
    const Q = randomOrthogonal(H, createRng(3));
    for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) {
      let d = 0;
      for (let k = 0; k < H; k++) d += Q[i * H + k] * Q[j * H + k];
      expect(d).toBeCloseTo(i === j ? 1 : 0, 12);
    }
  });

  for (const act of ['tanh', 'linear'] as RnnActivation[]) {
    it(`${act}: the gradients and ‖∂L/∂h_t‖ match finite differences`, () => {
      const spec = { T: 6, K: 3, M: 2 };
      const rng = createRng(7);
      const D = inputSize(spec);
      const H = 5;
      const N = 4;
      const w = createRnnWeights(D, H, rng, 0.9, act);
      for (let i = 0; i < w.b.length; i++) w.b[i] = 0.1 * rng.normal();
      const ro = createReadout(H, spec.K, rng);
      const { xs, labels } = firstSymbolBatch(spec, N, rng);
      const loss = () => readoutLoss(ro, rnnForward(w, xs, N).hs[spec.T], labels).loss;
      const c = rnnForward(w, xs, N);
      const r = readoutLoss(ro, c.hs[spec.T], labels);
      const g = rnnBackward(w, c, r.dh);
      const eps = 1e-6;
      for (const [name, arr, grad] of [['Wx', w.Wx, g.dWx], ['Wh', w.Wh, g.dWh], ['b', w.b, g.db], ['Wy', ro.W, r.dW]] as const) {
        for (let i = 0; i < arr.length; i++) {
          const v = arr[i];
          arr[i] = v + eps;
          const lp = loss();
          arr[i] = v - eps;
          const lm = loss();
          arr[i] = v;
          expect(Math.abs((lp - lm) / (2 * eps) - grad[i]), `${name}[${i}]`).toBeLessThan(1e-7);
        }
      }
      // ‖∂L/∂h_T‖ is the read-out's dh; the norms are positive and finite.
      expect(g.dhNorms[spec.T - 1]).toBeCloseTo(Math.hypot(...r.dh), 12);
      expect(g.dhNorms.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    });
  }

  it('∂L/∂h_1 matches a finite difference through the whole sequence', () => {
    // Perturb the input's first-step weight column so that h_1 moves; compare with (∂L/∂h_1)·Δh_1.
    const spec = { T: 8, K: 2, M: 2 };
    const rng = createRng(11);
    const D = inputSize(spec);
    const H = 4;
    const w = createRnnWeights(D, H, rng, 1.1, 'tanh');
    const ro = createReadout(H, spec.K, rng);
    const { xs, labels } = firstSymbolBatch(spec, 1, rng);
    const c = rnnForward(w, xs, 1);
    const r = readoutLoss(ro, c.hs[spec.T], labels);
    const dir = Float64Array.from({ length: H }, () => rng.normal());
    const eps = 1e-6;
    const lossWithShift = (s: number) => {
      // Run step 1 by hand, shift h_1, then continue.
      const h1 = c.hs[1].map((v, i) => v + s * dir[i]);
      let h = h1;
      for (let t = 1; t < spec.T; t++) {
        const nh = new Float64Array(H);
        for (let i = 0; i < H; i++) {
          let a = w.b[i];
          for (let j = 0; j < D; j++) a += w.Wx[i * D + j] * xs[t][j];
          for (let k = 0; k < H; k++) a += w.Wh[i * H + k] * h[k];
          nh[i] = Math.tanh(a);
        }
        h = nh;
      }
      return readoutLoss(ro, h, labels).loss;
    };
    const fd = (lossWithShift(eps) - lossWithShift(-eps)) / (2 * eps);
    // Rebuild ∂L/∂h_1 with the same recursion the backward pass uses.
    let dh = r.dh.slice();
    for (let t = spec.T; t >= 2; t--) {
      const h = c.hs[t];
      const prev = new Float64Array(H);
      for (let i = 0; i < H; i++) {
        const da = dh[i] * (1 - h[i] * h[i]);
        for (let k = 0; k < H; k++) prev[k] += da * w.Wh[i * H + k];
      }
      dh = prev;
    }
    const analytic = dh.reduce((s, v, i) => s + v * dir[i], 0);
    expect(Math.abs(fd - analytic)).toBeLessThan(1e-8);
    expect(rnnBackward(w, c, r.dh).dhNorms[0]).toBeCloseTo(Math.hypot(...dh), 12);
  });
});
