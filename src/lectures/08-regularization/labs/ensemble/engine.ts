/**
 * Bagging k small networks on noisy 1-D regression. One step is one epoch (one full-batch Adam
 * update) of every member, ~0.1 ms per member, so k ≤ 25 members stay far inside a frame.
 *
 * Plain TypeScript, no tfjs: 1 → H → 1 networks on ≤ 100 points, where tfjs would spend its time
 * on per-op dispatch (see src/ml/fitting.ts and src/ml/bagging.ts).
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import {
  averagePredictions, bootstrapIndices, createBagging, decomposeErrors, ensembleSizeCurve, expectedOobFraction, memberPredictions, mse,
  oobFraction, trueFunction,
} from '../../../../ml/bagging';
import type { Samples } from '../../../../ml/fitting';
import { createRng } from '../../../../ml/rng';
import { GRID, OOB_TRIALS, VAL_SIZE, type ENSEMBLE_PARAMS } from './params';

export type EnsembleParams = Values<typeof ENSEMBLE_PARAMS>;

export interface EnsembleView {
  epoch: number;
  train: Samples;
  gridX: Float64Array;
  truth: Float64Array;
  /** Member i's curve on the grid. */
  members: Float64Array[];
  /** The averaged curve on the grid. */
  ensemble: Float64Array;
  /** How often member i drew each training point. */
  counts: Int32Array[];
  /** Out-of-bag share of each member's sample. */
  oob: number[];
  /** Validation MSE of each member, and its training MSE on its own bootstrap sample. */
  memberVal: number[];
  memberTrain: number[];
  /** Validation MSE of the average of the first m members, m = 1 … k. */
  sizeCurve: number[];
  /** Mean validation MSE of the first m members. */
  sizeMean: number[];
}

export function createEnsembleEngine(p: EnsembleParams): LabEngine<EnsembleView> {
  const k = Math.round(p.k);
  const n = Math.round(p.n);
  const setup = createBagging({
    k, n, sigma: p.sigma, hidden: Math.round(p.hidden), lr: p.lr, diversity: p.diversity, valSize: VAL_SIZE, seed: p.seed,
  });
  const { train, val, members } = setup;
  const valTruth = Float64Array.from(val.x, trueFunction);
  const gridX = Float64Array.from({ length: GRID }, (_, i) => -1 + (2 * i) / (GRID - 1));
  const truth = Float64Array.from(gridX, trueFunction);
  const memberSamples = members.map((m) => ({ x: Float64Array.from(m.sample, (j) => train.x[j]), y: Float64Array.from(m.sample, (j) => train.y[j]) }));

  // The out-of-bag share, measured on many bootstrap samples of this n (once per run).
  const oobRng = createRng(p.seed * 48271 + n);
  let oobSum = 0;
  for (let t = 0; t < OOB_TRIALS; t++) oobSum += oobFraction(bootstrapIndices(n, oobRng), n);
  const oobMany = oobSum / OOB_TRIALS;
  const oobTheory = expectedOobFraction(n);
  const oobMembers = members.map((m) => m.oob);
  const bagging = p.diversity !== 'init';
  const oobMean = oobMembers.reduce((a, b) => a + b, 0) / k;
  let epoch = 0;

  return {
    step() {
      epoch++;
      for (const m of members) m.learner.epoch();
    },
    read(withView) {
      // The validation metrics cost k·(validation set) forward passes: they are evaluated with the view
      // (~10 Hz, the only reads the page publishes), not after every frame's steps.
      if (!withView) return { metrics: { epoch } };
      const preds = memberPredictions(members, val.x);
      const d = decomposeErrors(preds, val.y);
      const dTruth = decomposeErrors(preds, valTruth);
      const memberVal = preds.map((q) => mse(q, val.y));
      const best = Math.min(...memberVal);
      const metrics: Record<string, number> = {
        epoch,
        k,
        ens_val: d.ensemble,
        member_val: d.v,
        best_member_val: best,
        gain: d.v - d.ensemble,
        v: d.v,
        c: d.c,
        rho: d.rho,
        rho_f: dTruth.rho,
        // The identity MSE_ens = v̄/k + (k−1)/k c̄, evaluated from the moments (equals ens_val).
        ens_formula: d.v / k + ((k - 1) / k) * d.c,
        noise_floor: p.sigma * p.sigma,
        oob_members: bagging ? oobMean : 0,
        oob_many: oobMany,
        oob_theory: oobTheory,
      };
      const curves = memberPredictions(members, gridX);
      const sizeCurve = ensembleSizeCurve(preds, val.y);
      let acc = 0;
      const sizeMean = memberVal.map((v, i) => (acc += v) / (i + 1));
      metrics.ens_size_1 = sizeCurve[0];
      const view: EnsembleView = {
        epoch,
        train,
        gridX,
        truth,
        members: curves,
        ensemble: averagePredictions(curves),
        counts: members.map((m) => m.counts),
        oob: oobMembers,
        memberVal,
        memberTrain: members.map((m, i) => m.learner.mse(memberSamples[i])),
        sizeCurve,
        sizeMean,
      };
      return { metrics, view };
    },
    dispose: () => undefined,
  };
}
