/**
 * Grid search against random search over learning rate × weight decay, with a coarse-to-fine
 * refinement. Every trial is a real tfjs model (src/ml/models/softmaxMlpTf.ts) trained on the
 * training split and scored on the validation split; there is no test set here.
 *
 * One engine step is one minibatch of the running trial (≈1–6 ms on wasm), so a search of dozens
 * of models stays inside the trainer's per-frame budget and the page keeps responding. A trial's
 * scores are a tensor until `read()` (the one GPU→CPU read per frame) fetches them. The refined
 * grid depends on the coarse scores, so between the last coarse trial and the read that scores it
 * a step has nothing to do and returns at once (for at most one frame).
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import * as tf from '../../../../ml/tf';
import { generate2D, type Dataset2DKind, type Point2 } from '../../../../ml/data/datasets2d';
import { splitDataset } from '../../../../ml/data/split';
import {
  distinctCount, gridPoints, randomPoints, refinePoints, sortByValAcc, type HparamPoint, type TrialKind, type TrialResult,
} from '../../../../ml/hparamSearch';
import {
  classificationTensors, disposeClassificationTensors, SoftmaxMlpTrial, type ClassificationTensors,
} from '../../../../ml/models/softmaxMlpTf';
import { createRng } from '../../../../ml/rng';
import { BATCH_SIZE, CLASSES, HIDDEN, MIN_OWN_POINTS, N_POINTS, NOISE, REFINE_TOP, TRAIN_FRACTION, type HPARAM_PARAMS } from './params';

export type HparamParams = Values<typeof HPARAM_PARAMS>;

export type Phase = 'coarse' | 'waiting' | 'refine' | 'done';

export interface HparamView {
  /** Every planned trial in run order; pending ones have NaN scores. */
  trials: TrialResult[];
  /** Increments whenever a score arrives or trials are added (views memoise on it). */
  version: number;
  /** Index of the trial being trained, or −1. */
  current: number;
  /** Completed epochs of the current trial. */
  currentEpoch: number;
  coarseCount: number;
  phase: Phase;
  refine: boolean;
  /** Measured compute per trial (s) and per minibatch (ms), NaN until known. */
  sPerCoarseTrial: number;
  sPerRefineTrial: number;
  msPerBatch: number;
  /** Wall time from the first step to the last score (s). */
  elapsedS: number;
  nTrain: number;
  nVal: number;
  /** The points the trials learn from (set: train / val / user, the learner's points in the training set). */
  data: DataPoint[];
  /** "Your points only" with fewer than MIN_OWN_POINTS points: no search runs. */
  tooFew: boolean;
  /** Why no search runs, or null. */
  notice: string | null;
}

export type DataPoint = Point2 & { set: 'train' | 'val' | 'user' };

export interface SearchData {
  train: Point2[];
  val: Point2[];
  /** Every point with its role, for the data plot. */
  shown: DataPoint[];
  tooFew: boolean;
  notice: string | null;
}

/**
 * The training and validation points of a search. Generated data are split 2 : 1 and the learner's
 * points join the training set; "Your points only" splits the learner's points 2 : 1 (seeded) and
 * needs at least MIN_OWN_POINTS of them.
 */
export function searchData(p: Pick<HparamParams, 'dataset' | 'points' | 'seed'>): SearchData {
  const mine = p.points.map((q) => ({ x: q.x, y: q.y, label: q.label }));
  if (p.dataset === 'own') {
    if (mine.length < MIN_OWN_POINTS) {
      const n = mine.length;
      return {
        train: [], val: [], shown: mine.map((q) => ({ ...q, set: 'train' })), tooFew: true,
        notice: `${n === 0 ? 'No points yet' : `Only ${n} point${n === 1 ? '' : 's'}`}: a search needs at least ${MIN_OWN_POINTS} of your points (two thirds train each trial, one third validates it). Add ${MIN_OWN_POINTS - n} more, or pick a generated data set.`,
      };
    }
    const split = splitDataset(mine, { train: TRAIN_FRACTION, val: 1 - TRAIN_FRACTION }, p.seed + 1);
    return {
      train: split.train, val: split.val, tooFew: false, notice: null,
      shown: [...split.train.map((q) => ({ ...q, set: 'train' as const })), ...split.val.map((q) => ({ ...q, set: 'val' as const }))],
    };
  }
  const points = generate2D({ kind: p.dataset as Dataset2DKind, n: N_POINTS, noise: NOISE, classes: CLASSES, seed: p.seed });
  const split = splitDataset(points, { train: TRAIN_FRACTION, val: 1 - TRAIN_FRACTION }, p.seed + 1);
  return {
    train: [...split.train, ...mine], val: split.val, tooFew: false, notice: null,
    shown: [
      ...split.train.map((q) => ({ ...q, set: 'train' as const })),
      ...split.val.map((q) => ({ ...q, set: 'val' as const })),
      ...mine.map((q) => ({ ...q, set: 'user' as const })),
    ],
  };
}

/** The coarse trials in run order: the notes' grid and/or N log-uniform random samples (interleaved side by side). */
export function planCoarse(p: Pick<HparamParams, 'mode' | 'budget' | 'epochs' | 'seed'>): TrialResult[] {
  const grid = p.mode === 'random' ? [] : gridPoints();
  const random = p.mode === 'grid' ? [] : randomPoints(Math.round(p.budget), createRng(p.seed * 1009 + 3));
  const order: { pt: HparamPoint; kind: TrialKind }[] = [];
  for (let i = 0; i < Math.max(grid.length, random.length); i++) {
    if (i < grid.length) order.push({ pt: grid[i], kind: 'grid' });
    if (i < random.length) order.push({ pt: random[i], kind: 'random' });
  }
  return order.map(({ pt, kind }, index) => newTrial(pt, kind, index, Math.round(p.epochs)));
}

function newTrial(pt: HparamPoint, kind: TrialKind, index: number, epochs: number): TrialResult {
  return { ...pt, kind, index, epochs, valAcc: NaN, valLoss: NaN, trainLoss: NaN, diverged: false };
}

const scored = (t: TrialResult) => Number.isFinite(t.valAcc) || t.diverged;

export function createHparamEngine(p: HparamParams): LabEngine<HparamView> {
  const sd = searchData(p);
  if (sd.tooFew) return waitingEngine(p, sd);
  const data: ClassificationTensors = classificationTensors(sd.train, sd.val, CLASSES);
  const trials = planCoarse(p);
  const coarseCount = trials.length;
  let refinePlanned = !p.refine;
  let next = 0;
  let active: { model: SoftmaxMlpTrial; index: number } | null = null;
  let pending: { index: number; scores: tf.Tensor1D }[] = [];
  let version = 0;
  let snapshot: TrialResult[] = [];
  let snapshotVersion = -1;
  let disposed = false;
  // Timing: compute spent inside step() per trial, and wall time of the whole search.
  const computeOf: number[] = [];
  let batches = 0;
  let batchMs = 0;
  let startedAt = NaN;
  let finishedAt = NaN;

  const allScored = () => trials.every(scored);
  const done = () => refinePlanned && next >= trials.length && active === null && pending.length === 0 && allScored();

  function planRefinement() {
    const best = sortByValAcc(trials.filter((t) => t.kind !== 'refine' && Number.isFinite(t.valAcc))).slice(0, REFINE_TOP);
    const pts = refinePoints(best);
    pts.forEach((pt) => trials.push(newTrial(pt, 'refine', trials.length, Math.round(p.refineEpochs))));
    refinePlanned = true;
    version++;
  }

  function phase(): Phase {
    if (done()) return 'done';
    if (next < coarseCount) return 'coarse';
    if (!refinePlanned) return 'waiting';
    return next >= trials.length && active === null ? 'waiting' : 'refine';
  }

  function meanCompute(kind: 'coarse' | 'refine'): number {
    const xs = computeOf.filter((_, i) => (kind === 'coarse' ? i < coarseCount : i >= coarseCount) && scored(trials[i]));
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length / 1000 : NaN;
  }

  return {
    step() {
      if (disposed) return;
      if (!active) {
        if (next >= trials.length) return; // waiting for the coarse scores, or finished
        const t = trials[next];
        active = {
          model: new SoftmaxMlpTrial(data, { hidden: HIDDEN, lr: t.lr, wd: t.wd, optimizer: p.optimizer, batchSize: BATCH_SIZE, seed: p.seed }),
          index: next,
        };
        next++;
        if (Number.isNaN(startedAt)) startedAt = performance.now();
      }
      const t0 = performance.now();
      const a = active;
      const endOfEpoch = a.model.trainBatch();
      if (endOfEpoch && a.model.epoch >= trials[a.index].epochs) {
        pending.push({ index: a.index, scores: a.model.evaluate() });
        a.model.dispose();
        active = null;
      }
      const dt = performance.now() - t0;
      computeOf[a.index] = (computeOf[a.index] ?? 0) + dt;
      batches++;
      batchMs += dt;
    },

    async read(withView) {
      if (pending.length) {
        const batch = pending;
        pending = [];
        const packed = tf.concat(batch.map((b) => b.scores));
        tf.dispose(batch.map((b) => b.scores));
        let values: Float32Array | Int32Array | Uint8Array;
        try {
          values = await packed.data();
        } finally {
          packed.dispose();
        }
        batch.forEach((b, k) => {
          const t = trials[b.index];
          const [acc, valLoss, trainLoss] = [values[4 * k], values[4 * k + 1], values[4 * k + 2]];
          t.diverged = !Number.isFinite(valLoss) || !Number.isFinite(trainLoss);
          t.valAcc = t.diverged ? NaN : acc;
          t.valLoss = valLoss;
          t.trainLoss = trainLoss;
        });
        version++;
        if (!refinePlanned && next >= coarseCount && allScored()) planRefinement();
        if (done() && Number.isNaN(finishedAt)) finishedAt = performance.now();
      }
      const finished = trials.filter(scored);
      const ranked = sortByValAcc(finished);
      const best = ranked[0];
      const bestOf = (kind: TrialKind) => sortByValAcc(finished.filter((t) => t.kind === kind))[0]?.valAcc;
      const coarse = trials.slice(0, coarseCount);
      const metrics: Record<string, number> = {
        trials_total: trials.length,
        trials_done: finished.length,
        trial: active ? active.index + 1 : finished.length,
        phase: ['coarse', 'waiting', 'refine', 'done'].indexOf(phase()),
        grid_distinct_lr: distinctCount(coarse.filter((t) => t.kind === 'grid').map((t) => t.lr)),
        random_distinct_lr: distinctCount(coarse.filter((t) => t.kind === 'random').map((t) => t.lr)),
        diverged: finished.filter((t) => t.diverged).length,
        chance: 1 / CLASSES,
      };
      if (best && Number.isFinite(best.valAcc)) {
        Object.assign(metrics, { best_acc: best.valAcc, best_lr: best.lr, best_wd: best.wd, best_index: best.index, best_epochs: best.epochs });
      }
      for (const k of ['grid', 'random', 'refine'] as const) {
        const v = bestOf(k);
        if (v !== undefined && Number.isFinite(v)) metrics[`${k}_best`] = v;
      }
      if (batches) metrics.ms_per_batch = batchMs / batches;
      const sc = meanCompute('coarse');
      const sr = meanCompute('refine');
      if (Number.isFinite(sc)) metrics.s_per_coarse_trial = sc;
      if (Number.isFinite(sr)) metrics.s_per_refine_trial = sr;
      const elapsed = ((Number.isNaN(finishedAt) ? performance.now() : finishedAt) - startedAt) / 1000;
      if (Number.isFinite(elapsed)) metrics.elapsed_s = elapsed;
      if (!withView) return { metrics };
      // A new array only when a score arrived or trials were added, so the views redraw once per trial, not at 10 Hz.
      if (snapshotVersion !== version || snapshot.length !== trials.length) {
        snapshot = trials.map((t) => ({ ...t }));
        snapshotVersion = version;
      }
      return {
        metrics,
        view: {
          trials: snapshot,
          version,
          current: active ? active.index : -1,
          currentEpoch: active ? active.model.epoch : 0,
          coarseCount,
          phase: phase(),
          refine: p.refine,
          sPerCoarseTrial: sc,
          sPerRefineTrial: sr,
          msPerBatch: batches ? batchMs / batches : NaN,
          elapsedS: Number.isFinite(elapsed) ? elapsed : NaN,
          nTrain: data.nTrain,
          nVal: data.nVal,
          data: sd.shown,
          tooFew: false,
          notice: null,
        },
      };
    },

    isDone: done,

    dispose() {
      if (disposed) return;
      disposed = true;
      active?.model.dispose();
      active = null;
      tf.dispose(pending.map((b) => b.scores));
      pending = [];
      disposeClassificationTensors(data);
    },
  };
}

/** Too few of the learner's points: the coarse trials are planned but none is trained. */
function waitingEngine(p: HparamParams, sd: SearchData): LabEngine<HparamView> {
  const trials = planCoarse(p);
  const view: HparamView = {
    trials, version: 0, current: -1, currentEpoch: 0, coarseCount: trials.length, phase: 'waiting', refine: p.refine,
    sPerCoarseTrial: NaN, sPerRefineTrial: NaN, msPerBatch: NaN, elapsedS: NaN, nTrain: 0, nVal: 0,
    data: sd.shown, tooFew: true, notice: sd.notice,
  };
  return {
    step: () => undefined,
    isDone: () => true,
    read: (withView) => ({ metrics: { trials_total: trials.length, trials_done: 0, too_few: 1, chance: 1 / CLASSES }, view: withView ? view : undefined }),
    dispose: () => undefined,
  };
}
