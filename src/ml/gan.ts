/**
 * A GAN on 2-D points, in plain TypeScript (GAN Lab-sized networks: for batches of 64 points and
 * layers of 16–64 units tfjs's per-op dispatch costs more than the arithmetic, so hand-written
 * forward/backward passes on Float64Arrays are many times faster; the backward passes are
 * checked against finite differences in gan.test.ts).
 *
 * G: z ∈ R² → [leaky ReLU]×2 → R² (linear).   D: x ∈ R² → [leaky ReLU]×2 → logit ℓ, D(x) = σ(ℓ).
 *
 * Losses (notes, lecture 12):
 *   J^(D) = −½ E_x log D(x) − ½ E_z log(1 − D(G(z)))
 *   minimax:         J^(G) = −J^(D)  (only the second term depends on G)
 *   non-saturating:  J^(G) = −½ E_z log D(G(z))  (same fixed point, strong gradients where D rejects G(z))
 * Logs are computed from logits (log σ(ℓ) = −softplus(−ℓ), log(1 − σ(ℓ)) = −softplus(ℓ)).
 * Both networks are trained with Adam (β₁ = 0.5, β₂ = 0.999, the usual GAN setting).
 */
import type { Rng } from './rng';

/** Negative slope of the hidden units' leaky ReLU. */
export const LEAKY_SLOPE = 0.2;

export const GAN_LOSSES = ['nonsat', 'minimax'] as const;
export type GanLoss = (typeof GAN_LOSSES)[number];

/** A fully connected net with leaky-ReLU hidden layers and a linear output; weights in one flat array. */
export interface Net {
  sizes: readonly number[];
  /** For layer l: W (out×in, row-major) at wOff[l], b (out) at bOff[l]. */
  wOff: number[];
  bOff: number[];
  params: Float64Array;
  grads: Float64Array;
}

export function createNet(sizes: readonly number[], rng: Rng): Net {
  const wOff: number[] = [];
  const bOff: number[] = [];
  let off = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    wOff.push(off);
    off += sizes[l] * sizes[l + 1];
    bOff.push(off);
    off += sizes[l + 1];
  }
  const params = new Float64Array(off);
  for (let l = 0; l + 1 < sizes.length; l++) {
    // He initialisation for leaky ReLU: Var(w) = 2 / ((1 + a²) fan_in).
    const std = Math.sqrt(2 / ((1 + LEAKY_SLOPE * LEAKY_SLOPE) * sizes[l]));
    for (let i = 0; i < sizes[l] * sizes[l + 1]; i++) params[wOff[l] + i] = std * rng.normal();
  }
  return { sizes, wOff, bOff, params, grads: new Float64Array(off) };
}

/** Activations of one forward pass: acts[0] is the input, acts[L] the output; pre[l] the pre-activations of layer l+1. */
export interface Cache {
  n: number;
  acts: Float64Array[];
  pre: Float64Array[];
}

export function forward(net: Net, x: Float64Array, n: number): Cache {
  const { sizes, params, wOff, bOff } = net;
  const L = sizes.length - 1;
  const acts: Float64Array[] = [x];
  const pre: Float64Array[] = [];
  for (let l = 0; l < L; l++) {
    const nin = sizes[l];
    const nout = sizes[l + 1];
    const a = acts[l];
    const z = new Float64Array(n * nout);
    const w = wOff[l];
    const b = bOff[l];
    for (let s = 0; s < n; s++) {
      const ai = s * nin;
      const zi = s * nout;
      for (let o = 0; o < nout; o++) {
        let sum = params[b + o];
        const wr = w + o * nin;
        for (let i = 0; i < nin; i++) sum += params[wr + i] * a[ai + i];
        z[zi + o] = sum;
      }
    }
    pre.push(z);
    if (l === L - 1) {
      acts.push(z);
    } else {
      const h = new Float64Array(n * nout);
      for (let i = 0; i < h.length; i++) h[i] = z[i] > 0 ? z[i] : LEAKY_SLOPE * z[i];
      acts.push(h);
    }
  }
  return { n, acts, pre };
}

/**
 * Backward pass from dOut = ∂J/∂output (n × out). Adds ∂J/∂θ to net.grads when `paramGrads`
 * (G's own step; D's input gradient for G's step leaves D's gradients alone). Returns ∂J/∂input.
 */
export function backward(net: Net, cache: Cache, dOut: Float64Array, paramGrads = true): Float64Array {
  const { sizes, params, grads, wOff, bOff } = net;
  const { n, acts, pre } = cache;
  const L = sizes.length - 1;
  let delta = dOut;
  for (let l = L - 1; l >= 0; l--) {
    const nin = sizes[l];
    const nout = sizes[l + 1];
    if (l < L - 1) {
      const z = pre[l];
      const d = new Float64Array(delta.length);
      for (let i = 0; i < d.length; i++) d[i] = z[i] > 0 ? delta[i] : LEAKY_SLOPE * delta[i];
      delta = d;
    }
    const a = acts[l];
    const w = wOff[l];
    const b = bOff[l];
    if (paramGrads) {
      for (let s = 0; s < n; s++) {
        const ai = s * nin;
        const di = s * nout;
        for (let o = 0; o < nout; o++) {
          const g = delta[di + o];
          if (g === 0) continue;
          grads[b + o] += g;
          const wr = w + o * nin;
          for (let i = 0; i < nin; i++) grads[wr + i] += g * a[ai + i];
        }
      }
    }
    const dIn = new Float64Array(n * nin);
    for (let s = 0; s < n; s++) {
      const ai = s * nin;
      const di = s * nout;
      for (let o = 0; o < nout; o++) {
        const g = delta[di + o];
        if (g === 0) continue;
        const wr = w + o * nin;
        for (let i = 0; i < nin; i++) dIn[ai + i] += g * params[wr + i];
      }
    }
    delta = dIn;
  }
  return delta;
}

export interface Adam {
  m: Float64Array;
  v: Float64Array;
  t: number;
}

export const ADAM_BETA1 = 0.5;
export const ADAM_BETA2 = 0.999;
const ADAM_EPS = 1e-8;

export function createAdam(net: Net): Adam {
  return { m: new Float64Array(net.params.length), v: new Float64Array(net.params.length), t: 0 };
}

/** One Adam step on net.params from net.grads; then clears the gradients. */
export function adamStep(net: Net, opt: Adam, lr: number): void {
  opt.t++;
  const c1 = 1 - ADAM_BETA1 ** opt.t;
  const c2 = 1 - ADAM_BETA2 ** opt.t;
  const { params, grads } = net;
  for (let i = 0; i < params.length; i++) {
    const g = grads[i];
    opt.m[i] = ADAM_BETA1 * opt.m[i] + (1 - ADAM_BETA1) * g;
    opt.v[i] = ADAM_BETA2 * opt.v[i] + (1 - ADAM_BETA2) * g * g;
    params[i] -= (lr * (opt.m[i] / c1)) / (Math.sqrt(opt.v[i] / c2) + ADAM_EPS);
    grads[i] = 0;
  }
}

export const sigmoid = (l: number) => (l >= 0 ? 1 / (1 + Math.exp(-l)) : Math.exp(l) / (1 + Math.exp(l)));
/** softplus(l) = log(1 + e^l), stable for large |l|. */
export const softplus = (l: number) => Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));

const mean = (a: ArrayLike<number>, f: (v: number) => number) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += f(a[i]);
  return a.length ? s / a.length : NaN;
};

/** J^(D) = −½ mean log D(x_real) − ½ mean log(1 − D(x_fake)), from D's logits. */
export function discriminatorLoss(realLogits: ArrayLike<number>, fakeLogits: ArrayLike<number>): number {
  return 0.5 * mean(realLogits, (l) => softplus(-l)) + 0.5 * mean(fakeLogits, (l) => softplus(l));
}

/**
 * J^(G): minimax −J^(D) (needs the real logits too, although they do not depend on G), or the
 * non-saturating −½ mean log D(G(z)).
 */
export function generatorLoss(kind: GanLoss, realLogits: ArrayLike<number>, fakeLogits: ArrayLike<number>): number {
  return kind === 'minimax' ? -discriminatorLoss(realLogits, fakeLogits) : 0.5 * mean(fakeLogits, (l) => softplus(-l));
}

/** ∂J^(G)/∂ℓ_i for each fake logit (batch of n): minimax −½σ(ℓ)/n, non-saturating −½(1 − σ(ℓ))/n. */
export function generatorLogitGrad(kind: GanLoss, fakeLogits: ArrayLike<number>): Float64Array {
  const n = fakeLogits.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = sigmoid(fakeLogits[i]);
    out[i] = kind === 'minimax' ? -0.5 * s / n : -0.5 * (1 - s) / n;
  }
  return out;
}

export interface GanConfig {
  hidden: number;
  lrD: number;
  lrG: number;
  /** Discriminator steps per generator step. */
  k: number;
  batch: number;
  loss: GanLoss;
  /** Writes n real samples into out. */
  sampleReal: (rng: Rng, n: number, out: Float64Array) => void;
}

export interface Gan {
  G: Net;
  D: Net;
  /** One generator step after k discriminator steps; returns the losses of the last steps. */
  step(): { lossD: number; lossG: number };
  /** G(z) for the points z (n × 2). */
  generate(z: Float64Array, n: number): Float64Array;
  /** D(x) = σ(ℓ(x)) for the points x (n × 2). */
  discriminate(x: Float64Array, n: number): Float64Array;
  /** −∂J^(G)/∂x at each generated point x = G(z) (per point, not divided by n): where G is being pushed. */
  pushAt(z: Float64Array, n: number): { x: Float64Array; push: Float64Array };
}

export function sampleNoise(rng: Rng, n: number): Float64Array {
  const z = new Float64Array(2 * n);
  for (let i = 0; i < z.length; i++) z[i] = rng.normal();
  return z;
}

export function createGan(cfg: GanConfig, rng: Rng): Gan {
  const h = cfg.hidden;
  const G = createNet([2, h, h, 2], rng);
  const D = createNet([2, h, h, 1], rng);
  const optG = createAdam(G);
  const optD = createAdam(D);
  const n = cfg.batch;
  const real = new Float64Array(2 * n);

  const dStep = (): number => {
    cfg.sampleReal(rng, n, real);
    const fake = forward(G, sampleNoise(rng, n), n).acts[3];
    const x = new Float64Array(4 * n);
    x.set(real, 0);
    x.set(fake, 2 * n);
    const c = forward(D, x, 2 * n);
    const logits = c.acts[3];
    const loss = discriminatorLoss(logits.subarray(0, n), logits.subarray(n));
    // ∂J^(D)/∂ℓ: real −½(1 − σ(ℓ))/n, fake ½σ(ℓ)/n.
    const d = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      d[i] = -0.5 * (1 - sigmoid(logits[i])) / n;
      d[n + i] = 0.5 * sigmoid(logits[n + i]) / n;
    }
    backward(D, c, d);
    adamStep(D, optD, cfg.lrD);
    return loss;
  };

  const gStep = (): number => {
    const z = sampleNoise(rng, n);
    const cg = forward(G, z, n);
    const cd = forward(D, cg.acts[3], n);
    const fakeLogits = cd.acts[3];
    cfg.sampleReal(rng, n, real);
    const realLogits = forward(D, real, n).acts[3];
    const loss = generatorLoss(cfg.loss, realLogits, fakeLogits);
    const dx = backward(D, cd, generatorLogitGrad(cfg.loss, fakeLogits), false);
    backward(G, cg, dx);
    adamStep(G, optG, cfg.lrG);
    return loss;
  };

  return {
    G,
    D,
    step() {
      let lossD = NaN;
      for (let i = 0; i < cfg.k; i++) lossD = dStep();
      return { lossD, lossG: gStep() };
    },
    generate: (z, m) => forward(G, z, m).acts[3],
    discriminate(x, m) {
      const l = forward(D, x, m).acts[3];
      return l.map(sigmoid);
    },
    pushAt(z, m) {
      const x = forward(G, z, m).acts[3];
      const cd = forward(D, x, m);
      const g = generatorLogitGrad(cfg.loss, cd.acts[3]);
      for (let i = 0; i < m; i++) g[i] *= m;
      const dx = backward(D, cd, g, false);
      return { x, push: dx.map((v) => -v) };
    },
  };
}
