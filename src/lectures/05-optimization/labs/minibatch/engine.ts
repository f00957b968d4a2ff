/**
 * Minibatch SGD on a two-parameter model, four batch sizes side by side (1, 10, n and the chosen
 * B), each for the same number of epochs from the same start; and the cloud of minibatch gradients
 * around the full gradient at the chosen run's current θ.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import {
  createSgdRun, fullLoss, gradientCloud, makeMinibatchProblem, minimiser, sgdEpoch, type GradientCloud, type SgdRun, type Vec2,
} from '../../../../ml/minibatch';
import { createRng } from '../../../../ml/rng';
import { CLOUD_SIZE, CURVE_KEYS, N_SAMPLES, type CurveKey, type MINIBATCH_PARAMS } from './params';

export type { CurveKey } from './params';

export type MinibatchParams = Values<typeof MINIBATCH_PARAMS>;
export const THETA0: Vec2 = [2, -1.5];
/** A reference run whose loss passes this is stopped and called diverged (the chosen run is not). */
const BLOW_UP = 1e6;

export interface CurveState {
  batch: number;
  loss: number;
  updates: number;
  divergedAt: number | null;
}

export interface MinibatchView {
  curves: Record<CurveKey, CurveState>;
  cloud: GradientCloud;
  theta: Vec2;
  best: Vec2;
  bestLoss: number;
}

export function batchSizes(p: MinibatchParams): Record<CurveKey, number> {
  return { b1: 1, b10: 10, full: N_SAMPLES, chosen: Math.round(p.batch) };
}

export function createMinibatchEngine(p: MinibatchParams): LabEngine<MinibatchView> {
  const problem = makeMinibatchProblem(p.model, N_SAMPLES, p.seed);
  const best = minimiser(problem);
  const bestLoss = fullLoss(problem, best);
  const sizes = batchSizes(p);
  // Same seed per batch size: the chosen run retraces a reference run of equal B exactly.
  const runs = Object.fromEntries(CURVE_KEYS.map((k) => [k, createSgdRun(N_SAMPLES, sizes[k], THETA0, p.seed * 7919 + sizes[k])])) as Record<CurveKey, SgdRun>;
  const start = fullLoss(problem, THETA0);
  const curves = Object.fromEntries(CURVE_KEYS.map((k) => [k, { batch: sizes[k], loss: start, updates: 0, divergedAt: null }])) as Record<CurveKey, CurveState>;
  let epoch = 0;

  function advance(k: CurveKey) {
    const c = curves[k];
    if (c.divergedAt !== null) return;
    sgdEpoch(problem, runs[k], p.lr, p.rm);
    const loss = fullLoss(problem, runs[k].theta);
    c.updates = runs[k].updates;
    if (k !== 'chosen' && !(loss < BLOW_UP)) {
      c.divergedAt = epoch;
      return;
    }
    c.loss = loss;
  }

  return {
    step() {
      epoch++;
      for (const k of CURVE_KEYS) advance(k);
    },
    read(withView) {
      const gap = (k: CurveKey) => curves[k].loss - bestLoss;
      const metrics: Record<string, number> = {
        loss: curves.chosen.loss, gap: gap('chosen'), gap_b1: gap('b1'), gap_b10: gap('b10'), gap_full: gap('full'), loss_min: bestLoss,
      };
      if (!withView) return { metrics };
      const theta: Vec2 = [...runs.chosen.theta];
      const ok = Number.isFinite(theta[0]) && Number.isFinite(theta[1]);
      const cloud = gradientCloud(problem, ok ? theta : THETA0, sizes.chosen, CLOUD_SIZE, createRng(p.seed * 31 + epoch));
      metrics.spread = cloud.spread;
      metrics.spread_law = cloud.predicted;
      const snapshot = Object.fromEntries(CURVE_KEYS.map((k) => [k, { ...curves[k] }])) as Record<CurveKey, CurveState>;
      return { metrics, view: { curves: snapshot, cloud, theta, best, bestLoss } };
    },
    dispose: () => undefined,
  };
}
