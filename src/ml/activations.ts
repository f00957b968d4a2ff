/**
 * The activation functions of Lecture 7 ("In a Nutshell" plus ELU and Maxout), each with its
 * derivative, and the regions where it saturates (|f′| below a threshold).
 *
 * Swish is given in the notes' form f(x) = 2xσ(βx), which is twice the usual x·σ(βx): with it,
 * β = 0 gives exactly x and β → ∞ gives 2·max(0, x), as the notes' table says.
 */
import { sigmoid } from './losses';

export type ActivationKind = 'linear' | 'step' | 'sigmoid' | 'tanh' | 'relu' | 'leaky' | 'prelu' | 'elu' | 'swish' | 'maxout';

export const ACTIVATION_KINDS: readonly ActivationKind[] = ['linear', 'step', 'sigmoid', 'tanh', 'relu', 'leaky', 'prelu', 'elu', 'swish', 'maxout'];

export interface ActivationParams {
  /** Parametric ReLU slope for x < 0. */
  alpha: number;
  /** ELU scale α in α(eˣ − 1). */
  eluAlpha: number;
  /** Swish β. */
  beta: number;
  /** Maxout's two affine pieces w₁x + b₁ and w₂x + b₂. */
  w1: number;
  b1: number;
  w2: number;
  b2: number;
}

export const LEAKY_SLOPE = 0.01;

export interface Activation {
  f: (x: number) => number;
  df: (x: number) => number;
  /** Points where f′ is undefined (finite differences skip them). */
  kinks: number[];
}

export function activation(kind: ActivationKind, p: ActivationParams): Activation {
  switch (kind) {
    case 'linear':
      return { f: (x) => x, df: () => 1, kinks: [] };
    case 'step':
      // The derivative is 0 everywhere except at 0, where it does not exist.
      return { f: (x) => (x >= 0 ? 1 : 0), df: () => 0, kinks: [0] };
    case 'sigmoid':
      return { f: sigmoid, df: (x) => sigmoid(x) * (1 - sigmoid(x)), kinks: [] };
    case 'tanh':
      return { f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2, kinks: [] };
    case 'relu':
      return { f: (x) => Math.max(0, x), df: (x) => (x > 0 ? 1 : 0), kinks: [0] };
    case 'leaky':
      return { f: (x) => (x >= 0 ? x : LEAKY_SLOPE * x), df: (x) => (x > 0 ? 1 : LEAKY_SLOPE), kinks: [0] };
    case 'prelu':
      // max(αx, x) equals this piecewise form for α ≤ 1 (the slider's range).
      return { f: (x) => (x >= 0 ? x : p.alpha * x), df: (x) => (x > 0 ? 1 : p.alpha), kinks: [0] };
    case 'elu':
      return {
        f: (x) => (x >= 0 ? x : p.eluAlpha * Math.expm1(x)),
        df: (x) => (x > 0 ? 1 : p.eluAlpha * Math.exp(x)),
        kinks: p.eluAlpha === 1 ? [] : [0],
      };
    case 'swish': {
      const b = p.beta;
      return {
        f: (x) => 2 * x * sigmoid(b * x),
        df: (x) => {
          const s = sigmoid(b * x);
          return 2 * s + 2 * b * x * s * (1 - s);
        },
        kinks: [],
      };
    }
    case 'maxout': {
      const { w1, b1, w2, b2 } = p;
      const cross = w1 !== w2 ? (b2 - b1) / (w1 - w2) : NaN;
      return {
        f: (x) => Math.max(w1 * x + b1, w2 * x + b2),
        df: (x) => (w1 * x + b1 >= w2 * x + b2 ? w1 : w2),
        kinks: Number.isFinite(cross) ? [cross] : [],
      };
    }
  }
}

/** Central finite difference (f(x + h) − f(x − h)) / 2h. */
export function centralDiff(f: (x: number) => number, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** n + 1 samples of f and f′ on [lo, hi]. */
export function sampleActivation(a: Activation, lo: number, hi: number, n: number): { x: number; f: number; df: number }[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const x = lo + ((hi - lo) * i) / n;
    return { x, f: a.f(x), df: a.df(x) };
  });
}

/**
 * Intervals of [lo, hi] where |f′(x)| < threshold (the unit passes almost no gradient back),
 * found on a grid of n + 1 samples; each interval is [from, to] in x.
 */
export function saturatedIntervals(a: Activation, lo: number, hi: number, threshold = 0.01, n = 800): [number, number][] {
  const out: [number, number][] = [];
  let start: number | null = null;
  let prev = lo;
  for (let i = 0; i <= n; i++) {
    const x = lo + ((hi - lo) * i) / n;
    const sat = Math.abs(a.df(x)) < threshold;
    if (sat && start === null) start = x;
    if (!sat && start !== null) {
      out.push([start, prev]);
      start = null;
    }
    prev = x;
  }
  if (start !== null) out.push([start, hi]);
  return out;
}
