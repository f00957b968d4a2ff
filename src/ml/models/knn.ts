/**
 * k-nearest-neighbour classification in 2-D (plain TypeScript, no tfjs).
 *
 * Neighbour order is by distance, ties in distance by training index (lower first), so every
 * function here picks exactly the same neighbours. The vote is a majority vote; a tie between
 * classes goes to the tied class whose nearest member (among the k) is closest.
 */
import type { Point2 } from '../data/datasets2d';

export type Metric = 'l1' | 'l2';

/** A regular grid over [xMin, xMax] × [yMin, yMax] with nx columns and ny rows. */
export interface Grid2D {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  nx: number;
  ny: number;
}

/** Distance between a and b: L1 = |Δx| + |Δy|, L2 = sqrt(Δx² + Δy²). */
export function distance(ax: number, ay: number, bx: number, by: number, metric: Metric): number {
  const dx = ax - bx;
  const dy = ay - by;
  return metric === 'l1' ? Math.abs(dx) + Math.abs(dy) : Math.sqrt(dx * dx + dy * dy);
}

/** Flat copies of the training set plus reusable scratch buffers for k-selection. */
interface Workspace {
  xs: Float64Array;
  ys: Float64Array;
  labels: Int32Array;
  bestD: Float64Array;
  bestI: Int32Array;
  votes: Int32Array;
  first: Int32Array;
  nearD: Float64Array;
  nearI: Int32Array;
}

function workspace(train: readonly Point2[], k: number, classes: number): Workspace {
  const n = train.length;
  const ws: Workspace = {
    xs: new Float64Array(n),
    ys: new Float64Array(n),
    labels: new Int32Array(n),
    bestD: new Float64Array(k),
    bestI: new Int32Array(k),
    votes: new Int32Array(Math.max(1, classes)),
    first: new Int32Array(Math.max(1, classes)),
    nearD: new Float64Array(Math.max(1, classes)),
    nearI: new Int32Array(Math.max(1, classes)),
  };
  train.forEach((p, i) => {
    ws.xs[i] = p.x;
    ws.ys[i] = p.y;
    ws.labels[i] = p.label;
  });
  return ws;
}

/**
 * Adds one vote for class c, the neighbour of rank `rank`, and returns the new leader:
 * most votes, then earliest first member (votes[c] grows only, so the leader is `best` or c).
 */
function addVote(votes: Int32Array, first: Int32Array, c: number, rank: number, best: number): number {
  const v = ++votes[c];
  if (v === 1) first[c] = rank;
  if (best < 0 || v > votes[best] || (v === votes[best] && first[c] < first[best])) return c;
  return best;
}

/** Neighbour order: true if (da, ia) comes after (db, ib), i.e. is farther (ties: higher index). */
const after = (da: number, ia: number, db: number, ib: number): boolean => da > db || (da === db && ia > ib);

/** Inserts (d, i) into the max-heap bestD/bestI of the given size (sift up). */
function heapPush(hd: Float64Array, hi: Int32Array, size: number, d: number, i: number): void {
  let j = size;
  while (j > 0) {
    const parent = (j - 1) >> 1;
    if (!after(d, i, hd[parent], hi[parent])) break;
    hd[j] = hd[parent];
    hi[j] = hi[parent];
    j = parent;
  }
  hd[j] = d;
  hi[j] = i;
}

/** Replaces the farthest entry (heap top) with (d, i) and restores the heap (sift down). */
function heapReplaceTop(hd: Float64Array, hi: Int32Array, size: number, d: number, i: number): void {
  let j = 0;
  for (;;) {
    let c = 2 * j + 1;
    if (c >= size) break;
    if (c + 1 < size && after(hd[c + 1], hi[c + 1], hd[c], hi[c])) c++;
    if (!after(hd[c], hi[c], d, i)) break;
    hd[j] = hd[c];
    hi[j] = hi[c];
    j = c;
  }
  hd[j] = d;
  hi[j] = i;
}

/**
 * Majority vote over the selected neighbours (in any order). Ties go to the class whose
 * nearest selected member comes first in neighbour order — same result as addVote on a sorted list.
 */
function vote(ws: Workspace, size: number): number {
  const { votes, nearD, nearI, labels, bestD, bestI } = ws;
  votes.fill(0);
  for (let j = 0; j < size; j++) {
    const c = labels[bestI[j]];
    if (votes[c]++ === 0 || after(nearD[c], nearI[c], bestD[j], bestI[j])) {
      nearD[c] = bestD[j];
      nearI[c] = bestI[j];
    }
  }
  let best = -1;
  for (let c = 0; c < votes.length; c++) {
    if (votes[c] === 0) continue;
    if (
      best < 0 ||
      votes[c] > votes[best] ||
      (votes[c] === votes[best] && after(nearD[best], nearI[best], nearD[c], nearI[c]))
    ) {
      best = c;
    }
  }
  return best;
}

/**
 * Predicts the class at (qx, qy) from the k nearest training points; `skip` (or −1) is a
 * training index to leave out. Partial selection with a max-heap of size k:
 * O(n log k), no allocation. Distances compared as d (L1) or d² (L2).
 */
function predictInto(ws: Workspace, k: number, l1: boolean, qx: number, qy: number, skip: number): number {
  const { xs, ys, bestD, bestI } = ws;
  let size = 0;
  for (let i = 0; i < xs.length; i++) {
    if (i === skip) continue;
    const dx = xs[i] - qx;
    const dy = ys[i] - qy;
    const d = l1 ? Math.abs(dx) + Math.abs(dy) : dx * dx + dy * dy;
    if (size < k) heapPush(bestD, bestI, size++, d, i);
    else if (d < bestD[0]) heapReplaceTop(bestD, bestI, size, d, i); // equal d: later index loses
  }
  return size === 0 ? -1 : vote(ws, size);
}

const clipK = (k: number, n: number): number => Math.max(1, Math.min(Math.floor(k), n));

/**
 * k-NN prediction at query q: majority label among the k nearest training points
 * (k clipped to [1, n]); ties as described in the module doc.
 * @param train n points, labels in {0, …, classes−1}
 * @returns predicted class, or −1 if train is empty
 */
export function knnPredict(
  train: readonly Point2[],
  qx: number,
  qy: number,
  k: number,
  metric: Metric,
  classes: number,
): number {
  if (train.length === 0) return -1;
  const kk = clipK(k, train.length);
  return predictInto(workspace(train, kk, classes), kk, metric === 'l1', qx, qy, -1);
}

/**
 * k-NN decision map: the predicted class at each grid cell centre
 * (x_i = xMin + (i + ½)(xMax − xMin)/nx, y_r = yMax − (r + ½)(yMax − yMin)/ny).
 * @returns Int8Array of length nx·ny, row-major, row 0 at yMax (top); all −1 if train is empty
 */
export function knnGrid(
  train: readonly Point2[],
  k: number,
  metric: Metric,
  classes: number,
  grid: Grid2D,
): Int8Array {
  const { xMin, xMax, yMin, yMax, nx, ny } = grid;
  const out = new Int8Array(nx * ny);
  if (train.length === 0) return out.fill(-1);
  const kk = clipK(k, train.length);
  const ws = workspace(train, kk, classes);
  const l1 = metric === 'l1';
  const dx = (xMax - xMin) / nx;
  const dy = (yMax - yMin) / ny;
  for (let r = 0; r < ny; r++) {
    const qy = yMax - (r + 0.5) * dy;
    for (let c = 0; c < nx; c++) out[r * nx + c] = predictInto(ws, kk, l1, xMin + (c + 0.5) * dx, qy, -1);
  }
  return out;
}

/**
 * Fraction of evalSet classified correctly by k-NN on train: (1/m) Σ [ŷ(p) = label(p)].
 * With leaveOneOut, a training point that is the same object as the evaluated point is left out
 * of its own neighbours (leave-one-out cross-validation when evalSet = train).
 * @returns accuracy in [0, 1]; NaN if evalSet is empty
 */
export function knnAccuracy(
  train: readonly Point2[],
  evalSet: readonly Point2[],
  k: number,
  metric: Metric,
  classes: number,
  opts?: { leaveOneOut?: boolean },
): number {
  if (evalSet.length === 0) return NaN;
  if (train.length === 0) return 0;
  const kk = clipK(k, train.length);
  const ws = workspace(train, kk, classes);
  const index = opts?.leaveOneOut ? new Map(train.map((p, i) => [p, i] as const)) : null;
  let correct = 0;
  for (const p of evalSet) {
    const skip = index?.get(p) ?? -1;
    if (predictInto(ws, kk, metric === 'l1', p.x, p.y, skip) === p.label) correct++;
  }
  return correct / evalSet.length;
}

/**
 * Accuracy for every k = 1..kMax at once: each eval point's neighbours are sorted once
 * (O(n log n)), then votes are accumulated for increasing k. Total O(m·n log n + m·kMax).
 * Entry k−1 equals knnAccuracy(train, evalSet, k, …) (k > n behaves like k = n).
 * No leave-one-out: if evalSet is the training set, each point is its own nearest neighbour
 * (distance 0), so k = 1 gives training accuracy 1 on distinct points.
 * @returns array of length kMax; NaN entries if evalSet is empty, 0 if train is empty
 */
export function accuracyByK(
  train: readonly Point2[],
  evalSet: readonly Point2[],
  kMax: number,
  metric: Metric,
  classes: number,
): number[] {
  const K = Math.max(0, Math.floor(kMax));
  const m = evalSet.length;
  const n = train.length;
  if (m === 0) return new Array<number>(K).fill(NaN);
  if (n === 0) return new Array<number>(K).fill(0);
  const ws = workspace(train, 1, classes);
  const correct = new Int32Array(K);
  const d = new Float64Array(n);
  const order = new Int32Array(n);
  const l1 = metric === 'l1';
  for (const p of evalSet) {
    for (let i = 0; i < n; i++) {
      const dx = ws.xs[i] - p.x;
      const dy = ws.ys[i] - p.y;
      d[i] = l1 ? Math.abs(dx) + Math.abs(dy) : dx * dx + dy * dy;
      order[i] = i;
    }
    order.sort((a, b) => d[a] - d[b] || a - b);
    ws.votes.fill(0);
    let best = -1;
    for (let k = 1; k <= K; k++) {
      if (k <= n) best = addVote(ws.votes, ws.first, ws.labels[order[k - 1]], k - 1, best);
      if (best === p.label) correct[k - 1]++;
    }
  }
  return Array.from(correct, (c) => c / m);
}
