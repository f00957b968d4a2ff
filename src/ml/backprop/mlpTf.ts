/**
 * The same two-layer perceptron in tfjs, differentiated by autodiff (tf.grads). {@link TfMlp}
 * keeps the weights in variables and trains them by plain gradient descent; its snapshot reads
 * weights, loss and autodiff gradients back in one transfer.
 */
import * as tf from '../tf';
import { type MlpConfig, type MlpWeights, type Sample } from './mlp';

type Four = [tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D];

function lossOf(cfg: MlpConfig, X: tf.Tensor2D, Y: tf.Tensor2D) {
  return (...[W1, b1, W2, b2]: tf.Tensor[]): tf.Scalar => {
    const s1 = tf.add(tf.matMul(X, W1 as tf.Tensor2D), b1);
    const h = cfg.act === 'relu' ? tf.relu(s1) : tf.sigmoid(s1);
    const s = tf.add(tf.matMul(h as tf.Tensor2D, W2 as tf.Tensor2D), b2);
    if (cfg.loss === 'l2') return tf.sum(tf.square(tf.sub(s, Y)));
    // Binary cross-entropy on logits, the stable form of −[y log σ(s) + (1 − y) log(1 − σ(s))].
    return tf.sum(tf.sub(tf.add(tf.relu(s), tf.log1p(tf.exp(tf.neg(tf.abs(s))))), tf.mul(s, Y)));
  };
}

function tensorsOf(w: MlpWeights): Four {
  return [tf.tensor2d(w.W1), tf.tensor1d(w.b1), tf.tensor2d(w.W2), tf.tensor1d(w.b2)];
}

function dataOf(samples: readonly Sample[]): { X: tf.Tensor2D; Y: tf.Tensor2D } {
  return { X: tf.tensor2d(samples.map((s) => s.x)), Y: tf.tensor2d(samples.map((s) => s.y)) };
}

/** Autodiff gradients at `w` (flattened like `flatten` in ./mlp); synchronous read, for tests and checks. */
export function autodiffGradients(w: MlpWeights, samples: readonly Sample[], cfg: MlpConfig): number[] {
  return tf.tidy(() => {
    const { X, Y } = dataOf(samples);
    const grads = tf.grads(lossOf(cfg, X, Y))(tensorsOf(w));
    return Array.from(tf.concat(grads.map((g) => g.flatten())).dataSync());
  });
}

export interface MlpSnapshot {
  weights: MlpWeights;
  loss: number;
  autodiff: number[];
}

/** Weights as tfjs variables, trained by gradient descent W′ = W − α∇L. */
export class TfMlp {
  private readonly vars: tf.Variable[];
  private readonly X: tf.Tensor2D;
  private readonly Y: tf.Tensor2D;
  private readonly loss: (...ws: tf.Tensor[]) => tf.Scalar;
  private readonly shapes: number[][];

  constructor(w: MlpWeights, samples: readonly Sample[], cfg: MlpConfig, private readonly lr: number) {
    const d = dataOf(samples);
    this.X = d.X;
    this.Y = d.Y;
    this.vars = tensorsOf(w).map((t) => {
      const v = tf.variable(t);
      t.dispose();
      return v;
    });
    this.shapes = [[w.W1.length, w.b1.length], [w.b1.length], [w.W2.length, w.b2.length], [w.b2.length]];
    this.loss = lossOf(cfg, this.X, this.Y);
  }

  /** One gradient step (no read back). */
  step(): void {
    tf.tidy(() => {
      const grads = tf.grads(this.loss)(this.vars);
      this.vars.forEach((v, i) => v.assign(tf.sub(v, tf.mul(grads[i], this.lr))));
    });
  }

  /** Weights, loss and autodiff gradients in one GPU→CPU transfer. */
  async snapshot(): Promise<MlpSnapshot> {
    const packed = tf.tidy(() => {
      const grads = tf.grads(this.loss)(this.vars);
      return tf.concat([...this.vars.map((v) => v.flatten()), this.loss(...this.vars).reshape([1]), ...grads.map((g) => g.flatten())]);
    });
    const data = Array.from(await packed.data());
    packed.dispose();
    const sizes = this.shapes.map((s) => s.reduce((a, b) => a * b, 1));
    const nW = sizes.reduce((a, b) => a + b, 0);
    let o = 0;
    const parts = sizes.map((n) => data.slice(o, (o += n)));
    const rows = (v: number[], c: number) => Array.from({ length: v.length / c }, (_, r) => v.slice(r * c, r * c + c));
    const weights: MlpWeights = { W1: rows(parts[0], this.shapes[0][1]), b1: parts[1], W2: rows(parts[2], this.shapes[2][1]), b2: parts[3] };
    return { weights, loss: data[nW], autodiff: data.slice(nW + 1) };
  }

  dispose(): void {
    this.vars.forEach((v) => v.dispose());
    this.X.dispose();
    this.Y.dispose();
  }
}
