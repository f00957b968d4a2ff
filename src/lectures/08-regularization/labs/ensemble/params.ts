import { defineParams, seedParam, select } from '../../../../params/schema';

/** Validation samples (from the same distribution as the training set). */
export const VAL_SIZE = 200;
/** Largest ensemble the lab offers. */
export const MAX_K = 25;
/** Bootstrap samples drawn once to measure the out-of-bag share precisely. */
export const OOB_TRIALS = 2000;
/** Points of the x grid the curves are drawn on. */
export const GRID = 121;

export const ENSEMBLE_PARAMS = defineParams({
  k: {
    kind: 'number', label: 'Ensemble size', symbol: 'k', urlKey: 'k', min: 1, max: MAX_K, step: 1, default: 10,
    help: 'Number of networks trained; the ensemble predicts their average.',
  },
  diversity: select({
    label: 'Members differ by', urlKey: 'div', options: ['bootstrap', 'bootstrap-same-init', 'init'] as const, default: 'bootstrap',
    optionLabels: {
      bootstrap: 'bootstrap sample and initialisation (bagging)',
      'bootstrap-same-init': 'bootstrap sample only (shared initialisation)',
      init: 'initialisation only (full data set)',
    },
  }),
  n: {
    kind: 'number', label: 'Training samples', symbol: 'n', urlKey: 'n', min: 10, max: 100, step: 1, default: 25,
    help: 'Each bootstrap sample draws n of these with replacement.',
  },
  sigma: { kind: 'number', label: 'Noise', symbol: '\\sigma', urlKey: 'sigma', min: 0, max: 0.8, step: 0.05, default: 0.3, help: 'Standard deviation of the Gaussian noise on y.' },
  hidden: {
    kind: 'number', label: 'Hidden units', symbol: 'H', urlKey: 'H', min: 4, max: 64, step: 1, default: 48,
    help: 'Each member is a 1 → H → 1 tanh network: many units on few points give high variance.',
  },
  lr: { kind: 'number', label: 'Learning rate (Adam)', symbol: '\\alpha', urlKey: 'lr', min: 0.002, max: 0.2, step: 0, scale: 'log', default: 0.05 },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'epochs', min: 100, max: 3000, step: 100, default: 500, help: 'Full-batch Adam updates per member.' },
  show: {
    kind: 'number', label: 'Highlighted member', symbol: 'i', urlKey: 'show', min: 1, max: MAX_K, step: 1, default: 1,
    help: 'Whose bootstrap sample the chart marks (only changes the view).',
  },
  seed: seedParam(),
});
