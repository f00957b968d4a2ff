/**
 * A small softmax MLP for 2-D multi-class data in TensorFlow.js: 2 → H (ReLU) → C logits,
 * softmax cross-entropy, minibatch SGD or Adam, with L2 weight decay on the weight matrices.
 *
 * tfjs on purpose (the lab shows tfjs training): autodiff through the softmax cross-entropy
 * (`tf.variableGrads`) and tfjs' own SGD / Adam optimisers do the update. Weight decay λ enters
 * the gradient before the optimiser sees it, g ← ∇L + λW (the gradient of L + (λ/2)‖W‖²), as
 * PyTorch's `weight_decay`; biases are not decayed.
 *
 * One trial owns its variables and optimiser; the data tensors are shared between trials and owned
 * by the caller. Nothing here reads a tensor back to the CPU: `evaluate()` returns a tensor to read.
 */
import * as tf from '../tf';
import type { Point2 } from '../data/datasets2d';
import { createRng, randomNormalTensorInit, shuffleInPlace, type Rng } from '../rng';

export interface ClassificationTensors {
  xTrain: tf.Tensor2D;
  /** One-hot labels, nTrain × C. */
  yTrain: tf.Tensor2D;
  xVal: tf.Tensor2D;
  yVal: tf.Tensor2D;
  /** Integer labels of the validation points. */
  labelsVal: tf.Tensor1D;
  nTrain: number;
  nVal: number;
  classes: number;
}

function oneHot(points: readonly Point2[], classes: number): tf.Tensor2D {
  const v = new Float32Array(points.length * classes);
  points.forEach((p, i) => (v[i * classes + p.label] = 1));
  return tf.tensor2d(v, [points.length, classes]);
}

/** Upload a train / validation split once; free it with {@link disposeClassificationTensors}. */
export function classificationTensors(train: readonly Point2[], val: readonly Point2[], classes: number): ClassificationTensors {
  return {
    xTrain: tf.tensor2d(train.map((p) => [p.x, p.y]), [train.length, 2]),
    yTrain: oneHot(train, classes),
    xVal: tf.tensor2d(val.map((p) => [p.x, p.y]), [val.length, 2]),
    yVal: oneHot(val, classes),
    labelsVal: tf.tensor1d(val.map((p) => p.label), 'int32'),
    nTrain: train.length,
    nVal: val.length,
    classes,
  };
}

export function disposeClassificationTensors(d: ClassificationTensors): void {
  tf.dispose([d.xTrain, d.yTrain, d.xVal, d.yVal, d.labelsVal]);
}

export type TrialOptimizer = 'adam' | 'sgd';

export interface TrialConfig {
  hidden: number;
  lr: number;
  /** Weight decay λ ≥ 0. */
  wd: number;
  optimizer: TrialOptimizer;
  batchSize: number;
  /** Seed of the initial weights and of the batch order (same seed ⇒ same start for every trial). */
  seed: number;
}

/** What {@link SoftmaxMlpTrial.evaluate} packs into one tensor, in this order. */
export const EVAL_FIELDS = ['valAcc', 'valLoss', 'trainLoss', 'weightNormSq'] as const;

export class SoftmaxMlpTrial {
  /**
   * All parameters in one flat variable [W₁ (2·H) | b₁ (H) | W₂ (H·C) | b₂ (C)]: tfjs' Adam issues
   * ~15 kernels per variable per update, and per-kernel overhead dominates at this size, so one
   * variable instead of four roughly halves the time of a minibatch on wasm.
   */
  private readonly theta: tf.Variable;
  /** 1 on weight entries, 0 on biases: weight decay applies to W₁ and W₂ only. */
  private readonly decayMask: tf.Tensor1D;
  private readonly sizes: [number, number, number, number];
  private readonly opt: tf.Optimizer;
  private readonly rng: Rng;
  private order: number[] = [];
  private cursor = 0;
  /** Completed epochs. */
  epoch = 0;
  /** Minibatches per epoch. */
  readonly batchesPerEpoch: number;
  private disposed = false;

  constructor(private readonly data: ClassificationTensors, private readonly cfg: TrialConfig) {
    if (!(cfg.lr > 0) || !(cfg.wd >= 0)) throw new Error(`learning rate must be > 0 and weight decay ≥ 0 (got α = ${cfg.lr}, λ = ${cfg.wd})`);
    const init = createRng(cfg.seed);
    const H = cfg.hidden;
    const C = data.classes;
    this.sizes = [2 * H, H, H * C, C];
    // He initialisation for the ReLU layer, Xavier-like for the logits; biases start at 0.
    const w1 = randomNormalTensorInit([2, H], Math.sqrt(2 / 2), init);
    const w2 = randomNormalTensorInit([H, C], Math.sqrt(1 / H), init);
    const flat = new Float32Array(this.sizes.reduce((a, b) => a + b, 0));
    flat.set(w1, 0);
    flat.set(w2, 3 * H);
    const mask = new Float32Array(flat.length);
    mask.fill(1, 0, 2 * H);
    mask.fill(1, 3 * H, 3 * H + H * C);
    // Inside tidy so the initial tensor is freed; variables survive a tidy.
    this.theta = tf.tidy(() => tf.variable(tf.tensor1d(flat)));
    this.decayMask = tf.tensor1d(mask);
    this.opt = cfg.optimizer === 'adam' ? tf.train.adam(cfg.lr) : tf.train.sgd(cfg.lr);
    this.rng = createRng(cfg.seed * 7919 + 17);
    this.batchesPerEpoch = Math.ceil(data.nTrain / cfg.batchSize);
  }

  /** Number of trainable parameters. */
  get parameterCount(): number {
    return this.theta.size;
  }

  private logits(x: tf.Tensor2D, theta: tf.Tensor1D): tf.Tensor2D {
    const H = this.cfg.hidden;
    const C = this.data.classes;
    const [W1, b1, W2, b2] = tf.split(theta, this.sizes);
    const h = tf.relu(tf.add(tf.matMul(x, tf.reshape(W1, [2, H]) as tf.Tensor2D), b1));
    return tf.add(tf.matMul(h, tf.reshape(W2, [H, C]) as tf.Tensor2D), b2);
  }

  /** One minibatch update (no read back). Returns true when it completed an epoch. */
  trainBatch(): boolean {
    if (this.disposed) throw new Error('trial already disposed');
    if (this.cursor === 0) this.order = shuffleInPlace(Array.from({ length: this.data.nTrain }, (_, i) => i), this.rng);
    const idx = this.order.slice(this.cursor, this.cursor + this.cfg.batchSize);
    this.cursor += idx.length;
    const { theta, cfg } = this;
    tf.tidy(() => {
      const it = tf.tensor1d(idx, 'int32');
      const xb = tf.gather(this.data.xTrain, it) as tf.Tensor2D;
      const yb = tf.gather(this.data.yTrain, it);
      const { grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(yb, this.logits(xb, theta as tf.Tensor1D)) as tf.Scalar, [theta]);
      // L2 weight decay: g ← ∇L + λW on the weight entries (the mask leaves the biases alone).
      if (cfg.wd > 0) grads[theta.name] = tf.add(grads[theta.name], tf.mul(tf.mul(theta, this.decayMask), cfg.wd));
      this.opt.applyGradients(grads);
    });
    if (this.cursor >= this.data.nTrain) {
      this.cursor = 0;
      this.epoch++;
      return true;
    }
    return false;
  }

  /** A whole epoch of minibatches. */
  trainEpoch(): void {
    while (!this.trainBatch()) {
      /* next batch */
    }
  }

  /** [validation accuracy, validation loss, training loss, ‖W₁‖² + ‖W₂‖²] as one tensor (caller reads and disposes). */
  evaluate(): tf.Tensor1D {
    return tf.tidy(() => {
      const d = this.data;
      const theta = this.theta as tf.Tensor1D;
      const sv = this.logits(d.xVal, theta);
      const acc = tf.mean(tf.cast(tf.equal(tf.argMax(sv, 1), d.labelsVal), 'float32'));
      const valLoss = tf.losses.softmaxCrossEntropy(d.yVal, sv);
      const trainLoss = tf.losses.softmaxCrossEntropy(d.yTrain, this.logits(d.xTrain, theta));
      const norm = tf.sum(tf.square(tf.mul(theta, this.decayMask)));
      return tf.stack([acc, valLoss, trainLoss, norm]) as tf.Tensor1D;
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([this.theta, this.decayMask]);
    this.opt.dispose();
  }
}
