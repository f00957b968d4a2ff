/**
 * Vanishing and exploding gradients in recurrent networks (Lecture 11).
 *
 * Part 1 — the notes' input-free recurrence A_t = θ_c^t A_0 with a symmetric 2×2 θ_c = QΛQᵀ
 * (Q a rotation, so orthogonal): repeated multiplication against the closed form QΛ^tQᵀA_0.
 *
 * Part 2 — a vanilla RNN trained with backpropagation through time on "remember the first symbol
 * after T steps", plus the pieces both it and the LSTM share: the task's batches, the softmax
 * output layer on the last hidden state, global-norm gradient clipping and Adam over a list of
 * Float64Arrays. Plain TypeScript: the models are tiny (H ≈ 16–32) and sequential, so tfjs would
 * spend its time dispatching hundreds of small ops per step.
 *
 * Layouts: row-major Float64Arrays; a batch of N vectors of size D is N×D.
 */
import type { Rng } from './rng';

// ---------------------------------------------------------------------------------------------
// Part 1: A_t = θ^t A_0 with θ = QΛQᵀ
// ---------------------------------------------------------------------------------------------

/** 2×2 matrix as [a, b, c, d] = [[a, b], [c, d]]. */
export type Mat2 = [number, number, number, number];
export type Vec2 = [number, number];

/** Rotation by φ (radians): its columns are the eigenvectors q1, q2 of θ. */
export function rotation(phi: number): Mat2 {
  const c = Math.cos(phi);
  const s = Math.sin(phi);
  return [c, -s, s, c];
}

export function mul2(m: Mat2, v: Vec2): Vec2 {
  return [m[0] * v[0] + m[1] * v[1], m[2] * v[0] + m[3] * v[1]];
}

/** θ = Q diag(λ1, λ2) Qᵀ with Q = rotation(φ). */
export function thetaFromEig(l1: number, l2: number, phi: number): Mat2 {
  const [c, , s] = rotation(phi);
  // Q = [q1 q2], q1 = (c, s), q2 = (−s, c): θ = λ1 q1q1ᵀ + λ2 q2q2ᵀ.
  return [l1 * c * c + l2 * s * s, (l1 - l2) * c * s, (l1 - l2) * c * s, l1 * s * s + l2 * c * c];
}

/** A_0, θA_0, θ²A_0, …, θ^T A_0 by repeated multiplication. */
export function iterateRecurrence(theta: Mat2, a0: Vec2, T: number): Vec2[] {
  const out: Vec2[] = [a0];
  let a = a0;
  for (let t = 1; t <= T; t++) {
    a = mul2(theta, a);
    out.push(a);
  }
  return out;
}

/** The closed form A_t = QΛ^tQᵀA_0 (valid because Q is orthogonal, Q⁻¹ = Qᵀ). */
export function closedForm(l1: number, l2: number, phi: number, a0: Vec2, t: number): Vec2 {
  const [c, , s] = rotation(phi);
  // Qᵀ A_0: the components along q1 and q2.
  const u1 = c * a0[0] + s * a0[1];
  const u2 = -s * a0[0] + c * a0[1];
  const v1 = l1 ** t * u1;
  const v2 = l2 ** t * u2;
  return [c * v1 - s * v2, s * v1 + c * v2];
}

/** Components of A along the eigenvectors q1, q2 (i.e. QᵀA). */
export function eigenComponents(phi: number, a: Vec2): Vec2 {
  const [c, , s] = rotation(phi);
  return [c * a[0] + s * a[1], -s * a[0] + c * a[1]];
}

export const norm2 = (v: Vec2): number => Math.hypot(v[0], v[1]);

// ---------------------------------------------------------------------------------------------
// The task: remember the first symbol after T steps
// ---------------------------------------------------------------------------------------------

export interface TaskSpec {
  /** Sequence length T (the answer is asked for after the T-th input). */
  T: number;
  /** Symbols to remember (classes). */
  K: number;
  /** Distractor symbols that fill steps 2 … T. */
  M: number;
}

export const inputSize = (s: TaskSpec): number => s.K + s.M;

export interface TaskBatch {
  /** xs[t] is the N×(K+M) one-hot input at step t+1. */
  xs: Float64Array[];
  labels: Int32Array;
}

/** x_1 is one of the K symbols (the label); x_2 … x_T are random distractors (one-hot in the last M slots). */
export function firstSymbolBatch(s: TaskSpec, N: number, rng: Rng): TaskBatch {
  const D = inputSize(s);
  const xs: Float64Array[] = [];
  const labels = new Int32Array(N);
  for (let t = 0; t < s.T; t++) xs.push(new Float64Array(N * D));
  for (let n = 0; n < N; n++) {
    const y = rng.int(s.K);
    labels[n] = y;
    xs[0][n * D + y] = 1;
    for (let t = 1; t < s.T; t++) xs[t][n * D + s.K + rng.int(s.M)] = 1;
  }
  return { xs, labels };
}

// ---------------------------------------------------------------------------------------------
// Softmax output layer on the last hidden state (shared by the RNN and the LSTM)
// ---------------------------------------------------------------------------------------------

export interface Readout {
  /** K×H */
  W: Float64Array;
  b: Float64Array;
  K: number;
  H: number;
}

export function createReadout(H: number, K: number, rng: Rng): Readout {
  const W = new Float64Array(K * H);
  const std = 1 / Math.sqrt(H);
  for (let i = 0; i < W.length; i++) W[i] = std * rng.normal();
  return { W, b: new Float64Array(K), K, H };
}

export interface ReadoutResult {
  /** Mean cross-entropy over the batch. */
  loss: number;
  correct: number;
  /** ∂L/∂h_T (N×H) for the batch-mean loss L. */
  dh: Float64Array;
  dW: Float64Array;
  db: Float64Array;
}

/** Softmax cross-entropy on logits = h Wᵀ + b, its gradients, and the number of correct argmaxes. */
export function readoutLoss(r: Readout, h: Float64Array, labels: Int32Array): ReadoutResult {
  const { K, H } = r;
  const N = labels.length;
  const dh = new Float64Array(N * H);
  const dW = new Float64Array(K * H);
  const db = new Float64Array(K);
  const z = new Float64Array(K);
  let loss = 0;
  let correct = 0;
  for (let n = 0; n < N; n++) {
    let best = 0;
    for (let k = 0; k < K; k++) {
      let s = r.b[k];
      for (let j = 0; j < H; j++) s += r.W[k * H + j] * h[n * H + j];
      z[k] = s;
      if (s > z[best]) best = k;
    }
    const y = labels[n];
    if (best === y) correct++;
    const mx = z[best];
    let sum = 0;
    for (let k = 0; k < K; k++) {
      z[k] = Math.exp(z[k] - mx);
      sum += z[k];
    }
    loss += -Math.log(z[y] / sum);
    for (let k = 0; k < K; k++) {
      const g = (z[k] / sum - (k === y ? 1 : 0)) / N;
      db[k] += g;
      for (let j = 0; j < H; j++) {
        dW[k * H + j] += g * h[n * H + j];
        dh[n * H + j] += g * r.W[k * H + j];
      }
    }
  }
  return { loss: loss / N, correct, dh, dW, db };
}

// ---------------------------------------------------------------------------------------------
// Vanilla RNN: h_t = f(W_x x_t + W_h h_{t−1} + b), f = tanh or the identity (the notes' A_t)
// ---------------------------------------------------------------------------------------------

export type RnnActivation = 'tanh' | 'linear';

export interface RnnWeights {
  /** H×D */
  Wx: Float64Array;
  /** H×H */
  Wh: Float64Array;
  b: Float64Array;
  D: number;
  H: number;
  act: RnnActivation;
}

export type RnnInit = 'gaussian' | 'orthogonal';

/**
 * W_h = scale · G/√H with G Gaussian ('gaussian': the eigenvalues of G/√H fill the unit disc, so
 * the spectral radius is ≈ scale), or scale · (random orthogonal matrix) ('orthogonal': every
 * singular value equals scale). W_x ~ N(0, 1/D).
 */
export function createRnnWeights(D: number, H: number, rng: Rng, scale: number, act: RnnActivation, init: RnnInit = 'gaussian'): RnnWeights {
  const Wx = new Float64Array(H * D);
  for (let i = 0; i < Wx.length; i++) Wx[i] = rng.normal() / Math.sqrt(D);
  let Wh: Float64Array;
  if (init === 'orthogonal') {
    Wh = randomOrthogonal(H, rng);
    for (let i = 0; i < Wh.length; i++) Wh[i] *= scale;
  } else {
    Wh = new Float64Array(H * H);
    for (let i = 0; i < Wh.length; i++) Wh[i] = (scale * rng.normal()) / Math.sqrt(H);
  }
  return { Wx, Wh, b: new Float64Array(H), D, H, act };
}

/** A random H×H orthogonal matrix: Gram–Schmidt on the rows of a Gaussian matrix. */
export function randomOrthogonal(H: number, rng: Rng): Float64Array {
  const Q = new Float64Array(H * H);
  for (let i = 0; i < H; i++) {
    for (;;) {
      for (let j = 0; j < H; j++) Q[i * H + j] = rng.normal();
      for (let p = 0; p < i; p++) {
        let d = 0;
        for (let j = 0; j < H; j++) d += Q[i * H + j] * Q[p * H + j];
        for (let j = 0; j < H; j++) Q[i * H + j] -= d * Q[p * H + j];
      }
      let nn = 0;
      for (let j = 0; j < H; j++) nn += Q[i * H + j] ** 2;
      nn = Math.sqrt(nn);
      if (nn > 1e-8) {
        for (let j = 0; j < H; j++) Q[i * H + j] /= nn;
        break;
      }
    }
  }
  return Q;
}

export interface RnnCache {
  xs: Float64Array[];
  /** hs[0] = h_0 = 0, hs[t] = h_t (N×H). */
  hs: Float64Array[];
  N: number;
}

export function rnnForward(w: RnnWeights, xs: Float64Array[], N: number): RnnCache {
  const { D, H } = w;
  const hs: Float64Array[] = [new Float64Array(N * H)];
  for (let t = 0; t < xs.length; t++) {
    const x = xs[t];
    const hp = hs[t];
    const h = new Float64Array(N * H);
    for (let n = 0; n < N; n++) {
      for (let i = 0; i < H; i++) {
        let s = w.b[i];
        const wr = i * D;
        for (let j = 0; j < D; j++) {
          const xv = x[n * D + j];
          if (xv !== 0) s += w.Wx[wr + j] * xv;
        }
        const hr = i * H;
        for (let k = 0; k < H; k++) s += w.Wh[hr + k] * hp[n * H + k];
        h[n * H + i] = w.act === 'tanh' ? Math.tanh(s) : s;
      }
    }
    hs.push(h);
  }
  return { xs, hs, N };
}

export interface RnnGrads {
  dWx: Float64Array;
  dWh: Float64Array;
  db: Float64Array;
  /** ‖∂L/∂h_t‖ (Frobenius over the batch) for t = 1 … T. */
  dhNorms: number[];
}

/** BPTT from ∂L/∂h_T only (the loss sits at the last step). */
export function rnnBackward(w: RnnWeights, cache: RnnCache, dhT: Float64Array): RnnGrads {
  const { D, H } = w;
  const { xs, hs, N } = cache;
  const T = xs.length;
  const dWx = new Float64Array(H * D);
  const dWh = new Float64Array(H * H);
  const db = new Float64Array(H);
  const dhNorms = new Array<number>(T).fill(0);
  let dh = dhT.slice();
  const da = new Float64Array(N * H);
  for (let t = T; t >= 1; t--) {
    let nn = 0;
    for (let i = 0; i < dh.length; i++) nn += dh[i] * dh[i];
    dhNorms[t - 1] = Math.sqrt(nn);
    const h = hs[t];
    const hp = hs[t - 1];
    const x = xs[t - 1];
    for (let q = 0; q < N * H; q++) da[q] = w.act === 'tanh' ? dh[q] * (1 - h[q] * h[q]) : dh[q];
    const dhp = new Float64Array(N * H);
    for (let n = 0; n < N; n++) {
      for (let i = 0; i < H; i++) {
        const g = da[n * H + i];
        if (g === 0) continue;
        db[i] += g;
        for (let j = 0; j < D; j++) {
          const xv = x[n * D + j];
          if (xv !== 0) dWx[i * D + j] += g * xv;
        }
        for (let k = 0; k < H; k++) {
          dWh[i * H + k] += g * hp[n * H + k];
          dhp[n * H + k] += g * w.Wh[i * H + k];
        }
      }
    }
    dh = dhp;
  }
  return { dWx, dWh, db, dhNorms };
}

// ---------------------------------------------------------------------------------------------
// Clipping and Adam
// ---------------------------------------------------------------------------------------------

/** ‖g‖ over all the arrays together. */
export function globalNorm(gs: readonly Float64Array[]): number {
  let s = 0;
  for (const g of gs) for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}

/**
 * Clip by global norm: if ‖g‖ > τ, g ← τ g/‖g‖ (in place). Returns the norm before and after.
 */
export function clipGlobalNorm(gs: readonly Float64Array[], tau: number): { before: number; after: number } {
  const before = globalNorm(gs);
  if (!(before > tau)) return { before, after: before };
  const s = tau / before;
  for (const g of gs) for (let i = 0; i < g.length; i++) g[i] *= s;
  return { before, after: globalNorm(gs) };
}

export interface AdamState {
  m: Float64Array[];
  v: Float64Array[];
  t: number;
}

export function createAdamState(params: readonly Float64Array[]): AdamState {
  return { m: params.map((p) => new Float64Array(p.length)), v: params.map((p) => new Float64Array(p.length)), t: 0 };
}

/** θ ← θ − α m̂/(√v̂ + ε), in place. */
export function adamUpdate(params: readonly Float64Array[], grads: readonly Float64Array[], s: AdamState, lr: number, b1 = 0.9, b2 = 0.999, eps = 1e-8): void {
  s.t++;
  const c1 = 1 - b1 ** s.t;
  const c2 = 1 - b2 ** s.t;
  params.forEach((p, k) => {
    const g = grads[k];
    const m = s.m[k];
    const v = s.v[k];
    for (let i = 0; i < p.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * g[i];
      v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
      p[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
    }
  });
}

/** θ ← θ − α g, in place. */
export function sgdUpdate(params: readonly Float64Array[], grads: readonly Float64Array[], lr: number): void {
  params.forEach((p, k) => {
    const g = grads[k];
    for (let i = 0; i < p.length; i++) p[i] -= lr * g[i];
  });
}
