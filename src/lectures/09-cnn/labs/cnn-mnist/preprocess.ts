/**
 * A drawn digit made to look like an MNIST digit, the way MNIST's digits were made: the ink's
 * bounding box is scaled (aspect ratio kept, anti-aliased by area averaging) to fit a 20×20 box,
 * then placed in a 28×28 field so that its centre of mass sits at the centre. The network sees the
 * central 24×24 crop of that, as it sees the validation digits. Pure: no DOM.
 */
import { INPUT_SIDE } from './arch';

export const MNIST_FIELD = 28;
export const MNIST_BOX = 20;
/** Ink below this (0–1) does not count for the bounding box. */
export const INK_THRESHOLD = 0.05;

export interface Box {
  x0: number;
  y0: number;
  /** Exclusive ends. */
  x1: number;
  y1: number;
}

/** The bounding box of the ink (values > threshold), or null for an empty drawing. */
export function inkBox(ink: ArrayLike<number>, width: number, height: number, threshold = INK_THRESHOLD): Box | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/**
 * Area-weighted 1-D resampling weights from n source cells onto m target cells: target cell t
 * covers source [t·n/m, (t+1)·n/m) and averages what it covers.
 */
function areaWeights(n: number, m: number): { start: number; w: number[] }[] {
  const r = n / m;
  const out: { start: number; w: number[] }[] = [];
  for (let t = 0; t < m; t++) {
    const a = t * r;
    const b = (t + 1) * r;
    const start = Math.floor(a);
    const w: number[] = [];
    for (let s = start; s < Math.min(n, Math.ceil(b)); s++) w.push((Math.min(b, s + 1) - Math.max(a, s)) / r);
    out.push({ start, w });
  }
  return out;
}

/** Resample the box of `ink` to tw×th by area averaging (separable). */
export function resampleBox(ink: ArrayLike<number>, width: number, box: Box, tw: number, th: number): Float32Array {
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const wx = areaWeights(bw, tw);
  const wy = areaWeights(bh, th);
  const rows = new Float32Array(bh * tw);
  for (let y = 0; y < bh; y++) {
    const src = (box.y0 + y) * width + box.x0;
    for (let t = 0; t < tw; t++) {
      const { start, w } = wx[t];
      let s = 0;
      for (let k = 0; k < w.length; k++) s += w[k] * ink[src + start + k];
      rows[y * tw + t] = s;
    }
  }
  const out = new Float32Array(th * tw);
  for (let t = 0; t < th; t++) {
    const { start, w } = wy[t];
    for (let x = 0; x < tw; x++) {
      let s = 0;
      for (let k = 0; k < w.length; k++) s += w[k] * rows[(start + k) * tw + x];
      out[t * tw + x] = Math.min(1, s);
    }
  }
  return out;
}

/** Centre of mass (x, y) of a w×h image in pixel-index coordinates; null if it has no mass. */
export function centreOfMass(img: ArrayLike<number>, w: number, h: number): { x: number; y: number } | null {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = img[y * w + x];
      m += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return m > 0 ? { x: sx / m, y: sy / m } : null;
}

export interface Preprocessed {
  /** The 28×28 MNIST-style digit (values 0–1). */
  field: Float32Array;
  /** Its central INPUT_SIDE×INPUT_SIDE crop: what the network sees. */
  input: Float32Array;
  /** Size the bounding box was scaled to (the longer side is 20). */
  scaled: { w: number; h: number };
  /** Where the scaled box was placed in the 28×28 field (top-left). */
  offset: { x: number; y: number };
}

/** Central crop of a side×side image to `crop`×`crop`. */
export function centreCrop(img: ArrayLike<number>, side: number, crop: number): Float32Array {
  const o = Math.floor((side - crop) / 2);
  const out = new Float32Array(crop * crop);
  for (let y = 0; y < crop; y++) for (let x = 0; x < crop; x++) out[y * crop + x] = img[(y + o) * side + x + o];
  return out;
}

/**
 * MNIST-style preprocessing of a drawing given as ink values 0–1 (width×height, row-major).
 * @returns null if nothing is drawn
 */
export function preprocessDrawing(ink: ArrayLike<number>, width: number, height: number): Preprocessed | null {
  const box = inkBox(ink, width, height);
  if (!box) return null;
  const bw = box.x1 - box.x0;
  const bh = box.y1 - box.y0;
  const scale = MNIST_BOX / Math.max(bw, bh);
  const tw = Math.max(1, Math.min(MNIST_BOX, Math.round(bw * scale)));
  const th = Math.max(1, Math.min(MNIST_BOX, Math.round(bh * scale)));
  const small = resampleBox(ink, width, box, tw, th);
  const com = centreOfMass(small, tw, th) ?? { x: (tw - 1) / 2, y: (th - 1) / 2 };
  // Put the centre of mass on the field's centre, (28 − 1)/2 = 13.5 in pixel indices, to the nearest pixel.
  const centre = (MNIST_FIELD - 1) / 2;
  const ox = Math.round(centre - com.x);
  const oy = Math.round(centre - com.y);
  const field = new Float32Array(MNIST_FIELD * MNIST_FIELD);
  for (let y = 0; y < th; y++) {
    const fy = y + oy;
    if (fy < 0 || fy >= MNIST_FIELD) continue;
    for (let x = 0; x < tw; x++) {
      const fx = x + ox;
      if (fx < 0 || fx >= MNIST_FIELD) continue;
      field[fy * MNIST_FIELD + fx] = small[y * tw + x];
    }
  }
  return { field, input: centreCrop(field, MNIST_FIELD, INPUT_SIDE), scaled: { w: tw, h: th }, offset: { x: ox, y: oy } };
}
