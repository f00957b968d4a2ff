/**
 * A tiny encoder-only Transformer (Vaswani et al. 2017) for toy sequence tasks: token embedding
 * (scaled by √d_model) plus the fixed sinusoidal positional encoding, then N layers of
 *   multi-head self-attention → residual → layer norm → position-wise feed-forward (ReLU) → residual → layer norm
 * (post-LN, as in the paper), then a linear map to the vocabulary at every position. Attention is
 * bidirectional (no mask): each output position predicts its own token.
 *
 * Two implementations of the same forward pass:
 * - tfjs (`transformerLogits`, `TransformerTrainer`), for training. Why tfjs and not plain TS with a
 *   hand-written backward: a training step at the lab’s default size (B = 32 sequences × L = 6,
 *   d_model = 32, 2 layers, 2 heads) is ≈ 4.7 M multiply–adds forward, 3× that with the backward pass;
 *   measured, the tfjs step (forward + backward + Adam) cost about what the plain-TS forward alone did.
 *   Dispatch is kept low: all parameters live in ONE flat variable (Adam is one set of ops), Q, K
 *   and V come from one fused matmul, and all heads of all sequences go through one batched matmul
 *   (one reshape/transpose, no per-head loop). Measured steps/s are in the lab's engine header.
 * - plain TypeScript (`forwardPlain`), for what the lab draws: the attention maps of every head and
 *   layer and the prediction for one learner-typed sequence, from a snapshot of the weights, so
 *   editing the input redraws at once even while paused. A unit test checks it against tfjs.
 *
 * Loss: cross-entropy against label-smoothed targets q = (1 − ε)·onehot(y) + ε/V, averaged over tokens.
 */
import { positionalEncoding } from './positionalEncoding';
import type { Rng } from './rng';
import * as tf from './tf';

export interface TransformerSpec {
  vocab: number;
  len: number;
  dModel: number;
  heads: number;
  layers: number;
  /** Inner width of the feed-forward layers (the paper: 4·d_model). */
  dff: number;
}

export interface ParamEntry {
  name: string;
  shape: number[];
  offset: number;
  size: number;
  /** Initial values: 'w' ~ N(0, 1/fan-in), 'emb' ~ N(0, 1/d_model), 'zero', 'one'. */
  init: 'w' | 'emb' | 'zero' | 'one';
}

export interface TransformerLayout {
  entries: ParamEntry[];
  byName: Record<string, ParamEntry>;
  total: number;
}

export function validateSpec(s: TransformerSpec): void {
  for (const [k, v] of Object.entries(s)) if (!Number.isInteger(v) || v < 1) throw new Error(`${k} must be a positive integer (got ${v})`);
  if (s.dModel % s.heads !== 0) throw new Error(`d_model (${s.dModel}) must be divisible by the number of heads (${s.heads})`);
}

/** Where each weight matrix sits in the flat parameter vector. */
export function transformerLayout(s: TransformerSpec): TransformerLayout {
  validateSpec(s);
  const entries: ParamEntry[] = [];
  let offset = 0;
  const add = (name: string, shape: number[], init: ParamEntry['init']) => {
    const size = shape.reduce((a, b) => a * b, 1);
    entries.push({ name, shape, offset, size, init });
    offset += size;
  };
  const d = s.dModel;
  add('emb', [s.vocab, d], 'emb');
  for (let l = 0; l < s.layers; l++) {
    add(`l${l}.wqkv`, [d, 3 * d], 'w');
    add(`l${l}.bqkv`, [3 * d], 'zero');
    add(`l${l}.wo`, [d, d], 'w');
    add(`l${l}.bo`, [d], 'zero');
    add(`l${l}.g1`, [d], 'one');
    add(`l${l}.be1`, [d], 'zero');
    add(`l${l}.w1`, [d, s.dff], 'w');
    add(`l${l}.b1`, [s.dff], 'zero');
    add(`l${l}.w2`, [s.dff, d], 'w');
    add(`l${l}.b2`, [d], 'zero');
    add(`l${l}.g2`, [d], 'one');
    add(`l${l}.be2`, [d], 'zero');
  }
  add('wout', [d, s.vocab], 'w');
  add('bout', [s.vocab], 'zero');
  return { entries, byName: Object.fromEntries(entries.map((e) => [e.name, e])), total: offset };
}

export function paramCount(s: TransformerSpec): number {
  return transformerLayout(s).total;
}

/** Initial weights: matrices ~ N(0, 1/fan-in), embedding ~ N(0, 1/d_model) (×√d_model in the forward pass: unit scale, like the PE), biases 0, LN gains 1. */
export function initTransformer(s: TransformerSpec, rng: Rng): Float32Array {
  const { entries, total } = transformerLayout(s);
  const theta = new Float32Array(total);
  for (const e of entries) {
    const std = e.init === 'w' ? 1 / Math.sqrt(e.shape[0]) : e.init === 'emb' ? 1 / Math.sqrt(s.dModel) : 0;
    for (let i = 0; i < e.size; i++) theta[e.offset + i] = e.init === 'one' ? 1 : e.init === 'zero' ? 0 : std * rng.normal();
  }
  return theta;
}

export const LN_EPS = 1e-5;

// ───────────────────────────── tfjs ─────────────────────────────

function layerNormTf(x: tf.Tensor2D, g: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, LN_EPS))), g), b);
}

/**
 * Logits [B·L, V] for token ids [B, L] (int32). `pe` is the [L, d] positional encoding. With
 * `attention`, the attention weights of every layer ([B·H, L, L] each) are pushed onto it.
 */
export function transformerLogits(theta: tf.Tensor, s: TransformerSpec, ids: tf.Tensor2D, pe: tf.Tensor2D, attention?: tf.Tensor3D[]): tf.Tensor2D {
  const lay = transformerLayout(s);
  // One split into all weight matrices (its gradient is one concat) rather than a slice each (a pad each, then a sum).
  const parts = tf.split(theta, lay.entries.map((e) => e.size));
  const P = (name: string) => {
    const e = lay.byName[name];
    const part = parts[lay.entries.indexOf(e)];
    return e.shape.length === 1 ? part : tf.reshape(part, e.shape);
  };
  const [B, L] = ids.shape;
  const d = s.dModel;
  const H = s.heads;
  const dk = d / H;
  const N = B * L;
  // Embedding ×√d_model, plus the positional encoding (broadcast over the batch).
  // The lookup as a one-hot matmul: one op, and no gather gradient (UnsortedSegmentSum) needed.
  // (wasm's OneHot ignores on/off values and dtype in tfjs 4.22: plain 0/1, cast, then scale.)
  const oneHot = tf.cast(tf.oneHot(tf.reshape(ids, [N]), s.vocab), 'float32') as tf.Tensor2D;
  const emb = tf.mul(P('emb'), Math.sqrt(d)) as tf.Tensor2D;
  let h = tf.reshape(tf.add(tf.reshape(tf.matMul(oneHot, emb), [B, L, d]), pe), [N, d]) as tf.Tensor2D;
  for (let l = 0; l < s.layers; l++) {
    // Q, K, V of all heads from one matmul, then [B, L, 3H, dk] → [B, 3H, L, dk] (a 4-D transpose: wasm's
    // 5-D one measured ~20× slower) and three slices of H heads each.
    const qkv = tf.add(tf.matMul(h, P(`l${l}.wqkv`) as tf.Tensor2D), P(`l${l}.bqkv`));
    const t = tf.transpose(tf.reshape(qkv, [B, L, 3 * H, dk]), [0, 2, 1, 3]);
    const [q, k, v] = [0, 1, 2].map((c) => tf.reshape(tf.slice(t, [0, c * H, 0, 0], [B, H, L, dk]), [B * H, L, dk]) as tf.Tensor3D);
    // softmax(QKᵀ/√d_k) V for every head at once.
    const att = tf.softmax(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dk))) as tf.Tensor3D;
    if (attention) attention.push(att);
    const o = tf.reshape(tf.transpose(tf.reshape(tf.matMul(att, v), [B, H, L, dk]), [0, 2, 1, 3]), [N, d]) as tf.Tensor2D;
    const a = tf.add(tf.matMul(o, P(`l${l}.wo`) as tf.Tensor2D), P(`l${l}.bo`));
    h = layerNormTf(tf.add(h, a), P(`l${l}.g1`), P(`l${l}.be1`));
    const f = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(h, P(`l${l}.w1`) as tf.Tensor2D), P(`l${l}.b1`))) as tf.Tensor2D, P(`l${l}.w2`) as tf.Tensor2D), P(`l${l}.b2`));
    h = layerNormTf(tf.add(h, f), P(`l${l}.g2`), P(`l${l}.be2`));
  }
  return tf.add(tf.matMul(h, P('wout') as tf.Tensor2D), P('bout'));
}

/** Label-smoothed targets q = (1 − ε)·onehot(y) + ε/V as a constant [N, V] tensor. */
export function smoothedTargets(y: tf.Tensor1D, vocab: number, eps: number): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.mul(tf.cast(tf.oneHot(y, vocab), 'float32'), 1 - eps), eps / vocab));
}

/** Mean over tokens of −Σ_k q_k log softmax(z)_k. */
export function smoothedCrossEntropyTf(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.div(tf.sum(tf.mul(targets, tf.logSoftmax(logits))), logits.shape[0]));
}

export const ADAM = { beta1: 0.9, beta2: 0.98, eps: 1e-9 } as const; // the paper's Adam settings

/**
 * Owns the flat parameter variable and Adam's moments. `step` queues one update with the given
 * learning rate and returns [loss, token accuracy, sequence accuracy] of the batch as a tensor
 * (the caller reads or disposes it); nothing is read back here.
 */
export class TransformerTrainer {
  readonly theta: tf.Variable;
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  readonly pe: tf.Tensor2D;
  t = 0;

  constructor(readonly spec: TransformerSpec, init: Float32Array) {
    if (init.length !== paramCount(spec)) throw new Error('initial weights do not match the spec');
    // tf.variable keeps its own reference: free the initial tensors, or each model leaks three.
    const own = (t: tf.Tensor, trainable: boolean) => {
      const v = tf.variable(t, trainable);
      t.dispose();
      return v;
    };
    this.theta = own(tf.tensor1d(init), true);
    this.m = own(tf.zeros([init.length]), false);
    this.v = own(tf.zeros([init.length]), false);
    this.pe = tf.tensor2d(positionalEncoding(spec.len, spec.dModel), [spec.len, spec.dModel]);
  }

  /** One Adam step on a batch (x, y: B × L digits), learning rate `lr`, smoothing ε. */
  step(x: Int32Array, y: Int32Array, batch: number, lr: number, eps: number): tf.Tensor1D {
    const { len, vocab } = this.spec;
    this.t++;
    const b1 = ADAM.beta1;
    const b2 = ADAM.beta2;
    // Bias correction folded into the step size: θ ← θ − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + ε̂).
    const alpha = (lr * Math.sqrt(1 - b2 ** this.t)) / (1 - b1 ** this.t);
    return tf.tidy(() => {
      const ids = tf.tensor2d(x, [batch, len], 'int32');
      const yt = tf.tensor1d(y, 'int32');
      const q = smoothedTargets(yt, vocab, eps);
      let pred: tf.Tensor | null = null;
      const { value, grads } = tf.variableGrads(() => {
        const logits = transformerLogits(this.theta, this.spec, ids, this.pe);
        pred = tf.keep(tf.argMax(logits, 1)); // the batch's predictions survive the gradient scope
        return smoothedCrossEntropyTf(logits, q);
      }, [this.theta]);
      const g = grads[this.theta.name];
      const m = tf.add(tf.mul(this.m, b1), tf.mul(g, 1 - b1));
      const v = tf.add(tf.mul(this.v, b2), tf.mul(tf.square(g), 1 - b2));
      this.m.assign(m);
      this.v.assign(v);
      this.theta.assign(tf.sub(this.theta, tf.mul(tf.div(m, tf.add(tf.sqrt(v), ADAM.eps)), alpha)));
      const [tok, seq] = accuracyTf(pred!, yt, batch, len);
      (pred! as tf.Tensor).dispose(); // kept tensors escape every tidy: free it by hand
      return tf.stack([value, tok, seq]) as tf.Tensor1D;
    });
  }

  /** [loss (with the given ε), token accuracy, sequence accuracy] on a set, as a tensor (not read). */
  evaluate(x: Int32Array, y: Int32Array, n: number, eps: number): tf.Tensor1D {
    const { len, vocab } = this.spec;
    return tf.tidy(() => {
      const yt = tf.tensor1d(y, 'int32');
      const logits = transformerLogits(this.theta, this.spec, tf.tensor2d(x, [n, len], 'int32'), this.pe);
      const loss = smoothedCrossEntropyTf(logits, smoothedTargets(yt, vocab, eps));
      const [tok, seq] = accuracyTf(tf.argMax(logits, 1), yt, n, len);
      return tf.stack([loss, tok, seq]) as tf.Tensor1D;
    });
  }

  dispose(): void {
    this.theta.dispose();
    this.m.dispose();
    this.v.dispose();
    this.pe.dispose();
  }
}

/** Token accuracy and whole-sequence accuracy of predictions [n·L] against y [n·L]. */
function accuracyTf(pred: tf.Tensor, y: tf.Tensor1D, n: number, len: number): [tf.Scalar, tf.Scalar] {
  const hit = tf.cast(tf.equal(pred, y), 'float32');
  const tok = tf.mean(hit);
  const seq = tf.mean(tf.min(tf.reshape(hit, [n, len]), 1));
  return [tok as tf.Scalar, seq as tf.Scalar];
}

// ───────────────────────────── plain TypeScript ─────────────────────────────

export interface PlainForward {
  /** L × V logits. */
  logits: Float32Array;
  /** attention[layer][head]: L × L row-stochastic matrix (row = query position, column = key position). */
  attention: Float32Array[][];
  /** Arg-max prediction per position. */
  pred: number[];
}

/** y = x W + b for x [n, a], W [a, c] (row-major slices of theta). */
function linear(x: Float32Array, n: number, a: number, theta: Float32Array, w: ParamEntry, b: ParamEntry, c: number): Float32Array {
  const y = new Float32Array(n * c);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < c; j++) y[i * c + j] = theta[b.offset + j];
    for (let k = 0; k < a; k++) {
      const xv = x[i * a + k];
      const row = w.offset + k * c;
      for (let j = 0; j < c; j++) y[i * c + j] += xv * theta[row + j];
    }
  }
  return y;
}

function layerNormPlain(x: Float32Array, n: number, d: number, theta: Float32Array, g: ParamEntry, b: ParamEntry): void {
  for (let i = 0; i < n; i++) {
    let mean = 0;
    for (let j = 0; j < d; j++) mean += x[i * d + j];
    mean /= d;
    let v = 0;
    for (let j = 0; j < d; j++) v += (x[i * d + j] - mean) ** 2;
    const r = 1 / Math.sqrt(v / d + LN_EPS);
    for (let j = 0; j < d; j++) x[i * d + j] = (x[i * d + j] - mean) * r * theta[g.offset + j] + theta[b.offset + j];
  }
}

/** The forward pass for one sequence in plain TS (same maths as `transformerLogits`). */
export function forwardPlain(theta: Float32Array, s: TransformerSpec, tokens: readonly number[], pe?: Float32Array): PlainForward {
  const lay = transformerLayout(s);
  if (theta.length !== lay.total) throw new Error('weights do not match the spec');
  const E = (n: string) => lay.byName[n];
  const L = tokens.length;
  const d = s.dModel;
  const H = s.heads;
  const dk = d / H;
  const enc = pe ?? positionalEncoding(L, d);
  const h = new Float32Array(L * d);
  const sq = Math.sqrt(d);
  for (let i = 0; i < L; i++) for (let j = 0; j < d; j++) h[i * d + j] = theta[E('emb').offset + tokens[i] * d + j] * sq + enc[i * d + j];
  const attention: Float32Array[][] = [];
  for (let l = 0; l < s.layers; l++) {
    const qkv = linear(h, L, d, theta, E(`l${l}.wqkv`), E(`l${l}.bqkv`), 3 * d);
    const o = new Float32Array(L * d);
    const maps: Float32Array[] = [];
    for (let hd = 0; hd < H; hd++) {
      const A = new Float32Array(L * L);
      for (let i = 0; i < L; i++) {
        let mx = -Infinity;
        for (let j = 0; j < L; j++) {
          let dot = 0;
          for (let c = 0; c < dk; c++) dot += qkv[i * 3 * d + hd * dk + c] * qkv[j * 3 * d + d + hd * dk + c];
          A[i * L + j] = dot / Math.sqrt(dk);
          mx = Math.max(mx, A[i * L + j]);
        }
        let z = 0;
        for (let j = 0; j < L; j++) z += A[i * L + j] = Math.exp(A[i * L + j] - mx);
        for (let j = 0; j < L; j++) A[i * L + j] /= z;
        for (let c = 0; c < dk; c++) {
          let acc = 0;
          for (let j = 0; j < L; j++) acc += A[i * L + j] * qkv[j * 3 * d + 2 * d + hd * dk + c];
          o[i * d + hd * dk + c] = acc;
        }
      }
      maps.push(A);
    }
    attention.push(maps);
    const a = linear(o, L, d, theta, E(`l${l}.wo`), E(`l${l}.bo`), d);
    for (let i = 0; i < L * d; i++) h[i] += a[i];
    layerNormPlain(h, L, d, theta, E(`l${l}.g1`), E(`l${l}.be1`));
    const f1 = linear(h, L, d, theta, E(`l${l}.w1`), E(`l${l}.b1`), s.dff);
    for (let i = 0; i < f1.length; i++) f1[i] = Math.max(0, f1[i]);
    const f = linear(f1, L, s.dff, theta, E(`l${l}.w2`), E(`l${l}.b2`), d);
    for (let i = 0; i < L * d; i++) h[i] += f[i];
    layerNormPlain(h, L, d, theta, E(`l${l}.g2`), E(`l${l}.be2`));
  }
  const logits = linear(h, L, d, theta, E('wout'), E('bout'), s.vocab);
  const pred: number[] = [];
  for (let i = 0; i < L; i++) {
    let best = 0;
    for (let k = 1; k < s.vocab; k++) if (logits[i * s.vocab + k] > logits[i * s.vocab + best]) best = k;
    pred.push(best);
  }
  return { logits, attention, pred };
}

/** Label-smoothed cross-entropy of one row of logits (plain TS, for tests and checks). */
export function smoothedCrossEntropy(logits: ArrayLike<number>, y: number, eps: number): number {
  const V = logits.length;
  let mx = -Infinity;
  for (let k = 0; k < V; k++) mx = Math.max(mx, logits[k]);
  let z = 0;
  for (let k = 0; k < V; k++) z += Math.exp(logits[k] - mx);
  const lse = mx + Math.log(z);
  let loss = 0;
  for (let k = 0; k < V; k++) loss -= ((k === y ? 1 - eps : 0) + eps / V) * (logits[k] - lse);
  return loss;
}

/**
 * The smallest label-smoothed loss: the entropy of the smoothed target,
 * H(q) = −(1 − ε + ε/V) log(1 − ε + ε/V) − (V − 1)(ε/V) log(ε/V) (0 for ε = 0).
 */
export function smoothingFloor(eps: number, V: number): number {
  if (eps <= 0) return 0;
  const hi = 1 - eps + eps / V;
  const lo = eps / V;
  return -hi * Math.log(hi) - (V - 1) * lo * Math.log(lo);
}
