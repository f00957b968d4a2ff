/**
 * Hyperparameter search over learning rate × weight decay (Lecture 6, "Coarse Grid Search",
 * "Refine Grid"): the notes' grid, log-uniform random samples in the same ranges, a refined grid
 * around the best coarse trials, and the helpers the views need (nearest-trial colouring of the
 * (log₁₀ α, log₁₀ λ) plane, the learning-rate marginal). Pure TypeScript, no tfjs.
 */
import type { Rng } from './rng';

/** The notes' learning rates to try ("Find a Good Learning Rate"). */
export const NOTES_LRS: readonly number[] = [1e-1, 1e-2, 1e-3, 1e-4];
/** The notes' weight decays to try ("Coarse Grid Search"). */
export const NOTES_WDS: readonly number[] = [1e-4, 1e-5, 0];

/** The ranges the grid spans; random search samples inside them. */
export const LR_RANGE: readonly [number, number] = [1e-4, 1e-1];
export const WD_RANGE: readonly [number, number] = [1e-5, 1e-4];
/** One of the grid's three weight decays is 0, so random search picks λ = 0 with probability 1/3 too. */
export const WD_ZERO_PROB = 1 / 3;

export type TrialKind = 'grid' | 'random' | 'refine';

export interface HparamPoint {
  lr: number;
  /** Weight decay λ ≥ 0 (0 = none). */
  wd: number;
}

/** The notes' coarse grid: every learning rate with every weight decay (4 × 3 = 12 points), lr-major. */
export function gridPoints(lrs: readonly number[] = NOTES_LRS, wds: readonly number[] = NOTES_WDS): HparamPoint[] {
  return lrs.flatMap((lr) => wds.map((wd) => ({ lr, wd })));
}

/** u ~ U[0, 1) mapped to 10^(log₁₀ a + u·(log₁₀ b − log₁₀ a)): log-uniform on [a, b). */
export function logUniform(rng: Rng, a: number, b: number): number {
  const la = Math.log10(a);
  return 10 ** (la + rng.next() * (Math.log10(b) - la));
}

/**
 * n random points: α log-uniform in LR_RANGE; λ = 0 with probability 1/3, otherwise log-uniform
 * in WD_RANGE. Deterministic for a given generator state.
 */
export function randomPoints(n: number, rng: Rng): HparamPoint[] {
  const out: HparamPoint[] = [];
  for (let i = 0; i < n; i++) {
    const lr = logUniform(rng, LR_RANGE[0], LR_RANGE[1]);
    const zero = rng.next() < WD_ZERO_PROB;
    const wd = logUniform(rng, WD_RANGE[0], WD_RANGE[1]);
    out.push({ lr, wd: zero ? 0 : wd });
  }
  return out;
}

/** The refinement's step on the log axes: half the coarse grid's spacing of one decade. */
export const REFINE_STEP = 0.5;
/** Refined learning rates stay inside [10^−4.5, 10^−0.5], weight decays inside [10^−5.5, 10^−3.5] (or 0). */
export const REFINE_LR_LOG: readonly [number, number] = [-4.5, -0.5];
export const REFINE_WD_LOG: readonly [number, number] = [-5.5, -3.5];

const roundLog = (v: number) => Math.round(v * 1000) / 1000;

/** Local weight decays around λ: λ·10^{−½, 0, ½}; around 0: 0 and the two smallest refined values. */
function localWds(wd: number): number[] {
  if (wd === 0) return [0, 10 ** REFINE_WD_LOG[0], 10 ** (REFINE_WD_LOG[0] + REFINE_STEP)];
  const l = Math.log10(wd);
  return [-REFINE_STEP, 0, REFINE_STEP]
    .map((d) => l + d)
    .filter((v) => v >= REFINE_WD_LOG[0] - 1e-9 && v <= REFINE_WD_LOG[1] + 1e-9)
    .map((v) => (v === l ? wd : 10 ** v));
}

function localLrs(lr: number): number[] {
  const l = Math.log10(lr);
  return [-REFINE_STEP, 0, REFINE_STEP]
    .map((d) => l + d)
    .filter((v) => v >= REFINE_LR_LOG[0] - 1e-9 && v <= REFINE_LR_LOG[1] + 1e-9)
    .map((v) => (v === l ? lr : 10 ** v));
}

/**
 * "Refine Grid": a 3 × 3 grid with half the coarse spacing around each centre (α·10^{−½,0,½} ×
 * λ·10^{−½,0,½}, or {0, 10^−5.5, 10^−5} around λ = 0), clipped to the refine ranges, duplicates
 * (within 1e-3 decades) dropped.
 */
export function refinePoints(centres: readonly HparamPoint[]): HparamPoint[] {
  const out: HparamPoint[] = [];
  const key = (p: HparamPoint) => `${roundLog(Math.log10(p.lr))}|${p.wd === 0 ? 'z' : roundLog(Math.log10(p.wd))}`;
  const seen = new Set<string>();
  for (const c of centres) {
    for (const lr of localLrs(c.lr)) {
      for (const wd of localWds(c.wd)) {
        const p = { lr, wd };
        const k = key(p);
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(p);
      }
    }
  }
  return out;
}

/** A finished (or pending) trial as the views see it. */
export interface TrialResult extends HparamPoint {
  kind: TrialKind;
  /** Index in the run's trial list. */
  index: number;
  epochs: number;
  /** Validation accuracy in [0, 1]; NaN while pending or when training diverged. */
  valAcc: number;
  valLoss: number;
  trainLoss: number;
  diverged: boolean;
}

/** Best first; diverged / pending trials (NaN accuracy) last; ties keep the trial order. */
export function sortByValAcc<T extends { valAcc: number; index: number }>(trials: readonly T[]): T[] {
  const score = (t: T) => (Number.isFinite(t.valAcc) ? t.valAcc : -Infinity);
  return [...trials].sort((a, b) => score(b) - score(a) || a.index - b.index);
}

/** Number of distinct values (to 1e-9 relative) among the trials' learning rates. */
export function distinctCount(values: readonly number[]): number {
  const keys = new Set(values.map((v) => (v === 0 ? '0' : v.toPrecision(9))));
  return keys.size;
}

/**
 * The plane the views draw: x = log₁₀ α; y = log₁₀ λ for λ > 0. λ = 0 has no place on a log
 * axis, so it gets its own band below the lowest decade, drawn separately and labelled 0.
 */
export interface Plane {
  xMin: number;
  xMax: number;
  /** Log band for λ > 0. */
  yMin: number;
  yMax: number;
}

export const PLANE: Plane = { xMin: -4.75, xMax: -0.25, yMin: -5.75, yMax: -3.25 };

/**
 * Nearest-trial colouring. Cells of the log band (nx × ny, row 0 at the top = yMax) take the
 * validation accuracy of the nearest trial with λ > 0 (Euclidean distance in decades); the nx
 * cells of the λ = 0 band take the nearest trial with λ = 0 by learning rate alone. NaN where a
 * band has no finished trial.
 */
export function nearestTrialMap(
  trials: readonly { lr: number; wd: number; valAcc: number }[],
  nx: number,
  ny: number,
  plane: Plane = PLANE,
): { band: Float32Array; zero: Float32Array } {
  const done = trials.filter((t) => Number.isFinite(t.valAcc));
  const pos = done.filter((t) => t.wd > 0).map((t) => ({ x: Math.log10(t.lr), y: Math.log10(t.wd), v: t.valAcc }));
  const zer = done.filter((t) => t.wd === 0).map((t) => ({ x: Math.log10(t.lr), v: t.valAcc }));
  const band = new Float32Array(nx * ny).fill(NaN);
  const zero = new Float32Array(nx).fill(NaN);
  for (let i = 0; i < nx; i++) {
    const x = plane.xMin + ((i + 0.5) / nx) * (plane.xMax - plane.xMin);
    let best = Infinity;
    for (const t of zer) {
      const d = Math.abs(t.x - x);
      if (d < best) {
        best = d;
        zero[i] = t.v;
      }
    }
    for (let j = 0; j < ny; j++) {
      const y = plane.yMax - ((j + 0.5) / ny) * (plane.yMax - plane.yMin);
      let b = Infinity;
      for (const t of pos) {
        const d = (t.x - x) ** 2 + (t.y - y) ** 2;
        if (d < b) {
          b = d;
          band[j * nx + i] = t.v;
        }
      }
    }
  }
  return { band, zero };
}
