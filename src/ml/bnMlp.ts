/**
 * A deep ReLU MLP with or without batch normalisation, in tfjs (Lecture 8's BN lab).
 *
 *   plain:  a = ReLU(a W_l + b_l)                     for l = 1 … depth, then logits = a W + b
 *   BN:     a = ReLU(BN_{γ_l, β_l}(a W_l))            (no b_l: the mean subtraction would cancel it)
 *
 * tfjs because the batch statistics couple the samples of a minibatch: autodiff through
 * `bnTrainTf` gives the exact BN backward pass (checked against finite differences in the tests),
 * and the matrices (batch × width, up to ten layers) are real matrix work. Minibatch SGD, softmax
 * cross-entropy. Both variants start from the same weights for the same seed (Kaiming-normal
 * W_l ~ N(0, 2/fan-in), output layer N(0, 1/fan-in), biases 0, γ = 1, β = 0).
 *
 * Running statistics (BN only) are tensors [depth, width] updated after every training step in the
 * notes' convention running ← β_m · running + (1 − β_m) · batch. Nothing here reads a tensor back.
 */
import * as tf from './tf';
import { BN_EPS, bnEvalTf, bnTrainTf } from './batchnorm';
import { createRng, randomNormalTensorInit } from './rng';

export interface BnMlpConfig {
  inputs: number;
  width: number;
  /** Hidden layers. */
  depth: number;
  classes: number;
  bn: boolean;
  /** Momentum β_m of the running averages. */
  betaM: number;
  seed: number;
  eps?: number;
}

export type BnMode = 'train' | 'eval';

/** What a forward pass can hand out besides the logits (all tensors belong to the caller's tidy). */
export interface BnTrace {
  /** Per hidden layer: the input to the ReLU (BN output for the BN net, a W + b for the plain net). */
  pre: tf.Tensor2D[];
  /** Per hidden layer: a W, the input of BN (BN net only). */
  z: tf.Tensor2D[];
  /** Per hidden layer: the statistics BN normalised with (batch or running). */
  mean: tf.Tensor1D[];
  variance: tf.Tensor1D[];
}

/** Mean softmax cross-entropy of logits against one-hot targets. */
export function softmaxCrossEntropy(logits: tf.Tensor2D, yOneHot: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(yOneHot, tf.logSoftmax(logits)), 1))) as tf.Scalar;
}

export class BnMlp {
  /** Per hidden layer W_l then [b_l] (plain) or [γ_l, β_l] (BN); then W_out, b_out. */
  private params: tf.Tensor[];
  private runMean: tf.Tensor2D | null;
  private runVar: tf.Tensor2D | null;
  private readonly eps: number;
  private disposed = false;

  constructor(readonly cfg: BnMlpConfig) {
    const { inputs, width, depth, classes, bn, seed } = cfg;
    this.eps = cfg.eps ?? BN_EPS;
    const rng = createRng(seed * 104729 + 11);
    const ps: tf.Tensor[] = [];
    for (let l = 0; l < depth; l++) {
      const fanIn = l === 0 ? inputs : width;
      ps.push(tf.tensor2d(randomNormalTensorInit([fanIn, width], Math.sqrt(2 / fanIn), rng), [fanIn, width]));
      if (bn) ps.push(tf.ones([width]), tf.zeros([width]));
      else ps.push(tf.zeros([width]));
    }
    ps.push(tf.tensor2d(randomNormalTensorInit([width, classes], Math.sqrt(1 / width), rng), [width, classes]), tf.zeros([classes]));
    this.params = ps;
    this.runMean = bn ? tf.zeros([depth, width]) : null;
    this.runVar = bn ? tf.ones([depth, width]) : null;
  }

  private get stride(): number {
    return this.cfg.bn ? 3 : 2;
  }

  /** Forward pass with the given parameter list (so tf.grads can differentiate it). */
  private run(ps: readonly tf.Tensor[], x: tf.Tensor2D, mode: BnMode, trace?: BnTrace): tf.Tensor2D {
    const { depth, bn } = this.cfg;
    const s = this.stride;
    let a = x;
    for (let l = 0; l < depth; l++) {
      const z = tf.matMul(a, ps[s * l] as tf.Tensor2D) as tf.Tensor2D;
      let pre: tf.Tensor2D;
      if (bn) {
        const gamma = ps[s * l + 1] as tf.Tensor1D;
        const beta = ps[s * l + 2] as tf.Tensor1D;
        if (mode === 'train') {
          const r = bnTrainTf(z, gamma, beta, this.eps);
          pre = r.y;
          trace?.mean.push(r.mean);
          trace?.variance.push(r.variance);
        } else {
          const m = tf.reshape(tf.slice(this.runMean!, [l, 0], [1, -1]), [-1]) as tf.Tensor1D;
          const v = tf.reshape(tf.slice(this.runVar!, [l, 0], [1, -1]), [-1]) as tf.Tensor1D;
          pre = bnEvalTf(z, m, v, gamma, beta, this.eps);
          trace?.mean.push(m);
          trace?.variance.push(v);
        }
        trace?.z.push(z);
      } else {
        pre = tf.add(z, ps[s * l + 1]) as tf.Tensor2D;
      }
      trace?.pre.push(pre);
      a = tf.relu(pre);
    }
    return tf.add(tf.matMul(a, ps[s * depth] as tf.Tensor2D), ps[s * depth + 1]) as tf.Tensor2D;
  }

  /** Logits (and optionally the per-layer trace) in train or eval mode; call inside tf.tidy. */
  forward(x: tf.Tensor2D, mode: BnMode, trace?: BnTrace): tf.Tensor2D {
    return this.run(this.params, x, mode, trace);
  }

  /**
   * One SGD step on a minibatch: θ ← θ − α ∇L, then (BN) the running averages. Returns the
   * minibatch loss before the step and, for BN, the batch statistics [2·depth, width] (means, then
   * variances); the caller owns (and disposes) both.
   */
  trainStep(x: tf.Tensor2D, yOneHot: tf.Tensor2D, lr: number): { loss: tf.Scalar; stats: tf.Tensor2D | null } {
    if (this.disposed) throw new Error('model disposed');
    const { depth, bn, betaM } = this.cfg;
    const out: { stats: tf.Tensor2D | null } = { stats: null };
    const loss = tf.tidy(() => {
      const f = (...ps: tf.Tensor[]) => {
        const trace: BnTrace | undefined = bn ? { pre: [], z: [], mean: [], variance: [] } : undefined;
        const logits = this.run(ps, x, 'train', trace);
        if (trace) out.stats = tf.keep(tf.stack([...trace.mean, ...trace.variance]) as tf.Tensor2D);
        return softmaxCrossEntropy(logits, yOneHot);
      };
      const { value, grads } = tf.valueAndGrads(f)(this.params);
      const next = this.params.map((p, i) => tf.keep(tf.sub(p, tf.mul(grads[i], lr))));
      tf.dispose(this.params);
      this.params = next;
      if (out.stats && this.runMean && this.runVar) {
        const [m, v] = tf.split(out.stats, [depth, depth], 0);
        const rm = tf.keep(tf.add(tf.mul(this.runMean, betaM), tf.mul(m, 1 - betaM)) as tf.Tensor2D);
        const rv = tf.keep(tf.add(tf.mul(this.runVar, betaM), tf.mul(v, 1 - betaM)) as tf.Tensor2D);
        tf.dispose([this.runMean, this.runVar]);
        this.runMean = rm;
        this.runVar = rv;
      }
      return value as tf.Scalar;
    });
    return { loss, stats: out.stats };
  }

  /** γ_l and β_l of every hidden layer stacked [2·depth, width] (γ rows first); null for the plain net. Caller disposes. */
  gammaBeta(): tf.Tensor2D | null {
    if (!this.cfg.bn) return null;
    const s = this.stride;
    const { depth } = this.cfg;
    return tf.tidy(() => tf.stack([
      ...Array.from({ length: depth }, (_, l) => this.params[s * l + 1]),
      ...Array.from({ length: depth }, (_, l) => this.params[s * l + 2]),
    ]) as tf.Tensor2D);
  }

  /** Running means and variances [2·depth, width] (means first); null for the plain net. Caller disposes. */
  running(): tf.Tensor2D | null {
    if (!this.runMean || !this.runVar) return null;
    return tf.concat([this.runMean, this.runVar], 0);
  }

  /** For tests: the current parameters (not copies; do not dispose). */
  get parameters(): readonly tf.Tensor[] {
    return this.params;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose(this.params);
    if (this.runMean) this.runMean.dispose();
    if (this.runVar) this.runVar.dispose();
  }
}

/**
 * 2 × 2 average pooling of n square images (side s, row-major, n·s² values) to side s/2: MNIST's
 * 28 × 28 becomes 14 × 14 = 196 inputs, four times less work in the first layer.
 */
export function pool2x2(pixels: Float32Array, n: number, side: number): Float32Array {
  if (side % 2 !== 0 || pixels.length !== n * side * side) throw new Error(`cannot pool ${pixels.length} values as ${n} images of ${side}²`);
  const h = side / 2;
  const out = new Float32Array(n * h * h);
  for (let i = 0; i < n; i++) {
    const src = i * side * side;
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < h; c++) {
        const a = src + 2 * r * side + 2 * c;
        out[i * h * h + r * h + c] = (pixels[a] + pixels[a + 1] + pixels[a + side] + pixels[a + side + 1]) / 4;
      }
    }
  }
  return out;
}
