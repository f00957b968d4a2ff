/**
 * The shared core of linear and logistic regression trained by explicit batch gradient descent.
 * Both gradients have the form ∇ = (c/n)·Xᵀ(g(Xθ) − t): g the identity and c = 2 for the MSE of
 * linear regression, g = σ and c = 1 for the binary cross-entropy of logistic regression.
 */
import * as tf from '../tf';

export type Link = 'identity' | 'sigmoid';

export class LinearModelGD {
  readonly learningRate: number;
  protected readonly X: tf.Tensor2D;
  protected readonly t: tf.Tensor2D;
  protected readonly th: tf.Variable<tf.Rank.R2>;

  /**
   * @param X n×p design matrix (first column ones)  @param t targets, length n
   * @param init θ₀, length p  @param link g  @param scale c in ∇ = (c/n)·Xᵀ(g(Xθ) − t)
   */
  constructor(X: number[][], t: number[], init: number[], learningRate: number, private readonly link: Link, private readonly scale: number) {
    const n = X.length;
    const p = init.length;
    this.learningRate = learningRate;
    this.X = tf.tensor2d(X, [n, p]);
    this.t = tf.tensor2d(t, [n, 1]);
    const theta0 = tf.tensor2d(init, [p, 1]);
    this.th = tf.variable(theta0);
    theta0.dispose();
  }

  /** Performs `count` updates θ ← θ − α·(c/n)·Xᵀ(g(Xθ) − t), each inside a tf.tidy. */
  step(count = 1): void {
    const n = this.X.shape[0];
    for (let i = 0; i < count; i++) {
      tf.tidy(() => {
        const z = tf.matMul(this.X, this.th); // [n, 1]
        const err = tf.sub(this.link === 'sigmoid' ? tf.sigmoid(z) : z, this.t); // [n, 1]
        const grad = tf.mul(tf.matMul(this.X, err, true, false), this.scale / n); // [p, 1]
        this.th.assign(tf.sub(this.th, tf.mul(grad, this.learningRate)));
      });
    }
  }

  /** Current θ. Reads synchronously from the device (dataSync): once per frame at most. */
  protected thetaValues(): number[] {
    return Array.from(this.th.dataSync());
  }

  /** Frees X, t and θ. */
  dispose(): void {
    this.X.dispose();
    this.t.dispose();
    this.th.dispose();
  }
}
