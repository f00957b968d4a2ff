/**
 * Under- and overfitting: one model trained epoch by epoch on n noisy samples of a 1-D function,
 * with its training and validation loss per epoch; beside it, trained in lockstep (one epoch each
 * per step), the same learner at every capacity (the sweep) and at a range of training-set sizes
 * (the learning curve). A step is one epoch of all of them: well under a millisecond for the
 * polynomials, a few for the MLPs.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { diagnoseCurves, FIT_CODE, type CurveDiagnosis } from '../../../../ml/diagnosis';
import { head, makeFittingData, mlpLearner, polyExact, polyLearner, trueFunction, type Learner, type Samples } from '../../../../ml/fitting';
import { evalPolynomial, MAX_DEGREE } from '../../../../ml/models/polyfit';
import { LC_SIZES, MLP_LC_SIZES, MLP_LR, MLP_SWEEP, POOL_SIZE, VAL_SIZE, type FITTING_PARAMS } from './params';

export type FittingParams = Values<typeof FITTING_PARAMS>;

/** Points of the drawn curves on [−1, 1]. */
export const GRID = 161;

export interface SweepPoint {
  /** Degree or hidden units. */
  capacity: number;
  train: number;
  val: number;
}

export interface LcPoint {
  size: number;
  train: number;
  val: number;
}

export interface FittingView {
  train: Samples;
  val: Samples;
  gridX: number[];
  truth: number[];
  fit: number[];
  /** Least-squares polynomial of the chosen degree (where gradient descent heads); null for the MLP. */
  exact: number[] | null;
  sweep: SweepPoint[];
  lc: LcPoint[];
  diagnosis: CurveDiagnosis;
  epoch: number;
  /** Trainable parameters of the chosen model. */
  params: number;
}

export function capacityOf(p: FittingParams): number {
  return p.model === 'poly' ? Math.round(p.degree) : Math.round(p.hidden);
}

export function sweepCapacities(p: FittingParams): number[] {
  return p.model === 'poly' ? Array.from({ length: MAX_DEGREE + 1 }, (_, d) => d) : [...MLP_SWEEP];
}

/** The MLP's loss curves are sampled every this many epochs. */
export const MLP_CURVE_STRIDE = 5;

export function learningCurveSizes(p: FittingParams): readonly number[] {
  return p.model === 'poly' ? LC_SIZES : MLP_LC_SIZES;
}

export function createFittingEngine(p: FittingParams): LabEngine<FittingView> {
  const n = Math.round(p.n);
  const { pool, val } = makeFittingData(p.seed, p.sigma, POOL_SIZE, VAL_SIZE);
  const train = head(pool, n);
  // Same initial weights for every MLP of a run: only capacity or data differ between them.
  const make = (s: Samples, capacity: number): Learner =>
    p.model === 'poly' ? polyLearner(s, capacity) : mlpLearner(s, capacity, MLP_LR, p.seed * 31 + 7);
  const cap = capacityOf(p);
  const main = make(train, cap);
  const caps = sweepCapacities(p);
  const sweep = caps.map((c) => make(train, c));
  const lcSizes = learningCurveSizes(p);
  const lcSets = lcSizes.map((m) => head(pool, m));
  const lc = lcSets.map((s) => make(s, cap));
  const trainHist = [main.mse(train)];
  const valHist = [main.mse(val)];
  const histEpochs = [0];
  // The MLP's validation pass (200 samples) costs more than its training epoch on few samples: sample the curve every 5 epochs.
  const stride = p.model === 'poly' ? 1 : MLP_CURVE_STRIDE;
  let epoch = 0;

  const gridX = Array.from({ length: GRID }, (_, i) => -1 + (2 * i) / (GRID - 1));
  const truth = gridX.map(trueFunction);
  let exact: number[] | null = null;
  if (p.model === 'poly') {
    const ls = polyExact(train, cap);
    exact = gridX.map((x) => evalPolynomial(ls.theta, x));
  }

  const diagnose = () => diagnoseCurves(trainHist, valHist, { floor: p.sigma * p.sigma, epochs: histEpochs });

  return {
    step() {
      epoch++;
      main.epoch();
      for (const l of sweep) l.epoch();
      for (const l of lc) l.epoch();
      if (epoch % stride === 0 || epoch === p.epochs) {
        trainHist.push(main.mse(train));
        valHist.push(main.mse(val));
        histEpochs.push(epoch);
      }
    },
    read(withView) {
      const d = diagnose();
      const metrics: Record<string, number> = {
        train_loss: trainHist[trainHist.length - 1],
        val_loss: valHist[valHist.length - 1],
        gap: d.gap,
        fit: FIT_CODE[d.kind],
        val_best: d.valBest,
        val_best_at: histEpochs[d.valBestAt] ?? NaN,
        train_trend: d.trainTrend,
        val_trend: d.valTrend,
        bad_val_better: d.badSigns.includes('val-better') ? 1 : 0,
        bad_train_flat: d.badSigns.includes('train-flat') ? 1 : 0,
        floor: p.sigma * p.sigma,
      };
      if (!withView) return { metrics };
      const sweepPts = caps.map((c, i) => ({ capacity: c, train: sweep[i].mse(train), val: sweep[i].mse(val) }));
      const lcPts = lcSizes.map((size, i) => ({ size, train: lc[i].mse(lcSets[i]), val: lc[i].mse(val) }));
      const best = sweepPts.reduce((b, s) => (s.val < b.val ? s : b), sweepPts[0]);
      metrics.sweep_best_capacity = best.capacity;
      metrics.sweep_val_at_capacity = sweepPts.find((s) => s.capacity === cap)?.val ?? NaN;
      metrics.lc_val_smallest = lcPts[0].val;
      metrics.lc_val_largest = lcPts[lcPts.length - 1].val;
      const view: FittingView = {
        train, val, gridX, truth, fit: gridX.map((x) => main.predict(x)), exact,
        sweep: sweepPts, lc: lcPts, diagnosis: d, epoch, params: main.params,
      };
      return { metrics, view };
    },
    dispose: () => undefined,
  };
}
