/**
 * Gradient descent, Gauss–Newton, Levenberg and Levenberg–Marquardt fitting y = a·e^{bx}
 * side by side (one lab step = one iteration of each), and Newton's method on a 1D function.
 * Pure TypeScript: every system is 2×2.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import {
  addStep, dampedIterate, gaussNewtonStep, gdStep, makeExpData, newton1DStep, NEWTON_FUNCTIONS, sse,
  type CurveData, type DampedState, type Theta,
} from '../../../../ml/secondOrder';
import type { SECOND_ORDER_PARAMS } from './params';

export type SecondOrderParams = Values<typeof SECOND_ORDER_PARAMS>;
export type MethodKey = 'gd' | 'gn' | 'lev' | 'lm';
export const METHOD_KEYS: readonly MethodKey[] = ['gd', 'gn', 'lev', 'lm'];

/** Relative tolerance for "converged": L − L* ≤ 1e-8 · L* (plus a floor for noise-free data). */
export const CONV_TOL = 1e-8;

export interface MethodView {
  theta: Theta;
  /** Loss after each iteration, starting with the initial loss. */
  losses: number[];
  /** λ after each iteration (Levenberg and LM only). */
  lambdas: number[];
  /** First iteration whose loss is within CONV_TOL of the best, or null. */
  converged: number | null;
  /** Rejected (trust-region) steps so far. */
  rejected: number;
}

export interface SecondOrderView {
  data: CurveData;
  truth: Theta;
  /** Least-squares minimum L* the convergence test compares against. */
  best: number;
  methods: Record<MethodKey, MethodView>;
  newton: { fn: SecondOrderParams['fn']; xs: number[] };
}

/** L* by 500 LM iterations from the true parameters (the fit's minimum is close to them). */
function bestLoss(data: CurveData, truth: Theta): number {
  let s: DampedState = { theta: truth, lambda: 1e-3, loss: sse(truth, data), accepted: true };
  for (let k = 0; k < 500; k++) s = dampedIterate(s, data, 'diag');
  return s.loss;
}

export function isConverged(loss: number, best: number): boolean {
  return Number.isFinite(loss) && loss - best <= CONV_TOL * best + 1e-20;
}

function freshMethod(theta: Theta, loss: number, lambda: number | null): MethodView {
  return { theta, losses: [loss], lambdas: lambda === null ? [] : [lambda], converged: null, rejected: 0 };
}

export function createSecondOrderEngine(p: SecondOrderParams): LabEngine<SecondOrderView> {
  const truth = { a: p.a, b: p.b };
  const data = makeExpData(truth, p.noise, p.n, p.seed);
  const best = bestLoss(data, truth);
  const start = { a: p.a0, b: p.b0 };
  const l0 = sse(start, data);
  const m: Record<MethodKey, MethodView> = {
    gd: freshMethod(start, l0, null), gn: freshMethod(start, l0, null),
    lev: freshMethod(start, l0, p.lambda0), lm: freshMethod(start, l0, p.lambda0),
  };
  const damped: Record<'lev' | 'lm', DampedState> = {
    lev: { theta: start, lambda: p.lambda0, loss: l0, accepted: true },
    lm: { theta: start, lambda: p.lambda0, loss: l0, accepted: true },
  };
  const fn = NEWTON_FUNCTIONS[p.fn];
  const newtonXs = [p.x0];
  for (const k of METHOD_KEYS) if (isConverged(l0, best)) m[k].converged = 0;

  const record = (k: MethodKey, theta: Theta, loss: number) => {
    const mv = m[k];
    mv.theta = theta;
    mv.losses.push(loss);
    if (mv.converged === null && isConverged(loss, best)) mv.converged = mv.losses.length - 1;
  };
  const stepDamped = (k: 'lev' | 'lm') => {
    const s = dampedIterate(damped[k], data, k === 'lev' ? 'identity' : 'diag', k === 'lm' || p.levMode === 'adaptive');
    damped[k] = s;
    if (!s.accepted && s.lambda !== m[k].lambdas[m[k].lambdas.length - 1]) m[k].rejected++;
    m[k].lambdas.push(s.lambda);
    record(k, s.theta, s.loss);
  };

  return {
    step() {
      const gd = gdStep(m.gd.theta, data, p.lr);
      record('gd', gd, sse(gd, data));
      const delta = gaussNewtonStep(m.gn.theta, data);
      const gn = delta ? addStep(m.gn.theta, delta) : m.gn.theta;
      record('gn', gn, sse(gn, data));
      stepDamped('lev');
      stepDamped('lm');
      newtonXs.push(newton1DStep(fn, newtonXs[newtonXs.length - 1]));
    },
    read(withView) {
      const last = (k: MethodKey) => m[k].losses[m[k].losses.length - 1];
      const conv = (k: MethodKey) => m[k].converged ?? -1;
      const metrics = {
        loss_gd: last('gd'), loss_gn: last('gn'), loss_lev: last('lev'), loss_lm: last('lm'),
        lambda_lev: damped.lev.lambda, lambda_lm: damped.lm.lambda,
        newton_x: newtonXs[newtonXs.length - 1], newton_grad: fn.df(newtonXs[newtonXs.length - 1]),
        conv_gd: conv('gd'), conv_gn: conv('gn'), conv_lev: conv('lev'), conv_lm: conv('lm'), best,
      };
      if (!withView) return { metrics };
      const copy = (k: MethodKey): MethodView => ({ ...m[k], losses: m[k].losses.slice(), lambdas: m[k].lambdas.slice() });
      const methods = { gd: copy('gd'), gn: copy('gn'), lev: copy('lev'), lm: copy('lm') };
      return { metrics, view: { data, truth, best, methods, newton: { fn: p.fn, xs: newtonXs.slice() } } };
    },
    dispose: () => undefined,
  };
}
