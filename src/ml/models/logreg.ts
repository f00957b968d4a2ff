/**
 * Logistic regression on 2-D points, trained by explicit batch gradient descent, plus plain-JS
 * reference helpers (loss, accuracy, probability map).
 */
import * as tf from '../tf';
import { LinearModelGD } from './linearModelGD';
import type { Grid2D } from './knn';

type Theta3 = [number, number, number];
type LabelledPoint = { x: number; y: number; label: number };

/** Logistic function σ(z) = 1/(1 + e^{−z}), evaluated without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const EPS = 1e-12;

/** Binary cross-entropy of one prediction: −[y log p + (1−y) log(1−p)], p clamped to [1e-12, 1−1e-12]. */
export function bce(p: number, y: number): number {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
}

/** softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^{−|z|}) (stable). */
const softplus = (z: number): number => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

/**
 * Mean BCE from logits z_i = θ0 + θ1 x_i + θ2 y_i:
 * C(θ) = (1/n) Σ [softplus(z_i) − t_i z_i], identical to −(1/n) Σ [t log σ(z) + (1−t) log(1−σ(z))].
 * @param theta [θ0, θ1, θ2]  @param points n points, labels t_i ∈ {0, 1}  @returns NaN if n = 0
 */
export function logregLoss(theta: readonly number[], points: readonly LabelledPoint[]): number {
  let s = 0;
  for (const p of points) {
    const z = theta[0] + theta[1] * p.x + theta[2] * p.y;
    s += softplus(z) - p.label * z;
  }
  return s / points.length;
}

/**
 * Fraction of points with [σ(z_i) ≥ ½] = t_i, i.e. predicted class 1 iff z_i ≥ 0.
 * @returns accuracy in [0, 1]; NaN if there are no points
 */
export function logregAccuracy(theta: readonly number[], points: readonly LabelledPoint[]): number {
  let correct = 0;
  for (const p of points) {
    const pred = theta[0] + theta[1] * p.x + theta[2] * p.y >= 0 ? 1 : 0;
    if (pred === p.label) correct++;
  }
  return correct / points.length;
}

/**
 * P(class 1) = σ(θ0 + θ1 x + θ2 y) at each grid cell centre, same layout as knnGrid:
 * row-major, row 0 at yMax, cell centres at (i + ½) steps.
 * @returns Float32Array of length nx·ny
 */
export function probabilityGrid(theta: readonly number[], grid: Grid2D): Float32Array {
  const { xMin, xMax, yMin, yMax, nx, ny } = grid;
  const out = new Float32Array(nx * ny);
  const dx = (xMax - xMin) / nx;
  const dy = (yMax - yMin) / ny;
  for (let r = 0; r < ny; r++) {
    const qy = yMax - (r + 0.5) * dy;
    for (let c = 0; c < nx; c++) out[r * nx + c] = sigmoid(theta[0] + theta[1] * (xMin + (c + 0.5) * dx) + theta[2] * qy);
  }
  return out;
}

/**
 * Batch gradient descent on the mean BCE C(θ) for ŷ = σ(Xθ), X rows [1, x, y]:
 * ∇C = (1/n) Xᵀ(ŷ − t), update θ ← θ − α∇C. Holds X [n, 3], t [n, 1], θ [3, 1]; call dispose().
 */
export class LogisticRegressionGD extends LinearModelGD {
  /**
   * @param points n ≥ 1 points with labels 0 or 1
   * @param opts learningRate α; init θ₀ (default [0, 0, 0])
   */
  constructor(points: readonly LabelledPoint[], opts: { learningRate: number; init?: Theta3 }) {
    if (points.length === 0) throw new Error('LogisticRegressionGD: needs at least one point');
    if (points.some((p) => p.label !== 0 && p.label !== 1)) throw new Error('LogisticRegressionGD: labels must be 0 or 1');
    super(points.map((p) => [1, p.x, p.y]), points.map((p) => p.label), opts.init ?? [0, 0, 0], opts.learningRate, 'sigmoid', 1);
  }

  /** C(θ) = mean(softplus(z) − t·z), z = Xθ, as a scalar tensor the caller must dispose. */
  lossTensor(): tf.Scalar {
    return tf.tidy(() => {
      const z = tf.matMul(this.X, this.th);
      return tf.mean(tf.sub(tf.softplus(z), tf.mul(this.t, z))) as tf.Scalar;
    });
  }

  /** Current [θ0, θ1, θ2]. Reads synchronously from the device (dataSync). */
  theta(): Theta3 {
    const [a, b, c] = this.thetaValues();
    return [a, b, c];
  }
}
