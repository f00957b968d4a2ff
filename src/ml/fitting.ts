/**
 * Under- and overfitting on noisy 1-D regression: the data (y = f(x) + σε, x ~ U[−1, 1]) and two
 * learners trained epoch by epoch on the mean squared error — a polynomial (gradient descent with
 * momentum in an orthonormal Legendre basis) and a one-hidden-layer tanh MLP (full-batch Adam).
 *
 * Plain TypeScript (no tfjs): one input, ≤ 64 hidden units and ≤ 200 samples; the lab trains
 * dozens of these side by side (a capacity sweep and a learning curve), where per-op dispatch in
 * tfjs would cost far more than the arithmetic.
 */
import { Mlp, type MlpData } from './models/mlp';
import { DEFAULT_RIDGE, evalPolynomial, fitPolynomial, polyMse, PolyGD } from './models/polyfit';
import { createRng, type Rng } from './rng';

/** The true function f(x) = sin(1.5πx) + 0.5·cos(πx). */
export function trueFunction(x: number): number {
  return Math.sin(1.5 * Math.PI * x) + 0.5 * Math.cos(Math.PI * x);
}

export interface Samples {
  x: Float64Array;
  y: Float64Array;
}

/** n samples x ~ U[−1, 1], y = f(x) + σ·ε, ε ~ N(0, 1). */
export function sampleNoisy(n: number, sigma: number, rng: Rng): Samples {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = 2 * rng.next() - 1;
    y[i] = trueFunction(x[i]) + sigma * rng.normal();
  }
  return { x, y };
}

/** The first n samples (training subsets are nested: a larger n adds points, it never swaps them). */
export function head(s: Samples, n: number): Samples {
  return { x: s.x.subarray(0, n), y: s.y.subarray(0, n) };
}

/** A training pool and a validation set from independent streams of one seed. */
export function makeFittingData(seed: number, sigma: number, poolSize: number, valSize: number): { pool: Samples; val: Samples } {
  return { pool: sampleNoisy(poolSize, sigma, createRng(seed * 7919 + 1)), val: sampleNoisy(valSize, sigma, createRng(seed * 7919 + 2)) };
}

/** A model trained epoch by epoch on the MSE. */
export interface Learner {
  /** One epoch (one full-batch update). */
  epoch(): void;
  /** Mean squared error on (x, y). */
  mse(s: Samples): number;
  predict(x: number): number;
  /** Trainable parameters. */
  readonly params: number;
}

export function polyLearner(train: Samples, degree: number): Learner {
  const gd = new PolyGD(train.x, train.y, degree);
  return {
    epoch: () => void gd.run(1),
    mse: (s) => polyMse(gd.theta, s.x, s.y),
    predict: (x) => evalPolynomial(gd.theta, x),
    params: degree + 1,
  };
}

/** The least-squares polynomial (what gradient descent converges to) as a fixed learner. */
export function polyExact(train: Samples, degree: number, ridge = DEFAULT_RIDGE): { theta: Float64Array; mse: (s: Samples) => number } {
  const theta = train.x.length ? fitPolynomial(train.x, train.y, degree, ridge) : new Float64Array(degree + 1);
  return { theta, mse: (s) => polyMse(theta, s.x, s.y) };
}

/** Adam's defaults (Kingma & Ba). */
const B1 = 0.9;
const B2 = 0.999;
const EPS = 1e-8;

/**
 * 1 → H → 1 tanh network, full-batch Adam on the MSE (plain SGD sits for hundreds of epochs on
 * the plateau of a small tanh net; Adam leaves it within a few dozen).
 */
export function mlpLearner(train: Samples, hidden: number, lr: number, seed: number): Learner {
  const net = new Mlp({ sizes: [1, hidden, 1], activation: 'tanh', problem: 'regression' }, createRng(seed));
  const data: MlpData = { x: Float64Array.from(train.x), y: Float64Array.from(train.y), n: train.x.length };
  const idx = Int32Array.from({ length: data.n }, (_, i) => i);
  const zeros = (a: Float64Array[]) => a.map((w) => new Float64Array(w.length));
  const m = [zeros(net.weights), zeros(net.biases)];
  const v = [zeros(net.weights), zeros(net.biases)];
  let t = 0;
  const xs = new Float64Array(1);
  const toData = (s: Samples): MlpData => ({ x: s.x instanceof Float64Array ? s.x : Float64Array.from(s.x), y: s.y, n: s.x.length });
  return {
    epoch() {
      if (data.n === 0) return;
      net.gradient(data, idx, 0, data.n, 'none', 0);
      t++;
      const c1 = 1 - B1 ** t;
      const c2 = 1 - B2 ** t;
      [net.weights, net.biases].forEach((group, gi) => {
        const grads = gi === 0 ? net.gradW : net.gradB;
        group.forEach((p, l) => {
          const g = grads[l];
          const ml = m[gi][l];
          const vl = v[gi][l];
          for (let k = 0; k < p.length; k++) {
            ml[k] = B1 * ml[k] + (1 - B1) * g[k];
            vl[k] = B2 * vl[k] + (1 - B2) * g[k] * g[k];
            p[k] -= (lr * (ml[k] / c1)) / (Math.sqrt(vl[k] / c2) + EPS);
          }
        });
      });
    },
    mse: (s) => net.dataLoss(toData(s)),
    predict(x) {
      xs[0] = x;
      return net.predict(xs, 0);
    },
    params: 3 * hidden + 1,
  };
}
