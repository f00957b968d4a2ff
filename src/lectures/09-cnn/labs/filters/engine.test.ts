import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { makeImg } from '../../../../ml/augment';
import { LINEAR_KERNELS } from '../../../../ml/imageFilters';
import { computeFilters, filtersMetrics } from './engine';
import { FILTERS_PARAMS, RGB_PRESETS } from './params';

/** A 20×12 synthetic "photo": red left half, blue right half, a brightness ramp down the rows. */
function photo() {
  const W = 20;
  const H = 12;
  const img = makeImg(W, H, 3);
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      const k = 3 * (i * W + j);
      const a = 0.3 + (0.5 * i) / H;
      img.data[k] = j < 10 ? a : 0;
      img.data[k + 2] = j < 10 ? 0 : a;
      img.data[k + 1] = 0.2;
    }
  }
  return img;
}

describe('filters engine', () => {
  it('defaults: Sobel x gives a signed (diverging) (H−2)×(W−2) map; the RGB filter is Σ over channels + b; the stack has K maps', () => {
    const p = defaults(FILTERS_PARAMS);
    const v = computeFilters(photo(), p);
    const m = filtersMetrics(v);
    expect([m.out_w, m.out_h]).toEqual([18, 10]);
    expect(m.out_diverging).toBe(1);
    expect(m.out_min).toBeLessThan(0); // red → blue lowers luma: a falling edge
    expect(m.z_centre).toBeCloseTo(m.z_r + m.z_g + m.z_b + m.bias, 5);
    expect(m.stack_k).toBe(4);
    expect([m.stack_w, m.stack_h]).toEqual([18, 10]);
    for (const val of Object.values(m)) expect(Number.isFinite(val)).toBe(true);
  });

  it('red-minus-blue edges fire at the red/blue border; the bias shifts every output', () => {
    const p = { ...defaults(FILTERS_PARAMS), rgbWeights: [...RGB_PRESETS.redBlueEdges] };
    const v0 = computeFilters(photo(), p);
    // Sobel x on R falls (−), on B rises (+), weighted −1: both negative at the border.
    expect(v0.rgb.range.min).toBeLessThan(-3);
    const v1 = computeFilters(photo(), { ...p, bias: 0.5 });
    expect(v1.rgb.range.min).toBeCloseTo(v0.rgb.range.min + 0.5, 5);
  });

  it('blur keeps the image in [0, 1] (grey display); the magnitude is non-negative with two kernels shown', () => {
    const p = defaults(FILTERS_PARAMS);
    const blur = computeFilters(photo(), { ...p, kernel: 'gauss', weights: [...LINEAR_KERNELS.gauss] });
    expect(blur.out.mode).toEqual({ kind: 'grey', lo: 0, hi: 1 });
    expect(blur.out.clipped).toBe(0);
    const mag = computeFilters(photo(), { ...p, kernel: 'sobelMag' });
    expect(mag.out.range.min).toBeGreaterThanOrEqual(0);
    expect(mag.kernels.map((k) => k.label)).toEqual(['Gx (Sobel x)', 'Gy (Sobel y)']);
  });
});
