/**
 * Gradient descent on an ill-conditioned quadratic with three fixed learning rates (too low, about
 * right, too high) and with the exact line-search step, run side by side from one start.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { gdStep, illConditionedQuadratic, lineSearchStep, quadValue, stableStepLimit, type Quadratic2D, type Vec2 } from '../../../../ml/quadratic2d';
import { createRng } from '../../../../ml/rng';
import { HIGH_FACTOR, LOW_FACTOR, type LR_PARAMS } from './params';
import { BOWL_ANGLE, RUN_KEYS, type RunKey } from './surface';

export type { RunKey } from './surface';

export type LrParams = Values<typeof LR_PARAMS>;
/** A run whose loss grows past this multiple of the start is stopped and called diverged. */
const BLOW_UP = 1e4;

export interface LrRun {
  path: Vec2[];
  loss: number;
  /** Fixed step (NaN for the line search). */
  alpha: number;
  /** Step at which the run was stopped because it blew up, else null. */
  divergedAt: number | null;
}

export interface LrView {
  runs: Record<RunKey, LrRun>;
  /** α* of the latest line-search step. */
  lastLineAlpha: number;
  lambdaMin: number;
  lambdaMax: number;
}

/** A start 2.6 away from the minimum, at least 20° off both axes of the bowl (so the valley shows). */
export function startPoint(seed: number): Vec2 {
  const rng = createRng(seed);
  const phi = BOWL_ANGLE + ((20 + 50 * rng.next()) * Math.PI) / 180 + (Math.PI / 2) * rng.int(4);
  return [2.6 * Math.cos(phi), 2.6 * Math.sin(phi)];
}

export function runRates(p: LrParams, q: Quadratic2D): Record<RunKey, number> {
  return { low: p.lr / LOW_FACTOR, right: p.lr, high: HIGH_FACTOR * stableStepLimit(q), line: NaN };
}

export function createLrEngine(p: LrParams): LabEngine<LrView> {
  const q = illConditionedQuadratic(p.kappa, BOWL_ANGLE);
  const t0 = startPoint(p.seed);
  const f0 = quadValue(q, t0);
  const rates = runRates(p, q);
  const runs = Object.fromEntries(
    RUN_KEYS.map((k) => [k, { path: [t0], loss: f0, alpha: rates[k], divergedAt: null }]),
  ) as Record<RunKey, LrRun>;
  let steps = 0;
  let lastLineAlpha = NaN;

  function advance(k: RunKey) {
    const run = runs[k];
    if (run.divergedAt !== null) return;
    const t = run.path[run.path.length - 1];
    let next: Vec2;
    if (k === 'line') {
      const r = lineSearchStep(q, t);
      next = r.theta;
      lastLineAlpha = r.alpha;
    } else {
      next = gdStep(q, t, run.alpha);
    }
    const loss = quadValue(q, next);
    // Stop a blown-up run alone (the others go on) and keep its last finite loss.
    if (!Number.isFinite(loss) || loss > BLOW_UP * f0) {
      run.divergedAt = steps;
      return;
    }
    run.path.push(next);
    run.loss = loss;
  }

  return {
    step() {
      steps++;
      for (const k of RUN_KEYS) advance(k);
    },
    read(withView) {
      const metrics: Record<string, number> = {
        loss_low: runs.low.loss, loss_right: runs.right.loss, loss_high: runs.high.loss, loss_line: runs.line.loss,
        alpha_line: lastLineAlpha, alpha_high: rates.high, high_diverged: runs.high.divergedAt ?? 0,
      };
      if (!withView) return { metrics };
      const snapshot = Object.fromEntries(RUN_KEYS.map((k) => [k, { ...runs[k], path: runs[k].path.slice() }])) as Record<RunKey, LrRun>;
      return { metrics, view: { runs: snapshot, lastLineAlpha, lambdaMin: q.lambdaMin, lambdaMax: q.lambdaMax } };
    },
    dispose: () => undefined,
  };
}
