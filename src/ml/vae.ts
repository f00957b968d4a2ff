/**
 * An autoencoder (AE) and a variational autoencoder (VAE) on 28×28 digits, both with a 2-D latent
 * space, trained side by side on the same minibatches.
 *
 *   AE:  x (784) → ReLU(H) → z ∈ R²                       → ReLU(H) → sigmoid(784) = x̂
 *   VAE: x (784) → ReLU(H) → (μ, log σ²) ∈ R²×R², z = μ + σ ⊙ ε → ReLU(H) → sigmoid(784) = x̂
 *
 * Loss per digit (mean over the batch):
 *   reconstruction  = binary cross-entropy summed over the 784 pixels, −Σ_p [x_p log x̂_p + (1−x_p) log(1−x̂_p)]
 *                     (computed from the decoder's logits l as Σ_p softplus(l_p) − x_p l_p: the same value,
 *                     numerically stable);
 *   KL (VAE only)   = D_KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ_j (1 + log σ²_j − μ²_j − σ²_j);
 *   AE loss = reconstruction,  VAE loss = reconstruction + β · KL.
 *
 * Why tfjs: each step is two 784-wide MLPs over a minibatch (≈ 4 × B × 784 × H multiply–adds forward,
 * twice that backward) — real matrix work, where tfjs' matMuls beat plain TS loops. The backward pass is
 * written out (`gradients`, checked against tfjs autodiff in the unit tests) so that every product is a
 * plain matMul: wasm runs the transposed-operand matMuls of autodiff ~5× slower. Dispatch is kept low: the weights
 * of BOTH models live in ONE flat variable (split once per step) and Adam is written out once over it.
 * The parameters are disjoint, so the gradient of AE loss + VAE loss gives each model its own gradient,
 * and Adam is element-wise: the same as two separate optimisers.
 *
 * Plain TS (`decodePlain`, `klPlain`) is kept for the view: decoding a handful of sampled z's from a
 * weights snapshot is cheaper than a device round trip, and a unit test checks it against tfjs.
 */
import type { Rng } from './rng';
import * as tf from './tf';

export const PIXELS = 784;
export const LATENT = 2;

export type ModelKind = 'ae' | 'vae';

export interface Entry {
  name: string;
  shape: number[];
  offset: number;
  size: number;
}

export interface VaeLayout {
  hidden: number;
  entries: Entry[];
  byName: Record<string, Entry>;
  /** [start, end) of each model's weights in the flat vector. */
  range: Record<ModelKind, [number, number]>;
  total: number;
}

/** Names of one model's weights, in layout order; `enc2` has 2 outputs (AE: z) or 4 (VAE: μ, log σ²). */
const PARTS = ['encW1', 'encB1', 'encW2', 'encB2', 'decW1', 'decB1', 'decW2', 'decB2'] as const;

export function vaeLayout(hidden: number): VaeLayout {
  if (!Number.isInteger(hidden) || hidden < 1) throw new Error(`hidden width must be a positive integer (got ${hidden})`);
  const entries: Entry[] = [];
  const range = {} as Record<ModelKind, [number, number]>;
  let offset = 0;
  for (const m of ['ae', 'vae'] as const) {
    const start = offset;
    const out = m === 'ae' ? LATENT : 2 * LATENT;
    const shapes: Record<(typeof PARTS)[number], number[]> = {
      encW1: [PIXELS, hidden], encB1: [hidden], encW2: [hidden, out], encB2: [out],
      decW1: [LATENT, hidden], decB1: [hidden], decW2: [hidden, PIXELS], decB2: [PIXELS],
    };
    for (const p of PARTS) {
      const shape = shapes[p];
      const size = shape.reduce((a, b) => a * b, 1);
      entries.push({ name: `${m}.${p}`, shape, offset, size });
      offset += size;
    }
    range[m] = [start, offset];
  }
  return { hidden, entries, byName: Object.fromEntries(entries.map((e) => [e.name, e])), range, total: offset };
}

/**
 * Initial weights: matrices ~ N(0, 2/fan-in) before ReLU (He), N(0, 1/fan-in) otherwise; biases 0,
 * except the VAE's log σ² bias and the output biases. The output bias starts at the logit of the mean
 * training pixel (`pixelMean`, optional), so the first reconstructions are the mean digit, not grey.
 */
export function initWeights(hidden: number, rng: Rng, pixelMean?: Float32Array): Float32Array {
  const lay = vaeLayout(hidden);
  const theta = new Float32Array(lay.total);
  for (const e of lay.entries) {
    const part = e.name.split('.')[1];
    if (e.shape.length === 2) {
      const fanIn = e.shape[0];
      const relu = part === 'encW1' || part === 'decW1';
      const std = Math.sqrt((relu ? 2 : 1) / fanIn);
      for (let i = 0; i < e.size; i++) theta[e.offset + i] = std * rng.normal();
    } else if (part === 'decB2' && pixelMean) {
      for (let i = 0; i < e.size; i++) {
        const p = Math.min(1 - 1e-3, Math.max(1e-3, pixelMean[i]));
        theta[e.offset + i] = Math.log(p / (1 - p));
      }
    }
  }
  return theta;
}

// ───────────────────────────── tfjs ─────────────────────────────

/** KL(N(μ, σ²) ‖ N(0, I)) per row: −½ Σ_j (1 + log σ² − μ² − σ²), for μ, log σ² [n, d] → [n]. */
export function klTf(mu: tf.Tensor2D, logvar: tf.Tensor2D): tf.Tensor1D {
  return tf.mul(tf.sum(tf.sub(tf.sub(tf.add(logvar, 1), tf.square(mu)), tf.exp(logvar)), 1), -0.5) as tf.Tensor1D;
}

/** The reparameterisation z = μ + σ ⊙ ε with σ = exp(½ log σ²); ε ~ N(0, I) is an input, not a parameter. */
export function reparameterise(mu: tf.Tensor2D, logvar: tf.Tensor2D, eps: tf.Tensor2D): tf.Tensor2D {
  return tf.add(mu, tf.mul(tf.exp(tf.mul(logvar, 0.5)), eps));
}

/** Binary cross-entropy summed over pixels, from logits: Σ_p softplus(l_p) − x_p l_p, per row → [n]. */
export function bceSumTf(logits: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  return tf.sum(tf.sub(tf.softplus(logits), tf.mul(x, logits)), 1) as tf.Tensor1D;
}

type Params = Record<(typeof PARTS)[number], tf.Tensor>;

function modelParams(parts: tf.Tensor[], lay: VaeLayout, m: ModelKind): Params {
  const out = {} as Params;
  for (const p of PARTS) {
    const e = lay.byName[`${m}.${p}`];
    const t = parts[lay.entries.indexOf(e)];
    out[p] = e.shape.length === 1 ? t : tf.reshape(t, e.shape);
  }
  return out;
}

/** Encoder output [n, 2] (AE: z) or [n, 4] (VAE: μ then log σ²). */
function encode(P: Params, x: tf.Tensor2D): tf.Tensor2D {
  const h = tf.relu(tf.add(tf.matMul(x, P.encW1 as tf.Tensor2D), P.encB1)) as tf.Tensor2D;
  return tf.add(tf.matMul(h, P.encW2 as tf.Tensor2D), P.encB2);
}

/** Decoder logits [n, 784] for z [n, 2]. */
function decodeLogits(P: Params, z: tf.Tensor2D): tf.Tensor2D {
  const h = tf.relu(tf.add(tf.matMul(z, P.decW1 as tf.Tensor2D), P.decB1)) as tf.Tensor2D;
  return tf.add(tf.matMul(h, P.decW2 as tf.Tensor2D), P.decB2);
}

const split2 = (t: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] => tf.split(t, 2, 1) as [tf.Tensor2D, tf.Tensor2D];

export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

/** What `AeVaeTrainer.probe` returns (as tensors, for one concatenated read). */
export interface ProbeTensors {
  /** AE codes z [n, 2]. */
  aeZ: tf.Tensor2D;
  /** VAE μ and log σ² [n, 2] each. */
  vaeMu: tf.Tensor2D;
  vaeLogvar: tf.Tensor2D;
  /** Reconstructions (sigmoid) of the first `nRecon` digits: AE from z, VAE from z = μ (the mean code). */
  aeRecon: tf.Tensor2D;
  vaeRecon: tf.Tensor2D;
  /** Held-out losses per digit, mean: [AE recon, VAE recon (one ε draw), VAE KL]. */
  losses: tf.Tensor1D;
}

/**
 * Owns the flat weights of both models and Adam's moments. `step` queues one update and returns the
 * batch's [AE recon, VAE recon, VAE KL] (means per digit) as a tensor; nothing is read here.
 */
export class AeVaeTrainer {
  readonly layout: VaeLayout;
  readonly theta: tf.Variable;
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  t = 0;

  constructor(readonly hidden: number, init: Float32Array) {
    this.layout = vaeLayout(hidden);
    if (init.length !== this.layout.total) throw new Error('initial weights do not match the layout');
    const own = (t: tf.Tensor, trainable: boolean) => {
      const v = tf.variable(t, trainable);
      t.dispose();
      return v;
    };
    this.theta = own(tf.tensor1d(init), true);
    this.m = own(tf.zeros([init.length]), false);
    this.v = own(tf.zeros([init.length]), false);
  }

  private params(theta: tf.Tensor): { ae: Params; vae: Params } {
    const parts = tf.split(theta, this.layout.entries.map((e) => e.size));
    return { ae: modelParams(parts, this.layout, 'ae'), vae: modelParams(parts, this.layout, 'vae') };
  }

  /** Per-digit losses [AE recon, VAE recon, VAE KL] (means over the batch) as three scalars. */
  losses(theta: tf.Tensor, x: tf.Tensor2D, eps: tf.Tensor2D): [tf.Scalar, tf.Scalar, tf.Scalar] {
    const P = this.params(theta);
    const aeRec = tf.mean(bceSumTf(decodeLogits(P.ae, encode(P.ae, x)), x)) as tf.Scalar;
    const [mu, logvar] = split2(encode(P.vae, x));
    const z = reparameterise(mu, logvar, eps);
    const vaeRec = tf.mean(bceSumTf(decodeLogits(P.vae, z), x)) as tf.Scalar;
    const kl = tf.mean(klTf(mu, logvar)) as tf.Scalar;
    return [aeRec, vaeRec, kl];
  }

  /**
   * Losses and the gradient of AE recon + VAE recon + β·KL (per-digit means) w.r.t. the flat weights,
   * backpropagated by hand. Why by hand: tfjs' autodiff of matMul uses transposed-operand matMuls,
   * which tfjs-wasm 4.22 runs ~5× slower than plain ones; here every product is a plain matMul, with
   * the transposes done explicitly (xᵀ comes transposed from the caller). `gradTf` (autodiff) checks it.
   */
  gradients(x: tf.Tensor2D, xT: tf.Tensor2D, eps: tf.Tensor2D, beta: number): { grad: tf.Tensor1D; losses: tf.Tensor1D } {
    return tf.tidy(() => {
      const n = x.shape[0];
      const P = this.params(this.theta);
      const T = (t: tf.Tensor) => tf.transpose(t) as tf.Tensor2D;
      const mm = (a: tf.Tensor, b: tf.Tensor) => tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D);
      const colSum = (t: tf.Tensor) => tf.sum(t, 0);
      const grads: Record<string, tf.Tensor> = {};
      const out: tf.Scalar[] = [];
      for (const m of ['ae', 'vae'] as const) {
        const W = P[m];
        const a1 = tf.add(mm(x, W.encW1), W.encB1);
        const h1 = tf.relu(a1);
        const c = tf.add(mm(h1, W.encW2), W.encB2) as tf.Tensor2D;
        let z: tf.Tensor2D = c;
        let mu: tf.Tensor2D | null = null;
        let lv: tf.Tensor2D | null = null;
        let sigma: tf.Tensor2D | null = null;
        if (m === 'vae') {
          [mu, lv] = split2(c);
          sigma = tf.exp(tf.mul(lv, 0.5));
          z = tf.add(mu, tf.mul(sigma, eps));
        }
        const a3 = tf.add(mm(z, W.decW1), W.decB1);
        const h3 = tf.relu(a3);
        const l = tf.add(mm(h3, W.decW2), W.decB2) as tf.Tensor2D;
        out.push(tf.mean(bceSumTf(l, x)) as tf.Scalar);
        if (m === 'vae') out.push(tf.mean(klTf(mu!, lv!)) as tf.Scalar);
        // Backward, for the mean over the batch.
        const dl = tf.div(tf.sub(tf.sigmoid(l), x), n);
        grads[`${m}.decW2`] = mm(T(h3), dl);
        grads[`${m}.decB2`] = colSum(dl);
        const da3 = tf.mul(mm(dl, T(W.decW2)), tf.step(a3));
        grads[`${m}.decW1`] = mm(T(z), da3);
        grads[`${m}.decB1`] = colSum(da3);
        const dz = mm(da3, T(W.decW1));
        let dc = dz;
        if (m === 'vae') {
          // z = μ + σ ⊙ ε:  ∂z/∂μ = 1,  ∂z/∂log σ² = ½ σ ⊙ ε;  β·KL adds β μ/n and β ½(σ² − 1)/n.
          const dmu = tf.add(dz, tf.mul(mu!, beta / n));
          const dlv = tf.add(tf.mul(dz, tf.mul(tf.mul(sigma!, eps), 0.5)), tf.mul(tf.sub(tf.exp(lv!), 1), (0.5 * beta) / n));
          dc = tf.concat([dmu, dlv], 1);
        }
        grads[`${m}.encW2`] = mm(T(h1), dc);
        grads[`${m}.encB2`] = colSum(dc);
        const da1 = tf.mul(mm(dc, T(W.encW2)), tf.step(a1));
        grads[`${m}.encW1`] = mm(xT, da1);
        grads[`${m}.encB1`] = colSum(da1);
      }
      const grad = tf.concat(this.layout.entries.map((e) => tf.reshape(grads[e.name], [-1]))) as tf.Tensor1D;
      return { grad, losses: tf.stack(out) as tf.Tensor1D };
    });
  }

  /** The same gradient by tfjs autodiff (for tests). */
  gradTf(x: tf.Tensor2D, eps: tf.Tensor2D, beta: number): tf.Tensor1D {
    return tf.tidy(() => tf.grad((th: tf.Tensor) => {
      const [a, b, k] = this.losses(th, x, eps);
      return tf.add(tf.add(a, b), tf.mul(k, beta)) as tf.Scalar;
    })(this.theta) as tf.Tensor1D);
  }

  /** One Adam step on a batch x [n × 784] with noise eps [n × 2], learning rate lr and KL weight β. */
  step(x: Float32Array, eps: Float32Array, n: number, lr: number, beta: number): tf.Tensor1D {
    if (x.length !== n * PIXELS || eps.length !== n * LATENT) throw new Error('batch shapes do not match');
    this.t++;
    const { beta1: b1, beta2: b2 } = ADAM;
    const alpha = (lr * Math.sqrt(1 - b2 ** this.t)) / (1 - b1 ** this.t);
    const xTrans = new Float32Array(n * PIXELS);
    for (let i = 0; i < n; i++) for (let p = 0; p < PIXELS; p++) xTrans[p * n + i] = x[i * PIXELS + p];
    return tf.tidy(() => {
      const { grad: g, losses } = this.gradients(tf.tensor2d(x, [n, PIXELS]), tf.tensor2d(xTrans, [PIXELS, n]), tf.tensor2d(eps, [n, LATENT]), beta);
      const m = tf.add(tf.mul(this.m, b1), tf.mul(g, 1 - b1));
      const v = tf.add(tf.mul(this.v, b2), tf.mul(tf.square(g), 1 - b2));
      this.m.assign(m);
      this.v.assign(v);
      this.theta.assign(tf.sub(this.theta, tf.mul(tf.div(m, tf.add(tf.sqrt(v), ADAM.eps)), alpha)));
      return losses;
    });
  }

  /** Codes, reconstructions and losses of digits x [n × 784] (the first nRecon reconstructed). */
  probe(x: Float32Array, n: number, eps: Float32Array, nRecon: number): ProbeTensors {
    return tf.tidy(() => {
      const xt = tf.tensor2d(x, [n, PIXELS]);
      const P = this.params(this.theta);
      const aeZ = encode(P.ae, xt);
      const aeLogits = decodeLogits(P.ae, aeZ);
      const [vaeMu, vaeLogvar] = split2(encode(P.vae, xt));
      const z = reparameterise(vaeMu, vaeLogvar, tf.tensor2d(eps, [n, LATENT]));
      const vaeRecLoss = tf.mean(bceSumTf(decodeLogits(P.vae, z), xt));
      const losses = tf.stack([tf.mean(bceSumTf(aeLogits, xt)), vaeRecLoss, tf.mean(klTf(vaeMu, vaeLogvar))]) as tf.Tensor1D;
      const k = Math.min(nRecon, n);
      const aeRecon = tf.sigmoid(tf.slice(aeLogits, [0, 0], [k, PIXELS])) as tf.Tensor2D;
      const vaeRecon = tf.sigmoid(decodeLogits(P.vae, tf.slice(vaeMu, [0, 0], [k, LATENT]))) as tf.Tensor2D;
      return { aeZ, vaeMu, vaeLogvar, aeRecon, vaeRecon, losses };
    });
  }

  /** Decoded images (sigmoid) [n × 784] of latent points z [n × 2] through one model's decoder. */
  decode(model: ModelKind, z: Float32Array, n: number): tf.Tensor2D {
    return tf.tidy(() => this.decodeTensor(model, tf.tensor2d(z, [n, LATENT])));
  }

  decodeTensor(model: ModelKind, z: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.sigmoid(decodeLogits(this.params(this.theta)[model], z)) as tf.Tensor2D);
  }

  /** Both decoders' weights (decW1, decB1, decW2, decB2 of AE, then of VAE) as one flat tensor. */
  decoderWeights(): tf.Tensor1D {
    return tf.tidy(() => {
      const pieces: tf.Tensor[] = [];
      for (const m of ['ae', 'vae'] as const) {
        const a = this.layout.byName[`${m}.decW1`].offset;
        const e = this.layout.byName[`${m}.decB2`];
        pieces.push(tf.slice(this.theta, [a], [e.offset + e.size - a]));
      }
      return tf.concat(pieces) as tf.Tensor1D;
    });
  }

  dispose(): void {
    this.theta.dispose();
    this.m.dispose();
    this.v.dispose();
  }
}

// ───────────────────────────── plain TypeScript ─────────────────────────────

/** Size of one decoder's weights (decW1, decB1, decW2, decB2). */
export const decoderSize = (hidden: number) => LATENT * hidden + hidden + hidden * PIXELS + PIXELS;

/**
 * Decode z [n × 2] with one decoder's flat weights (decW1 [2,H], decB1 [H], decW2 [H,784], decB2 [784],
 * as `decoderWeights` lays them out) → sigmoid images [n × 784]. Same maths as the tfjs decoder.
 */
export function decodePlain(w: Float32Array, hidden: number, z: ArrayLike<number>, n: number): Float32Array {
  const H = hidden;
  if (w.length !== decoderSize(H)) throw new Error('decoder weights do not match the hidden width');
  const oB1 = LATENT * H;
  const oW2 = oB1 + H;
  const oB2 = oW2 + H * PIXELS;
  const out = new Float32Array(n * PIXELS);
  const h = new Float32Array(H);
  for (let i = 0; i < n; i++) {
    const z0 = z[i * LATENT];
    const z1 = z[i * LATENT + 1];
    for (let j = 0; j < H; j++) h[j] = Math.max(0, z0 * w[j] + z1 * w[H + j] + w[oB1 + j]);
    const o = out.subarray(i * PIXELS, (i + 1) * PIXELS);
    o.set(w.subarray(oB2, oB2 + PIXELS));
    for (let j = 0; j < H; j++) {
      const hj = h[j];
      if (hj === 0) continue;
      const row = oW2 + j * PIXELS;
      for (let p = 0; p < PIXELS; p++) o[p] += hj * w[row + p];
    }
    for (let p = 0; p < PIXELS; p++) o[p] = 1 / (1 + Math.exp(-o[p]));
  }
  return out;
}

/** KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ_j (1 + log σ²_j − μ²_j − σ²_j) for one code. */
export function klPlain(mu: ArrayLike<number>, logvar: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < mu.length; j++) s += 1 + logvar[j] - mu[j] ** 2 - Math.exp(logvar[j]);
  return -0.5 * s;
}

/** Standard-normal quantile (Acklam's rational approximation, |error| < 1.2e-9), for the latent grid. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`quantile needs 0 < p < 1 (got ${p})`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * A K × K grid of latent points, row 0 at the top (largest z₂), column 0 at the left (smallest z₁):
 * for the VAE the N(0, 1) quantiles at (i + ½)/K in each axis; for the AE an even grid over [lo, hi]².
 */
export function latentGrid(K: number, axis: readonly number[]): Float32Array {
  if (axis.length !== K) throw new Error('axis must have K values');
  const z = new Float32Array(K * K * LATENT);
  for (let r = 0; r < K; r++) {
    for (let c = 0; c < K; c++) {
      z[(r * K + c) * 2] = axis[c];
      z[(r * K + c) * 2 + 1] = axis[K - 1 - r];
    }
  }
  return z;
}

export const quantileAxis = (K: number) => Array.from({ length: K }, (_, i) => normalQuantile((i + 0.5) / K));
export const evenAxis = (K: number, lo: number, hi: number) => Array.from({ length: K }, (_, i) => (K === 1 ? (lo + hi) / 2 : lo + ((hi - lo) * i) / (K - 1)));
