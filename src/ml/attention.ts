/**
 * Scaled dot-product attention, Attention(Q, K, V) = softmax(QKᵀ/√d_k) V, written out stage by
 * stage for tiny matrices (n ≤ 6 tokens), plus the two experiments of the attention lab:
 * - the softmax saturation Monte Carlo (why divide by √d_k), stepped in small chunks;
 * - multi-head attention on a short token sequence with seeded weights.
 * Plain TypeScript over number[][]: the matrices are at most 6×12, where tfjs's per-op dispatch
 * would cost far more than the arithmetic.
 */
import { createRng, type Rng } from './rng';

export type Matrix = number[][];

export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function transpose(a: Matrix): Matrix {
  const rows = a.length;
  const cols = rows ? a[0].length : 0;
  return Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => a[i][j]));
}

/** C = A·B (A: r×m, B: m×c). */
export function matmul(a: Matrix, b: Matrix): Matrix {
  const r = a.length;
  const m = b.length;
  const c = m ? b[0].length : 0;
  if (r && a[0].length !== m) throw new Error(`matmul: ${r}×${a[0].length} · ${m}×${c}`);
  const out = zeros(r, c);
  for (let i = 0; i < r; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i][k];
      if (aik === 0) continue;
      for (let j = 0; j < c; j++) out[i][j] += aik * b[k][j];
    }
  }
  return out;
}

/** Stable softmax of one vector; −∞ entries get weight exactly 0. */
export function softmax(z: readonly number[]): number[] {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  if (max === -Infinity) return z.map(() => NaN); // every entry masked: undefined
  const e = z.map((v) => (v === -Infinity ? 0 : Math.exp(v - max)));
  const s = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / s);
}

export const softmaxRows = (s: Matrix): Matrix => s.map((row) => softmax(row));

/** Causal mask: entries with key j > query i become −∞ (a token may only look at itself and earlier ones). */
export function causalMask(s: Matrix): Matrix {
  return s.map((row, i) => row.map((v, j) => (j > i ? -Infinity : v)));
}

/** ∂softmax(z)/∂z = diag(p) − p pᵀ, the softmax Jacobian at p = softmax(z). */
export function softmaxJacobian(p: readonly number[]): Matrix {
  return p.map((pi, i) => p.map((pj, j) => (i === j ? pi : 0) - pi * pj));
}

/** Frobenius norm ‖diag(p) − ppᵀ‖_F, computed without building the matrix. */
export function softmaxJacobianNorm(p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    for (let j = 0; j < p.length; j++) {
      const v = (i === j ? p[i] : 0) - p[i] * p[j];
      s += v * v;
    }
  }
  return Math.sqrt(s);
}

export interface AttentionOptions {
  /** Divide the scores by √d_k (true) or not. */
  scale: boolean;
  /** Causal mask before the softmax. */
  causal: boolean;
}

/** Every stage of softmax(mask(QKᵀ/√d_k))V. */
export interface AttentionResult {
  dk: number;
  /** √d_k, or 1 when scaling is off. */
  divisor: number;
  /** QKᵀ (n_q × n_k). */
  scores: Matrix;
  /** QKᵀ / divisor. */
  scaled: Matrix;
  /** After the mask (−∞ where masked; equal to `scaled` without a mask). */
  masked: Matrix;
  /** Row-wise softmax: the attention weights (each row sums to 1). */
  weights: Matrix;
  /** weights · V (n_q × d_v). */
  output: Matrix;
}

export function attention(q: Matrix, k: Matrix, v: Matrix, opts: AttentionOptions): AttentionResult {
  const dk = q.length ? q[0].length : 0;
  if (k.length && k[0].length !== dk) throw new Error('attention: Q and K need the same d_k');
  if (k.length !== v.length) throw new Error('attention: K and V need the same number of rows');
  const divisor = opts.scale ? Math.sqrt(dk) : 1;
  const scores = matmul(q, transpose(k));
  const scaled = scores.map((row) => row.map((s) => s / divisor));
  const masked = opts.causal ? causalMask(scaled) : scaled;
  const weights = softmaxRows(masked);
  return { dk, divisor, scores, scaled, masked, weights, output: matmul(weights, v) };
}

// ---------------------------------------------------------------------------------------------
// Saturation Monte Carlo

/** d_k = 1, 2, 4, …, 512. */
export const SATURATION_DKS: readonly number[] = Array.from({ length: 10 }, (_, i) => 2 ** i);
/** Keys per random query in the experiment. */
export const SATURATION_KEYS = 8;
/** About this many random normals per step (a few ms at most). */
const NORMALS_PER_STEP = 12_000;

/** Averages over the trials so far for one d_k, in one mode (scaled or not). */
export interface SaturationStat {
  /** Mean of the largest softmax weight (1/keys for uniform, → 1 for one-hot). */
  maxWeight: number;
  /** Mean Frobenius norm of the softmax Jacobian diag(p) − ppᵀ. */
  jacobian: number;
  /** Root mean square of the logits (their standard deviation: the mean is 0). */
  logitStd: number;
}

export interface SaturationPoint {
  dk: number;
  trials: number;
  scaled: SaturationStat;
  raw: SaturationStat;
}

interface Acc { maxW: number; jac: number; sq: number; count: number }

export interface SaturationRun {
  /** One chunk of trials (at one d_k). */
  step(): void;
  done(): boolean;
  /** Steps needed in all. */
  readonly totalSteps: number;
  stepsTaken(): number;
  /** Points for the d_k values with at least one trial, in order of d_k. */
  points(): SaturationPoint[];
}

function trialsPerStep(dk: number, keys: number): number {
  return Math.max(1, Math.floor(NORMALS_PER_STEP / ((keys + 1) * dk)));
}

/** Steps a saturation run of `trials` queries per d_k takes. */
export function saturationTotalSteps(trials: number, dks: readonly number[] = SATURATION_DKS, keys = SATURATION_KEYS): number {
  const t = Math.max(1, Math.round(trials));
  return dks.reduce((s, dk) => s + Math.ceil(t / trialsPerStep(dk, keys)), 0);
}

/**
 * Random q, k₁…k_keys with i.i.d. N(0, 1) entries; logits z_j = q·k_j (variance d_k), with and
 * without the division by √d_k; softmax statistics averaged over `trials` queries per d_k.
 */
export function createSaturationRun(opts: { trials: number; seed: number; dks?: readonly number[]; keys?: number }): SaturationRun {
  const dks = opts.dks ?? SATURATION_DKS;
  const keys = opts.keys ?? SATURATION_KEYS;
  const trials = Math.max(1, Math.round(opts.trials));
  const rng: Rng = createRng(opts.seed);
  const acc = dks.map(() => ({ scaled: { maxW: 0, jac: 0, sq: 0, count: 0 } as Acc, raw: { maxW: 0, jac: 0, sq: 0, count: 0 } as Acc, trials: 0 }));
  const totalSteps = saturationTotalSteps(trials, dks, keys);
  let level = 0;
  let steps = 0;
  const q = new Float64Array(Math.max(...dks));
  const z = new Float64Array(keys);
  const p = new Float64Array(keys);

  const addStats = (a: Acc, logits: Float64Array) => {
    let max = -Infinity;
    for (let j = 0; j < keys; j++) max = Math.max(max, logits[j]);
    let sum = 0;
    for (let j = 0; j < keys; j++) {
      p[j] = Math.exp(logits[j] - max);
      sum += p[j];
      a.sq += logits[j] * logits[j];
    }
    let pmax = 0;
    for (let j = 0; j < keys; j++) {
      p[j] /= sum;
      pmax = Math.max(pmax, p[j]);
    }
    a.maxW += pmax;
    a.jac += softmaxJacobianNorm(p);
    a.count += keys;
  };

  const stat = (a: Acc, n: number): SaturationStat => ({ maxWeight: a.maxW / n, jacobian: a.jac / n, logitStd: Math.sqrt(a.sq / a.count) });

  return {
    totalSteps,
    step() {
      if (level >= dks.length) return;
      const dk = dks[level];
      const cur = acc[level];
      const n = Math.min(trialsPerStep(dk, keys), trials - cur.trials);
      const root = Math.sqrt(dk);
      const zs = new Float64Array(keys);
      for (let t = 0; t < n; t++) {
        for (let c = 0; c < dk; c++) q[c] = rng.normal();
        for (let j = 0; j < keys; j++) {
          let s = 0;
          for (let c = 0; c < dk; c++) s += q[c] * rng.normal();
          z[j] = s;
          zs[j] = s / root;
        }
        addStats(cur.raw, z);
        addStats(cur.scaled, zs);
      }
      cur.trials += n;
      steps++;
      if (cur.trials >= trials) level++;
    },
    done: () => level >= dks.length,
    stepsTaken: () => steps,
    points() {
      const out: SaturationPoint[] = [];
      dks.forEach((dk, i) => {
        const a = acc[i];
        if (a.trials > 0) out.push({ dk, trials: a.trials, scaled: stat(a.scaled, a.trials), raw: stat(a.raw, a.trials) });
      });
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Multi-head attention

export interface MultiHeadWeights {
  /** Token embeddings X (n × d_model). */
  x: Matrix;
  /** d_model × d_model; head i uses columns i·d_k … (i+1)·d_k − 1 (d_k = d_model / h). */
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
  /** Output projection W_O (d_model × d_model). */
  wo: Matrix;
}

function gaussian(rows: number, cols: number, std: number, rng: Rng): Matrix {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => std * rng.normal()));
}

/**
 * Seeded weights: one N(0, 1) embedding per distinct word (repeated words share it), and
 * W_Q, W_K, W_V, W_O with N(0, 1/d_model) entries, so the projected q, k have unit-variance entries.
 */
export function initMultiHead(tokens: readonly string[], dModel: number, seed: number): MultiHeadWeights {
  const rng = createRng(seed * 7919 + 17);
  const vocab = [...new Set(tokens)];
  const emb = new Map(vocab.map((w) => [w, gaussian(1, dModel, 1, rng)[0]]));
  const std = 1 / Math.sqrt(dModel);
  return {
    x: tokens.map((w) => [...emb.get(w)!]),
    wq: gaussian(dModel, dModel, std, rng),
    wk: gaussian(dModel, dModel, std, rng),
    wv: gaussian(dModel, dModel, std, rng),
    wo: gaussian(dModel, dModel, std, rng),
  };
}

const columns = (m: Matrix, from: number, to: number): Matrix => m.map((row) => row.slice(from, to));

export interface HeadResult extends AttentionResult {
  q: Matrix;
  k: Matrix;
  v: Matrix;
}

export interface MultiHeadResult {
  heads: HeadResult[];
  dk: number;
  /** Concat(head₁, …, head_h) (n × d_model). */
  concat: Matrix;
  /** Concat · W_O (n × d_model). */
  output: Matrix;
}

/** MultiHead(X) = Concat(head₁, …, head_h) W_O with head_i = Attention(X W_Q^i, X W_K^i, X W_V^i). */
export function multiHeadAttention(w: MultiHeadWeights, h: number, opts: AttentionOptions): MultiHeadResult {
  const dModel = w.wq.length;
  if (!Number.isInteger(h) || h < 1 || dModel % h !== 0) throw new Error(`multi-head: d_model = ${dModel} is not divisible by h = ${h}`);
  const dk = dModel / h;
  const qAll = matmul(w.x, w.wq);
  const kAll = matmul(w.x, w.wk);
  const vAll = matmul(w.x, w.wv);
  const heads: HeadResult[] = [];
  for (let i = 0; i < h; i++) {
    const q = columns(qAll, i * dk, (i + 1) * dk);
    const k = columns(kAll, i * dk, (i + 1) * dk);
    const v = columns(vAll, i * dk, (i + 1) * dk);
    heads.push({ ...attention(q, k, v, opts), q, k, v });
  }
  const concat = w.x.map((_, r) => heads.flatMap((hd) => hd.output[r]));
  return { heads, dk, concat, output: matmul(concat, w.wo) };
}
