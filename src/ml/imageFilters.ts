/**
 * Image filters and convolution-layer arithmetic for Lecture 9 ("Image filters", "Convolutions on
 * RGB images", "Convolution layer"). Plain TypeScript on Float32Arrays: a 3×3 filter over a
 * ~128 × 192 photo is ~0.2 M multiply-adds, far below where tensors pay off.
 *
 * As in every deep-learning library, "convolution" here is cross-correlation (the kernel is not
 * flipped): z[i][j] = Σ_u Σ_v w[u][v] · x[i+u][j+v]. Outputs are 'valid' (no padding), so an
 * N×M input and an F×F kernel give (N − F + 1) × (M − F + 1), the notes' (N − F)/S + 1 with S = 1.
 */

/** One channel, row-major. */
export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

/** Linear 3×3 kernels (row-major, cross-correlation orientation). */
export const LINEAR_KERNELS = {
  hEdge: [-1, -1, -1, 0, 0, 0, 1, 1, 1],
  vEdge: [-1, 0, 1, -1, 0, 1, -1, 0, 1],
  box: Array.from({ length: 9 }, () => 1 / 9),
  gauss: [1, 2, 1, 2, 4, 2, 1, 2, 1].map((v) => v / 16),
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  sobelX: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  sobelY: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  laplace: [-1, -1, -1, -1, 8, -1, -1, -1, -1],
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
} as const satisfies Record<string, readonly number[]>;

export type LinearKernelName = keyof typeof LINEAR_KERNELS;
export const LINEAR_KERNEL_NAMES = Object.keys(LINEAR_KERNELS) as LinearKernelName[];

/** Luma weights (ITU-R BT.601) used for the grey image. */
export const LUMA = [0.299, 0.587, 0.114] as const;

export function makePlane(width: number, height: number, data?: ArrayLike<number>): Plane {
  if (data && data.length !== width * height) throw new Error(`plane has ${data.length} values, expected ${width}×${height}`);
  return { width, height, data: data ? Float32Array.from(data) : new Float32Array(width * height) };
}

/** Grey plane from interleaved RGB: y = 0.299 R + 0.587 G + 0.114 B. */
export function toGrey(rgb: ArrayLike<number>, width: number, height: number): Plane {
  const n = width * height;
  if (rgb.length !== 3 * n) throw new Error(`RGB data has ${rgb.length} values, expected ${3 * n}`);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = LUMA[0] * rgb[3 * i] + LUMA[1] * rgb[3 * i + 1] + LUMA[2] * rgb[3 * i + 2];
  return { width, height, data: out };
}

/** The three channel planes of interleaved RGB data. */
export function splitChannels(rgb: ArrayLike<number>, width: number, height: number): [Plane, Plane, Plane] {
  const n = width * height;
  if (rgb.length !== 3 * n) throw new Error(`RGB data has ${rgb.length} values, expected ${3 * n}`);
  const planes = [0, 1, 2].map(() => new Float32Array(n));
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) planes[c][i] = rgb[3 * i + c];
  return planes.map((data) => ({ width, height, data })) as [Plane, Plane, Plane];
}

/**
 * Valid cross-correlation of a plane with a square F×F kernel (row-major, length F²), plus a bias.
 * Output (H − F + 1) × (W − F + 1).
 */
export function correlate(x: Plane, kernel: ArrayLike<number>, bias = 0): Plane {
  const F = Math.round(Math.sqrt(kernel.length));
  if (F * F !== kernel.length) throw new Error(`a square kernel needs F² weights, got ${kernel.length}`);
  const W = x.width - F + 1;
  const H = x.height - F + 1;
  if (W < 1 || H < 1) throw new Error(`a ${F}×${F} kernel does not fit a ${x.width}×${x.height} image`);
  const out = new Float32Array(W * H);
  const src = x.data;
  const sw = x.width;
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      let s = bias;
      for (let u = 0; u < F; u++) {
        const row = (i + u) * sw + j;
        for (let v = 0; v < F; v++) s += kernel[u * F + v] * src[row + v];
      }
      out[i * W + j] = s;
    }
  }
  return { width: W, height: H, data: out };
}

/** Sobel gradient magnitude √(Gx² + Gy²): not one linear kernel but two, combined non-linearly. */
export function sobelMagnitude(x: Plane): Plane {
  const gx = correlate(x, LINEAR_KERNELS.sobelX);
  const gy = correlate(x, LINEAR_KERNELS.sobelY);
  const out = new Float32Array(gx.data.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.hypot(gx.data[i], gy.data[i]);
  return { width: gx.width, height: gx.height, data: out };
}

/** The result of one 3-channel filter: the activation map and each channel's part of it. */
export interface RgbConv {
  /** z = Σ_c (w_c ⋆ x_c) + b. */
  z: Plane;
  /** w_c ⋆ x_c for c = R, G, B (without the bias). */
  partials: [Plane, Plane, Plane];
}

/**
 * One F×F×3 filter over a 3-channel input: ONE activation map, the sum over the channels plus a
 * bias: z[i][j] = Σ_c Σ_u Σ_v w[c][u][v] · x_c[i+u][j+v] + b. `weights` is channel-major
 * (3 × F × F).
 */
export function correlateRgb(channels: readonly [Plane, Plane, Plane], weights: ArrayLike<number>, bias: number): RgbConv {
  const per = weights.length / 3;
  if (!Number.isInteger(per)) throw new Error(`an F×F×3 filter needs 3·F² weights, got ${weights.length}`);
  const partials = channels.map((x, c) => correlate(x, Array.prototype.slice.call(weights, c * per, (c + 1) * per) as number[])) as [Plane, Plane, Plane];
  const { width, height } = partials[0];
  const z = new Float32Array(width * height);
  for (let i = 0; i < z.length; i++) z[i] = partials[0].data[i] + partials[1].data[i] + partials[2].data[i] + bias;
  return { z: { width, height, data: z }, partials };
}

/** A grey 3×3 kernel k lifted to the 3×3×3 filter w_c = ℓ_c·k that acts on the luma. */
export function liftToRgb(kernel: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let c = 0; c < 3; c++) for (let i = 0; i < kernel.length; i++) out.push(LUMA[c] * kernel[i]);
  return out;
}

export function valueRange(data: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return data.length ? { min, max } : { min: 0, max: 0 };
}

export function kernelSum(kernel: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < kernel.length; i++) s += kernel[i];
  return s;
}

export type DisplayMode =
  /** Brightness-preserving kernel (weights sum to 1): grey, fixed [0, 1], out-of-range values clipped. */
  | { kind: 'grey'; lo: number; hi: number }
  /** Signed output: diverging, symmetric about 0. */
  | { kind: 'diverging'; lo: number; hi: number };

/**
 * How an output map is shown. Signed outputs (some value < 0) of kernels that do not preserve
 * brightness → diverging, ±max|z|. Kernels whose weights sum to 1 (identity, blurs, sharpen)
 * produce an image again → grey on [0, 1]. Non-negative outputs otherwise → grey on [0, max].
 */
export function displayMode(range: { min: number; max: number }, sum: number | null): DisplayMode {
  if (sum !== null && Math.abs(sum - 1) < 1e-4) return { kind: 'grey', lo: 0, hi: 1 };
  if (range.min < 0) {
    const m = Math.max(Math.abs(range.min), Math.abs(range.max)) || 1;
    return { kind: 'diverging', lo: -m, hi: m };
  }
  return { kind: 'grey', lo: 0, hi: range.max > 0 ? range.max : 1 };
}

/** Count of values outside [lo, hi] (clipped in the picture). */
export function clippedCount(data: ArrayLike<number>, lo: number, hi: number): number {
  let n = 0;
  for (let i = 0; i < data.length; i++) if (data[i] < lo || data[i] > hi) n++;
  return n;
}

/**
 * Parse a kernel entry typed by a learner: a decimal number or a fraction "a/b". Returns null for
 * anything else (empty, text, division by zero) and for values outside [−limit, limit].
 */
export function parseWeight(text: string, limit: number): number | null {
  const t = text.trim().replace(/−/g, '-').replace(',', '.');
  if (!t) return null;
  const frac = /^([-+]?\d*\.?\d+)\s*\/\s*([-+]?\d*\.?\d+)$/.exec(t);
  let v: number;
  if (frac) {
    const den = Number(frac[2]);
    if (den === 0) return null;
    v = Number(frac[1]) / den;
  } else {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
    v = Number(t);
  }
  return Number.isFinite(v) && Math.abs(v) <= limit ? v : null;
}
