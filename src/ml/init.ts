/**
 * Weight initialisation (Lecture 7): the five schemes of the notes, seeded sampling, and the
 * per-layer statistics a deep fully connected network should show in theory.
 *
 * Layer l computes s^l = a^{l−1} W^l (biases 0), a^l = f(s^l). With zero-mean weights that are
 * independent of the inputs, Var(s) = n·Var(w)·E[x²], n = fan-in (the number of inputs of the layer,
 * not the number of samples). For zero-mean inputs E[x²] = Var(x): the notes' Var(s) = n Var(w) Var(x).
 * ReLU outputs are not zero-mean, and there the second moment is what carries over: E[a²] = Var(s)/2
 * ("ReLU kills half"), which is where Kaiming's Var(w) = 2/n comes from.
 */
import type { Rng } from './rng';

export type InitScheme = 'zero' | 'small' | 'big' | 'xavier' | 'kaiming';
export type DeepActivation = 'tanh' | 'relu' | 'linear';

export const INIT_SCHEMES: readonly InitScheme[] = ['zero', 'small', 'big', 'xavier', 'kaiming'];

/** Standard deviation of the weights of a layer with `fanIn` inputs. */
export function initStd(scheme: InitScheme, fanIn: number): number {
  switch (scheme) {
    case 'zero': return 0;
    case 'small': return 0.01;
    case 'big': return 1;
    case 'xavier': return Math.sqrt(1 / fanIn);
    case 'kaiming': return Math.sqrt(2 / fanIn);
  }
}

/** Var(w) as the notes write it: 0, 0.01², 1, 1/n, 2/n. */
export function initVariance(scheme: InitScheme, fanIn: number): number {
  return initStd(scheme, fanIn) ** 2;
}

/** A fanIn × fanOut weight matrix (row-major, so a batch computes a·W), w ~ N(0, σ²) with σ = initStd. */
export function sampleWeights(scheme: InitScheme, fanIn: number, fanOut: number, rng: Rng): Float32Array {
  const std = initStd(scheme, fanIn);
  const out = new Float32Array(fanIn * fanOut);
  if (std === 0) return out;
  for (let i = 0; i < out.length; i++) out[i] = std * rng.normal();
  return out;
}

/** Unbiased sample variance (two-pass, float64). */
export function sampleVariance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  let m = 0;
  for (let i = 0; i < n; i++) m += values[i];
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - m) ** 2;
  return s / (n - 1);
}

/** Numerically E[g(√q·t)] for t ~ N(0, 1): trapezoid rule on [−10, 10] (smooth integrands; error ≪ 1e-6). */
function gaussianExpectation(g: (x: number) => number, q: number, points = 2001): number {
  if (q === 0) return g(0);
  const sd = Math.sqrt(q);
  const h = 20 / (points - 1);
  let s = 0;
  for (let i = 0; i < points; i++) {
    const t = -10 + i * h;
    const w = i === 0 || i === points - 1 ? 0.5 : 1;
    s += w * g(sd * t) * Math.exp(-0.5 * t * t);
  }
  return (s * h) / Math.sqrt(2 * Math.PI);
}

/** E[f(s)] and E[f(s)²] for s ~ N(0, q). */
export function activationMoments(act: DeepActivation, q: number): { mean: number; second: number } {
  switch (act) {
    case 'linear': return { mean: 0, second: q };
    // ReLU of a symmetric Gaussian: half the mass is cut to 0; E[max(0,s)] = √q/√(2π), E[max(0,s)²] = q/2.
    case 'relu': return { mean: Math.sqrt(q / (2 * Math.PI)), second: q / 2 };
    case 'tanh': return { mean: 0, second: gaussianExpectation((x) => Math.tanh(x) ** 2, q) };
  }
}

export interface LayerTheory {
  /** Var(s^l) of the pre-activations. */
  preVar: number;
  /** Mean and standard deviation of the activations a^l. */
  mean: number;
  std: number;
  /** Second moment E[(a^l)²]. */
  second: number;
}

/**
 * Per-layer statistics of a width-n network for n → ∞ (each layer sees Gaussian pre-activations):
 * Var(s^1) = n σ_w² E[x²], Var(s^l) = n σ_w² E[(a^{l−1})²]. Exact in closed form for linear and ReLU
 * (Xavier + linear and Kaiming + ReLU: constant; Xavier + ReLU: Var(s) halves every layer); for
 * tanh, E[tanh²] is a one-dimensional Gaussian integral evaluated numerically.
 */
export function theoryPerLayer(scheme: InitScheme, act: DeepActivation, width: number, layers: number, inputSecondMoment = 1): LayerTheory[] {
  const v = initVariance(scheme, width);
  const out: LayerTheory[] = [];
  let second = inputSecondMoment;
  for (let l = 1; l <= layers; l++) {
    const preVar = width * v * second;
    const m = activationMoments(act, preVar);
    second = m.second;
    out.push({ preVar, mean: m.mean, std: Math.sqrt(Math.max(0, m.second - m.mean * m.mean)), second: m.second });
  }
  return out;
}
