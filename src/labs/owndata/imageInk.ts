/**
 * A picture of a digit turned into "ink" like the drawing pad's: grey values 0–1, white strokes on
 * black (as MNIST). A light background is inverted; transparent pixels count as background; the
 * background level is subtracted and the contrast stretched. Pure: no DOM.
 */

export type InkResult = { ok: true; ink: Float32Array; inverted: boolean } | { ok: false; message: string };

/** Below this contrast between background and strokes the image is taken as blank. */
export const MIN_CONTRAST = 0.15;

/**
 * @param rgba RGBA bytes, width×height, row-major (as ImageData.data)
 */
export function imageToInk(rgba: ArrayLike<number>, width: number, height: number): InkResult {
  const n = width * height;
  if (n === 0) return { ok: false, message: 'The image has no pixels.' };
  const lum = new Float32Array(n);
  const alpha = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    lum[i] = (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
    alpha[i] = rgba[4 * i + 3] / 255;
  }
  // Background: the mean grey of the opaque border pixels; with a transparent border, the strokes
  // are whatever is opaque, and the background is their opposite (strokes may touch the border).
  let sum = 0;
  let count = 0;
  let total = 0;
  const border = (i: number) => {
    total++;
    if (alpha[i] > 0.5) {
      sum += lum[i];
      count++;
    }
  };
  for (let x = 0; x < width; x++) {
    border(x);
    border((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    border(y * width);
    border(y * width + width - 1);
  }
  let bg: number;
  if (count > total / 2) {
    bg = sum / count;
  } else {
    let s = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      s += alpha[i] * lum[i];
      m += alpha[i];
    }
    if (m === 0) return { ok: false, message: 'The image is fully transparent: there is no digit in it.' };
    bg = s / m > 0.5 ? 0 : 1;
  }
  const inverted = bg > 0.5;
  const ink = new Float32Array(n);
  let max = 0;
  const bgInk = inverted ? 1 - bg : bg;
  for (let i = 0; i < n; i++) {
    const g = alpha[i] * lum[i] + (1 - alpha[i]) * bg;
    const v = inverted ? 1 - g : g;
    ink[i] = v;
    if (v > max) max = v;
  }
  if (max - bgInk < MIN_CONTRAST) return { ok: false, message: 'The image looks blank: no strokes stand out from the background.' };
  const span = max - bgInk;
  for (let i = 0; i < n; i++) ink[i] = Math.min(1, Math.max(0, (ink[i] - bgInk) / span));
  return { ok: true, ink, inverted };
}
