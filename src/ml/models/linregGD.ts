/**
 * Linear regression trained by plain batch gradient descent with the analytic gradient,
 * written out explicitly (no tf.train optimizer) because the update rule is what is taught.
 */
import * as tf from '../tf';
import { LinearModelGD } from './linearModelGD';

/**
 * Batch gradient descent on J(θ) = (1/n)‖Xθ − y‖², with ∇J = (2/n)Xᵀ(Xθ − y) and the
 * update θ ← θ − α∇J. Holds X [n, p], y [n, 1] and θ [p, 1] (p = d + 1) on the tfjs backend;
 * call dispose() when done.
 */
export class LinearRegressionGD extends LinearModelGD {
  /**
   * @param X n×(d+1) design matrix, first column ones
   * @param y targets, length n
   * @param opts learningRate α; init θ₀ of length d+1 (default zeros)
   */
  constructor(X: number[][], y: number[], opts: { learningRate: number; init?: number[] }) {
    const n = X.length;
    const p = n ? X[0].length : 0;
    if (n === 0 || p === 0) throw new Error('LinearRegressionGD: X must be a non-empty n×(d+1) matrix');
    if (y.length !== n) throw new Error(`LinearRegressionGD: X has ${n} rows but y has length ${y.length}`);
    const init = opts.init ?? new Array<number>(p).fill(0);
    if (init.length !== p) throw new Error(`LinearRegressionGD: init must have length ${p}`);
    super(X, y, init, opts.learningRate, 'identity', 2);
  }

  /** J(θ) = (1/n)‖Xθ − y‖² at the current θ, as a scalar tensor the caller must dispose. */
  lossTensor(): tf.Scalar {
    return tf.tidy(() => tf.mean(tf.square(tf.sub(tf.matMul(this.X, this.th), this.t))) as tf.Scalar);
  }

  /** Current θ, length d+1. Reads synchronously from the device (dataSync). */
  theta(): number[] {
    return this.thetaValues();
  }
}
