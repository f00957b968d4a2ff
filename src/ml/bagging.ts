/**
 * Bagging (bootstrap aggregating) and the arithmetic of ensembles.
 *
 * - A bootstrap sample draws n indices from {0, …, n−1} with replacement. A given point is missed by
 *   one draw with probability 1 − 1/n, so by all n draws with probability (1 − 1/n)ⁿ → 1/e ≈ 0.368:
 *   about 36.8 % of the points are out of bag, and a sample holds about 63.2 % distinct points.
 * - An ensemble of k regressors predicts the average ȳ = (1/k) Σᵢ fᵢ(x); classifiers vote.
 * - With member errors eᵢ = fᵢ(x) − y, the ensemble's error is the mean error, and its mean square is
 *   exactly  MSE_ens = v̄/k + (k−1)/k · c̄,  v̄ = mean of E[eᵢ²], c̄ = mean over pairs i ≠ l of E[eᵢ eₗ]
 *   (expectations taken over the evaluation set). Uncorrelated errors (c̄ = 0) give v̄/k; perfectly
 *   correlated ones (c̄ = v̄) give no gain at all. Since c̄ ≤ v̄, the ensemble is never worse than
 *   the average member (for the squared error).
 *
 * Plain TypeScript (no tfjs): the members are tiny 1-D networks (see ./fitting), evaluated on a few
 * hundred points, where tfjs would spend its time on per-op dispatch.
 */
import { mlpLearner, sampleNoisy, trueFunction, type Learner, type Samples } from './fitting';
import { createRng, type Rng } from './rng';

export { trueFunction };

/** n draws with replacement from {0, …, n−1}. */
export function bootstrapIndices(n: number, rng: Rng): Int32Array {
  if (!Number.isInteger(n) || n < 1) throw new Error(`bootstrap sample of n = ${n} points: n must be a positive integer`);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = rng.int(n);
  return idx;
}

/** How often each of the n points was drawn. */
export function drawCounts(idx: ArrayLike<number>, n: number): Int32Array {
  const c = new Int32Array(n);
  for (let i = 0; i < idx.length; i++) c[idx[i]]++;
  return c;
}

/** Share of the n points never drawn (out of bag). */
export function oobFraction(idx: ArrayLike<number>, n: number): number {
  const c = drawCounts(idx, n);
  let out = 0;
  for (let i = 0; i < n; i++) if (c[i] === 0) out++;
  return out / n;
}

/** Expected out-of-bag share (1 − 1/n)ⁿ (→ 1/e as n → ∞). */
export function expectedOobFraction(n: number): number {
  return (1 - 1 / n) ** n;
}

/** The samples at the given indices (repeats included). */
export function pick(s: Samples, idx: ArrayLike<number>): Samples {
  const x = new Float64Array(idx.length);
  const y = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    x[i] = s.x[idx[i]];
    y[i] = s.y[idx[i]];
  }
  return { x, y };
}

/** Pointwise mean of k prediction vectors of equal length m: the ensemble's regression output. */
export function averagePredictions(preds: readonly ArrayLike<number>[]): Float64Array {
  if (preds.length === 0) throw new Error('averaging an empty ensemble');
  const m = preds[0].length;
  const out = new Float64Array(m);
  for (const p of preds) {
    if (p.length !== m) throw new Error('members predict different numbers of points');
    for (let j = 0; j < m; j++) out[j] += p[j];
  }
  for (let j = 0; j < m; j++) out[j] /= preds.length;
  return out;
}

/** Majority vote of k label vectors; a tie goes to the smallest label among the tied ones. */
export function majorityVote(labels: readonly ArrayLike<number>[], classes: number): Int32Array {
  if (labels.length === 0) throw new Error('voting with an empty ensemble');
  const m = labels[0].length;
  const out = new Int32Array(m);
  const votes = new Int32Array(classes);
  for (let j = 0; j < m; j++) {
    votes.fill(0);
    for (const l of labels) votes[l[j]]++;
    let best = 0;
    for (let c = 1; c < classes; c++) if (votes[c] > votes[best]) best = c;
    out[j] = best;
  }
  return out;
}

/** Mean squared error of predictions p against targets y. */
export function mse(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < y.length; j++) s += (p[j] - y[j]) ** 2;
  return s / y.length;
}

export interface ErrorDecomposition {
  k: number;
  /** v̄: mean over members of E[eᵢ²] (the mean member MSE). */
  v: number;
  /** c̄: mean over ordered pairs i ≠ l of E[eᵢ eₗ] (0 for k = 1). */
  c: number;
  /** Mean over pairs of the correlation E[eᵢ eₗ] / √(E[eᵢ²] E[eₗ²]) (1 for k = 1). */
  rho: number;
  /** MSE of the averaged prediction, equal to v̄/k + (k−1)/k · c̄. */
  ensemble: number;
}

/**
 * Second moments of the member errors eᵢⱼ = pᵢⱼ − yⱼ over the m evaluation points, and the
 * ensemble's MSE computed from the average prediction (it equals v̄/k + (k−1)c̄/k up to rounding).
 */
export function decomposeErrors(preds: readonly ArrayLike<number>[], y: ArrayLike<number>): ErrorDecomposition {
  const k = preds.length;
  const m = y.length;
  const e = preds.map((p) => {
    const r = new Float64Array(m);
    for (let j = 0; j < m; j++) r[j] = p[j] - y[j];
    return r;
  });
  const dot = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let j = 0; j < m; j++) s += a[j] * b[j];
    return s / m;
  };
  const vi = e.map((r) => dot(r, r));
  const v = vi.reduce((a, b) => a + b, 0) / k;
  let c = 0;
  let rho = 0;
  for (let i = 0; i < k; i++) {
    for (let l = i + 1; l < k; l++) {
      const cil = dot(e[i], e[l]);
      c += cil;
      rho += cil / Math.sqrt(vi[i] * vi[l]);
    }
  }
  const pairs = (k * (k - 1)) / 2;
  return { k, v, c: pairs ? c / pairs : 0, rho: pairs ? rho / pairs : 1, ensemble: mse(averagePredictions(preds), y) };
}

/** MSE of the average of the first m members, for m = 1 … k. */
export function ensembleSizeCurve(preds: readonly ArrayLike<number>[], y: ArrayLike<number>): number[] {
  const mPts = y.length;
  const sum = new Float64Array(mPts);
  return preds.map((p, i) => {
    let s = 0;
    for (let j = 0; j < mPts; j++) {
      sum[j] += p[j];
      s += (sum[j] / (i + 1) - y[j]) ** 2;
    }
    return s / mPts;
  });
}

// ---- A bagged ensemble of small networks on noisy 1-D regression ----

export type Diversity = 'bootstrap' | 'bootstrap-same-init' | 'init';

export interface BaggingOptions {
  /** Members k. */
  k: number;
  /** Training points n. */
  n: number;
  /** Label noise σ. */
  sigma: number;
  /** Hidden units H of each 1 → H → 1 tanh member. */
  hidden: number;
  /** Adam step size. */
  lr: number;
  /** What makes members differ: bootstrap samples (own init each), bootstrap with one shared init, or init alone on the full set. */
  diversity: Diversity;
  valSize: number;
  seed: number;
}

export interface Member {
  learner: Learner;
  /** Indices of the bootstrap sample (0 … n−1 in order for 'init'). */
  sample: Int32Array;
  /** How often each training point was drawn. */
  counts: Int32Array;
  oob: number;
}

export interface BaggingSetup {
  train: Samples;
  val: Samples;
  members: Member[];
}

/** Data and k untrained members; everything deterministic in the seed (member i's draws do not depend on k). */
export function createBagging(o: BaggingOptions): BaggingSetup {
  const train = sampleNoisy(o.n, o.sigma, createRng(o.seed * 7919 + 1));
  const val = sampleNoisy(o.valSize, o.sigma, createRng(o.seed * 7919 + 2));
  const members: Member[] = [];
  for (let i = 0; i < o.k; i++) {
    const rng = createRng(o.seed * 104729 + 31 * (i + 1));
    const sample = o.diversity === 'init' ? Int32Array.from({ length: o.n }, (_, j) => j) : bootstrapIndices(o.n, rng);
    const initSeed = o.diversity === 'bootstrap-same-init' ? o.seed * 613 + 7 : o.seed * 613 + 7 + 1009 * (i + 1);
    const counts = drawCounts(sample, o.n);
    let oob = 0;
    for (let j = 0; j < o.n; j++) if (counts[j] === 0) oob++;
    members.push({ learner: mlpLearner(pick(train, sample), o.hidden, o.lr, initSeed), sample, counts, oob: oob / o.n });
  }
  return { train, val, members };
}

/** Predictions of every member at the points xs (k arrays of xs.length). */
export function memberPredictions(members: readonly Member[], xs: ArrayLike<number>): Float64Array[] {
  return members.map((m) => {
    const p = new Float64Array(xs.length);
    for (let j = 0; j < xs.length; j++) p[j] = m.learner.predict(xs[j]);
    return p;
  });
}
