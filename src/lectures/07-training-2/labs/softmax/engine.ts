/**
 * Softmax lab engine. The score part is a pure function of the parameters (computed on every
 * read); the training part runs full-batch gradient descent on a 3-class linear classifier, once
 * with the hinge loss and once with cross-entropy, from the same initial weights. Plain
 * TypeScript: 12 points and a 3×2 weight matrix are far below where tensors pay off.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { createRng } from '../../../../ml/rng';
import {
  crossEntropy, expNaive32, fullLoss, gdStep, hinge, hingeTerms, initLinear, makeBlobs, softmaxNaive32, softmaxNaive64,
  softmaxStable, softmaxStable32, TRAIN_CLASSES, weightNorm, type FullLoss, type Linear2, type LossName, type Point2C,
} from '../../../../ml/softmax';
import { MAX_CLASSES, type SOFTMAX_PARAMS } from './params';

export type SoftmaxParams = Values<typeof SOFTMAX_PARAMS>;

export const PER_CLASS = 4;
export const SPREAD = 0.35;
const LOSSES: readonly LossName[] = ['hinge', 'ce'];

export interface ScoreView {
  /** The scaled scores c·s_k of the C classes. */
  s: number[];
  y: number;
  exp64: number[];
  naive64: number[];
  exp32: number[];
  naive32: number[];
  shifted: number[];
  expShifted: number[];
  stable: number[];
  stable32: number[];
  hingeTerms: number[];
  hinge: number;
  ce: number;
}

export interface RunState {
  model: Linear2;
  loss: FullLoss;
  /** Size of the last update ‖Δθ‖. */
  delta: number;
  /** First iteration at which the data loss was exactly 0 (hinge only), or null. */
  zeroAt: number | null;
}

export type TrainPoint = Point2C & { set: 'train' | 'user' };

export interface SoftmaxView {
  scores: ScoreView;
  /** The training points (set 'user': the learner's points added to the seeded ones). */
  points: TrainPoint[];
  /** Classes of the linear classifier: 3 for the seeded points, or as many as the labels need. */
  classes: number;
  runs: Record<LossName, RunState>;
}

/**
 * Classes the classifier scores: at least `base` (3 with the seeded points, 2 for the learner's
 * alone) and enough for the largest label, at most MAX_CLASSES. A missing label in between is a
 * class with no points (the classifier still has a score for it).
 */
export function classCount(points: readonly Point2C[], base: number): number {
  const top = points.reduce((m, q) => Math.max(m, q.label + 1), 0);
  return Math.min(MAX_CLASSES, Math.max(base, top));
}

export function activeScores(p: SoftmaxParams): { s: number[]; y: number } {
  const c = Math.round(p.classes);
  const s = p.scores.slice(0, c).map((v) => v * p.scale);
  const y = Math.min(Math.round(p.trueClass), c) - 1;
  return { s, y };
}

export function scoreView(p: SoftmaxParams): ScoreView {
  const { s, y } = activeScores(p);
  const m = Math.max(...s);
  const shifted = s.map((v) => v - m);
  return {
    s, y,
    exp64: s.map((v) => Math.exp(v)),
    naive64: softmaxNaive64(s),
    exp32: expNaive32(s),
    naive32: softmaxNaive32(s),
    shifted,
    expShifted: shifted.map((v) => Math.exp(v)),
    stable: softmaxStable(s),
    stable32: softmaxStable32(s),
    hingeTerms: hingeTerms(s, y),
    hinge: hinge(s, y),
    ce: crossEntropy(s, y),
  };
}

const sum = (a: readonly number[]) => a.reduce((x, v) => x + v, 0);

/** No training point ("Your points only" before any is added): nothing to train. */
const emptyLoss = (m: Linear2, lambda: number): FullLoss => {
  const reg = lambda * m.w.reduce((a, v) => a + v * v, 0);
  return { data: NaN, reg, total: NaN, accuracy: NaN };
};

export function createSoftmaxEngine(p: SoftmaxParams): LabEngine<SoftmaxView> {
  const rng = createRng(p.seed);
  // The seeded points are drawn in either case, so the initial weights come from the same random stream.
  const blobs = makeBlobs(PER_CLASS, SPREAD, rng);
  const mine = p.points.filter((q) => q.label < MAX_CLASSES).map((q) => ({ x: q.x, y: q.y, label: q.label }));
  const own = p.dataset === 'own';
  const points: TrainPoint[] = own
    ? mine.map((q) => ({ ...q, set: 'train' }))
    : [...blobs.map((q) => ({ ...q, set: 'train' as const })), ...mine.map((q) => ({ ...q, set: 'user' as const }))];
  const classes = classCount(points, own ? 2 : TRAIN_CLASSES);
  const empty = points.length === 0;
  const init = initLinear(rng, classes);
  const runs = {} as Record<LossName, RunState>;
  for (const l of LOSSES) {
    const model = { w: [...init.w], b: [...init.b] };
    const loss = empty ? emptyLoss(model, p.lambda) : fullLoss(model, points, l, p.lambda);
    runs[l] = { model, loss, delta: 0, zeroAt: loss.data === 0 ? 0 : null };
  }
  const sv = scoreView(p);
  let iter = 0;

  return {
    step() {
      if (empty) return;
      iter++;
      for (const l of LOSSES) {
        const r = runs[l];
        r.delta = gdStep(r.model, points, l, p.lambda, p.lr);
        r.loss = fullLoss(r.model, points, l, p.lambda);
        if (r.zeroAt === null && r.loss.data === 0) r.zeroAt = iter;
      }
    },
    read(withView) {
      const metrics: Record<string, number> = {
        p_true: sv.stable[sv.y], ce_i: sv.ce, hinge_i: sv.hinge,
        stable_sum: sum(sv.stable), stable32_sum: sum(sv.stable32), stable32_true: sv.stable32[sv.y],
        naive32_true: sv.naive32[sv.y], naive32_sum: sum(sv.naive32), naive64_true: sv.naive64[sv.y],
        max_score: Math.max(...sv.s),
        naive32_nan: sv.naive32.filter(Number.isNaN).length, naive64_nan: sv.naive64.filter(Number.isNaN).length,
        stable_nonfinite: sv.stable.filter((v) => !Number.isFinite(v)).length,
      };
      metrics.train_points = points.length;
      metrics.train_classes = classes;
      for (const l of LOSSES) {
        const r = runs[l];
        // With no training point there is no loss to watch (and nothing has diverged).
        if (empty) continue;
        metrics[`${l}_data`] = r.loss.data;
        metrics[`${l}_reg`] = r.loss.reg;
        metrics[`${l}_total`] = r.loss.total;
        metrics[`${l}_acc`] = r.loss.accuracy;
        metrics[`${l}_w`] = weightNorm(r.model);
        metrics[`${l}_delta`] = r.delta;
      }
      metrics.hinge_zero_at = runs.hinge.zeroAt ?? -1;
      if (!withView) return { metrics };
      const snap = (r: RunState): RunState => ({ ...r, model: { w: [...r.model.w], b: [...r.model.b] }, loss: { ...r.loss } });
      return { metrics, view: { scores: sv, points, classes, runs: { hinge: snap(runs.hinge), ce: snap(runs.ce) } } };
    },
    isDone: () => empty,
    dispose: () => undefined,
  };
}
