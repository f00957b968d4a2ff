/**
 * k-fold cross-validation of k-NN's number of neighbours. One step is one round: a candidate
 * k_NN, trained ("memorised") on k − 1 folds and scored on the remaining fold. When every
 * candidate has its k scores, the best mean is selected, refit on all development data and scored
 * once on the held-out test set. Plain TypeScript: k-NN has no weights, nothing for tfjs to do.
 */
import type { LabEngine } from '../../../../labs/types';
import { foldOf, foldSplit, kFolds, meanStd, selectBest } from '../../../../ml/crossval';
import { generate2D, type Dataset2DKind, type Point2 } from '../../../../ml/data/datasets2d';
import { splitDataset } from '../../../../ml/data/split';
import { knnAccuracy } from '../../../../ml/models/knn';
import { candidatesFor, cvPlan, TEST_SHARE, type CrossvalParams } from './params';

export interface CvRow {
  kNN: number;
  /** Accuracy per fold; NaN until that round has run. */
  scores: number[];
  mean: number;
  std: number;
}

export interface CrossvalView {
  folds: number;
  /** Fold sizes in fold order. */
  foldSizes: number[];
  nDev: number;
  nTest: number;
  /** Development points (with their fold) and test points. */
  dev: Point2[];
  devFold: Int32Array;
  test: Point2[];
  rows: CvRow[];
  /** Round now shown: candidate index and validation fold (−1 before the first round). */
  current: { cand: number; fold: number };
  /** Index of the selected candidate once all rounds have run, else −1. */
  best: number;
  /** Test accuracy of the selected model (NaN until the end). */
  testAcc: number;
  /** "Your points only" with too few points: nothing is cross-validated (the points are in `test`). */
  tooFew: boolean;
  /** Why the run differs from the controls (fewer folds, too few points), or null. */
  notice: string | null;
}

const METRIC = 'l2';
const CLASSES = 2;

/** The run's data: the generated set with the learner's points added, or the learner's points alone. */
export function crossvalData(p: CrossvalParams): Point2[] {
  const mine = p.points.map((q) => ({ x: q.x, y: q.y, label: q.label }));
  if (p.dataset === 'own') return mine;
  return [...generate2D({ kind: p.dataset as Dataset2DKind, n: p.n, noise: p.noise, classes: CLASSES, seed: p.seed }), ...mine];
}

export function createCrossvalEngine(p: CrossvalParams): LabEngine<CrossvalView> {
  const plan = cvPlan(p);
  const data = crossvalData(p);
  if (plan.tooFew) return waitingEngine(data, plan.requested, plan.notice);
  const k = plan.folds;
  // The test set is cut off first and never enters a fold.
  const split = splitDataset(data, { train: 1 - TEST_SHARE, val: 0 }, p.seed + 7);
  const dev = split.train;
  const test = split.test;
  const folds = kFolds(dev.length, k, p.seed + 13);
  const devFold = foldOf(folds, dev.length);
  const splits = folds.map((_, i) => foldSplit(folds, i));
  const cands = candidatesFor(plan);
  const rows: CvRow[] = cands.map((c) => ({ kNN: c, scores: new Array<number>(k).fill(NaN), mean: NaN, std: NaN }));
  const total = cands.length * k;
  let round = 0;
  let best = -1;
  let testAcc = NaN;

  return {
    step() {
      if (round >= total) return;
      const c = Math.floor(round / k);
      const f = round % k;
      const { train, val } = splits[f];
      const row = rows[c];
      row.scores[f] = knnAccuracy(train.map((i) => dev[i]), val.map((i) => dev[i]), row.kNN, METRIC, CLASSES);
      if (f === k - 1) Object.assign(row, meanStd(row.scores));
      round++;
      if (round === total) {
        best = selectBest(rows.map((r) => r.mean));
        // Refit on all development data with the selected k_NN; the test set is scored this once.
        testAcc = best >= 0 ? knnAccuracy(dev, test, rows[best].kNN, METRIC, CLASSES) : NaN;
      }
    },
    isDone: () => round >= total,
    read(withView) {
      const last = round - 1;
      const cand = last < 0 ? -1 : Math.floor(last / k);
      const fold = last < 0 ? -1 : last % k;
      const shown = best >= 0 ? best : Math.max(0, cand);
      const row = rows[shown];
      const done = row ? row.scores.filter(Number.isFinite) : [];
      const ms = meanStd(done);
      const sizes = folds.map((f) => f.length);
      const metrics: Record<string, number> = {
        round,
        rounds: total,
        folds: k,
        fold,
        kNN: row?.kNN ?? NaN,
        foldsScored: done.length,
        mean: ms.mean,
        std: ms.std,
        nDev: dev.length,
        nTest: test.length,
        foldMin: Math.min(...sizes),
        foldMax: Math.max(...sizes),
        bestK: best >= 0 ? rows[best].kNN : NaN,
        cvBest: best >= 0 ? rows[best].mean : NaN,
        testAcc,
      };
      if (!withView) return { metrics };
      return {
        metrics,
        view: {
          folds: k, foldSizes: sizes, nDev: dev.length, nTest: test.length, dev, devFold, test,
          rows: rows.map((r) => ({ ...r, scores: [...r.scores] })),
          current: { cand, fold }, best, testAcc, tooFew: false, notice: plan.notice,
        },
      };
    },
    dispose: () => undefined,
  };
}

/** Too few of the learner's points to cross-validate: nothing to run; the points are shown, in no fold (−2). */
function waitingEngine(points: Point2[], folds: number, notice: string | null): LabEngine<CrossvalView> {
  const view: CrossvalView = {
    folds, foldSizes: [], nDev: points.length, nTest: 0, dev: points, devFold: new Int32Array(points.length).fill(-2), test: [], rows: [],
    current: { cand: -1, fold: -1 }, best: -1, testAcc: NaN, tooFew: true, notice,
  };
  return {
    step: () => undefined,
    isDone: () => true,
    read: (withView) => ({ metrics: { round: 0, rounds: 0, folds: 0, nDev: points.length, nTest: 0, tooFew: 1 }, view: withView ? view : undefined }),
    dispose: () => undefined,
  };
}
