/**
 * One runner per optimizer: its state and a step that applies the rule from src/ml/optim, plus what
 * the update-rule panel shows of that state. Pure apart from the SGD noise generator it owns.
 */
import {
  initAdam, initBase, initLbfgs, initMomentum, initNesterov, initNewton, initRmsProp, stepAdam, stepGd, stepLbfgs,
  stepMomentum, stepNesterov, stepNewton, stepRmsProp, stepSgd, type BaseState, type Objective2D, type Vec2,
} from '../../../../ml/optim/rules';
import { createRng } from '../../../../ml/rng';
import type { OptimizerId, OptParams } from './params';

/** Named vectors and scalars of an optimizer's state, for the live formula. */
export interface StateReadout {
  vectors: Record<string, Vec2>;
  scalars: Record<string, number>;
  /** Newton: the Hessian was not positive definite and |H| was used. */
  modified?: boolean;
}

export interface Runner {
  readonly id: OptimizerId;
  readonly state: BaseState;
  step(o: Objective2D): void;
  /** Overwrite θ (projection onto a bounded domain). */
  setTheta(t: Vec2): void;
  readout(): StateReadout;
}

function makeRunner<S extends BaseState>(
  id: OptimizerId, s0: S, step: (s: S, o: Objective2D) => S, readout: (s: S) => StateReadout,
): Runner {
  let s = s0;
  return {
    id,
    get state() { return s; },
    step: (o) => { s = step(s, o); },
    setTheta: (t) => { s = { ...s, theta: t }; },
    readout: () => readout(s),
  };
}

const g = (s: BaseState): StateReadout => ({ vectors: { g: s.g }, scalars: {} });

/** Builds the runner for one optimizer from the lab's hyperparameters. */
export function createRunner(id: OptimizerId, p: OptParams, start: Vec2): Runner {
  const adam = { alpha: p.lrAdaptive, beta1: p.beta1, beta2: p.beta2, eps: p.eps };
  switch (id) {
    case 'gd':
      return makeRunner(id, initBase(start), (s, o) => stepGd(s, o, p.lr), g);
    case 'sgd': {
      const rng = createRng(p.seed);
      return makeRunner(id, initBase(start), (s, o) => stepSgd(s, o, p.lr, p.sigma, rng), g);
    }
    case 'momentum':
      return makeRunner(id, initMomentum(start), (s, o) => stepMomentum(s, o, p.lr, p.beta), (s) => ({ vectors: { g: s.g, v: s.v }, scalars: {} }));
    case 'nesterov':
      return makeRunner(id, initNesterov(start), (s, o) => stepNesterov(s, o, p.lr, p.beta),
        (s) => ({ vectors: { g: s.g, v: s.v, lookahead: s.lookahead }, scalars: {} }));
    case 'rmsprop':
      return makeRunner(id, initRmsProp(start), (s, o) => stepRmsProp(s, o, p.lrAdaptive, p.beta, p.eps),
        (s) => ({ vectors: { g: s.g, s: s.s }, scalars: {} }));
    case 'adam':
    case 'adamNoBias': {
      const h = { ...adam, biasCorrection: id === 'adam' };
      return makeRunner(id, initAdam(start), (s, o) => stepAdam(s, o, h),
        (s) => ({ vectors: { g: s.g, m: s.m, v: s.v, mHat: s.mHat, vHat: s.vHat }, scalars: {} }));
    }
    case 'newton':
      return makeRunner(id, initNewton(start), (s, o) => stepNewton(s, o),
        (s) => ({ vectors: { g: s.g, eig: s.eig }, scalars: { hxx: s.h[0], hxy: s.h[1], hyy: s.h[2] }, modified: s.modified }));
    case 'lbfgs':
      return makeRunner(id, initLbfgs(start), (s, o) => stepLbfgs(s, o, p.m),
        (s) => ({ vectors: { g: s.g, d: s.d }, scalars: { t: s.t, pairs: s.sHist.length } }));
  }
}
