/**
 * A small fully connected network in plain TypeScript (Float64Array weights, explicit forward and
 * backward pass, minibatch SGD). At playground sizes (≤ 7 inputs, ≤ 6 × 8 hidden units, one
 * output) per-op dispatch makes tfjs ~40× slower than these loops; `mlp.test.ts` checks that loss
 * and gradients agree with tfjs.
 *
 * Layer l = 1…L maps a^{l−1} (n_{l−1} values) to z^l = W^l a^{l−1} + b^l, a^l = g(z^l); W^l is
 * n_l × n_{l−1}, row-major. The output layer has one unit and no activation: classification reads
 * ŷ = σ(z^L) with binary cross-entropy, regression ŷ = z^L with the squared error.
 */
import type { Rng } from '../rng';

export type Activation = 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu';
export type Problem = 'classification' | 'regression';
export type Regularizer = 'none' | 'l1' | 'l2';

export const ACTIVATIONS: readonly Activation[] = ['linear', 'sigmoid', 'tanh', 'relu', 'leakyRelu'];
/** Slope of leaky ReLU for z < 0. */
export const LEAKY_SLOPE = 0.01;

export interface MlpSpec {
  /** Units per layer, input first, output (1) last, e.g. [2, 4, 2, 1]. */
  sizes: readonly number[];
  activation: Activation;
  problem: Problem;
}

/** Row-major samples: `x` holds n·d features, `y` n targets (0/1 for classification). */
export interface MlpData {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

/** 2-D labelled points as MLP data: features (x, y), target = label. */
export function toMlpData(points: readonly { x: number; y: number; label: number }[]): MlpData {
  const x = new Float64Array(points.length * 2);
  const y = new Float64Array(points.length);
  points.forEach((q, i) => {
    x[2 * i] = q.x;
    x[2 * i + 1] = q.y;
    y[i] = q.label;
  });
  return { x, y, n: points.length };
}

export interface TrainOptions {
  batchSize: number;
  learningRate: number;
  regularizer: Regularizer;
  /** λ in  C = (1/B) Σ L + λ R(W),  R = Σ|w| (L1) or ½ Σ w² (L2); biases are not regularised. */
  regRate: number;
}

/** Weights and biases of layer l: n_l·n_{l−1} + n_l (the notes' #neurons·#inputs + #biases). */
export function layerParamCounts(sizes: readonly number[]): { weights: number; biases: number }[] {
  return sizes.slice(1).map((n, i) => ({ weights: n * sizes[i], biases: n }));
}

export function parameterCount(sizes: readonly number[]): number {
  return layerParamCounts(sizes).reduce((s, c) => s + c.weights + c.biases, 0);
}

export function activate(f: Activation, z: number): number {
  switch (f) {
    case 'linear': return z;
    case 'sigmoid': return 1 / (1 + Math.exp(-z));
    case 'tanh': return Math.tanh(z);
    case 'relu': return z > 0 ? z : 0;
    case 'leakyRelu': return z > 0 ? z : LEAKY_SLOPE * z;
  }
}

/** g'(z) written with a = g(z) where that is cheaper. */
export function activationSlope(f: Activation, z: number, a: number): number {
  switch (f) {
    case 'linear': return 1;
    case 'sigmoid': return a * (1 - a);
    case 'tanh': return 1 - a * a;
    case 'relu': return z > 0 ? 1 : 0;
    case 'leakyRelu': return z > 0 ? 1 : LEAKY_SLOPE;
  }
}

/** Loss of one sample from the output pre-activation z and its derivative dL/dz. */
export function sampleLoss(problem: Problem, z: number, y: number): number {
  if (problem === 'regression') return (z - y) * (z - y);
  // −[y log σ(z) + (1−y) log(1−σ(z))] = max(z, 0) − z·y + log(1 + e^{−|z|}), stable for any z.
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

function lossSlope(problem: Problem, z: number, y: number): number {
  return problem === 'regression' ? 2 * (z - y) : 1 / (1 + Math.exp(-z)) - y;
}

/** Weight penalty λ R(W) for the whole network. */
export function penalty(weights: readonly Float64Array[], reg: Regularizer, rate: number): number {
  if (reg === 'none' || rate === 0) return 0;
  let s = 0;
  for (const w of weights) for (let i = 0; i < w.length; i++) s += reg === 'l1' ? Math.abs(w[i]) : 0.5 * w[i] * w[i];
  return rate * s;
}

export class Mlp {
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly problem: Problem;
  /** W^l at index l−1 (n_l × n_{l−1}, row-major) and b^l. */
  readonly weights: Float64Array[];
  readonly biases: Float64Array[];
  readonly gradW: Float64Array[];
  readonly gradB: Float64Array[];
  /** Activations a^0 … a^L (a^L = z^L) and pre-activations z^1 … z^L of the last forward pass. */
  readonly a: Float64Array[];
  private readonly z: Float64Array[];
  private readonly delta: Float64Array[];
  private order = new Int32Array(0);

  /** Xavier-uniform weights U(±√(6/(n_in + n_out))), zero biases; deterministic for the rng. */
  constructor(spec: MlpSpec, rng: Rng) {
    const { sizes } = spec;
    if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`bad layer sizes ${sizes.join(',')}`);
    if (sizes[sizes.length - 1] !== 1) throw new Error('the output layer must have one unit');
    this.sizes = [...sizes];
    this.activation = spec.activation;
    this.problem = spec.problem;
    const layers = sizes.slice(1);
    this.weights = layers.map((n, i) => {
      const w = new Float64Array(n * sizes[i]);
      const r = Math.sqrt(6 / (sizes[i] + n));
      for (let k = 0; k < w.length; k++) w[k] = r * (2 * rng.next() - 1);
      return w;
    });
    this.biases = layers.map((n) => new Float64Array(n));
    this.gradW = this.weights.map((w) => new Float64Array(w.length));
    this.gradB = this.biases.map((b) => new Float64Array(b.length));
    this.a = sizes.map((n) => new Float64Array(n));
    this.z = sizes.map((n) => new Float64Array(n));
    this.delta = sizes.map((n) => new Float64Array(n));
  }

  get depth(): number {
    return this.weights.length;
  }

  /** Forward pass of sample `i` of row-major `x`; returns z^L (the output's pre-activation). */
  forward(x: Float64Array, i: number): number {
    const a0 = this.a[0];
    const d = a0.length;
    for (let k = 0; k < d; k++) a0[k] = x[i * d + k];
    const L = this.depth;
    const f = this.activation;
    for (let l = 1; l <= L; l++) {
      const w = this.weights[l - 1];
      const b = this.biases[l - 1];
      const prev = this.a[l - 1];
      const z = this.z[l];
      const a = this.a[l];
      const nIn = prev.length;
      for (let j = 0; j < z.length; j++) {
        let s = b[j];
        const row = j * nIn;
        for (let k = 0; k < nIn; k++) s += w[row + k] * prev[k];
        z[j] = s;
        a[j] = l === L ? s : activate(f, s);
      }
    }
    return this.a[L][0];
  }

  /** ŷ for sample i: σ(z^L) (classification) or z^L (regression). */
  predict(x: Float64Array, i: number): number {
    const z = this.forward(x, i);
    return this.problem === 'classification' ? 1 / (1 + Math.exp(-z)) : z;
  }

  /** Back-propagate dL/dz^L = `g` of the last forward pass, adding ∂L/∂θ into gradW/gradB. */
  private backward(g: number): void {
    const L = this.depth;
    const f = this.activation;
    this.delta[L][0] = g;
    for (let l = L; l >= 1; l--) {
      const w = this.weights[l - 1];
      const gw = this.gradW[l - 1];
      const gb = this.gradB[l - 1];
      const dl = this.delta[l];
      const prev = this.a[l - 1];
      const nIn = prev.length;
      for (let j = 0; j < dl.length; j++) {
        const dj = dl[j];
        gb[j] += dj;
        const row = j * nIn;
        for (let k = 0; k < nIn; k++) gw[row + k] += dj * prev[k];
      }
      if (l === 1) break;
      const dPrev = this.delta[l - 1];
      const zPrev = this.z[l - 1];
      for (let k = 0; k < nIn; k++) {
        let s = 0;
        for (let j = 0; j < dl.length; j++) s += w[j * nIn + k] * dl[j];
        dPrev[k] = s * activationSlope(f, zPrev[k], prev[k]);
      }
    }
  }

  private zeroGrad(): void {
    for (const g of this.gradW) g.fill(0);
    for (const g of this.gradB) g.fill(0);
  }

  /**
   * Objective C = (1/B) Σ_{i∈batch} L(ŷ_i, y_i) + λ R(W) over samples idx[start…end) and its
   * gradient, left in gradW / gradB. Returns C.
   */
  gradient(data: MlpData, idx: ArrayLike<number>, start: number, end: number, reg: Regularizer, rate: number): number {
    this.zeroGrad();
    const inv = 1 / (end - start);
    let loss = 0;
    for (let t = start; t < end; t++) {
      const i = idx[t];
      const z = this.forward(data.x, i);
      loss += sampleLoss(this.problem, z, data.y[i]);
      this.backward(lossSlope(this.problem, z, data.y[i]) * inv);
    }
    if (reg !== 'none' && rate > 0) {
      this.weights.forEach((w, l) => {
        const g = this.gradW[l];
        for (let k = 0; k < w.length; k++) g[k] += rate * (reg === 'l1' ? Math.sign(w[k]) : w[k]);
      });
    }
    return loss * inv + penalty(this.weights, reg, rate);
  }

  private sgdUpdate(lr: number): void {
    this.weights.forEach((w, l) => {
      const g = this.gradW[l];
      for (let k = 0; k < w.length; k++) w[k] -= lr * g[k];
    });
    this.biases.forEach((b, l) => {
      const g = this.gradB[l];
      for (let k = 0; k < b.length; k++) b[k] -= lr * g[k];
    });
  }

  /** One epoch: shuffle with `rng`, then an SGD step per minibatch (the last may be smaller). */
  trainEpoch(data: MlpData, o: TrainOptions, rng: Rng): void {
    const n = data.n;
    if (n === 0) return;
    if (this.order.length !== n) this.order = Int32Array.from({ length: n }, (_, i) => i);
    const order = this.order;
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    const bs = Math.max(1, Math.floor(o.batchSize));
    for (let start = 0; start < n; start += bs) {
      this.gradient(data, order, start, Math.min(n, start + bs), o.regularizer, o.regRate);
      this.sgdUpdate(o.learningRate);
    }
  }

  /** Mean data loss (no penalty) and the share of samples on the right side of ŷ = 0.5 in one pass; NaN for an empty set. */
  evaluate(data: MlpData): { loss: number; accuracy: number } {
    let s = 0;
    let right = 0;
    for (let i = 0; i < data.n; i++) {
      const z = this.forward(data.x, i);
      s += sampleLoss(this.problem, z, data.y[i]);
      if ((z > 0 ? 1 : 0) === data.y[i]) right++;
    }
    return data.n ? { loss: s / data.n, accuracy: right / data.n } : { loss: NaN, accuracy: NaN };
  }

  /** Mean data loss (no penalty) over all samples; NaN for an empty set. */
  dataLoss(data: MlpData): number {
    return this.evaluate(data).loss;
  }

  /** Share of samples on the right side of ŷ = 0.5 (classification only); NaN for an empty set. */
  accuracy(data: MlpData): number {
    return this.evaluate(data).accuracy;
  }
}
