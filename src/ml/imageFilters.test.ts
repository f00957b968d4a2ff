import { describe, expect, it } from 'vitest';
import {
  clippedCount, correlate, correlateRgb, displayMode, kernelSum, LINEAR_KERNELS, liftToRgb, LUMA, makePlane, parseWeight,
  sobelMagnitude, splitChannels, toGrey, valueRange,
} from './imageFilters';

/** A W×H image: 0 left of column `edge`, 1 from it on (a vertical step edge). */
function stepX(W: number, H: number, edge: number) {
  return makePlane(W, H, Array.from({ length: W * H }, (_, i) => (i % W >= edge ? 1 : 0)));
}
/** 0 above row `edge`, 1 from it on (a horizontal step edge). */
function stepY(W: number, H: number, edge: number) {
  return makePlane(W, H, Array.from({ length: W * H }, (_, i) => (Math.floor(i / W) >= edge ? 1 : 0)));
}

describe('image filters (valid cross-correlation)', () => {
  it('output size is (N − F + 1) × (M − F + 1)', () => {
    const z = correlate(makePlane(7, 5), LINEAR_KERNELS.identity);
    expect([z.width, z.height]).toEqual([5, 3]);
    expect(() => correlate(makePlane(2, 5), LINEAR_KERNELS.identity)).toThrow(/does not fit/);
  });

  it('a hand example: the window sum Σ w·x', () => {
    const x = makePlane(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(correlate(x, LINEAR_KERNELS.sobelX).data[0]).toBe(-1 * 1 + 3 - 2 * 4 + 2 * 6 - 7 + 9); // 8
    expect(correlate(x, LINEAR_KERNELS.sobelY).data[0]).toBe(-1 - 4 - 3 + 7 + 16 + 9); // 24
    expect(correlate(x, LINEAR_KERNELS.laplace).data[0]).toBe(8 * 5 - (45 - 5)); // 0: linear ramps have no curvature
    expect(correlate(x, [1, 0, 0, 0, 0, 0, 0, 0, 0], 0.5).data[0]).toBe(1.5); // bias added; not flipped (top-left weight meets x[0][0])
  });

  it('identity returns the inner pixels unchanged', () => {
    const x = makePlane(5, 4, Array.from({ length: 20 }, (_, i) => Math.sin(i)));
    const z = correlate(x, LINEAR_KERNELS.identity);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) expect(z.data[i * 3 + j]).toBe(x.data[(i + 1) * 5 + j + 1]);
  });

  it('box and Gaussian blur keep a constant image constant (weights sum to 1); edge kernels give 0', () => {
    const x = makePlane(6, 6, new Array(36).fill(0.37));
    for (const name of ['box', 'gauss'] as const) {
      expect(kernelSum(LINEAR_KERNELS[name])).toBeCloseTo(1, 12);
      for (const v of correlate(x, LINEAR_KERNELS[name]).data) expect(v).toBeCloseTo(0.37, 6);
    }
    for (const name of ['hEdge', 'vEdge', 'sobelX', 'sobelY', 'laplace'] as const) {
      expect(kernelSum(LINEAR_KERNELS[name])).toBe(0);
      for (const v of correlate(x, LINEAR_KERNELS[name]).data) expect(v).toBeCloseTo(0, 6);
    }
  });

  it('Sobel x on a vertical step edge: 4 on the two columns that straddle it, 0 elsewhere; Sobel y sees nothing', () => {
    const x = stepX(8, 5, 4); // columns 0–3 are 0, 4–7 are 1
    const gx = correlate(x, LINEAR_KERNELS.sobelX);
    const gy = correlate(x, LINEAR_KERNELS.sobelY);
    // Output column j covers input columns j … j+2: it straddles the edge for j = 2 and 3.
    for (let i = 0; i < gx.height; i++) {
      expect(Array.from(gx.data.slice(i * gx.width, (i + 1) * gx.width))).toEqual([0, 0, 4, 4, 0, 0]);
    }
    expect(valueRange(gy.data)).toEqual({ min: 0, max: 0 });
    const mag = sobelMagnitude(x);
    expect(Array.from(mag.data.slice(0, 6))).toEqual([0, 0, 4, 4, 0, 0]);
    // A falling edge (1 → 0) gives −4: the sign carries the direction.
    const fall = makePlane(8, 5, Array.from(x.data, (v) => 1 - v));
    expect(valueRange(correlate(fall, LINEAR_KERNELS.sobelX).data)).toEqual({ min: -4, max: 0 });
  });

  it('horizontal-edge kernels respond to a horizontal step edge, vertical-edge kernels do not', () => {
    const x = stepY(5, 8, 4);
    expect(valueRange(correlate(x, LINEAR_KERNELS.hEdge).data)).toEqual({ min: 0, max: 3 });
    expect(valueRange(correlate(x, LINEAR_KERNELS.sobelY).data)).toEqual({ min: 0, max: 4 });
    expect(valueRange(correlate(x, LINEAR_KERNELS.vEdge).data)).toEqual({ min: 0, max: 0 });
    // Diagonal Sobel magnitude: √(Gx² + Gy²) on a pixel with both gradients.
    const d = makePlane(3, 3, [0, 0, 0, 0, 0, 1, 0, 1, 1]);
    const gx = correlate(d, LINEAR_KERNELS.sobelX).data[0];
    const gy = correlate(d, LINEAR_KERNELS.sobelY).data[0];
    expect(sobelMagnitude(d).data[0]).toBeCloseTo(Math.hypot(gx, gy), 6);
  });

  it('sharpen = 2·identity − box-like: sums to 1, keeps constants, boosts a bright dot', () => {
    expect(kernelSum(LINEAR_KERNELS.sharpen)).toBe(1);
    const dot = makePlane(3, 3, [0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(correlate(dot, LINEAR_KERNELS.sharpen).data[0]).toBe(5);
  });
});

describe('RGB convolution: one activation map = Σ over channels + b', () => {
  const W = 5;
  const H = 4;
  const rgb = Array.from({ length: W * H * 3 }, (_, i) => ((i * 37) % 11) / 10);
  const ch = splitChannels(rgb, W, H);
  const weights = Array.from({ length: 27 }, (_, i) => ((i * 7) % 5) - 2);
  const b = 0.25;

  it('matches the triple sum z = Σ_c Σ_u Σ_v w_cuv x_c,i+u,j+v + b written out', () => {
    const { z, partials } = correlateRgb(ch, weights, b);
    expect([z.width, z.height]).toEqual([3, 2]);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 3; j++) {
        let s = b;
        for (let c = 0; c < 3; c++) for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) s += weights[c * 9 + u * 3 + v] * rgb[3 * ((i + u) * W + j + v) + c];
        expect(z.data[i * 3 + j]).toBeCloseTo(s, 5);
        expect(z.data[i * 3 + j]).toBeCloseTo(partials[0].data[i * 3 + j] + partials[1].data[i * 3 + j] + partials[2].data[i * 3 + j] + b, 5);
      }
    }
  });

  it('a 3-channel input gives ONE map; a grey kernel lifted with the luma weights equals the grey convolution', () => {
    const grey = toGrey(rgb, W, H);
    expect(grey.data[0]).toBeCloseTo(LUMA[0] * rgb[0] + LUMA[1] * rgb[1] + LUMA[2] * rgb[2], 6);
    const lifted = correlateRgb(ch, liftToRgb(LINEAR_KERNELS.sobelX), 0).z;
    const direct = correlate(grey, LINEAR_KERNELS.sobelX);
    for (let i = 0; i < direct.data.length; i++) expect(lifted.data[i]).toBeCloseTo(direct.data[i], 5);
  });

  it('a red-only filter ignores green and blue', () => {
    const w = [...LINEAR_KERNELS.identity, ...new Array(18).fill(0)];
    const { z } = correlateRgb(ch, w, 0);
    expect(z.data[0]).toBeCloseTo(rgb[3 * (1 * W + 1)], 6);
  });
});

describe('display and input helpers', () => {
  it('display mode: signed → diverging symmetric; brightness-preserving → grey [0, 1]; magnitude → grey [0, max]', () => {
    expect(displayMode({ min: -2, max: 3 }, 0)).toEqual({ kind: 'diverging', lo: -3, hi: 3 });
    expect(displayMode({ min: -0.4, max: 1.6 }, 1)).toEqual({ kind: 'grey', lo: 0, hi: 1 });
    expect(displayMode({ min: 0, max: 4 }, null)).toEqual({ kind: 'grey', lo: 0, hi: 4 });
    expect(clippedCount([-0.1, 0.5, 1.2], 0, 1)).toBe(2);
  });

  it('parseWeight accepts decimals and fractions, rejects text, empty and out-of-range values', () => {
    expect(parseWeight('2', 100)).toBe(2);
    expect(parseWeight(' -0.5 ', 100)).toBe(-0.5);
    expect(parseWeight('−1', 100)).toBe(-1);
    expect(parseWeight('1/9', 100)).toBeCloseTo(1 / 9, 12);
    expect(parseWeight('1e1', 100)).toBe(10);
    for (const bad of ['', 'abc', '1/0', '2x', '--1', '1e5', 'NaN', 'Infinity']) expect(parseWeight(bad, 100)).toBeNull();
  });
});
