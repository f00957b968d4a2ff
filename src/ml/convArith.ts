/**
 * Convolution and pooling arithmetic (Lecture 9): output sizes ⌊(N + 2P − F)/S⌋ + 1 with the
 * notes' "illegal stride" flag when (N + 2P − F)/S is a fraction, zero padding, the sliding window's
 * positions and sums of products, and max / average pooling. Plain TypeScript on row-major arrays:
 * the grids are tiny (a few hundred cells) or a single photo, where tfjs dispatch would only cost.
 *
 * As in every CNN library, the "convolution" is a cross-correlation: the filter is not flipped.
 */
import { createRng } from './rng';

export interface OutputSize {
  /** ⌊(N + 2P − F)/S⌋ + 1 (0 when the filter is larger than the padded input). */
  size: number;
  /** The unfloored (N + 2P − F)/S + 1. */
  exact: number;
  /** N + 2P − F, the distance the window can travel. */
  travel: number;
  /** travel mod S: padded cells at the far edge that no window covers. */
  remainder: number;
  /** The filter fits into the padded input at least once. */
  fits: boolean;
  /** It fits and S divides N + 2P − F (the notes' condition for a legal stride). */
  legal: boolean;
}

/** Output size along one axis for input N, filter F, stride S, padding P (pooling: P = 0). */
export function outputSize(n: number, f: number, s: number, p = 0): OutputSize {
  if (!(n >= 1 && f >= 1 && s >= 1 && p >= 0)) throw new Error(`bad sizes N=${n}, F=${f}, S=${s}, P=${p}`);
  const travel = n + 2 * p - f;
  if (travel < 0) return { size: 0, exact: travel / s + 1, travel, remainder: 0, fits: false, legal: false };
  const remainder = travel % s;
  return { size: Math.floor(travel / s) + 1, exact: travel / s + 1, travel, remainder, fits: true, legal: remainder === 0 };
}

/** Padding of a "same" convolution, (F − 1)/2; null when F is even (no integer padding works). */
export function samePadding(f: number): number | null {
  return f % 2 === 1 ? (f - 1) / 2 : null;
}

/**
 * The decimal expansion of num/den (den > 0) with its repeating part, e.g. 7/3 → "2.\overline{3}",
 * 5/4 → "1.25", 6/3 → "2" (a KaTeX string).
 */
export function repeatingDecimalTex(num: number, den: number): string {
  if (!(Number.isInteger(num) && Number.isInteger(den) && den > 0)) throw new Error('integers with a positive denominator expected');
  const sign = num < 0 ? '-' : '';
  const a = Math.abs(num);
  const whole = Math.floor(a / den);
  let r = a % den;
  if (r === 0) return `${sign}${whole}`;
  const digits: number[] = [];
  const seen = new Map<number, number>();
  while (r !== 0 && !seen.has(r)) {
    seen.set(r, digits.length);
    r *= 10;
    digits.push(Math.floor(r / den));
    r %= den;
  }
  if (r === 0) return `${sign}${whole}.${digits.join('')}`;
  const start = seen.get(r)!;
  return `${sign}${whole}.${digits.slice(0, start).join('')}\\overline{${digits.slice(start).join('')}}`;
}

/** Small integers in [lo, hi], row-major n×n, from a seed. */
export function seededGrid(n: number, seed: number, lo: number, hi: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n * n }, () => lo + rng.int(hi - lo + 1));
}

/** The n×n grid surrounded by p rings of zeros: an (n + 2p)×(n + 2p) row-major grid. */
export function zeroPad(values: ArrayLike<number>, n: number, p: number): number[] {
  const m = n + 2 * p;
  const out = new Array<number>(m * m).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[(i + p) * m + j + p] = values[i * n + j];
  return out;
}

/** One window position: output cell (row, col), window's top-left (top, left) in the padded grid. */
export interface WindowPos {
  row: number;
  col: number;
  top: number;
  left: number;
}

/** Every window position in output order (row by row), on an m×m (padded) grid. */
export function windowPositions(m: number, f: number, s: number): WindowPos[] {
  const { size } = outputSize(m, f, s, 0);
  const out: WindowPos[] = [];
  for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) out.push({ row, col, top: row * s, left: col * s });
  return out;
}

/** The products input·weight of one window (row-major over the filter) and their sum. */
export function windowTerms(padded: ArrayLike<number>, m: number, kernel: ArrayLike<number>, f: number, top: number, left: number) {
  const terms: { x: number; w: number }[] = [];
  let sum = 0;
  for (let a = 0; a < f; a++) {
    for (let b = 0; b < f; b++) {
      const x = padded[(top + a) * m + left + b];
      const w = kernel[a * f + b];
      terms.push({ x, w });
      sum += x * w;
    }
  }
  return { terms, sum };
}

export interface Conv2dResult {
  out: Float64Array;
  outH: number;
  outW: number;
}

/**
 * 2-D cross-correlation of an h×w map with a kh×kw kernel, stride s, zero padding p, output size
 * ⌊(h + 2p − kh)/s⌋ + 1 by ⌊(w + 2p − kw)/s⌋ + 1 (windows that would hang over the edge are dropped).
 */
export function conv2d(
  input: ArrayLike<number>, h: number, w: number, kernel: ArrayLike<number>, kh: number, kw: number, s = 1, p = 0,
): Conv2dResult {
  const outH = outputSize(h, kh, s, p).size;
  const outW = outputSize(w, kw, s, p).size;
  const out = new Float64Array(outH * outW);
  for (let r = 0; r < outH; r++) {
    for (let c = 0; c < outW; c++) {
      let acc = 0;
      for (let a = 0; a < kh; a++) {
        const y = r * s + a - p;
        if (y < 0 || y >= h) continue;
        for (let b = 0; b < kw; b++) {
          const x = c * s + b - p;
          if (x < 0 || x >= w) continue;
          acc += input[y * w + x] * kernel[a * kw + b];
        }
      }
      out[r * outW + c] = acc;
    }
  }
  return { out, outH, outW };
}

export type PoolMode = 'max' | 'avg';

/** Max or average pooling of an h×w map with an f×f window and stride s (no padding). */
export function pool2d(input: ArrayLike<number>, h: number, w: number, f: number, s: number, mode: PoolMode): Conv2dResult {
  const outH = outputSize(h, f, s).size;
  const outW = outputSize(w, f, s).size;
  const out = new Float64Array(outH * outW);
  for (let r = 0; r < outH; r++) {
    for (let c = 0; c < outW; c++) {
      let acc = mode === 'max' ? -Infinity : 0;
      for (let a = 0; a < f; a++) {
        for (let b = 0; b < f; b++) {
          const v = input[(r * s + a) * w + c * s + b];
          acc = mode === 'max' ? (v > acc ? v : acc) : acc + v;
        }
      }
      out[r * outW + c] = mode === 'max' ? acc : acc / (f * f);
    }
  }
  return { out, outH, outW };
}

/** Index (row-major in the input) of the maximum inside output cell (r, c)'s window; first one on ties. */
export function argmaxInWindow(input: ArrayLike<number>, w: number, f: number, s: number, r: number, c: number): number {
  let best = -1;
  let bestV = -Infinity;
  for (let a = 0; a < f; a++) {
    for (let b = 0; b < f; b++) {
      const i = (r * s + a) * w + c * s + b;
      if (input[i] > bestV) {
        bestV = input[i];
        best = i;
      }
    }
  }
  return best;
}

/** Vertical-edge Sobel (responds to left–right brightness changes) and its transpose. */
export const SOBEL_VERTICAL: readonly number[] = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
export const SOBEL_HORIZONTAL: readonly number[] = [-1, -2, -1, 0, 0, 0, 1, 2, 1];

/** Luma (ITU-R BT.601) of an interleaved RGB image with values in [0, 1]. */
export function luma(rgb: ArrayLike<number>, w: number, h: number): Float64Array {
  const out = new Float64Array(w * h);
  for (let i = 0; i < w * h; i++) out[i] = 0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1] + 0.114 * rgb[3 * i + 2];
  return out;
}

/** ReLU in place; returns the array. */
export function reluInPlace(a: Float64Array): Float64Array {
  for (let i = 0; i < a.length; i++) if (a[i] < 0) a[i] = 0;
  return a;
}
