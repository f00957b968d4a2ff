import { defineParams, seedParam } from '../../../../params/schema';
import type { Gap } from '../../../../ml/mcDropout';

/** Training points. */
export const N_POINTS = 48;
/** Hidden units per layer. */
export const HIDDEN = 32;
/** No training data in this interval of x. */
export const GAP: Gap = { lo: -0.5, hi: 0.5 };
/** Data on [−1, 1]; the plot and the prediction grid extend a little beyond. */
export const X_MIN = -1;
export const X_MAX = 1;
export const PLOT_MIN = -1.4;
export const PLOT_MAX = 1.4;
export const GRID = 85;
/** Full-batch Adam epochs per engine step. */
export const EPOCHS_PER_STEP = 10;

export const MC_PARAMS = defineParams({
  drop: {
    kind: 'number', label: 'Drop probability', symbol: 'p', urlKey: 'p', min: 0.05, max: 0.5, step: 0.05, default: 0.2,
    help: 'Probability that a hidden unit is switched off, in training and in every Monte Carlo pass (the notes: 0.1 or 0.2).',
  },
  passes: {
    kind: 'number', label: 'Stochastic passes', symbol: 'T', urlKey: 'T', min: 25, max: 100, step: 5, default: 50,
    help: 'Forward passes with dropout on, averaged at prediction time (the notes: 25–100).',
  },
  noise: { kind: 'number', label: 'Noise of the data', symbol: '\\sigma', urlKey: 'sigma', min: 0.02, max: 0.3, step: 0.02, default: 0.1 },
  lr: { kind: 'number', label: 'Learning rate (Adam)', symbol: '\\alpha', urlKey: 'lr', min: 0.001, max: 0.03, step: 0, scale: 'log', default: 0.01 },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'epochs', min: 200, max: 4000, step: 100, default: 2000 },
  seed: seedParam(2),
});
