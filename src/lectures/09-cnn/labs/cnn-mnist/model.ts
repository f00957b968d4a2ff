/**
 * The CNN in tfjs: conv 5×5×f₁ (pad 2) + ReLU → max pool 2 → conv 5×5×f₂ (pad 2) + ReLU → max pool 3
 * → FC → softmax, trained with Adam on softmax cross-entropy.
 *
 * tfjs on purpose: a batch of 20 costs ~35 M multiply-adds forward and backward, real convolution
 * work that the wasm (XNNPACK) and WebGL backends do far faster than plain TypeScript, and autodiff
 * through conv and pooling keeps the code to the forward pass. Nothing here reads a tensor back:
 * training statistics, validation scores and predictions stay on the device until the engine's
 * `read()` (one read per frame).
 */
import * as tf from '../../../../ml/tf';
import { createRng, randomNormalTensorInit } from '../../../../ml/rng';
import { CLASSES, INPUT_SIDE, KERNEL, POOL1, POOL2, flatFeatures, type CnnArch } from './arch';

export class TfCnn {
  private readonly w1: tf.Variable<tf.Rank.R4>;
  private readonly b1: tf.Variable<tf.Rank.R1>;
  private readonly w2: tf.Variable<tf.Rank.R4>;
  private readonly b2: tf.Variable<tf.Rank.R1>;
  private readonly w3: tf.Variable<tf.Rank.R2>;
  private readonly b3: tf.Variable<tf.Rank.R1>;
  private readonly opt: tf.Optimizer;
  /** Running [correct, summed loss, samples] of the training batches since the last `takeTrainStats()`. */
  private stats: tf.Tensor1D;
  private disposed = false;

  constructor(readonly arch: CnnArch, lr: number, seed: number) {
    const { f1, f2 } = arch;
    const flat = flatFeatures(arch);
    const rng = createRng(seed);
    // He initialisation for the ReLU layers (std √(2/fan-in)), √(1/fan-in) for the logits; biases 0.
    const w1 = randomNormalTensorInit([KERNEL, KERNEL, 1, f1], Math.sqrt(2 / (KERNEL * KERNEL)), rng);
    const w2 = randomNormalTensorInit([KERNEL, KERNEL, f1, f2], Math.sqrt(2 / (KERNEL * KERNEL * f1)), rng);
    const w3 = randomNormalTensorInit([flat, CLASSES], Math.sqrt(1 / flat), rng);
    // tf.variable shares the initial tensor's data; the tidy frees the initial tensors themselves.
    [this.w1, this.b1, this.w2, this.b2, this.w3, this.b3] = tf.tidy(() => [
      tf.variable(tf.tensor4d(w1, [KERNEL, KERNEL, 1, f1])),
      tf.variable(tf.zeros([f1]) as tf.Tensor1D),
      tf.variable(tf.tensor4d(w2, [KERNEL, KERNEL, f1, f2])),
      tf.variable(tf.zeros([f2]) as tf.Tensor1D),
      tf.variable(tf.tensor2d(w3, [flat, CLASSES])),
      tf.variable(tf.zeros([CLASSES]) as tf.Tensor1D),
    ] as const);
    this.opt = tf.train.adam(lr);
    this.stats = tf.zeros([3]);
  }

  /** Logits of a batch x: [B, 24, 24, 1]. */
  logits(x: tf.Tensor4D): tf.Tensor2D {
    // Fused conv + bias + ReLU and fused matMul + bias: one kernel each on wasm/WebGL (as src/ml/models/convnetjs.ts).
    const h1 = tf.fused.conv2d({ x, filter: this.w1, strides: 1, pad: 'same', bias: this.b1, activation: 'relu' });
    const p1 = tf.maxPool(h1, POOL1, POOL1, 'valid');
    const h2 = tf.fused.conv2d({ x: p1, filter: this.w2, strides: 1, pad: 'same', bias: this.b2, activation: 'relu' });
    const p2 = tf.maxPool(h2, POOL2, POOL2, 'valid');
    const f = tf.reshape(p2, [x.shape[0], flatFeatures(this.arch)]);
    return tf.fused.matMul({ a: f, b: this.w3, bias: this.b3 }) as tf.Tensor2D;
  }

  /** One Adam step on a minibatch (x: B×24×24 row-major, values 0–1). No read back. */
  trainBatch(x: Float32Array, labels: Int32Array): void {
    if (this.disposed) throw new Error('model already disposed');
    const B = labels.length;
    const next = tf.tidy(() => {
      const xb = tf.tensor4d(x, [B, INPUT_SIDE, INPUT_SIDE, 1]);
      const y = tf.tensor1d(labels, 'int32');
      const oneHot = tf.oneHot(y, CLASSES);
      // The logits are kept out of minimize's scope (it frees its intermediates) for the accuracy.
      let kept: tf.Tensor2D | null = null;
      const cost = this.opt.minimize(() => {
        const z = this.logits(xb);
        kept = tf.keep(z);
        return tf.losses.softmaxCrossEntropy(oneHot, z) as tf.Scalar;
      }, true) as tf.Scalar;
      const z = kept as unknown as tf.Tensor2D;
      const correct = tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), y), 'float32'));
      tf.dispose(z);
      return tf.add(this.stats, tf.stack([correct, tf.mul(cost, B), tf.scalar(B)])) as tf.Tensor1D;
    });
    this.stats.dispose();
    this.stats = next;
  }

  /** The training statistics since the last call, [correct, summed loss, samples]; the caller owns the tensor. */
  takeTrainStats(): tf.Tensor1D {
    const s = this.stats;
    this.stats = tf.zeros([3]);
    return s;
  }

  /** Score a chunk: the predicted classes (float, for packing) and [correct, summed cross-entropy]. */
  score(x: tf.Tensor4D, labels: tf.Tensor1D): { preds: tf.Tensor1D; stats: tf.Tensor1D } {
    return tf.tidy(() => {
      const z = this.logits(x);
      const preds = tf.argMax(z, 1);
      const correct = tf.sum(tf.cast(tf.equal(preds, labels), 'float32'));
      const oneHot = tf.oneHot(tf.cast(labels, 'int32') as tf.Tensor1D, CLASSES);
      const loss = tf.mul(tf.losses.softmaxCrossEntropy(oneHot, z), labels.shape[0]);
      return { preds: tf.cast(preds, 'float32') as tf.Tensor1D, stats: tf.stack([correct, loss]) as tf.Tensor1D };
    });
  }

  /** All weights as one flat vector [w1, b1, w2, b2, w3, b3] (the layout forward.ts reads). */
  packWeights(): tf.Tensor1D {
    return tf.tidy(() => tf.concat([this.w1, this.b1, this.w2, this.b2, this.w3, this.b3].map((v) => tf.reshape(v, [-1]))) as tf.Tensor1D);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([this.w1, this.b1, this.w2, this.b2, this.w3, this.b3, this.stats]);
    this.opt.dispose();
  }
}
