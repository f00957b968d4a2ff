/**
 * The small CNN of the transfer-learning lab (Lecture 11), in tfjs:
 *
 *   28×28×1 → conv 5×5×8 (same) + ReLU → max pool 2 (14×14×8)
 *           → conv 3×3×16 (same) + ReLU → max pool 2 (7×7×16 = 784)
 *           → fully connected 784 → 64 + ReLU → head 64 → 5 → softmax.
 *
 * Layers 0–2 (conv1, conv2, fc) are the reusable feature extractor, layer 3 the task's head. Each
 * layer has its own learning rate; a rate of 0 freezes the layer (it is left out of the gradient and
 * the optimiser altogether, so its weights stay bitwise the same). Adam over all trainable
 * parameters as one flat vector with a per-parameter rate vector (few, large ops — the speed trick
 * of src/ml/models/convnetjs.ts).
 *
 * tfjs because this is real convolution work (~1 M multiply-adds per digit forward): the wasm
 * backend's XNNPACK kernels plus the training kernels of src/ml/wasmKernels.ts. Other speed tricks
 * as convnetjs.ts: conv 1 as an im2col matMul when it trains (patches built in JS at upload; its
 * filter gradient is then one matMul), bias and ReLU after max pooling (identical, 4× less work),
 * softmax cross-entropy by its closed-form gradient. Nothing in `trainBatch` reads back.
 */
import * as tf from './tf';
import { im2colSame } from './models/convnetjs';
import { createRng, randomNormalTensorInit, type Rng } from './rng';

export const TNET = {
  side: 28,
  kernel: 5,
  /** conv 2 is 3×3 (a 5×5 conv 2 tripled the cost of a step for no gain on digits). */
  kernel2: 3,
  f1: 8,
  f2: 16,
  /** Features after the second pool: 7·7·16. */
  features: 7 * 7 * 16,
  hidden: 64,
  classes: 5,
} as const;

export const LAYER_NAMES = ['conv1', 'conv2', 'fc', 'head'] as const;
/**
 * The layers a new task reuses: the two conv layers. The fully connected layers form the new head
 * (as in the notes' picture, where the classifier on top of the conv layers is replaced). Reusing
 * the 64 hidden units too transferred worse: trained to tell 0–4 apart, they keep little else
 * (measured, seed 1: 75 % against 90 % at 50 labelled digits per class).
 */
export const REUSED_LAYERS = 2;

const K = TNET.kernel;
/** Shapes of [w1, b1, w2, b2, w3, b3, w4, b4]. */
export const PARAM_SHAPES: readonly (readonly number[])[] = [
  [K, K, 1, TNET.f1], [TNET.f1],
  [TNET.kernel2, TNET.kernel2, TNET.f1, TNET.f2], [TNET.f2],
  [TNET.features, TNET.hidden], [TNET.hidden],
  [TNET.hidden, TNET.classes], [TNET.classes],
];
export const PARAM_SIZES = PARAM_SHAPES.map((s) => s.reduce((a, b) => a * b, 1));
export const TOTAL_PARAMS = PARAM_SIZES.reduce((a, b) => a + b, 0);
/** Offset of each tensor in the flat weight vector. */
export const PARAM_OFFSETS = PARAM_SIZES.map((_, i) => PARAM_SIZES.slice(0, i).reduce((a, b) => a + b, 0));
/** Flat-vector range [start, end) of layer l's weights and bias. */
export function layerRange(l: number): [number, number] {
  return [PARAM_OFFSETS[2 * l], PARAM_OFFSETS[2 * l] + PARAM_SIZES[2 * l] + PARAM_SIZES[2 * l + 1]];
}

/** He initialisation (std √(2/fan-in)) for the ReLU layers, √(1/fan-in) for the head; biases 0. */
function initLayer(l: number, rng: Rng, out: Float32Array): void {
  const shape = PARAM_SHAPES[2 * l] as number[];
  const fanIn = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const std = Math.sqrt((l === 3 ? 1 : 2) / fanIn);
  out.set(randomNormalTensorInit(shape, std, rng), PARAM_OFFSETS[2 * l]);
  out.fill(0, PARAM_OFFSETS[2 * l + 1], PARAM_OFFSETS[2 * l + 1] + PARAM_SIZES[2 * l + 1]);
}

/** A fresh flat weight vector: every layer initialised from `seed`. */
export function freshWeights(seed: number): Float32Array {
  const w = new Float32Array(TOTAL_PARAMS);
  const rng = createRng(seed);
  for (let l = 0; l < LAYER_NAMES.length; l++) initLayer(l, rng, w);
  return w;
}

/** `reused` (flat, e.g. the source network's) with new layers from `from` on, initialised from `headSeed`. */
export function withNewHead(reused: Float32Array, headSeed: number, from = REUSED_LAYERS): Float32Array {
  const w = Float32Array.from(reused);
  const rng = createRng(headSeed);
  for (let l = from; l < LAYER_NAMES.length; l++) initLayer(l, rng, w);
  return w;
}

/** The same on the device: the reused part of `reused` and a new head; the caller owns the result. */
export function withNewHeadTensor(reused: tf.Tensor1D, headSeed: number, from = REUSED_LAYERS): tf.Tensor1D {
  const [a] = layerRange(from);
  const head = withNewHead(new Float32Array(TOTAL_PARAMS), headSeed, from).subarray(a);
  return tf.tidy(() => tf.concat([tf.slice(reused, 0, a), tf.tensor1d(head)]) as tf.Tensor1D);
}

export interface TransferNetOptions {
  /** Adam learning rate per layer [conv1, conv2, fc, head]; 0 freezes the layer. */
  layerLr: readonly number[];
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export class TransferNet {
  private readonly vars: tf.Variable[];
  /** Indices (into vars) of the trainable tensors, in order. */
  private readonly trainIdx: number[];
  private readonly lrVec: tf.Tensor1D | null;
  private readonly m: tf.Variable | null;
  private readonly v: tf.Variable | null;
  private readonly conv1Trains: boolean;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;
  private t = 0;
  /** Leading frozen layers (at most 2) whose output is cached for training. */
  private readonly prefix: number;
  private cache: tf.Tensor | null = null;
  private cacheParts: tf.Tensor[] = [];
  private patchBuf = new Float32Array(0);
  private disposed = false;

  /** `weights`: the flat vector [w1, b1, …, b4], on the host or already on the device (not taken over). */
  constructor(weights: Float32Array | tf.Tensor1D, opts: TransferNetOptions) {
    const size = weights instanceof Float32Array ? weights.length : weights.size;
    if (size !== TOTAL_PARAMS) throw new Error(`TransferNet: expected ${TOTAL_PARAMS} weights, got ${size}`);
    if (opts.layerLr.length !== LAYER_NAMES.length) throw new Error(`TransferNet: expected ${LAYER_NAMES.length} learning rates`);
    for (const r of opts.layerLr) if (!(r >= 0) || !Number.isFinite(r)) throw new Error(`TransferNet: learning rates must be ≥ 0 (got ${r})`);
    this.b1 = opts.beta1 ?? 0.9;
    this.b2 = opts.beta2 ?? 0.999;
    this.eps = opts.epsilon ?? 1e-8;
    const lrs = opts.layerLr;
    const parts = (weights instanceof Float32Array)
      ? PARAM_SHAPES.map((s, i) => () => tf.tensor(weights.subarray(PARAM_OFFSETS[i], PARAM_OFFSETS[i] + PARAM_SIZES[i]), s as number[]))
      : PARAM_SHAPES.map((s, i) => () => tf.reshape(tf.slice(weights, PARAM_OFFSETS[i], PARAM_SIZES[i]), s as number[]));
    this.vars = parts.map((make, i) => tf.tidy(() => tf.variable(make(), lrs[i >> 1] > 0)));
    this.trainIdx = PARAM_SHAPES.map((_, i) => i).filter((i) => lrs[i >> 1] > 0);
    this.conv1Trains = lrs[0] > 0;
    this.prefix = lrs[0] > 0 ? 0 : lrs[1] > 0 ? 1 : 2;
    const n = this.trainIdx.reduce((s, i) => s + PARAM_SIZES[i], 0);
    if (n > 0) {
      const rate = new Float32Array(n);
      let o = 0;
      for (const i of this.trainIdx) {
        rate.fill(lrs[i >> 1], o, o + PARAM_SIZES[i]);
        o += PARAM_SIZES[i];
      }
      this.lrVec = tf.tensor1d(rate);
      this.m = tf.tidy(() => tf.variable(tf.zeros([n]), false));
      this.v = tf.tidy(() => tf.variable(tf.zeros([n]), false));
    } else {
      this.lrVec = this.m = this.v = null;
    }
  }

  /** Optimiser steps taken. */
  get steps(): number {
    return this.t;
  }

  /** conv 1 from im2col patches [n·784, 25] (trainable filter) or from images [n, 28, 28, 1] → pool 1 [n, 14, 14, 8]. */
  private layer0(n: number, inp: { p?: tf.Tensor2D; x?: tf.Tensor4D }): tf.Tensor4D {
    const [w1, b1] = this.vars;
    let z1: tf.Tensor4D;
    if (inp.p) {
      const p = inp.p;
      const w1m = tf.reshape(w1, [K * K, TNET.f1]) as tf.Tensor2D;
      // The filter gradient Pᵀ·dY, with explicit transposes (wasm's transposed matMul is a slow loop).
      const z = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
        value: tf.matMul(p, args[0] as tf.Tensor2D),
        gradFunc: (dy: tf.Tensor) => [tf.transpose(tf.matMul(tf.transpose(dy as tf.Tensor2D), p))],
      }))(w1m);
      z1 = tf.reshape(z, [n, TNET.side, TNET.side, TNET.f1]);
    } else {
      z1 = tf.conv2d(inp.x!, w1 as tf.Tensor4D, 1, 'same');
    }
    // relu(pool(z) + b) = relu(pool(z + b)): bias and ReLU are monotone, so they commute with max pooling.
    return tf.relu(tf.add(tf.maxPool(z1, 2, 2, 'valid'), b1)) as tf.Tensor4D;
  }

  /** Layers `from`…3 on the activations entering layer `from` (1: pool 1, 2: pool 2, 3: hidden units). */
  private upper(from: number, a: tf.Tensor): tf.Tensor2D {
    const [, , w2, b2, w3, b3, w4, b4] = this.vars;
    const n = a.shape[0];
    if (from <= 1) {
      const z2 = tf.conv2d(a as tf.Tensor4D, w2 as tf.Tensor4D, 1, 'same');
      a = tf.relu(tf.add(tf.maxPool(z2, 2, 2, 'valid'), b2));
    }
    if (from <= 2) a = tf.fused.matMul({ a: tf.reshape(a, [n, TNET.features]), b: w3 as tf.Tensor2D, bias: b3, activation: 'relu' });
    return tf.fused.matMul({ a: a as tf.Tensor2D, b: w4 as tf.Tensor2D, bias: b4 }) as tf.Tensor2D;
  }

  private logits(n: number, inp: { p?: tf.Tensor2D; x?: tf.Tensor4D }): tf.Tensor2D {
    return this.upper(1, this.layer0(n, inp));
  }

  private patches(images: Float32Array, n: number): tf.Tensor2D {
    const px = n * TNET.side * TNET.side;
    if (this.patchBuf.length < px * K * K) this.patchBuf = new Float32Array(px * K * K);
    const buf = this.patchBuf.subarray(0, px * K * K);
    im2colSame(images, n, TNET.side, K, buf);
    return tf.tensor2d(buf, [px, K * K]);
  }

  /** Leading frozen layers whose output `cacheInputs` stores (0–2: conv 1, conv 2). */
  get cachedLayers(): number {
    return this.prefix;
  }

  /**
   * Add training digits (m×784) to the net's cache: their activations after the frozen leading
   * layers, computed once, since those layers never change. Train on them with `trainCached`.
   */
  cacheInputs(images: Float32Array, m: number): void {
    if (this.disposed) throw new Error('TransferNet: already disposed');
    if (this.prefix === 0) throw new Error('TransferNet: conv 1 trains, so there is nothing to cache (use trainBatch)');
    const t = tf.tidy(() => {
      const a = this.layer0(m, { x: tf.tensor4d(images, [m, TNET.side, TNET.side, 1]) });
      return this.prefix === 1 ? a : this.upper2(a);
    });
    this.cacheParts.push(t);
    if (this.cache) {
      this.cacheParts.unshift(this.cache);
      this.cache = null;
    }
  }

  private upper2(p1: tf.Tensor4D): tf.Tensor4D {
    const [, , w2, b2] = this.vars;
    return tf.relu(tf.add(tf.maxPool(tf.conv2d(p1, w2 as tf.Tensor4D, 1, 'same'), 2, 2, 'valid'), b2)) as tf.Tensor4D;
  }

  /** One Adam step on the cached rows `rows` (indices into what `cacheInputs` stored). */
  trainCached(rows: Int32Array, labels: Int32Array): void {
    if (this.cacheParts.length) {
      const all = this.cacheParts.length === 1 ? this.cacheParts[0] : tf.concat(this.cacheParts);
      if (this.cacheParts.length > 1) tf.dispose(this.cacheParts);
      if (this.cache) this.cache.dispose();
      this.cache = all;
      this.cacheParts = [];
    }
    if (!this.cache) throw new Error('TransferNet: nothing cached');
    const cache = this.cache;
    this.step(labels, () => tf.gather(cache, tf.tensor1d(rows, 'int32')), (a) => this.upper(this.prefix, a));
  }

  /** One Adam step on a minibatch (images n×784 in 0–1, labels 0–4). No GPU→CPU read. */
  trainBatch(images: Float32Array, labels: Int32Array): void {
    const n = labels.length;
    if (images.length !== n * TNET.side * TNET.side) throw new Error(`TransferNet: ${images.length} pixels for ${n} labels`);
    this.step(
      labels,
      () => (this.conv1Trains ? { p: this.patches(images, n) } : { x: tf.tensor4d(images, [n, TNET.side, TNET.side, 1]) }),
      (inp) => this.logits(n, inp),
    );
  }

  /** `input` builds the batch's input tensors (outside the gradient's scope: conv 1's custom gradient reads them). */
  private step<T>(labels: Int32Array, input: () => T, logitsOf: (inp: T) => tf.Tensor2D): void {
    if (this.disposed) throw new Error('TransferNet: already disposed');
    const n = labels.length;
    this.t++;
    if (!this.trainIdx.length) return;
    const { m, v, lrVec } = this;
    tf.tidy(() => {
      const inp = input();
      const onehot = new Float32Array(n * TNET.classes);
      labels.forEach((l, i) => (onehot[i * TNET.classes + l] = 1));
      const y = tf.tensor2d(onehot, [n, TNET.classes]);
      // Mean softmax cross-entropy by its closed-form gradient (softmax(z) − y)/n; the forward value
      // is a placeholder (the step never reads the loss; `score` computes the real one).
      const xent = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
        const z = args[0] as tf.Tensor;
        (args[1] as tf.GradSaveFunc)([z]);
        return { value: tf.sum(z), gradFunc: (_dy: tf.Tensor, [zs]: tf.Tensor[]) => [tf.mul(tf.sub(tf.softmax(zs), y), 1 / n)] };
      });
      const trainable = this.trainIdx.map((i) => this.vars[i]);
      const { grads } = tf.variableGrads(() => xent(logitsOf(inp)) as tf.Scalar, trainable);
      const g = tf.concat(this.trainIdx.map((i) => tf.reshape(grads[this.vars[i].name], [PARAM_SIZES[i]])));
      const mNew = tf.add(tf.mul(m!, this.b1), tf.mul(g, 1 - this.b1));
      const vNew = tf.add(tf.mul(v!, this.b2), tf.mul(tf.square(g), 1 - this.b2));
      m!.assign(mNew);
      v!.assign(vNew);
      // Bias-corrected step: α·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε).
      const c = Math.sqrt(1 - this.b2 ** this.t) / (1 - this.b1 ** this.t);
      const dx = tf.mul(tf.mul(lrVec!, c), tf.div(mNew, tf.add(tf.sqrt(vNew), this.eps)));
      tf.split(dx, this.trainIdx.map((i) => PARAM_SIZES[i])).forEach((d, k) => {
        const vr = trainable[k];
        vr.assign(tf.sub(vr, tf.reshape(d, vr.shape)));
      });
    });
  }

  /** [correct, summed cross-entropy] on a chunk (x: [m, 28, 28, 1], y: int32 labels); the caller owns the tensor. */
  score(x: tf.Tensor4D, y: tf.Tensor1D): tf.Tensor1D {
    return tf.tidy(() => {
      const z = this.logits(x.shape[0], { x });
      const correct = tf.sum(tf.cast(tf.equal(tf.argMax(z, 1), y), 'float32'));
      const loss = tf.mul(tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(y, 'int32') as tf.Tensor1D, TNET.classes), z), x.shape[0]);
      return tf.stack([correct, loss]) as tf.Tensor1D;
    });
  }

  /** All weights as one flat vector [w1, b1, w2, b2, w3, b3, w4, b4]; the caller owns the tensor. */
  packWeights(): tf.Tensor1D {
    return tf.tidy(() => tf.concat(this.vars.map((v) => tf.reshape(v, [-1]))) as tf.Tensor1D);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose(this.vars);
    tf.dispose([...this.cacheParts, ...(this.cache ? [this.cache] : [])]);
    for (const t of [this.lrVec, this.m, this.v]) t?.dispose();
  }
}
