/**
 * Batch normalisation (Lecture 8, "Batch Normalization", "BN: Train vs Test"), written out twice:
 * in plain TypeScript over Float64Arrays (for the unit tests and the lab's numeric checks) and with
 * tfjs ops (for the model, so autodiff backpropagates through it). The two are checked against each
 * other in the tests.
 *
 * Per feature k of a batch x (n rows × d features):
 *   μ_B = (1/n) Σᵢ xᵢ,   σ²_B = (1/n) Σᵢ (xᵢ − μ_B)²   (biased, as used for normalising),
 *   x̂ = (x − μ_B)/√(σ²_B + ε),   y = γ x̂ + β.
 * Test mode replaces μ_B, σ²_B by running averages updated in training, in the notes' convention
 *   running ← β_m · running + (1 − β_m) · batch.
 */
import * as tf from './tf';

/** ε of the lab (PyTorch's default; tfjs-layers/Keras use 1e-3). */
export const BN_EPS = 1e-5;

export interface BnBatchStats {
  mean: Float64Array;
  /** Biased batch variance (divides by n). */
  variance: Float64Array;
}

function checkShape(x: ArrayLike<number>, n: number, d: number) {
  if (!(n >= 1) || !(d >= 1) || x.length !== n * d) throw new Error(`batch of ${x.length} values is not ${n} × ${d}`);
}

/** Per-feature batch mean and biased variance of a row-major n × d batch. */
export function batchStats(x: ArrayLike<number>, n: number, d: number): BnBatchStats {
  checkShape(x, n, d);
  const mean = new Float64Array(d);
  const variance = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k] += x[i * d + k];
  for (let k = 0; k < d; k++) mean[k] /= n;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      const c = x[i * d + k] - mean[k];
      variance[k] += c * c;
    }
  }
  for (let k = 0; k < d; k++) variance[k] /= n;
  return { mean, variance };
}

/** y = γ (x − μ)/√(σ² + ε) + β with given per-feature μ, σ² (the shared core of both modes). */
export function bnApply(
  x: ArrayLike<number>, n: number, d: number, mean: ArrayLike<number>, variance: ArrayLike<number>,
  gamma: ArrayLike<number>, beta: ArrayLike<number>, eps = BN_EPS,
): { y: Float64Array; xhat: Float64Array } {
  checkShape(x, n, d);
  const y = new Float64Array(n * d);
  const xhat = new Float64Array(n * d);
  for (let k = 0; k < d; k++) {
    const inv = 1 / Math.sqrt(variance[k] + eps);
    for (let i = 0; i < n; i++) {
      const h = (x[i * d + k] - mean[k]) * inv;
      xhat[i * d + k] = h;
      y[i * d + k] = gamma[k] * h + beta[k];
    }
  }
  return { y, xhat };
}

/** Train mode: normalise with the batch's own statistics (returned too, for the running averages). */
export function bnTrain(
  x: ArrayLike<number>, n: number, d: number, gamma: ArrayLike<number>, beta: ArrayLike<number>, eps = BN_EPS,
): { y: Float64Array; xhat: Float64Array } & BnBatchStats {
  const s = batchStats(x, n, d);
  return { ...bnApply(x, n, d, s.mean, s.variance, gamma, beta, eps), ...s };
}

/** Test mode: normalise with the running statistics; rows are independent of each other. */
export function bnEval(
  x: ArrayLike<number>, n: number, d: number, runMean: ArrayLike<number>, runVar: ArrayLike<number>,
  gamma: ArrayLike<number>, beta: ArrayLike<number>, eps = BN_EPS,
): Float64Array {
  return bnApply(x, n, d, runMean, runVar, gamma, beta, eps).y;
}

/** The notes' update: running ← β_m · running + (1 − β_m) · batch (tfjs-layers/Keras: same form, `momentum` = β_m, default 0.99). */
export function updateRunning(running: ArrayLike<number>, batch: ArrayLike<number>, betaM: number): Float64Array {
  const out = new Float64Array(running.length);
  for (let k = 0; k < running.length; k++) out[k] = betaM * running[k] + (1 - betaM) * batch[k];
  return out;
}

/** PyTorch's update: running ← (1 − m) · running + m · batch, `momentum` m = 0.1 by default, i.e. m = 1 − β_m. */
export function updateRunningPytorch(running: ArrayLike<number>, batch: ArrayLike<number>, momentum: number): Float64Array {
  return updateRunning(running, batch, 1 - momentum);
}

/** PyTorch's `momentum` argument for the notes' β_m. */
export function pytorchMomentum(betaM: number): number {
  return 1 - betaM;
}

// ---------------------------------------------------------------------------------------------
// tfjs versions (the model's forward pass; autodiff gives the backward pass)

/** Train-mode BN on an n × d tensor: returns y and the batch statistics (each shape [d]). */
export function bnTrainTf(
  x: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = BN_EPS,
): { y: tf.Tensor2D; mean: tf.Tensor1D; variance: tf.Tensor1D } {
  const mean = tf.mean(x, 0) as tf.Tensor1D;
  const centred = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centred), 0) as tf.Tensor1D;
  const y = tf.add(tf.mul(tf.mul(centred, tf.rsqrt(tf.add(variance, eps))), gamma), beta) as tf.Tensor2D;
  return { y, mean, variance };
}

/** Test-mode BN with given (running) statistics. */
export function bnEvalTf(
  x: tf.Tensor2D, runMean: tf.Tensor1D, runVar: tf.Tensor1D, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps = BN_EPS,
): tf.Tensor2D {
  return tf.add(tf.mul(tf.mul(tf.sub(x, runMean), tf.rsqrt(tf.add(runVar, eps))), gamma), beta) as tf.Tensor2D;
}

/** Quantiles (linear interpolation between order statistics) of a sample; NaN when it holds a non-finite value. */
export function quantiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  const a = Float64Array.from(values);
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return qs.map(() => NaN);
  if (a.length === 0) return qs.map(() => NaN);
  a.sort();
  return qs.map((q) => {
    const pos = q * (a.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(a.length - 1, lo + 1);
    return a[lo] + (pos - lo) * (a[hi] - a[lo]);
  });
}
