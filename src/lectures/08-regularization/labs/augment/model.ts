/**
 * The digit classifier both runs train: a 784 → H (ReLU) → 10 MLP with softmax cross-entropy and
 * Adam, in tfjs. tfjs on purpose: a 784×64 matmul per sample is real matrix work (wasm / WebGL do
 * it far faster than plain TypeScript), and autodiff plus tfjs' Adam keep the code short.
 *
 * Four variables (W₁, b₁, W₂, b₂), not one flat vector split on every pass: on wasm, slicing the
 * 50k-entry vector cost ~20 ms per pass (measured in Node), forty times the 32×784×64 matmul.
 * Nothing here reads a tensor back: per-epoch statistics stay on the device until `read()`.
 */
import * as tf from '../../../../ml/tf';
import { createRng, randomNormalTensorInit } from '../../../../ml/rng';

export const INPUT = 784;
export const CLASSES = 10;

export class DigitMlp {
  private readonly vars: [tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R1>, tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R1>];
  private readonly opt: tf.Optimizer;
  /** Running [correct, summed loss, samples] of the training batches since the last `takeTrainStats()`. */
  private stats: tf.Tensor1D;
  private disposed = false;

  constructor(hidden: number, lr: number, seed: number) {
    const H = hidden;
    const init = createRng(seed);
    // He initialisation for the ReLU layer, 1/H for the logits; biases start at 0.
    const w1 = randomNormalTensorInit([INPUT, H], Math.sqrt(2 / INPUT), init);
    const w2 = randomNormalTensorInit([H, CLASSES], Math.sqrt(1 / H), init);
    this.vars = tf.tidy(() => [
      tf.variable(tf.tensor2d(w1, [INPUT, H])),
      tf.variable(tf.zeros([H]) as tf.Tensor1D),
      tf.variable(tf.tensor2d(w2, [H, CLASSES])),
      tf.variable(tf.zeros([CLASSES]) as tf.Tensor1D),
    ]);
    this.opt = tf.train.adam(lr);
    this.stats = tf.zeros([3]);
  }

  private logits(x: tf.Tensor2D): tf.Tensor2D {
    const [W1, b1, W2, b2] = this.vars;
    const h = tf.relu(tf.add(tf.matMul(x, W1), b1));
    return tf.add(tf.matMul(h, W2), b2);
  }

  /** One Adam step on a minibatch (x: B×784 row-major, values 0–1). No read back. */
  trainBatch(x: Float32Array, labels: Int32Array): void {
    if (this.disposed) throw new Error('model already disposed');
    const B = labels.length;
    const next = tf.tidy(() => {
      const xb = tf.tensor2d(x, [B, INPUT]);
      const yi = tf.tensor1d(labels, 'int32');
      const yb = tf.oneHot(yi, CLASSES);
      let kept: tf.Tensor2D | null = null;
      const { value, grads } = tf.variableGrads(() => {
        const z = this.logits(xb);
        kept = tf.keep(z);
        return tf.losses.softmaxCrossEntropy(yb, z) as tf.Scalar;
      }, this.vars);
      this.opt.applyGradients(grads);
      const z = kept as unknown as tf.Tensor2D;
      const correct = tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), yi), 'float32'));
      tf.dispose(z);
      return tf.add(this.stats, tf.stack([correct, tf.mul(value, B), tf.scalar(B)])) as tf.Tensor1D;
    });
    this.stats.dispose();
    this.stats = next;
  }

  /** The training statistics since the last call, as [correct, summed loss, samples]; the caller owns the tensor. */
  takeTrainStats(): tf.Tensor1D {
    const s = this.stats;
    this.stats = tf.zeros([3]);
    return s;
  }

  /**
   * Score m images, each seen through k views (rows i·k … i·k + k − 1 of x): the softmax is
   * averaged over the views, then [correct, summed cross-entropy] of the averaged prediction.
   */
  score(x: tf.Tensor2D, labels: tf.Tensor1D, k: number): tf.Tensor1D {
    return tf.tidy(() => {
      const m = labels.shape[0];
      const p = tf.mean(tf.reshape(tf.softmax(this.logits(x)), [m, k, CLASSES]), 1) as tf.Tensor2D;
      const correct = tf.sum(tf.cast(tf.equal(tf.argMax(p, 1), labels), 'float32'));
      const y = tf.oneHot(tf.cast(labels, 'int32') as tf.Tensor1D, CLASSES);
      const loss = tf.neg(tf.sum(tf.mul(y, tf.log(tf.add(p, 1e-7)))));
      return tf.stack([correct, loss]) as tf.Tensor1D;
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([...this.vars, this.stats]);
    this.opt.dispose();
  }
}
