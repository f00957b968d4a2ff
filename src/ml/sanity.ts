/**
 * Sanity checks for training a classifier (Lecture 6, "How to start" and "Common mistakes"):
 * a seeded C-class spiral, a small 2-H-H-C softmax MLP with dropout written the way a framework
 * user writes it, and the notes' common mistakes reproduced on purpose.
 *
 * Why tfjs here (and not the plain-TS MLP): the mistakes are about how a framework is *used*:
 * `tf.losses.softmaxCrossEntropy` expects raw logits, gradients are accumulated into `.grad`
 * buffers like PyTorch's `backward()` unless someone zeroes them, and dropout depends on a
 * train/eval flag. The training loop below mirrors PyTorch's
 *   optimizer.zero_grad(); loss.backward(); optimizer.step()
 * one call per line, so each mistake is one line left out or changed.
 */
import * as tf from './tf';
import { createRng, randomNormalTensorInit } from './rng';

/** A C-class data set as flat arrays (ready for tensors). */
export interface ClassData {
  /** n × 2, row-major. */
  x: Float32Array;
  /** Labels in {0, …, C−1}. */
  y: Int32Array;
  n: number;
  classes: number;
}

/** Spiral arms: radius r = 0.1 + 0.9 s, angle 1.5π s + 2πc/C, s ~ U[0, 1), jitter N(0, 0.04²). */
export const SPIRAL_TURN = 1.5 * Math.PI;
export const SPIRAL_NOISE = 0.04;

/**
 * n points on C interleaved spiral arms. Point i has label i mod C (not shuffled), so the first
 * k points of a set are as balanced as k allows and a smaller training set is a prefix of a larger one.
 */
export function spiralC(n: number, classes: number, seed: number): ClassData {
  if (!Number.isInteger(classes) || classes < 2) throw new Error(`classes must be an integer ≥ 2, got ${classes}`);
  if (!Number.isInteger(n) || n < 0) throw new Error(`n must be a non-negative integer, got ${n}`);
  const rng = createRng(seed);
  const x = new Float32Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const s = rng.next();
    const r = 0.1 + 0.9 * s;
    const a = SPIRAL_TURN * s + (2 * Math.PI * c) / classes;
    x[2 * i] = r * Math.cos(a) + SPIRAL_NOISE * rng.normal();
    x[2 * i + 1] = r * Math.sin(a) + SPIRAL_NOISE * rng.normal();
    y[i] = c;
  }
  return { x, y, n, classes };
}

/** The first k points of a set. */
export function prefix(d: ClassData, k: number): ClassData {
  const m = Math.min(k, d.n);
  return { x: d.x.slice(0, 2 * m), y: d.y.slice(0, m), n: m, classes: d.classes };
}

/**
 * Initialisation.
 * - small: He-normal hidden layers (σ = √(2/fan_in)) and a small output layer, σ = 0.01, so the
 *   logits start near 0 and the softmax near uniform: the initial loss is ≈ log C.
 * - large: every weight ~ N(0, 1) (an unscaled `randn`): large logits, a confident wrong
 *   softmax, and an initial loss far above log C.
 */
export type InitKind = 'small' | 'large';
export const OUTPUT_INIT_STD = 0.01;

export interface PlainWeights {
  hidden: number;
  classes: number;
  /** W1 (2×H), b1 (H), W2 (H×H), b2 (H), W3 (H×C), b3 (C). */
  values: Float32Array[];
  shapes: number[][];
}

export function initWeights(classes: number, hidden: number, init: InitKind, seed: number): PlainWeights {
  const rng = createRng(seed * 7919 + 17);
  const shapes = [[2, hidden], [hidden], [hidden, hidden], [hidden], [hidden, classes], [classes]];
  const std = (i: number): number => {
    if (init === 'large') return 1;
    if (i % 2 === 1) return 0; // biases start at 0
    return i === 4 ? OUTPUT_INIT_STD : Math.sqrt(2 / shapes[i][0]);
  };
  const values = shapes.map((s, i) => (std(i) === 0 ? new Float32Array(s.reduce((p, d) => p * d, 1)) : randomNormalTensorInit(s, std(i), rng)));
  return { hidden, classes, values, shapes };
}

/**
 * The notes' mistakes.
 * - softmax: the model's softmax output goes into a loss that expects raw logits.
 * - zerograd: `.grad` is never zeroed, so each step applies the sum of all past gradients.
 * (Forgetting eval mode changes only how the model is evaluated: see `forward(training)`.)
 */
export type TrainMistake = 'none' | 'softmax' | 'zerograd';

export interface NetOptions {
  lr: number;
  dropout: number;
  mistake: TrainMistake;
  /** Base seed of the dropout masks: step t uses seed + t, so runs with equal seeds see equal masks. */
  dropoutSeed: number;
}

/**
 * The cross-entropy of softmax(z) as `softmaxCrossEntropy` computes it when z is already a
 * probability vector p: its smallest value, reached at p = one-hot, is −log(e/(e + C − 1)).
 */
export function softmaxMistakeFloor(classes: number): number {
  return Math.log(Math.E + classes - 1) - 1;
}

/**
 * Logits of the 2 → H → H → C ReLU network with weights [W1, b1, W2, b2, W3, b3]. Inverted dropout
 * (rate p, kept units scaled by 1/(1−p)) after each hidden layer in training mode only.
 */
export function mlpForward(w: readonly tf.Tensor[], x: tf.Tensor2D, dropout: number, training: boolean, maskSeed = 0): tf.Tensor2D {
  return tf.tidy(() => {
    const [W1, b1, W2, b2, W3, b3] = w;
    const drop = (h: tf.Tensor2D, k: number): tf.Tensor2D => (training && dropout > 0 ? (tf.dropout(h, dropout, undefined, maskSeed * 2 + k) as tf.Tensor2D) : h);
    const h1 = drop(tf.relu(tf.add(tf.matMul(x, W1 as tf.Tensor2D), b1)), 0);
    const h2 = drop(tf.relu(tf.add(tf.matMul(h1, W2 as tf.Tensor2D), b2)), 1);
    return tf.add(tf.matMul(h2, W3 as tf.Tensor2D), b3);
  });
}

/** A softmax classifier 2 → H → H → C (ReLU, inverted dropout after each hidden layer). */
export class SanityNet {
  readonly vars: tf.Variable[];
  /** PyTorch's `.grad`: `backward()` adds into it, `zeroGrad()` clears it. */
  readonly grads: tf.Variable[];
  private readonly optimizer: tf.SGDOptimizer;
  /** Optimizer steps taken (also the dropout-mask counter). */
  steps = 0;

  constructor(w: PlainWeights, readonly opts: NetOptions) {
    // tidy frees the initial values (a variable keeps its own copy of the data reference).
    this.vars = tf.tidy(() => w.values.map((v, i) => tf.variable(tf.tensor(v, w.shapes[i]), true)));
    this.grads = tf.tidy(() => w.values.map((_, i) => tf.variable(tf.zeros(w.shapes[i]), false)));
    this.optimizer = tf.train.sgd(opts.lr);
  }

  /** Logits. In training mode dropout is active (a fresh mask per `maskSeed`); in eval mode it is the identity. */
  forward(x: tf.Tensor2D, training: boolean, maskSeed = 0): tf.Tensor2D {
    return mlpForward(this.vars, x, this.opts.dropout, training, maskSeed);
  }

  /**
   * The loss the training loop computes. Correct: softmaxCrossEntropy(onehot, logits).
   * Mistake 'softmax': softmaxCrossEntropy(onehot, softmax(logits)) — the loss applies its own
   * softmax to probabilities in [0, 1], so it can never drop below `softmaxMistakeFloor(C)`.
   */
  loss(logits: tf.Tensor2D, onehot: tf.Tensor2D): tf.Scalar {
    const z = this.opts.mistake === 'softmax' ? tf.softmax(logits) : logits;
    return tf.losses.softmaxCrossEntropy(onehot, z) as tf.Scalar;
  }

  zeroGrad(): void {
    tf.tidy(() => this.grads.forEach((g) => g.assign(tf.zerosLike(g))));
  }

  /** Forward in training mode, then add ∂L/∂θ into `.grad` (as `loss.backward()` does). */
  backward(x: tf.Tensor2D, onehot: tf.Tensor2D): void {
    const seed = this.opts.dropoutSeed + this.steps;
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => this.loss(this.forward(x, true, seed), onehot), this.vars);
      this.vars.forEach((v, i) => this.grads[i].assign(tf.add(this.grads[i], grads[v.name])));
    });
  }

  /** θ ← θ − α · .grad (tf.train.sgd). */
  optimizerStep(): void {
    tf.tidy(() => {
      const named: tf.NamedTensorMap = {};
      this.vars.forEach((v, i) => (named[v.name] = this.grads[i]));
      this.optimizer.applyGradients(named);
    });
    this.steps++;
  }

  /** One iteration of the loop; the 'zerograd' mistake leaves out the first line. */
  trainStep(x: tf.Tensor2D, onehot: tf.Tensor2D): void {
    if (this.opts.mistake !== 'zerograd') this.zeroGrad();
    this.backward(x, onehot);
    this.optimizerStep();
  }

  dispose(): void {
    this.vars.forEach((v) => v.dispose());
    this.grads.forEach((g) => g.dispose());
    this.optimizer.dispose();
  }
}

/** Tensors of a data set: x (n×2) and one-hot labels (n×C). */
export interface DataTensors {
  x: tf.Tensor2D;
  onehot: tf.Tensor2D;
  labels: tf.Tensor1D;
}

export function toTensors(d: ClassData): DataTensors {
  return tf.tidy(() => {
    const labels = tf.tensor1d(d.y, 'int32');
    return { x: tf.tensor2d(d.x, [d.n, 2]), onehot: tf.oneHot(labels, d.classes).toFloat() as tf.Tensor2D, labels };
  });
}

export function disposeData(t: DataTensors): void {
  t.x.dispose();
  t.onehot.dispose();
  t.labels.dispose();
}

/** Mean cross-entropy of logits against one-hot labels (the correct loss, whatever the run trained with). */
export function crossEntropy(logits: tf.Tensor2D, onehot: tf.Tensor2D): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(onehot, logits) as tf.Scalar;
}

/** Fraction of rows whose arg-max equals the label. */
export function accuracy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32')) as tf.Scalar);
}

/** The cross-entropy of a freshly initialised network on a data set, as a scalar tensor (no read). */
export function initialLossTensor(d: DataTensors, w: PlainWeights): tf.Scalar {
  return tf.tidy(() => crossEntropy(mlpForward(w.values.map((v, i) => tf.tensor(v, w.shapes[i])), d.x, 0, false), d.onehot));
}

/** The same, read synchronously (for tests and scripts; engines read in `read()`). */
export function initialLoss(d: ClassData, hidden: number, init: InitKind, seed: number): number {
  const t = toTensors(d);
  const s = initialLossTensor(t, initWeights(d.classes, hidden, init, seed));
  const v = s.dataSync()[0];
  s.dispose();
  disposeData(t);
  return v;
}
