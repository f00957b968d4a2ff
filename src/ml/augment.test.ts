import { describe, expect, it } from 'vitest';
import {
  applyAugment, augment, brightness, contrast, cropScales, drawAugment, flipH, IDENTITY_DRAW, makeImg, meanLuma, NO_AUGMENT,
  resample, resizeArea, resizeCrop, resizedSize, rotate, sampleBilinear, testCropDraws, type AugmentConfig,
} from './augment';
import { createRng } from './rng';

const grey = (w: number, h: number, v: number[]) => makeImg(w, h, 1, v);
const arr = (a: Float32Array) => Array.from(a, (v) => Math.round(v * 1e6) / 1e6);

describe('augment: single transforms on hand-computed images', () => {
  it('flips left–right, grey and RGB (channel order kept)', () => {
    expect(arr(flipH(grey(3, 2, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])).data)).toEqual([0.3, 0.2, 0.1, 0.6, 0.5, 0.4]);
    const rgb = makeImg(2, 1, 3, [1, 0, 0, 0, 0.5, 1]);
    expect(arr(flipH(rgb).data)).toEqual([0, 0.5, 1, 1, 0, 0]);
    expect(flipH(flipH(rgb)).data).toEqual(rgb.data);
  });

  it('rotates by 90° exactly (counter-clockwise on screen), odd and even sizes', () => {
    // [a b c; d e f; g h i] → [c f i; b e h; a d g]
    const m = grey(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => v / 10));
    expect(arr(rotate(m, 90).data)).toEqual([3, 6, 9, 2, 5, 8, 1, 4, 7].map((v) => v / 10));
    const e = grey(4, 4, Array.from({ length: 16 }, (_, i) => i / 16));
    const r = rotate(e, 90).data;
    for (let v = 0; v < 4; v++) for (let u = 0; u < 4; u++) expect(r[v * 4 + u]).toBe(e.data[u * 4 + (3 - v)]);
    // Four quarter turns are the identity; 180° is both flips.
    expect(rotate(rotate(rotate(rotate(e, 90), 90), 90), 90).data).toEqual(e.data);
    expect(arr(rotate(m, 180).data)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1].map((v) => v / 10));
  });

  it('a small rotation interpolates bilinearly (exact on a linear ramp) and fills black outside', () => {
    // img(x, y) = x / 4 on 5×5; bilinear interpolation reproduces a linear function exactly.
    const ramp = grey(5, 5, Array.from({ length: 25 }, (_, i) => (i % 5) / 4));
    const deg = 10;
    const t = (deg * Math.PI) / 180;
    const out = rotate(ramp, deg).data;
    expect(out[2 * 5 + 2]).toBeCloseTo(0.5, 12); // the centre stays
    expect(out[2 * 5 + 3]).toBeCloseTo((2 + Math.cos(t)) / 4, 6); // (3, 2) reads from (2 + cos θ, 2 + sin θ)
    expect(out[3 * 5 + 2]).toBeCloseTo((2 - Math.sin(t)) / 4, 6); // (2, 3) reads from (2 − sin θ, 2 + cos θ)
    // A corner of a 45° turn reads from outside the image: black.
    const white = grey(5, 5, Array(25).fill(1));
    const w45 = rotate(white, 45).data;
    expect(w45[0]).toBe(0);
    expect(w45[12]).toBe(1);
    // Values stay in range.
    expect(Math.max(...rotate(ramp, 33).data)).toBeLessThanOrEqual(1);
  });

  it('resizes with half-pixel centres and edge replicate; a crop at scale 1 is an exact window', () => {
    // 2 → 4 pixels: sources −¼, ¼, ¾, 1¼ → clamped 0, ¼, ¾, 1.
    expect(arr(resizeCrop(grey(2, 2, [0, 1, 0, 1]), 1, 0, 0, 1).data)).toEqual([0.5]); // 2 → 1: reads (½, ½)
    const up = resizeCrop(grey(2, 2, [0, 1, 0, 1]), 4, 0, 0, 4).data;
    expect(arr(up.slice(0, 4))).toEqual([0, 0.25, 0.75, 1]);
    const e = grey(4, 4, Array.from({ length: 16 }, (_, i) => i / 16));
    expect(arr(resizeCrop(e, 4, 1, 2, 2).data)).toEqual([9, 10, 13, 14].map((v) => v / 16));
    expect(resizedSize(451, 300, 128)).toEqual([192, 128]);
    expect(resizedSize(28, 28, 32)).toEqual([32, 32]);
  });

  it('area resize averages blocks', () => {
    const e = grey(4, 2, [0, 1, 2, 3, 4, 5, 6, 7].map((v) => v / 8));
    expect(arr(resizeArea(e, 2, 1).data)).toEqual([(0 + 1 + 4 + 5) / 32, (2 + 3 + 6 + 7) / 32]);
  });

  it('brightness and contrast clip to [0, 1]', () => {
    const b = grey(3, 1, [0, 0.5, 0.8]);
    expect(arr(brightness(b, 1.5).data)).toEqual([0, 0.75, 1]);
    expect(arr(brightness(b, 0.5).data)).toEqual([0, 0.25, 0.4]);
    const c = grey(4, 1, [0.25, 0.5, 0.75, 0.9]); // μ = 0.6
    expect(meanLuma(c)).toBeCloseTo(0.6, 7);
    expect(arr(contrast(c, 2).data)).toEqual([0, 0.4, 0.9, 1]);
    expect(arr(contrast(c, 0).data)).toEqual([0.6, 0.6, 0.6, 0.6]);
    // RGB: μ is the luminance 0.299 R + 0.587 G + 0.114 B.
    const red = makeImg(1, 1, 3, [1, 0, 0]);
    expect(arr(contrast(red, 0.5).data)).toEqual([0.6495, 0.1495, 0.1495]);
  });

  it('the notes’ scales, shrunk: L ∈ [256, 480] with 224 crops becomes [32, 60] for 28 and [128, 240] for 112', () => {
    expect(cropScales(224)).toEqual({ lMin: 256, lMax: 480 });
    expect(cropScales(28)).toEqual({ lMin: 32, lMax: 60 });
    expect(cropScales(112)).toEqual({ lMin: 128, lMax: 240 });
  });

  it('test time: 4 corners + centre, × 2 flips = 10 fixed crops at N = lMin', () => {
    const ten = testCropDraws(28, 28, 28, true);
    expect(ten).toHaveLength(10);
    expect(ten.map((t) => [t.draw.L, t.draw.ox, t.draw.oy, t.draw.flip])).toEqual([
      [32, 0, 0, false], [32, 4, 0, false], [32, 0, 4, false], [32, 4, 4, false], [32, 2, 2, false],
      [32, 0, 0, true], [32, 4, 0, true], [32, 0, 4, true], [32, 4, 4, true], [32, 2, 2, true],
    ]);
    expect(testCropDraws(451, 300, 112, false)).toHaveLength(5);
    expect(testCropDraws(451, 300, 112, false)[1].draw.ox).toBe(resizedSize(451, 300, 128)[0] - 112);
  });
});

describe('augment: random draws and the composed pipeline', () => {
  const all: AugmentConfig = { brightness: 0.4, contrast: 0.4, flip: 0.5, crop: 1, rotation: 30 };
  const img = grey(28, 28, Array.from({ length: 784 }, (_, i) => ((i * 37) % 101) / 100));

  it('is deterministic for a seed and differs across seeds', () => {
    const a = augment(img, all, 28, createRng(5));
    const b = augment(img, all, 28, createRng(5));
    const c = augment(img, all, 28, createRng(6));
    expect(a.draw).toEqual(b.draw);
    expect(a.img.data).toEqual(b.img.data);
    expect(a.img.data).not.toEqual(c.img.data);
  });

  it('draws within the ranges, and switching one transform off keeps the others’ draws', () => {
    const rng = createRng(1);
    const rng2 = createRng(1);
    let flips = 0;
    for (let k = 0; k < 400; k++) {
      const d = drawAugment(all, 28, 28, 28, rng);
      expect(d.L).toBeGreaterThanOrEqual(32);
      expect(d.L).toBeLessThanOrEqual(60);
      expect(d.ox).toBeLessThanOrEqual(d.L! - 28);
      expect(Math.abs(d.angle)).toBeLessThanOrEqual(30);
      expect(Math.abs(d.fBright - 1)).toBeLessThanOrEqual(0.4);
      flips += d.flip ? 1 : 0;
      const noRot = drawAugment({ ...all, rotation: null }, 28, 28, 28, rng2);
      expect(noRot).toEqual({ ...d, angle: 0 });
    }
    expect(flips).toBeGreaterThan(150);
    expect(flips).toBeLessThan(250);
    // Crop strength 0: always the smallest scale.
    const r = createRng(2);
    for (let k = 0; k < 20; k++) expect(drawAugment({ ...NO_AUGMENT, crop: 0 }, 28, 28, 28, r).L).toBe(32);
  });

  it('with everything off the pipeline is the identity; a lone flip equals flipH', () => {
    expect(augment(img, NO_AUGMENT, 28, createRng(3)).img.data).toEqual(img.data);
    expect(applyAugment(img, { ...IDENTITY_DRAW, flip: true }, 28).data).toEqual(flipH(img).data);
    expect(applyAugment(img, { ...IDENTITY_DRAW, angle: 90 }, 28).data).toEqual(rotate(img, 90).data);
    expect(applyAugment(img, { ...IDENTITY_DRAW, L: 32, ox: 1, oy: 3 }, 28).data).toEqual(resizeCrop(img, 32, 1, 3, 28).data);
    const photo = makeImg(9, 6, 3, Array.from({ length: 162 }, (_, i) => (i % 7) / 7));
    expect(applyAugment(photo, IDENTITY_DRAW, 4).width).toBe(6); // no crop: short side resized to S
    expect(applyAugment(photo, { ...IDENTITY_DRAW, L: 5, ox: 1 }, 4).width).toBe(4);
  });

  it('a composed draw equals the transforms one after another where no resampling blurs', () => {
    const d = { ...IDENTITY_DRAW, flip: true, angle: 90, fBright: 1.2, fContrast: 0.7 };
    const seq = contrast(brightness(rotate(flipH(img), 90), 1.2), 0.7);
    const one = applyAugment(img, d, 28);
    for (let i = 0; i < 784; i++) expect(one.data[i]).toBeCloseTo(seq.data[i], 6);
    for (const v of augment(img, all, 28, createRng(9)).img.data) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('the composed affine map matches crop → flip → rotate written out step by step', () => {
    const rng = createRng(11);
    for (let k = 0; k < 10; k++) {
      const d = { ...drawAugment(all, 28, 28, 28, rng), fBright: 1, fContrast: 1 };
      const [rw] = resizedSize(28, 28, d.L!);
      const s = 28 / rw;
      const c = 13.5;
      const t = (d.angle * Math.PI) / 180;
      const ref = resample(img, 28, 28, (u, v) => {
        let a = c + (u - c) * Math.cos(t) - (v - c) * Math.sin(t);
        const b = c + (u - c) * Math.sin(t) + (v - c) * Math.cos(t);
        if (d.flip) a = 27 - a;
        return [(d.ox + a + 0.5) * s - 0.5, (d.oy + b + 0.5) * s - 0.5];
      });
      const got = applyAugment(img, d, 28);
      for (let i = 0; i < 784; i++) expect(got.data[i]).toBeCloseTo(ref.data[i], 5);
    }
  });

  it('samples black outside the pixel area and replicates the edge within half a pixel', () => {
    const m = grey(2, 1, [0.2, 0.8]);
    expect(sampleBilinear(m, -0.4, 0)).toBeCloseTo(0.2, 6);
    expect(sampleBilinear(m, -0.6, 0)).toBe(0);
    expect(sampleBilinear(m, 0.5, 0)).toBeCloseTo(0.5, 6);
    expect(sampleBilinear(m, 1.5, 0)).toBeCloseTo(0.8, 6);
    expect(sampleBilinear(m, 1.6, 0)).toBe(0);
  });
});
