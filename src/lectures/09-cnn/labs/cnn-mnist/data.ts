/**
 * Data for the CNN lab: a seeded split of the 10,000 digits that keeps every class's share
 * (MNIST's classes are not equally frequent: 863 fives, 1,135 ones), 24×24 crops, and the
 * confusion matrix. Pure: no tfjs, no DOM.
 */
import { MNIST_PIXELS, MNIST_SIDE, type MnistSet } from '../../../../ml/data/mnist';
import { createRng, shuffleInPlace, type Rng } from '../../../../ml/rng';
import { CLASSES, INPUT_SIDE } from './arch';

/** Share of every class held out for validation: 20 % of 10,000 = 2,000 digits. */
export const VAL_SHARE = 0.2;

/**
 * Stratified split: per class, a seeded shuffle; the first round(VAL_SHARE·n_c) go to validation,
 * and of the rest a share nTrain/N_rest (rounded per class) to training. Both lists interleaved.
 */
export function proportionalSplit(set: MnistSet, nTrain: number, seed: number): { train: number[]; val: number[] } {
  const rng = createRng(seed);
  const byClass: number[][] = Array.from({ length: CLASSES }, () => []);
  for (let i = 0; i < set.n; i++) byClass[set.labels[i]].push(i);
  const val: number[] = [];
  const rest: number[][] = [];
  for (const idx of byClass) {
    shuffleInPlace(idx, rng);
    const v = Math.round(VAL_SHARE * idx.length);
    val.push(...idx.slice(0, v));
    rest.push(idx.slice(v));
  }
  const pool = rest.reduce((s, r) => s + r.length, 0);
  const want = Math.max(CLASSES, Math.min(pool, Math.round(nTrain)));
  // Largest-remainder rounding so the classes add up to exactly `want`.
  const quotas = rest.map((r) => (want * r.length) / pool);
  const counts = quotas.map(Math.floor);
  let left = want - counts.reduce((s, c) => s + c, 0);
  const order = quotas.map((q, c) => [q - Math.floor(q), c] as const).sort((a, b) => b[0] - a[0]);
  for (const [, c] of order) {
    if (left <= 0) break;
    counts[c]++;
    left--;
  }
  const train: number[] = [];
  rest.forEach((r, c) => train.push(...r.slice(0, counts[c])));
  shuffleInPlace(train, rng);
  shuffleInPlace(val, rng);
  return { train, val };
}

/** Largest training set the split can give for `set`. */
export function maxTrain(set: MnistSet): number {
  const counts = new Array<number>(CLASSES).fill(0);
  for (let i = 0; i < set.n; i++) counts[set.labels[i]]++;
  return counts.reduce((s, n) => s + n - Math.round(VAL_SHARE * n), 0);
}

/** Crop offset range: a 24×24 window inside 28×28 starts at 0…4. */
export const CROP_RANGE = MNIST_SIDE - INPUT_SIDE;
/** The centre crop's offset (2, 2). */
export const CENTRE_OFFSET = Math.floor(CROP_RANGE / 2);

/** Write the 24×24 crop at (ox, oy) of digit `i` of `set` (0–1 floats) into out[at…]. */
export function cropInto(set: MnistSet, i: number, ox: number, oy: number, out: Float32Array, at: number): void {
  const src = i * MNIST_PIXELS;
  for (let y = 0; y < INPUT_SIDE; y++) {
    const row = src + (y + oy) * MNIST_SIDE + ox;
    const dst = at + y * INPUT_SIDE;
    for (let x = 0; x < INPUT_SIDE; x++) out[dst + x] = set.images[row + x] / 255;
  }
}

/** A training batch: a random crop of each digit (offsets uniform in 0…4 on each axis). */
export function randomCrops(set: MnistSet, rows: readonly number[], rng: Rng): Float32Array {
  const n = INPUT_SIDE * INPUT_SIDE;
  const out = new Float32Array(rows.length * n);
  rows.forEach((r, k) => cropInto(set, r, rng.int(CROP_RANGE + 1), rng.int(CROP_RANGE + 1), out, k * n));
  return out;
}

/** The centre crops of the digits (what the network is tested on). */
export function centreCrops(set: MnistSet, rows: readonly number[]): Float32Array {
  const n = INPUT_SIDE * INPUT_SIDE;
  const out = new Float32Array(rows.length * n);
  rows.forEach((r, k) => cropInto(set, r, CENTRE_OFFSET, CENTRE_OFFSET, out, k * n));
  return out;
}

/** counts[t][p]: how many digits of true class t were predicted as p. */
export function confusionMatrix(truth: ArrayLike<number>, pred: ArrayLike<number>, classes = CLASSES): number[][] {
  if (truth.length !== pred.length) throw new Error(`confusion: ${truth.length} labels but ${pred.length} predictions`);
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const p = pred[i];
    if (t >= 0 && t < classes && p >= 0 && p < classes) m[t][p]++;
  }
  return m;
}

/** Accuracy from a confusion matrix: trace / total. */
export function confusionAccuracy(m: number[][]): number {
  let tr = 0;
  let tot = 0;
  m.forEach((row, t) => row.forEach((v, p) => {
    tot += v;
    if (t === p) tr += v;
  }));
  return tot ? tr / tot : NaN;
}
