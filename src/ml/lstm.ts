/**
 * A single-layer LSTM in plain TypeScript (float64, row-major), following the lecture notes'
 * `lstm_step_forward` / `lstm_step_backward` (Lecture 11): one affine map a = x·Wx + h_{t−1}·Wh + b
 * of width 4H, sliced into the gates in the order i, f, o, g, then
 *
 *   i = σ(a_i), f = σ(a_f), o = σ(a_o), g = tanh(a_g),
 *   C_t = f ⊙ C_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(C_t).
 *
 * Shapes: x N×D, h and C N×H, Wx D×4H, Wh H×4H, b 4H (column blocks [i | f | o | g]).
 *
 * The backward pass here is the CORRECTED one. The notes' code has these mistakes:
 *  - `dag = (1 - np.tanh(ag)) ** 2 * dg` — the tanh derivative is 1 − tanh², not (1 − tanh)²;
 *  - `dprev_h = da.dot(Wh.T, da.T)` — the second argument of ndarray.dot is `out`; it must be
 *    `da.dot(Wh.T)` (NumPy actually raises here, as da.T is not C-contiguous);
 *  - `dnext_c += ...` mutates the caller's array; use a new array `dc = dnext_c + ...`;
 *  - the backward docstring is never closed (a syntax error as printed).
 * {@link lstmStepBackwardNotes} is a faithful port of the notes' version (tanh derivative and
 * in-place update included) so the lab can show it failing a gradient check.
 *
 * Plain TypeScript rather than tfjs: with H ≈ 8 the per-op dispatch of tfjs dominates, and a
 * step is a few hundred multiply-adds.
 */

/** LSTM parameters: Wx D×4H, Wh H×4H, b 4H, gate column blocks in the order i, f, o, g. */
export interface LstmWeights {
  D: number;
  H: number;
  /** D×4H, row-major. */
  Wx: Float64Array;
  /** H×4H, row-major. */
  Wh: Float64Array;
  /** 4H. */
  b: Float64Array;
}

/** Gate block index inside the 4H columns (the notes' slicing order). */
export const GATE_ORDER = ['i', 'f', 'o', 'g'] as const;
export type GateName = (typeof GATE_ORDER)[number];

/**
 * Random LSTM weights: every entry of Wx and Wh ~ U[−scale, scale] (default scale 1/√H), biases 0
 * except the forget-gate block, which is set to `forgetBias` (default 0; 1 is a common choice
 * that makes the cell remember by default at the start of training).
 * @param rng uniform [0, 1) source, e.g. `() => rng.next()` of src/ml/rng.ts
 */
export function createLstmWeights(
  D: number,
  H: number,
  rng: () => number,
  opts: { scale?: number; forgetBias?: number } = {},
): LstmWeights {
  const scale = opts.scale ?? 1 / Math.sqrt(H);
  const fb = opts.forgetBias ?? 0;
  const Wx = new Float64Array(D * 4 * H);
  const Wh = new Float64Array(H * 4 * H);
  const b = new Float64Array(4 * H);
  for (let k = 0; k < Wx.length; k++) Wx[k] = (2 * rng() - 1) * scale;
  for (let k = 0; k < Wh.length; k++) Wh[k] = (2 * rng() - 1) * scale;
  for (let j = H; j < 2 * H; j++) b[j] = fb;
  return { D, H, Wx, Wh, b };
}

/** Deep copy of a weight set. */
export function cloneLstmWeights(w: LstmWeights): LstmWeights {
  return { D: w.D, H: w.H, Wx: w.Wx.slice(), Wh: w.Wh.slice(), b: w.b.slice() };
}

/** What the backward pass of one step needs (all N×H unless stated). */
export interface LstmStepCache {
  N: number;
  D: number;
  H: number;
  /** N×D input. */
  x: Float64Array;
  prevH: Float64Array;
  prevC: Float64Array;
  /** Weights used (by reference; do not mutate between forward and backward). */
  w: LstmWeights;
  /** N×4H pre-activations a = x·Wx + h_{t−1}·Wh + b. */
  a: Float64Array;
  i: Float64Array;
  f: Float64Array;
  o: Float64Array;
  g: Float64Array;
  /** Next cell state C_t. */
  c: Float64Array;
  /** tanh(C_t). */
  tanhC: Float64Array;
  /** Next hidden state h_t. */
  h: Float64Array;
}

const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

/** One LSTM step (the notes' lstm_step_forward). Inputs are not modified. */
export function lstmStepForward(
  x: Float64Array,
  prevH: Float64Array,
  prevC: Float64Array,
  w: LstmWeights,
  N: number,
): {
  h: Float64Array;
  c: Float64Array;
  i: Float64Array;
  f: Float64Array;
  o: Float64Array;
  g: Float64Array;
  cache: LstmStepCache;
} {
  const { D, H, Wx, Wh, b } = w;
  const H4 = 4 * H;
  if (x.length !== N * D) throw new Error(`lstmStepForward: x has ${x.length} values, expected N·D = ${N * D}`);
  if (prevH.length !== N * H || prevC.length !== N * H)
    throw new Error(`lstmStepForward: prev_h / prev_c must have N·H = ${N * H} values`);
  // 1: a = x Wx + prev_h Wh + b
  const a = new Float64Array(N * H4);
  for (let n = 0; n < N; n++) {
    const row = n * H4;
    for (let j = 0; j < H4; j++) a[row + j] = b[j];
    for (let d = 0; d < D; d++) {
      const xv = x[n * D + d];
      if (xv === 0) continue;
      const wr = d * H4;
      for (let j = 0; j < H4; j++) a[row + j] += xv * Wx[wr + j];
    }
    for (let k = 0; k < H; k++) {
      const hv = prevH[n * H + k];
      if (hv === 0) continue;
      const wr = k * H4;
      for (let j = 0; j < H4; j++) a[row + j] += hv * Wh[wr + j];
    }
  }
  // 2–5: gates, cell, hidden
  const i = new Float64Array(N * H);
  const f = new Float64Array(N * H);
  const o = new Float64Array(N * H);
  const g = new Float64Array(N * H);
  const c = new Float64Array(N * H);
  const tanhC = new Float64Array(N * H);
  const h = new Float64Array(N * H);
  for (let n = 0; n < N; n++) {
    const row = n * H4;
    for (let k = 0; k < H; k++) {
      const q = n * H + k;
      i[q] = sigmoid(a[row + k]);
      f[q] = sigmoid(a[row + H + k]);
      o[q] = sigmoid(a[row + 2 * H + k]);
      g[q] = Math.tanh(a[row + 3 * H + k]);
      c[q] = f[q] * prevC[q] + i[q] * g[q];
      tanhC[q] = Math.tanh(c[q]);
      h[q] = o[q] * tanhC[q];
    }
  }
  const cache: LstmStepCache = { N, D, H, x, prevH, prevC, w, a, i, f, o, g, c, tanhC, h };
  return { h, c, i, f, o, g, cache };
}

/** Gradients of the LSTM parameters (same shapes as {@link LstmWeights}). */
export interface LstmGrads {
  dWx: Float64Array;
  dWh: Float64Array;
  db: Float64Array;
}

/** da (N×4H) → db, dWx = xᵀ da, dWh = h_{t−1}ᵀ da, dx = da Wxᵀ, dprev_h = da Whᵀ. */
function affineBackward(da: Float64Array, cache: LstmStepCache) {
  const { N, D, H, x, prevH, w } = cache;
  const H4 = 4 * H;
  const db = new Float64Array(H4);
  const dWx = new Float64Array(D * H4);
  const dWh = new Float64Array(H * H4);
  const dx = new Float64Array(N * D);
  const dPrevH = new Float64Array(N * H);
  for (let n = 0; n < N; n++) {
    const row = n * H4;
    for (let j = 0; j < H4; j++) db[j] += da[row + j];
    for (let d = 0; d < D; d++) {
      const xv = x[n * D + d];
      const wr = d * H4;
      let s = 0;
      for (let j = 0; j < H4; j++) {
        dWx[wr + j] += xv * da[row + j];
        s += da[row + j] * w.Wx[wr + j];
      }
      dx[n * D + d] = s;
    }
    for (let k = 0; k < H; k++) {
      const hv = prevH[n * H + k];
      const wr = k * H4;
      let s = 0;
      for (let j = 0; j < H4; j++) {
        dWh[wr + j] += hv * da[row + j];
        s += da[row + j] * w.Wh[wr + j];
      }
      dPrevH[n * H + k] = s;
    }
  }
  return { dx, dPrevH, dWx, dWh, db };
}

/**
 * Corrected backward pass of one step. Does NOT modify its inputs.
 * Besides the notes' outputs it returns `dc`, the total gradient dL/dC_t
 * (= dnext_c + o ⊙ (1 − tanh²C_t) ⊙ dnext_h).
 */
export function lstmStepBackward(
  dNextH: Float64Array,
  dNextC: Float64Array,
  cache: LstmStepCache,
): { dx: Float64Array; dPrevH: Float64Array; dPrevC: Float64Array; dc: Float64Array } & LstmGrads {
  const { N, H, i, f, o, g, prevC, tanhC } = cache;
  const H4 = 4 * H;
  const da = new Float64Array(N * H4);
  const dc = new Float64Array(N * H);
  const dPrevC = new Float64Array(N * H);
  for (let n = 0; n < N; n++) {
    for (let k = 0; k < H; k++) {
      const q = n * H + k;
      const row = n * H4;
      // 5: h = o·tanh(C)
      const dout = tanhC[q] * dNextH[q];
      const dcq = dNextC[q] + o[q] * (1 - tanhC[q] * tanhC[q]) * dNextH[q];
      dc[q] = dcq;
      // 4: C = f·C_prev + i·g
      const df = prevC[q] * dcq;
      dPrevC[q] = f[q] * dcq;
      const di = g[q] * dcq;
      const dg = i[q] * dcq;
      // 3: σ' = σ(1−σ), tanh' = 1 − tanh²
      da[row + k] = i[q] * (1 - i[q]) * di;
      da[row + H + k] = f[q] * (1 - f[q]) * df;
      da[row + 2 * H + k] = o[q] * (1 - o[q]) * dout;
      da[row + 3 * H + k] = (1 - g[q] * g[q]) * dg;
    }
  }
  const r = affineBackward(da, cache);
  return { dx: r.dx, dPrevH: r.dPrevH, dPrevC, dc, dWx: r.dWx, dWh: r.dWh, db: r.db };
}

/**
 * Faithful port of the NOTES' lstm_step_backward, mistakes included — for the lab's gradient
 * check only. It uses dag = (1 − tanh(ag))² · dg and, like `dnext_c += ...`, it ADDS into the
 * caller's `dNextC` array in place. `da.dot(Wh.T, da.T)` raises in NumPy (da.T is not a valid
 * `out` array); the port computes what it was meant to compute, da·Whᵀ, so every error in
 * dprev_h comes from the wrong tanh derivative.
 */
export function lstmStepBackwardNotes(
  dNextH: Float64Array,
  dNextC: Float64Array,
  cache: LstmStepCache,
): { dx: Float64Array; dPrevH: Float64Array; dPrevC: Float64Array } & LstmGrads {
  const { N, H, i, f, o, g, prevC, a, c } = cache;
  const H4 = 4 * H;
  const da = new Float64Array(N * H4);
  const dPrevC = new Float64Array(N * H);
  for (let q = 0; q < N * H; q++) {
    // do = np.tanh(next_c) * dnext_h ; dnext_c += o * (1 - np.tanh(next_c) ** 2) * dnext_h
    const tc = Math.tanh(c[q]);
    dNextC[q] += o[q] * (1 - tc ** 2) * dNextH[q];
  }
  for (let n = 0; n < N; n++) {
    const row = n * H4;
    for (let k = 0; k < H; k++) {
      const q = n * H + k;
      const dout = Math.tanh(c[q]) * dNextH[q];
      const df = prevC[q] * dNextC[q];
      dPrevC[q] = f[q] * dNextC[q];
      const di = g[q] * dNextC[q];
      const dg = i[q] * dNextC[q];
      const si = sigmoid(a[row + k]);
      const sf = sigmoid(a[row + H + k]);
      const so = sigmoid(a[row + 2 * H + k]);
      da[row + k] = si * (1 - si) * di;
      da[row + H + k] = sf * (1 - sf) * df;
      da[row + 2 * H + k] = so * (1 - so) * dout;
      da[row + 3 * H + k] = (1 - Math.tanh(a[row + 3 * H + k])) ** 2 * dg; // the notes' mistake
    }
  }
  const r = affineBackward(da, cache);
  return { dx: r.dx, dPrevH: r.dPrevH, dPrevC, dWx: r.dWx, dWh: r.dWh, db: r.db };
}

/** Forward over a sequence xs[0..T−1] (each N×D) from (h0, c0). */
export function lstmForward(
  xs: Float64Array[],
  h0: Float64Array,
  c0: Float64Array,
  w: LstmWeights,
  N: number,
): {
  hs: Float64Array[];
  cs: Float64Array[];
  caches: LstmStepCache[];
  is: Float64Array[];
  fs: Float64Array[];
  os: Float64Array[];
  gs: Float64Array[];
} {
  const hs: Float64Array[] = [];
  const cs: Float64Array[] = [];
  const caches: LstmStepCache[] = [];
  const is: Float64Array[] = [];
  const fs: Float64Array[] = [];
  const os: Float64Array[] = [];
  const gs: Float64Array[] = [];
  let h = h0;
  let c = c0;
  for (const x of xs) {
    const s = lstmStepForward(x, h, c, w, N);
    h = s.h;
    c = s.c;
    hs.push(s.h);
    cs.push(s.c);
    caches.push(s.cache);
    is.push(s.i);
    fs.push(s.f);
    os.push(s.o);
    gs.push(s.g);
  }
  return { hs, cs, caches, is, fs, os, gs };
}

const norm = (v: Float64Array): number => {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k] * v[k];
  return Math.sqrt(s);
};

/**
 * Backpropagation through time. `dhs[t]` is dL/dh_t from the layers above (zeros where there is
 * no loss); the recurrent gradient is added to it. Returns the summed weight gradients, dL/dx_t,
 * dL/dh_0, dL/dc_0, and the norms ‖dL/dh_t‖ (total, incl. the recurrent part) and ‖dL/dC_t‖
 * (total) per step.
 */
export function lstmBackward(
  dhs: Float64Array[],
  caches: LstmStepCache[],
): LstmGrads & {
  dxs: Float64Array[];
  dh0: Float64Array;
  dc0: Float64Array;
  dhNorms: number[];
  dcNorms: number[];
} {
  const T = caches.length;
  if (dhs.length !== T) throw new Error(`lstmBackward: ${dhs.length} dh's for ${T} steps`);
  if (T === 0) throw new Error('lstmBackward: empty sequence');
  const { N, D, H } = caches[0];
  const dWx = new Float64Array(D * 4 * H);
  const dWh = new Float64Array(H * 4 * H);
  const db = new Float64Array(4 * H);
  const dxs: Float64Array[] = new Array(T);
  const dhNorms: number[] = new Array(T).fill(0);
  const dcNorms: number[] = new Array(T).fill(0);
  let dhNext: Float64Array = new Float64Array(N * H);
  let dcNext: Float64Array = new Float64Array(N * H);
  for (let t = T - 1; t >= 0; t--) {
    const dh = new Float64Array(N * H);
    for (let q = 0; q < dh.length; q++) dh[q] = dhs[t][q] + dhNext[q];
    const r = lstmStepBackward(dh, dcNext, caches[t]);
    dhNorms[t] = norm(dh);
    dcNorms[t] = norm(r.dc);
    for (let k = 0; k < dWx.length; k++) dWx[k] += r.dWx[k];
    for (let k = 0; k < dWh.length; k++) dWh[k] += r.dWh[k];
    for (let k = 0; k < db.length; k++) db[k] += r.db[k];
    dxs[t] = r.dx;
    dhNext = r.dPrevH;
    dcNext = r.dPrevC;
  }
  return { dWx, dWh, db, dxs, dh0: dhNext, dc0: dcNext, dhNorms, dcNorms };
}

// ---------------------------------------------------------------------------------------------
// Gradient check of one step by central finite differences.

export type StepBackwardFn = (
  dNextH: Float64Array,
  dNextC: Float64Array,
  cache: LstmStepCache,
) => { dx: Float64Array; dPrevH: Float64Array; dPrevC: Float64Array } & LstmGrads;

export const GRAD_NAMES = ['dx', 'dprev_h', 'dprev_c', 'dWx', 'dWh', 'db'] as const;
export type GradName = (typeof GRAD_NAMES)[number];

/**
 * Relative error ‖a − n‖ / max(‖a‖ + ‖n‖, 1e-300) between an analytic and a numerical gradient
 * (norm-based, so tiny entries do not dominate; 0 when both are 0).
 */
export function relError(a: ArrayLike<number>, n: ArrayLike<number>): number {
  let d = 0;
  let sa = 0;
  let sn = 0;
  for (let k = 0; k < a.length; k++) {
    d += (a[k] - n[k]) ** 2;
    sa += a[k] * a[k];
    sn += n[k] * n[k];
  }
  const den = Math.sqrt(sa) + Math.sqrt(sn);
  return den === 0 ? 0 : Math.sqrt(d) / Math.max(den, 1e-300);
}

/** Central difference (f(v+h) − f(v−h)) / 2h of a scalar function w.r.t. every entry of `v` (restored). */
export function numericGrad(f: () => number, v: Float64Array, h = 1e-5): Float64Array {
  const out = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) {
    const old = v[k];
    v[k] = old + h;
    const fp = f();
    v[k] = old - h;
    const fm = f();
    v[k] = old;
    out[k] = (fp - fm) / (2 * h);
  }
  return out;
}

export interface StepGradCheck {
  /** Relative error per gradient. */
  errors: Record<GradName, number>;
  analytic: Record<GradName, Float64Array>;
  numeric: Record<GradName, Float64Array>;
  /** Whether the backward function changed its dnext_c argument. */
  mutatedInput: boolean;
}

/**
 * Gradient check of one LSTM step with the scalar loss L = Σ dnext_h ⊙ h_t + Σ dnext_c ⊙ C_t
 * (random upstream gradients), so dL/dh_t = dnext_h and dL/dC_t = dnext_c exactly.
 * Random x, prev_h, prev_c, Wx, Wh, b ~ N(0, 1)·scale.
 */
export function lstmStepGradCheck(
  backward: StepBackwardFn,
  rng: () => number,
  dims: { N: number; D: number; H: number } = { N: 3, D: 4, H: 5 },
  h = 1e-5,
): StepGradCheck {
  const { N, D, H } = dims;
  const normal = (): number => {
    const u1 = 1 - rng();
    const u2 = rng();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  const fill = (len: number, s: number) => {
    const v = new Float64Array(len);
    for (let k = 0; k < len; k++) v[k] = normal() * s;
    return v;
  };
  const x = fill(N * D, 1);
  const prevH = fill(N * H, 1);
  const prevC = fill(N * H, 1);
  const w: LstmWeights = { D, H, Wx: fill(D * 4 * H, 0.5), Wh: fill(H * 4 * H, 0.5), b: fill(4 * H, 0.5) };
  const dNextH = fill(N * H, 1);
  const dNextC = fill(N * H, 1);
  const loss = (): number => {
    const s = lstmStepForward(x, prevH, prevC, w, N);
    let L = 0;
    for (let q = 0; q < N * H; q++) L += dNextH[q] * s.h[q] + dNextC[q] * s.c[q];
    return L;
  };
  const { cache } = lstmStepForward(x, prevH, prevC, w, N);
  const dcArg = dNextC.slice();
  const r = backward(dNextH.slice(), dcArg, cache);
  let mutatedInput = false;
  for (let q = 0; q < dcArg.length; q++) if (dcArg[q] !== dNextC[q]) mutatedInput = true;
  const numeric: Record<GradName, Float64Array> = {
    dx: numericGrad(loss, x, h),
    dprev_h: numericGrad(loss, prevH, h),
    dprev_c: numericGrad(loss, prevC, h),
    dWx: numericGrad(loss, w.Wx, h),
    dWh: numericGrad(loss, w.Wh, h),
    db: numericGrad(loss, w.b, h),
  };
  const analytic: Record<GradName, Float64Array> = {
    dx: r.dx,
    dprev_h: r.dPrevH,
    dprev_c: r.dPrevC,
    dWx: r.dWx,
    dWh: r.dWh,
    db: r.db,
  };
  const errors = {} as Record<GradName, number>;
  for (const k of GRAD_NAMES) errors[k] = relError(analytic[k], numeric[k]);
  return { errors, analytic, numeric, mutatedInput };
}
