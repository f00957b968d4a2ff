/**
 * A softmax MLP D → H → H → C (ReLU) with (inverted) dropout after each hidden layer, in TensorFlow.js.
 *
 * tfjs on purpose: the inputs are MNIST digits (784 features), so the first layer is real matrix
 * work, and autodiff + tfjs' Adam do the update. The dropout masks are drawn in plain TypeScript from
 * a seeded {@link Rng} (so a link reproduces the run on every backend) and uploaded as tensors.
 *
 * Dropout convention: p = drop probability, q = 1 − p. Train mode multiplies each hidden activation
 * by mᵢ/q with mᵢ ~ Bernoulli(q) (inverted dropout, PyTorch's `model.train()`); eval mode uses
 * every unit unscaled (`model.eval()`). p = 0 gives the same network without dropout.
 *
 * All parameters live in one flat variable (tfjs' Adam costs ~15 kernels per variable per update).
 * Nothing here reads a tensor back: evaluation returns a tensor for the caller to read and dispose.
 */
import * as tf from './tf';
import { createRng, randomNormalTensorInit, type Rng } from './rng';

/** Training and validation sets on the device, owned by the caller (free with {@link disposeDigitTensors}). */
export interface DigitTensors {
  xTrain: tf.Tensor2D;
  /** One-hot, nTrain × C. */
  yTrain: tf.Tensor2D;
  labelsTrain: tf.Tensor1D;
  xVal: tf.Tensor2D;
  yVal: tf.Tensor2D;
  labelsVal: tf.Tensor1D;
  nTrain: number;
  nVal: number;
  features: number;
  classes: number;
}

function oneHot(labels: ArrayLike<number>, classes: number): tf.Tensor2D {
  const v = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) v[i * classes + labels[i]] = 1;
  return tf.tensor2d(v, [labels.length, classes]);
}

/** Upload row-major features (n × D) and integer labels once. */
export function digitTensors(
  train: { x: Float32Array; labels: ArrayLike<number> },
  val: { x: Float32Array; labels: ArrayLike<number> },
  features: number,
  classes: number,
): DigitTensors {
  const nTrain = train.labels.length;
  const nVal = val.labels.length;
  if (train.x.length !== nTrain * features || val.x.length !== nVal * features) throw new Error('digitTensors: features and labels disagree in size');
  return {
    xTrain: tf.tensor2d(train.x, [nTrain, features]),
    yTrain: oneHot(train.labels, classes),
    labelsTrain: tf.tensor1d(Int32Array.from(train.labels), 'int32'),
    xVal: tf.tensor2d(val.x, [nVal, features]),
    yVal: oneHot(val.labels, classes),
    labelsVal: tf.tensor1d(Int32Array.from(val.labels), 'int32'),
    nTrain,
    nVal,
    features,
    classes,
  };
}

export function disposeDigitTensors(d: DigitTensors): void {
  tf.dispose([d.xTrain, d.yTrain, d.labelsTrain, d.xVal, d.yVal, d.labelsVal]);
}

export interface DropoutMlpConfig {
  hidden: number;
  /** Drop probability p ∈ [0, 1). */
  drop: number;
  lr: number;
  /** Seed of the initial weights (same seed ⇒ same start for the networks compared). */
  initSeed: number;
  /** Seed of the dropout masks. */
  maskSeed: number;
}

/** Fields of {@link DropoutMlp.evaluate}, in order. */
export const EVAL_FIELDS = ['trainLoss', 'trainAcc', 'valLoss', 'valAcc', 'valLossTrainMode', 'valAccTrainMode'] as const;

/** A 0 or 1/q mask, rows × cols, drawn from the rng (all ones when p = 0). */
export function invertedMask(rows: number, cols: number, drop: number, rng: Rng): Float32Array {
  const m = new Float32Array(rows * cols);
  const q = 1 - drop;
  if (drop === 0) return m.fill(1);
  for (let i = 0; i < m.length; i++) m[i] = rng.next() >= drop ? 1 / q : 0;
  return m;
}

export class DropoutMlp {
  private readonly theta: tf.Variable;
  private readonly opt: tf.Optimizer;
  private readonly rng: Rng;
  private readonly sizes: number[];
  private disposed = false;
  /** First row of the last training minibatch's masks (0 = dropped), per hidden layer. */
  lastMasks: [Float32Array, Float32Array] = [new Float32Array(0), new Float32Array(0)];

  constructor(private readonly data: DigitTensors, readonly cfg: DropoutMlpConfig) {
    if (!(cfg.drop >= 0 && cfg.drop < 1)) throw new Error(`drop probability must be in [0, 1) (got ${cfg.drop})`);
    if (!(cfg.lr > 0)) throw new Error(`learning rate must be > 0 (got ${cfg.lr})`);
    const { features: D, classes: C } = data;
    const H = cfg.hidden;
    this.sizes = [D * H, H, H * H, H, H * C, C];
    const init = createRng(cfg.initSeed);
    // He initialisation for the ReLU layers, Xavier-like for the logits; biases start at 0.
    const flat = new Float32Array(this.sizes.reduce((a, b) => a + b, 0));
    flat.set(randomNormalTensorInit([D, H], Math.sqrt(2 / D), init), 0);
    flat.set(randomNormalTensorInit([H, H], Math.sqrt(2 / H), init), D * H + H);
    flat.set(randomNormalTensorInit([H, C], Math.sqrt(1 / H), init), D * H + H + H * H + H);
    this.theta = tf.tidy(() => tf.variable(tf.tensor1d(flat)));
    this.opt = tf.train.adam(cfg.lr);
    this.rng = createRng(cfg.maskSeed);
  }

  get parameterCount(): number {
    return this.theta.size;
  }

  /** Logits; with `masks` the hidden activations are multiplied by them (train mode). */
  private logits(x: tf.Tensor2D, theta: tf.Tensor1D, masks: [tf.Tensor2D, tf.Tensor2D] | null): tf.Tensor2D {
    const { features: D, classes: C } = this.data;
    const H = this.cfg.hidden;
    const [W1, b1, W2, b2, W3, b3] = tf.split(theta, this.sizes);
    let h = tf.relu(tf.add(tf.matMul(x, tf.reshape(W1, [D, H]) as tf.Tensor2D), b1)) as tf.Tensor2D;
    if (masks) h = tf.mul(h, masks[0]);
    h = tf.relu(tf.add(tf.matMul(h, tf.reshape(W2, [H, H]) as tf.Tensor2D), b2)) as tf.Tensor2D;
    if (masks) h = tf.mul(h, masks[1]);
    return tf.add(tf.matMul(h, tf.reshape(W3, [H, C]) as tf.Tensor2D), b3);
  }

  /** Fresh train-mode masks for `rows` inputs (null when p = 0: train mode equals eval mode). */
  private masks(rows: number, keepFirst = false): [tf.Tensor2D, tf.Tensor2D] | null {
    const H = this.cfg.hidden;
    const m1 = invertedMask(rows, H, this.cfg.drop, this.rng);
    const m2 = invertedMask(rows, H, this.cfg.drop, this.rng);
    if (keepFirst) this.lastMasks = [m1.slice(0, H), m2.slice(0, H)];
    if (this.cfg.drop === 0) return null;
    return [tf.tensor2d(m1, [rows, H]), tf.tensor2d(m2, [rows, H])];
  }

  /** One Adam update on the training rows `idx`, dropout in train mode (no read back). */
  trainBatch(idx: readonly number[]): void {
    if (this.disposed) throw new Error('network already disposed');
    const theta = this.theta;
    tf.tidy(() => {
      const it = tf.tensor1d(Int32Array.from(idx), 'int32');
      const xb = tf.gather(this.data.xTrain, it) as tf.Tensor2D;
      const yb = tf.gather(this.data.yTrain, it);
      const masks = this.masks(idx.length, true);
      const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(yb, this.logits(xb, theta as tf.Tensor1D, masks)) as tf.Scalar, [theta]);
      this.opt.applyGradients(grads);
    });
  }

  /**
   * [train loss, train acc, val loss, val acc] in eval mode, then val loss and accuracy in train
   * mode (dropout left on at prediction time: the forgotten `model.eval()`), as one tensor.
   */
  evaluate(): tf.Tensor1D {
    return tf.tidy(() => {
      const d = this.data;
      const theta = this.theta as tf.Tensor1D;
      const acc = (logits: tf.Tensor2D, labels: tf.Tensor1D) => tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'));
      const tr = this.logits(d.xTrain, theta, null);
      const va = this.logits(d.xVal, theta, null);
      const masks = this.masks(d.nVal);
      const vt = masks ? this.logits(d.xVal, theta, masks) : va;
      return tf.stack([
        tf.losses.softmaxCrossEntropy(d.yTrain, tr), acc(tr, d.labelsTrain),
        tf.losses.softmaxCrossEntropy(d.yVal, va), acc(va, d.labelsVal),
        tf.losses.softmaxCrossEntropy(d.yVal, vt), acc(vt, d.labelsVal),
      ]) as tf.Tensor1D;
    });
  }

  /**
   * Softmax outputs for validation row `row`: first the eval-mode pass (C values), then `passes`
   * train-mode passes with fresh masks (passes × C), flat.
   */
  probabilities(row: number, passes: number): tf.Tensor1D {
    return tf.tidy(() => {
      const theta = this.theta as tf.Tensor1D;
      const x = tf.slice(this.data.xVal, [row, 0], [1, this.data.features]) as tf.Tensor2D;
      const evalP = tf.softmax(this.logits(x, theta, null));
      const xs = tf.tile(x, [passes, 1]) as tf.Tensor2D;
      const trainP = tf.softmax(this.logits(xs, theta, this.masks(passes)));
      return tf.concat([tf.reshape(evalP, [-1]), tf.reshape(trainP, [-1])]) as tf.Tensor1D;
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.theta.dispose();
    this.opt.dispose();
  }
}
