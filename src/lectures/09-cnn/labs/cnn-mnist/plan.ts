/** The run's schedule (no tfjs, so the lab definition can use it without loading the engine). */
import { EVAL_CHUNK, EVALS_PER_EPOCH, type CnnMnistParams } from './params';

/** Validation digits: round(20 %) of each class of the 10,000 (see data.ts; checked in engine.test.ts). */
export const N_VAL = 2000;

/** Training minibatches per epoch. */
export function stepsPerEpoch(p: Pick<CnnMnistParams, 'nTrain' | 'batch'>): number {
  return Math.ceil(Math.round(p.nTrain) / Math.round(p.batch));
}

/** Training steps after which validation is scored: every 1/EVALS_PER_EPOCH epoch, and at the end. */
export function evalPoints(p: Pick<CnnMnistParams, 'nTrain' | 'batch' | 'epochs'>): number[] {
  const spe = stepsPerEpoch(p);
  const total = spe * Math.round(p.epochs);
  const out: number[] = [];
  for (let k = 1; k <= EVALS_PER_EPOCH * Math.round(p.epochs); k++) {
    const t = Math.round((k * spe) / EVALS_PER_EPOCH);
    if (t > 0 && t <= total && t !== out[out.length - 1]) out.push(t);
  }
  if (out[out.length - 1] !== total) out.push(total);
  return out;
}

/** Engine steps of the whole run: every minibatch and every validation chunk. */
export function totalSteps(p: Pick<CnnMnistParams, 'nTrain' | 'batch' | 'epochs'>, nVal = N_VAL): number {
  return stepsPerEpoch(p) * Math.round(p.epochs) + evalPoints(p).length * Math.ceil(nVal / EVAL_CHUNK);
}
