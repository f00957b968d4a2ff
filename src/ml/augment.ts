/**
 * Data augmentation (Lecture 8, "Data Augmentation"): brightness, contrast, horizontal flip, the
 * notes' random crops (random scale L, short side resized to L, random S×S crop; at test time a
 * fixed set of crops: 4 corners + centre, × 2 flips) and rotation. Pure TypeScript on small
 * images with values in [0, 1]; every random choice comes from an {@link Rng}.
 *
 * All geometric transforms (crop, flip, rotation) are composed into one inverse map from an output
 * pixel to a source position, so an augmented image is resampled once (bilinear; black where a
 * rotation reaches past the image, but the image's own content where it reaches past the crop).
 * Pixel (i, j) has its centre at (j, i); resizing uses half-pixel centres (like PyTorch's
 * `align_corners=False`): x_src = (x_dst + ½)·W/W' − ½.
 */
import type { Rng } from './rng';

/** A small image, row-major, channels interleaved (1 = grey, 3 = RGB), values in [0, 1]. */
export interface Img {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Float32Array;
}

export function makeImg(width: number, height: number, channels: 1 | 3, data?: ArrayLike<number>): Img {
  const n = width * height * channels;
  if (data && data.length !== n) throw new Error(`image data has ${data.length} values, expected ${width}×${height}×${channels} = ${n}`);
  return { width, height, channels, data: data ? Float32Array.from(data) : new Float32Array(n) };
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
/** Positions within 1e-9 of a pixel centre are snapped to it, so exact maps (flips, 90°) copy pixels exactly. */
const snap = (v: number) => {
  const r = Math.round(v);
  return Math.abs(v - r) < 1e-9 ? r : v;
};

/**
 * Bilinear sample of channel c at (x, y). Positions inside the image's pixel area
 * [−½, W − ½] × [−½, H − ½] are clamped to the outermost pixel centres (edge replicate, as
 * PyTorch's resize); positions outside it are black (0), the fill of a rotation.
 */
export function sampleBilinear(img: Img, x: number, y: number, c = 0): number {
  const { width: W, height: H, channels: C, data } = img;
  if (!(x >= -0.5 && y >= -0.5 && x <= W - 0.5 && y <= H - 0.5)) return 0;
  x = snap(x < 0 ? 0 : x > W - 1 ? W - 1 : x);
  y = snap(y < 0 ? 0 : y > H - 1 ? H - 1 : y);
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const tx = x - x0;
  const ty = y - y0;
  const x1 = Math.min(x0 + 1, W - 1);
  const y1 = Math.min(y0 + 1, H - 1);
  const at = (xi: number, yi: number) => data[(yi * W + xi) * C + c];
  if (tx === 0 && ty === 0) return at(x0, y0);
  return (1 - ty) * ((1 - tx) * at(x0, y0) + tx * at(x1, y0)) + ty * ((1 - tx) * at(x0, y1) + tx * at(x1, y1));
}

/** out(u, v) = img(map(u, v)) for an outW × outH output; `map` returns the source position. */
export function resample(img: Img, outW: number, outH: number, map: (u: number, v: number) => [number, number], out?: Float32Array): Img {
  const C = img.channels;
  const data = out ?? new Float32Array(outW * outH * C);
  for (let v = 0; v < outH; v++) {
    for (let u = 0; u < outW; u++) {
      const [x, y] = map(u, v);
      for (let c = 0; c < C; c++) data[(v * outW + u) * C + c] = sampleBilinear(img, x, y, c);
    }
  }
  return { width: outW, height: outH, channels: C, data };
}

/** Mirror left–right: out(u, v) = img(W − 1 − u, v). */
export function flipH(img: Img): Img {
  return resample(img, img.width, img.height, (u, v) => [img.width - 1 - u, v]);
}

/**
 * Rotate by `deg` degrees counter-clockwise (as seen on screen, y pointing down) about the image
 * centre c, zero fill: out(c + d) = img(c + (dx cos θ − dy sin θ, dx sin θ + dy cos θ)).
 */
export function rotate(img: Img, deg: number): Img {
  const cx = (img.width - 1) / 2;
  const cy = (img.height - 1) / 2;
  const t = (deg * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  return resample(img, img.width, img.height, (u, v) => {
    const dx = u - cx;
    const dy = v - cy;
    return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
  });
}

/** Size of the image resized so that its short side is L (the other side rounded). */
export function resizedSize(width: number, height: number, L: number): [number, number] {
  const s = L / Math.min(width, height);
  return [Math.max(1, Math.round(width * s)), Math.max(1, Math.round(height * s))];
}

/** Resize so the short side is L, then cut the S×S window whose top-left corner is (ox, oy). */
export function resizeCrop(img: Img, L: number, ox: number, oy: number, S: number): Img {
  const [rw, rh] = resizedSize(img.width, img.height, L);
  const sx = img.width / rw;
  const sy = img.height / rh;
  return resample(img, S, S, (u, v) => [(ox + u + 0.5) * sx - 0.5, (oy + v + 0.5) * sy - 0.5]);
}

/** Box-filter (area-average) resize, for shrinking a photograph once without aliasing. */
export function resizeArea(img: Img, outW: number, outH: number): Img {
  const { width: W, height: H, channels: C, data } = img;
  const out = new Float32Array(outW * outH * C);
  const fx = W / outW;
  const fy = H / outH;
  for (let v = 0; v < outH; v++) {
    const y0 = v * fy;
    const y1 = y0 + fy;
    for (let u = 0; u < outW; u++) {
      const x0 = u * fx;
      const x1 = x0 + fx;
      for (let c = 0; c < C; c++) {
        let sum = 0;
        for (let yi = Math.floor(y0); yi < Math.min(H, Math.ceil(y1)); yi++) {
          const wy = Math.min(y1, yi + 1) - Math.max(y0, yi);
          for (let xi = Math.floor(x0); xi < Math.min(W, Math.ceil(x1)); xi++) {
            const wx = Math.min(x1, xi + 1) - Math.max(x0, xi);
            sum += wx * wy * data[(yi * W + xi) * C + c];
          }
        }
        out[(v * outW + u) * C + c] = sum / (fx * fy);
      }
    }
  }
  return { width: outW, height: outH, channels: C, data: out };
}

/** Brightness: x′ = clip(f·x, 0, 1) (as torchvision's `adjust_brightness`). */
export function brightness(img: Img, f: number): Img {
  return { ...img, data: img.data.map((x) => clamp01(f * x)) };
}

/** Mean luminance μ (0.299 R + 0.587 G + 0.114 B for colour images). */
export function meanLuma(img: Img): number {
  const { data, channels: C } = img;
  const n = img.width * img.height;
  let s = 0;
  for (let i = 0; i < n; i++) s += C === 1 ? data[i] : 0.299 * data[3 * i] + 0.587 * data[3 * i + 1] + 0.114 * data[3 * i + 2];
  return n ? s / n : 0;
}

/** Contrast: x′ = clip(f·x + (1 − f)·μ, 0, 1), μ the mean luminance (as torchvision's `adjust_contrast`). */
export function contrast(img: Img, f: number): Img {
  const mu = meanLuma(img);
  return { ...img, data: img.data.map((x) => clamp01(f * x + (1 - f) * mu)) };
}

/** The crop scales of the notes (L ∈ [256, 480], crops of 224) shrunk to crops of S pixels. */
export function cropScales(S: number): { lMin: number; lMax: number } {
  return { lMin: Math.round((S * 256) / 224), lMax: Math.round((S * 480) / 224) };
}

/** Which transforms are on, and how strong. A transform that is off leaves the image alone. */
export interface AugmentConfig {
  /** Brightness factor f ~ U[1 − s, 1 + s]; null = off. */
  brightness: number | null;
  /** Contrast factor f ~ U[1 − s, 1 + s]; null = off. */
  contrast: number | null;
  /** Probability of a horizontal flip; null = off. */
  flip: number | null;
  /** Crop strength s ∈ [0, 1]: L ~ U{lMin, …, lMin + s·(lMax − lMin)}; null = off (no crop, no resize). */
  crop: number | null;
  /** Largest rotation angle (degrees), θ ~ U[−a, a]; null = off. */
  rotation: number | null;
}

export const NO_AUGMENT: AugmentConfig = { brightness: null, contrast: null, flip: null, crop: null, rotation: null };

/** One random draw: everything needed to reproduce one augmented image. */
export interface AugmentDraw {
  /** Short side after resizing (null: no crop). */
  L: number | null;
  ox: number;
  oy: number;
  flip: boolean;
  /** Degrees, counter-clockwise. */
  angle: number;
  fBright: number;
  fContrast: number;
}

export const IDENTITY_DRAW: AugmentDraw = { L: null, ox: 0, oy: 0, flip: false, angle: 0, fBright: 1, fContrast: 1 };

/**
 * Draw the random parameters for one image of size W × H with S×S crops. The generator advances
 * by the same seven numbers whatever is switched on, so turning one transform on or off leaves
 * the draws of the others unchanged.
 */
export function drawAugment(cfg: AugmentConfig, W: number, H: number, S: number, rng: Rng): AugmentDraw {
  const u = [rng.next(), rng.next(), rng.next(), rng.next(), rng.next(), rng.next(), rng.next()];
  const d: AugmentDraw = { ...IDENTITY_DRAW };
  if (cfg.crop !== null) {
    const { lMin, lMax } = cropScales(S);
    const lHi = Math.max(lMin, Math.floor(lMin + Math.min(1, Math.max(0, cfg.crop)) * (lMax - lMin)));
    const L = lMin + Math.floor(u[0] * (lHi - lMin + 1)); // lMin > S, so the S×S crop always fits
    const [rw, rh] = resizedSize(W, H, L);
    d.L = L;
    d.ox = Math.floor(u[1] * (Math.max(0, rw - S) + 1));
    d.oy = Math.floor(u[2] * (Math.max(0, rh - S) + 1));
  }
  if (cfg.flip !== null) d.flip = u[3] < cfg.flip;
  if (cfg.rotation !== null) d.angle = (2 * u[4] - 1) * cfg.rotation;
  if (cfg.brightness !== null) d.fBright = 1 + (2 * u[5] - 1) * cfg.brightness;
  if (cfg.contrast !== null) d.fContrast = 1 + (2 * u[6] - 1) * cfg.contrast;
  return d;
}

/** Output size of {@link applyAugment}: S×S with a crop, otherwise the image resized to short side S. */
export function augmentedSize(W: number, H: number, S: number, d: AugmentDraw): [number, number] {
  return d.L === null ? resizedSize(W, H, S) : [S, S];
}

/**
 * Apply a draw: (resize to short side L and crop S×S at (ox, oy) — or, with no crop, resize to
 * short side S), then flip, then rotate about the centre, all in one bilinear resampling; then
 * brightness, then contrast, each clipped to [0, 1]. `out` (optional) receives the pixels.
 */
export function applyAugment(img: Img, d: AugmentDraw, S: number, out?: Float32Array): Img {
  const L = d.L ?? S;
  const [rw, rh] = resizedSize(img.width, img.height, L);
  const [outW, outH] = augmentedSize(img.width, img.height, S, d);
  const sx = img.width / rw;
  const sy = img.height / rh;
  // The whole geometric chain is affine; compose it once: (u, v) ↦ (xu·u + xv·v + x0, yu·u + yv·v + y0).
  const cx = (outW - 1) / 2;
  const cy = (outH - 1) / 2;
  const t = (d.angle * Math.PI) / 180;
  const cos = d.angle === 0 ? 1 : Math.cos(t);
  const sin = d.angle === 0 ? 0 : Math.sin(t);
  // Rotation about the centre: a = cos·u − sin·v + a0, b = sin·u + cos·v + b0.
  const a0 = cx - cx * cos + cy * sin;
  const b0 = cy - cx * sin - cy * cos;
  // Flip: a ↦ outW − 1 − a. Then the crop offset and the resize: x = (ox + a + ½)·sx − ½.
  const fs = d.flip ? -1 : 1;
  const xu = sx * fs * cos;
  const xv = -sx * fs * sin;
  const x0 = sx * (fs * a0 + (d.flip ? outW - 1 : 0) + d.ox + 0.5) - 0.5;
  const yu = sy * sin;
  const yv = sy * cos;
  const y0 = sy * (b0 + d.oy + 0.5) - 0.5;
  const res = resampleAffine(img, outW, outH, xu, xv, x0, yu, yv, y0, out);
  const px = res.data;
  if (d.fBright !== 1) for (let i = 0; i < px.length; i++) px[i] = clamp01(d.fBright * px[i]);
  if (d.fContrast !== 1) {
    const mu = meanLuma(res);
    for (let i = 0; i < px.length; i++) px[i] = clamp01(d.fContrast * px[i] + (1 - d.fContrast) * mu);
  }
  return res;
}

/** {@link resample} for an affine map, with the bilinear sampling inlined (the training loop's hot path). */
function resampleAffine(
  img: Img, outW: number, outH: number, xu: number, xv: number, x0: number, yu: number, yv: number, y0: number, out?: Float32Array,
): Img {
  const { width: W, height: H, channels: C, data } = img;
  const px = out ?? new Float32Array(outW * outH * C);
  for (let v = 0; v < outH; v++) {
    for (let u = 0; u < outW; u++) {
      const o = (v * outW + u) * C;
      let x = xu * u + xv * v + x0;
      let y = yu * u + yv * v + y0;
      if (!(x >= -0.5 && y >= -0.5 && x <= W - 0.5 && y <= H - 0.5)) {
        for (let c = 0; c < C; c++) px[o + c] = 0;
        continue;
      }
      x = snap(x < 0 ? 0 : x > W - 1 ? W - 1 : x);
      y = snap(y < 0 ? 0 : y > H - 1 ? H - 1 : y);
      const xi = Math.floor(x);
      const yi = Math.floor(y);
      const tx = x - xi;
      const ty = y - yi;
      const i00 = (yi * W + xi) * C;
      const dx = xi + 1 < W ? C : 0;
      const dy = yi + 1 < H ? W * C : 0;
      for (let c = 0; c < C; c++) {
        const p = i00 + c;
        px[o + c] = tx === 0 && ty === 0
          ? data[p]
          : (1 - ty) * ((1 - tx) * data[p] + tx * data[p + dx]) + ty * ((1 - tx) * data[p + dy] + tx * data[p + dy + dx]);
      }
    }
  }
  return { width: outW, height: outH, channels: C, data: px };
}

/** Draw and apply in one go. */
export function augment(img: Img, cfg: AugmentConfig, S: number, rng: Rng, out?: Float32Array): { img: Img; draw: AugmentDraw } {
  const draw = drawAugment(cfg, img.width, img.height, S, rng);
  return { img: applyAugment(img, draw, S, out), draw };
}

export type TestCropName = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'centre';

/**
 * The notes' test-time crops: resize the short side to N (the smallest training scale, lMin),
 * take the 4 corner crops and the centre crop, each also flipped when `flips` (5 or 10 draws).
 */
export function testCropDraws(W: number, H: number, S: number, flips: boolean): { name: string; draw: AugmentDraw }[] {
  const N = cropScales(S).lMin;
  const [rw, rh] = resizedSize(W, H, N);
  const right = Math.max(0, rw - S);
  const bottom = Math.max(0, rh - S);
  const spots: [TestCropName, number, number][] = [
    ['top-left', 0, 0], ['top-right', right, 0], ['bottom-left', 0, bottom], ['bottom-right', right, bottom],
    ['centre', Math.floor(right / 2), Math.floor(bottom / 2)],
  ];
  const out: { name: string; draw: AugmentDraw }[] = [];
  for (const flip of flips ? [false, true] : [false]) {
    for (const [name, ox, oy] of spots) out.push({ name: flip ? `${name}, flipped` : name, draw: { ...IDENTITY_DRAW, L: N, ox, oy, flip } });
  }
  return out;
}

/** The original (no transform, resized to short side S when it is larger) followed by `count` augmented samples. */
export function augmentSamples(img: Img, cfg: AugmentConfig, S: number, rng: Rng, count: number): { img: Img; draw: AugmentDraw }[] {
  const out = [{ img: applyAugment(img, IDENTITY_DRAW, S), draw: IDENTITY_DRAW }];
  for (let i = 0; i < count; i++) out.push(augment(img, cfg, S, rng));
  return out;
}

/** One line per draw, for a CSV export of what each preview tile shows. */
export function drawRow(d: AugmentDraw): (number | string)[] {
  return [d.L ?? '', d.ox, d.oy, d.flip ? 1 : 0, Math.round(d.angle * 100) / 100, Math.round(d.fBright * 1000) / 1000, Math.round(d.fContrast * 1000) / 1000];
}

export const DRAW_HEADER = ['L', 'crop_x', 'crop_y', 'flipped', 'angle_deg', 'brightness_f', 'contrast_f'];
