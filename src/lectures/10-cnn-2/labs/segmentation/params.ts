import { defineParams, seedParam } from '../../../../params/schema';

/** Images per minibatch (both networks see the same batch). */
export const BATCH = 8;
/** Generated training and validation images (32 × 32 RGB). */
export const N_TRAIN = 512;
export const N_VAL = 32;
/** Both networks are scored on the validation images every EVAL_EVERY iterations ... */
export const EVAL_EVERY = 25;
/** ... EVAL_CHUNK images per engine step, so one step stays short. */
export const EVAL_CHUNK = 8;
/** Validation images drawn with their predictions. */
export const SHOW = 4;

export const SEGMENTATION_PARAMS = defineParams({
  width: {
    kind: 'number', label: 'Channels of the first level', symbol: 'c', urlKey: 'c', min: 4, max: 16, step: 4, default: 8,
    help: 'The levels have c, 2c and 4c channels (8–16–32 by default).',
  },
  lr: { kind: 'number', label: 'Learning rate (Adam)', symbol: '\\alpha', urlKey: 'lr', min: 0.0003, max: 0.03, step: 0, scale: 'log', default: 0.01 },
  iters: {
    kind: 'number', label: 'Iterations', urlKey: 'it', min: 100, max: 1000, step: 50, default: 300,
    help: `Minibatches of ${BATCH} images; both networks are scored on ${N_VAL} validation images every ${EVAL_EVERY}.`,
  },
  opacity: { kind: 'number', label: 'Overlay opacity', urlKey: 'op', min: 0, max: 1, step: 0.05, default: 0.6 },
  seed: seedParam(),
});

/** Engine steps of a run: every iteration, plus the chunks of each scoring (at 0, EVAL_EVERY, …, iters). */
export function totalSteps(p: { iters: number }): number {
  const iters = Math.round(p.iters);
  const evals = Math.floor(iters / EVAL_EVERY) + 1 + (iters % EVAL_EVERY ? 1 : 0);
  return iters + evals * Math.ceil(N_VAL / EVAL_CHUNK);
}
