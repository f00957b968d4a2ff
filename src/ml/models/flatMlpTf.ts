/**
 * A one-hidden-layer softmax MLP D → H (ReLU) → C in TensorFlow.js whose parameters live in ONE
 * flat vector θ = [W₁ (D·H) | b₁ (H) | W₂ (H·C) | b₂ (C)], for labs that write the optimiser's
 * update out by hand (L2 against weight decay, early stopping with weight snapshots).
 *
 * tfjs because the matrices are real (784 × H on MNIST digits) and autodiff gives ∇L; a flat θ keeps
 * a hand-written update to a handful of ops per step instead of a handful per weight matrix.
 * Nothing here reads a tensor back to the CPU.
 */
import * as tf from '../tf';
import { createRng } from '../rng';

export interface FlatMlpShape {
  inputs: number;
  hidden: number;
  classes: number;
}

/** Data uploaded once: inputs n×D, one-hot targets n×C, integer labels n. */
export interface ClassData {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  labels: tf.Tensor1D;
  n: number;
}

export function classData(x: Float32Array, labels: Int32Array, inputs: number, classes: number): ClassData {
  const n = labels.length;
  if (x.length !== n * inputs) throw new Error(`classData: ${x.length} inputs for ${n} labels of ${inputs} features`);
  const oneHot = new Float32Array(n * classes);
  labels.forEach((l, i) => (oneHot[i * classes + l] = 1));
  return {
    x: tf.tensor2d(x, [n, inputs]),
    y: tf.tensor2d(oneHot, [n, classes]),
    labels: tf.tensor1d(labels, 'int32'),
    n,
  };
}

export function disposeClassData(d: ClassData): void {
  tf.dispose([d.x, d.y, d.labels]);
}

export class FlatMlp {
  readonly sizes: [number, number, number, number];
  readonly size: number;

  constructor(readonly shape: FlatMlpShape) {
    const { inputs: D, hidden: H, classes: C } = shape;
    this.sizes = [D * H, H, H * C, C];
    this.size = this.sizes.reduce((a, b) => a + b, 0);
  }

  /** He-initialised weights (N(0, 2/D) for the ReLU layer, N(0, 1/H) for the logits), zero biases. */
  initialTheta(seed: number): Float32Array {
    const { inputs: D, hidden: H } = this.shape;
    const rng = createRng(seed);
    const out = new Float32Array(this.size);
    const [s1, s2, s3] = this.sizes;
    for (let i = 0; i < s1; i++) out[i] = Math.sqrt(2 / D) * rng.normal();
    for (let i = 0; i < s3; i++) out[s1 + s2 + i] = Math.sqrt(1 / H) * rng.normal();
    return out;
  }

  /** 1 on weight entries, 0 on biases (biases are not regularised). */
  weightMask(): Float32Array {
    const [s1, s2, s3] = this.sizes;
    const m = new Float32Array(this.size);
    m.fill(1, 0, s1);
    m.fill(1, s1 + s2, s1 + s2 + s3);
    return m;
  }

  logits(x: tf.Tensor2D, theta: tf.Tensor1D): tf.Tensor2D {
    const { inputs: D, hidden: H, classes: C } = this.shape;
    const [W1, b1, W2, b2] = tf.split(theta, this.sizes);
    const h = tf.relu(tf.add(tf.matMul(x, tf.reshape(W1, [D, H]) as tf.Tensor2D), b1));
    return tf.add(tf.matMul(h, tf.reshape(W2, [H, C]) as tf.Tensor2D), b2);
  }

  /** Mean softmax cross-entropy. */
  loss(x: tf.Tensor2D, y: tf.Tensor2D, theta: tf.Tensor1D): tf.Scalar {
    return tf.losses.softmaxCrossEntropy(y, this.logits(x, theta)) as tf.Scalar;
  }

  /** ∇_θ of the mean cross-entropy on (x, y) (call inside tf.tidy). */
  gradient(x: tf.Tensor2D, y: tf.Tensor2D, theta: tf.Tensor1D): tf.Tensor1D {
    return tf.grad((t: tf.Tensor) => this.loss(x, y, t as tf.Tensor1D))(theta) as tf.Tensor1D;
  }

  /** The loss and ∇_θ in one pass (call inside tf.tidy). */
  valueAndGradient(x: tf.Tensor2D, y: tf.Tensor2D, theta: tf.Tensor1D): { value: tf.Scalar; grad: tf.Tensor1D } {
    const { value, grad } = tf.valueAndGrad((t: tf.Tensor) => this.loss(x, y, t as tf.Tensor1D))(theta);
    return { value: value as tf.Scalar, grad: grad as tf.Tensor1D };
  }

  /** [mean cross-entropy, accuracy] on a data set, as one tensor of 2 (caller reads and disposes). */
  evaluate(d: ClassData, theta: tf.Tensor1D): tf.Tensor1D {
    return tf.tidy(() => {
      const z = this.logits(d.x, theta);
      const loss = tf.losses.softmaxCrossEntropy(d.y, z);
      const acc = tf.mean(tf.cast(tf.equal(tf.argMax(z, 1), d.labels), 'float32'));
      return tf.stack([loss, acc]) as tf.Tensor1D;
    });
  }
}

/** A seeded minibatch schedule over n samples: a fresh shuffle every epoch. */
export class BatchOrder {
  private order: number[] = [];
  private cursor = 0;
  private readonly rng;
  epoch = 0;
  readonly batchesPerEpoch: number;

  constructor(readonly n: number, readonly batchSize: number, seed: number) {
    this.rng = createRng(seed);
    this.batchesPerEpoch = Math.ceil(n / batchSize);
  }

  /** Indices of the next minibatch and whether it closes an epoch. */
  next(): { idx: number[]; endOfEpoch: boolean } {
    if (this.cursor === 0) {
      this.order = Array.from({ length: this.n }, (_, i) => i);
      for (let i = this.n - 1; i > 0; i--) {
        const j = this.rng.int(i + 1);
        [this.order[i], this.order[j]] = [this.order[j], this.order[i]];
      }
    }
    const idx = this.order.slice(this.cursor, this.cursor + this.batchSize);
    this.cursor += idx.length;
    const endOfEpoch = this.cursor >= this.n;
    if (endOfEpoch) {
      this.cursor = 0;
      this.epoch++;
    }
    return { idx, endOfEpoch };
  }
}
