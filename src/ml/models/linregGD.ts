/**
 * Linear regression trained by plain batch gradient descent with the analytic gradient,
 * written out explicitly (no tf.train optimizer) because the update rule is what is taught.
 */
import * as tf from '../tf';

/**
 * Batch gradient descent on J(θ) = (1/n)‖Xθ − y‖², with ∇J = (2/n)Xᵀ(Xθ − y) and the
 * update θ ← θ − α∇J. Holds X [n, p], y [n, 1] and θ [p, 1] (p = d + 1) on the tfjs backend;
 * call dispose() when done.
 */
export class LinearRegressionGD {
  readonly learningRate: number;
  private readonly X: tf.Tensor2D;
  private readonly y: tf.Tensor2D;
  private readonly th: tf.Variable<tf.Rank.R2>;

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
    this.learningRate = opts.learningRate;
    this.X = tf.tensor2d(X, [n, p]);
    this.y = tf.tensor2d(y, [n, 1]);
    const theta0 = tf.tensor2d(init, [p, 1]);
    this.th = tf.variable(theta0);
    theta0.dispose();
  }

  /** Performs `count` updates θ ← θ − α·(2/n)Xᵀ(Xθ − y). */
  step(count = 1): void {
    const n = this.X.shape[0];
    for (let i = 0; i < count; i++) {
      tf.tidy(() => {
        const residual = tf.sub(tf.matMul(this.X, this.th), this.y); // [n, 1]
        const grad = tf.mul(tf.matMul(this.X, residual, true, false), 2 / n); // [p, 1]
        this.th.assign(tf.sub(this.th, tf.mul(grad, this.learningRate)));
      });
    }
  }

  /** J(θ) = (1/n)‖Xθ − y‖² at the current θ, as a scalar tensor the caller must dispose. */
  lossTensor(): tf.Scalar {
    return tf.tidy(() => tf.mean(tf.square(tf.sub(tf.matMul(this.X, this.th), this.y))) as tf.Scalar);
  }

  /** Current θ, length d+1. Reads synchronously from the device (dataSync). */
  theta(): number[] {
    return Array.from(this.th.dataSync());
  }

  /** Frees X, y and θ. */
  dispose(): void {
    this.X.dispose();
    this.y.dispose();
    this.th.dispose();
  }
}
