/**
 * ConvNetJS's MNIST network in TensorFlow.js (Karpathy's in-browser demo, the reference for
 * Lecture 9's conv-net lab):
 *
 *   24×24×1 → conv 5×5×8 (pad 2, stride 1) + ReLU → max pool 2×2 stride 2 (12×12×8)
 *           → conv 5×5×16 (pad 2) + ReLU → max pool 3×3 stride 3 (4×4×16)
 *           → fully connected 256 → 10 → softmax.
 *
 * Trained as the demo does: batches of 20, Adadelta (ρ 0.95, ε 1e-6, i.e. ConvNetJS's defaults,
 * learning rate 1) with L2 decay 0.001 on the weights (not biases), averaged over the batch
 * (ConvNetJS divides (λw + Σ∇) by the batch size, so the decay enters as λ/B). SGD (with momentum)
 * is an option. Both updates are written here, as ConvNetJS's trainer does them:
 *   Adadelta: g² sum G ← ρG + (1−ρ)g²;  Δ = −√((X + ε)/(G + ε))·g;  X ← ρX + (1−ρ)Δ²;  w ← w + Δ
 *   SGD:      Δ = μΔ − ηg;  w ← w + Δ
 * (tf.train.adadelta divides by the *old* G, so its first step is a plain SGD step of size 1 —
 * which wrecks this net; verified: it stays at chance on MNIST where this Adadelta learns.) Initialisation as ConvNetJS: weights ~ N(0, 1/fan-in), conv biases 0.1 (so ReLUs
 * start active), output bias 0.
 *
 * tfjs because this is real convolution work: on the wasm backend it runs XNNPACK kernels plus the
 * training kernels of src/ml/wasmKernels.ts. The training step is sync-free: `trainBatch` uploads the
 * batch and queues the update, never reading a tensor back; the evaluation helpers read once.
 *
 * Speed formulation (measured with `BENCH_ONLY=cnn npm run bench`): conv 1 as an im2col matMul
 * (patches built in JS at upload, see `input`/`forward`), bias and ReLU after each max pool
 * (identical, 4–9× less work), softmax cross-entropy by its closed-form gradient, and the
 * optimiser update on all parameters as one flat vector (few, large ops: per-op overhead is a
 * third of a step on wasm).
 */
import * as tf from '../tf';
import { createRng, randomNormalTensorInit } from '../rng';

export const CONVNETJS_MNIST = {
  side: 24,
  classes: 10,
  batchSize: 20,
  conv1: { size: 5, filters: 8, stride: 1, pad: 2 },
  pool1: { size: 2, stride: 2 },
  conv2: { size: 5, filters: 16, stride: 1, pad: 2 },
  pool2: { size: 3, stride: 3 },
  /** Flattened features after pool 2: 4·4·16. */
  features: 256,
  adadelta: { rho: 0.95, epsilon: 1e-6, lr: 1 },
  l2Decay: 0.001,
} as const;

export interface ConvNetOptions {
  /** 'adadelta' (default, as ConvNetJS's demo) or 'sgd' (with momentum). */
  optimizer?: 'adadelta' | 'sgd';
  /** Learning rate (Adadelta: a multiplier, 1 as ConvNetJS; SGD: the step, default 0.01). */
  lr?: number;
  /** SGD momentum (default 0.9). */
  momentum?: number;
  /** L2 decay λ on weights (default 0.001, as ConvNetJS's demo). */
  l2Decay?: number;
  /** How conv 1 runs: 'im2col' (default, fastest on wasm) or 'conv' (tf.conv2d; same maths). */
  conv1?: 'im2col' | 'conv';
}

export interface ConvNetWeights {
  conv1: tf.Variable; // [5, 5, 1, 8]
  conv1Bias: tf.Variable; // [8]
  conv2: tf.Variable; // [5, 5, 8, 16]
  conv2Bias: tf.Variable; // [16]
  fc: tf.Variable; // [256, 10]
  fcBias: tf.Variable; // [10]
}

/** Activations of one forward pass (owned by the caller: dispose them). */
export interface ConvNetActivations {
  conv1: tf.Tensor4D; // [n, 24, 24, 8] after ReLU
  pool1: tf.Tensor4D; // [n, 12, 12, 8]
  conv2: tf.Tensor4D; // [n, 12, 12, 16] after ReLU
  pool2: tf.Tensor4D; // [n, 4, 4, 16]
  probs: tf.Tensor2D; // [n, 10]
}

export interface ConvNet {
  readonly config: typeof CONVNETJS_MNIST;
  /** One optimiser step on a batch (images: batch×24×24 in 0–1, row-major; labels 0–9). No GPU→CPU read. */
  trainBatch(images: Float32Array, labels: Int32Array): void;
  /** Mean cross-entropy and accuracy on n images (one read). */
  evaluate(images: Float32Array, labels: Int32Array): Promise<{ loss: number; accuracy: number }>;
  /** Class probabilities [n, 10] (the caller disposes the tensor). */
  predict(images: Float32Array, n: number): tf.Tensor2D;
  /** Every layer's output for n images (the caller disposes them). */
  activations(images: Float32Array, n: number): ConvNetActivations;
  /** The trainable variables (owned by the net: do not dispose). */
  weights(): ConvNetWeights;
  /** Number of optimiser steps taken. */
  readonly steps: number;
  dispose(): void;
}

const C = CONVNETJS_MNIST;

function variable(shape: number[], std: number, rng: ReturnType<typeof createRng>): tf.Variable {
  return tf.tidy(() => tf.variable(tf.tensor(randomNormalTensorInit(shape, std, rng), shape)));
}

export function createConvNet(seed: number, opts: ConvNetOptions = {}): ConvNet {
  const rng = createRng(seed);
  const k1 = C.conv1.size;
  const k2 = C.conv2.size;
  const w: ConvNetWeights = {
    conv1: variable([k1, k1, 1, C.conv1.filters], Math.sqrt(1 / (k1 * k1)), rng),
    conv1Bias: tf.tidy(() => tf.variable(tf.fill([C.conv1.filters], 0.1))),
    conv2: variable([k2, k2, C.conv1.filters, C.conv2.filters], Math.sqrt(1 / (k2 * k2 * C.conv1.filters)), rng),
    conv2Bias: tf.tidy(() => tf.variable(tf.fill([C.conv2.filters], 0.1))),
    fc: variable([C.features, C.classes], Math.sqrt(1 / C.features), rng),
    fcBias: tf.tidy(() => tf.variable(tf.zeros([C.classes]))),
  };
  const kind = opts.optimizer ?? 'adadelta';
  const lr = opts.lr ?? (kind === 'sgd' ? 0.01 : C.adadelta.lr);
  const momentum = opts.momentum ?? 0.9;
  const l2 = opts.l2Decay ?? C.l2Decay;
  const vars = [w.conv1, w.conv1Bias, w.conv2, w.conv2Bias, w.fc, w.fcBias];
  const decayed = [true, false, true, false, true, false];
  const sizes = vars.map((v) => v.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  // Optimiser state over all 5,994 parameters as one flat vector (far fewer ops per step than one
  // update per variable): Adadelta's G and X, or SGD's last step Δ.
  const zeroVar = () => tf.tidy(() => tf.variable(tf.zeros([total]), false));
  const stA = zeroVar();
  const stB = kind === 'adadelta' ? zeroVar() : null;
  const { rho, epsilon } = C.adadelta;
  let steps = 0;

  const update = (grads: tf.NamedTensorMap, n: number) => {
    const g = tf.concat(vars.map((v, i) => {
      const gi = decayed[i] && l2 > 0 ? tf.add(grads[v.name], tf.mul(v, l2 / n)) : grads[v.name];
      return tf.reshape(gi, [sizes[i]]);
    }));
    let dx: tf.Tensor;
    if (stB) {
      const gsum = tf.add(tf.mul(stA, rho), tf.mul(tf.square(g), 1 - rho));
      dx = tf.mul(tf.sqrt(tf.div(tf.add(stB, epsilon), tf.add(gsum, epsilon))), tf.mul(g, -lr));
      stA.assign(gsum);
      stB.assign(tf.add(tf.mul(stB, rho), tf.mul(tf.square(dx), 1 - rho)));
    } else {
      dx = tf.sub(tf.mul(stA, momentum), tf.mul(g, lr));
      stA.assign(dx);
    }
    tf.split(dx, sizes).forEach((d, i) => vars[i].assign(tf.add(vars[i], tf.reshape(d, vars[i].shape))));
  };

  /**
   * Conv 1 sees only input pixels (no gradient flows to them), so by default its im2col patch
   * matrix P [n·576 × 25] is built here in JS while uploading the batch: conv 1 is then P·W₁ and
   * its filter gradient (dYᵀ·P)ᵀ, written with explicit transposes because wasm's matMul with
   * transposeA (what tfjs' own MatMul gradient uses) is a slow loop. `conv1: 'conv'` keeps the
   * ordinary conv2d (for comparison).
   */
  const conv1Mode = opts.conv1 ?? 'im2col';
  interface Input { n: number; x?: tf.Tensor4D; p?: tf.Tensor2D }
  /**
   * `full`: every layer's map as ConvNetJS defines it (for activations()). Otherwise the cheaper,
   * identical order used for training and prediction: max pooling commutes with adding a
   * per-channel bias and with ReLU (both monotone), so relu(pool(conv + b)) = relu(pool(conv) + b)
   * works on 4× (conv 1) and 9× (conv 2) fewer values; gradients agree too (up to ties between
   * equal positive maxima).
   */
  const forward = (inp: Input, full = false) => {
    const { n } = inp;
    let z1: tf.Tensor4D;
    if (inp.p) {
      const { p } = inp;
      const w1 = tf.reshape(w.conv1, [k1 * k1, C.conv1.filters]);
      const z = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
        value: tf.matMul(p, args[0] as tf.Tensor2D),
        gradFunc: (dy: tf.Tensor) => [tf.transpose(tf.matMul(tf.transpose(dy as tf.Tensor2D), p))],
      }))(w1);
      z1 = tf.reshape(z, [n, C.side, C.side, C.conv1.filters]);
    } else {
      z1 = tf.conv2d(inp.x!, w.conv1 as tf.Tensor4D, 1, 'same');
    }
    const biasRelu = (t: tf.Tensor4D, b: tf.Variable) => tf.relu(tf.add(t, b)) as tf.Tensor4D;
    const pool1 = (t: tf.Tensor4D) => tf.maxPool(t, C.pool1.size, C.pool1.stride, 'valid');
    const pool2 = (t: tf.Tensor4D) => tf.maxPool(t, C.pool2.size, C.pool2.stride, 'valid');
    const c1 = full ? biasRelu(z1, w.conv1Bias) : null;
    const p1 = c1 ? pool1(c1) : biasRelu(pool1(z1), w.conv1Bias);
    const z2 = tf.conv2d(p1, w.conv2 as tf.Tensor4D, 1, 'same');
    const c2 = full ? biasRelu(z2, w.conv2Bias) : null;
    const p2 = c2 ? pool2(c2) : biasRelu(pool2(z2), w.conv2Bias);
    const logits = tf.fused.matMul({ a: tf.reshape(p2, [n, C.features]), b: w.fc as tf.Tensor2D, bias: w.fcBias }) as tf.Tensor2D;
    return { c1, p1, c2, p2, logits };
  };
  let patchBuf = new Float32Array(0);
  const input = (images: Float32Array, n: number): Input => {
    const px = n * C.side * C.side;
    if (conv1Mode === 'conv') return { n, x: tf.tensor4d(images.subarray(0, px), [n, C.side, C.side, 1]) };
    const kk = k1 * k1;
    if (patchBuf.length < px * kk) patchBuf = new Float32Array(px * kk);
    const buf = patchBuf.subarray(0, px * kk);
    im2colSame(images, n, C.side, k1, buf);
    return { n, p: tf.tensor2d(buf, [px, kk]) };
  };
  const lossOf = (logits: tf.Tensor2D, labels: tf.Tensor1D) => tf.losses.softmaxCrossEntropy(tf.oneHot(labels, C.classes), logits);

  return {
    config: C,
    get steps() {
      return steps;
    },
    trainBatch(images, labels) {
      const n = labels.length;
      tf.tidy(() => {
        const x = input(images, n);
        const onehot = new Float32Array(n * C.classes);
        labels.forEach((l, i) => (onehot[i * C.classes + l] = 1));
        const y = tf.tensor2d(onehot, [n, C.classes]);
        // Mean softmax cross-entropy, by its closed-form gradient (softmax(z) − y)/n: three ops
        // instead of tf.losses' twenty-odd. The step never reads the loss, so the custom op's
        // forward value is only a placeholder; evaluate() computes the real loss.
        const xent = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
          const z = args[0] as tf.Tensor;
          (args[1] as tf.GradSaveFunc)([z]);
          return { value: tf.sum(z), gradFunc: (_dy: tf.Tensor, [zs]: tf.Tensor[]) => [tf.mul(tf.sub(tf.softmax(zs), y), 1 / n)] };
        });
        // The decay's gradient λw/B is added in `update` (no need to differentiate ‖w‖²).
        const { grads } = tf.variableGrads(() => xent(forward(x).logits) as tf.Scalar, vars);
        update(grads, n);
      });
      steps++;
    },
    async evaluate(images, labels) {
      const n = labels.length;
      const t = tf.tidy(() => {
        const y = tf.tensor1d(labels, 'int32');
        const { logits } = forward(input(images, n));
        const acc = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), y), 'float32'));
        return tf.stack([lossOf(logits, y), acc]);
      });
      const [loss, accuracy] = await t.data();
      t.dispose();
      return { loss, accuracy };
    },
    predict(images, n) {
      return tf.tidy(() => tf.softmax(forward(input(images, n)).logits));
    },
    activations(images, n) {
      return tf.tidy(() => {
        const r = forward(input(images, n), true);
        return { conv1: r.c1!, pool1: r.p1, conv2: r.c2!, pool2: r.p2, probs: tf.softmax(r.logits) };
      });
    },
    weights: () => w,
    dispose() {
      tf.dispose(stB ? [stA, stB] : [stA]);
      tf.dispose(Object.values(w));
    },
  };
}

/**
 * im2col for a 1-channel k×k 'same' convolution (stride 1, zero padding (k−1)/2): row (b, r, c) of
 * `out` ([n·side² × k²]) holds the k×k window centred on pixel (r, c) of image b, in the filter's
 * [kh, kw] order.
 */
export function im2colSame(images: ArrayLike<number>, n: number, side: number, k: number, out: Float32Array): void {
  const p = (k - 1) >> 1;
  let o = 0;
  for (let b = 0; b < n; b++) {
    const img = b * side * side;
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        for (let i = 0; i < k; i++) {
          const rr = r + i - p;
          if (rr < 0 || rr >= side) {
            out.fill(0, o, o + k);
            o += k;
            continue;
          }
          const row = img + rr * side;
          for (let j = 0; j < k; j++, o++) {
            const cc = c + j - p;
            out[o] = cc >= 0 && cc < side ? images[row + cc] : 0;
          }
        }
      }
    }
  }
}

/**
 * A 24×24 crop of a 28×28 MNIST image (bytes 0–255) at offset (dx, dy) ∈ [0, 4]², scaled to 0–1,
 * written at `out[offset…]` — ConvNetJS's demo trains on random crops and tests on the centre (2, 2).
 */
export function crop24(images: Uint8Array, index: number, dx: number, dy: number, out: Float32Array, offset: number): void {
  const src = index * 784;
  for (let r = 0; r < 24; r++) {
    const row = src + (r + dy) * 28 + dx;
    const o = offset + r * 24;
    for (let c = 0; c < 24; c++) out[o + c] = images[row + c] / 255;
  }
}
