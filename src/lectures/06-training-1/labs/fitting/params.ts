import { defineParams, seedParam, select } from '../../../../params/schema';

/** Validation samples (a fixed-size set from the same distribution). */
export const VAL_SIZE = 200;
/** Largest training set; smaller ones are its first n points. */
export const POOL_SIZE = 200;
/** Training-set sizes of the learning curve. */
export const LC_SIZES: readonly number[] = [5, 8, 12, 20, 30, 50, 80, 120, 200];
/** The MLP's learning curve stops at 80 samples: its cost grows with the samples (n·H per epoch). */
export const MLP_LC_SIZES: readonly number[] = [5, 10, 20, 40, 80];
/** Hidden-unit counts of the MLP capacity sweep. */
export const MLP_SWEEP: readonly number[] = [1, 2, 4, 8, 16, 32];
/** Adam's learning rate for the MLP. */
export const MLP_LR = 0.03;

export const FITTING_PARAMS = defineParams({
  model: select({
    label: 'Model', urlKey: 'model', options: ['poly', 'mlp'] as const, default: 'poly',
    optionLabels: { poly: 'polynomial (gradient descent)', mlp: 'MLP, one tanh hidden layer (Adam)' },
  }),
  degree: {
    kind: 'number', label: 'Polynomial degree', symbol: 'd', urlKey: 'd', min: 0, max: 15, step: 1, default: 5,
    help: 'Capacity of the polynomial: d + 1 coefficients.',
  },
  hidden: {
    kind: 'number', label: 'Hidden units', symbol: 'H', urlKey: 'H', min: 1, max: 32, step: 1, default: 8,
    help: 'Capacity of the MLP: 3H + 1 weights and biases.',
  },
  n: {
    kind: 'number', label: 'Training samples', symbol: 'n', urlKey: 'n', min: 5, max: POOL_SIZE, step: 1, default: 30,
    help: `The validation set always has ${VAL_SIZE} samples from the same distribution.`,
  },
  sigma: { kind: 'number', label: 'Noise', symbol: '\\sigma', urlKey: 'sigma', min: 0, max: 1, step: 0.01, default: 0.2, help: 'Standard deviation of the Gaussian noise on y.' },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'epochs', min: 50, max: 5000, step: 50, default: 1500 },
  seed: seedParam(),
});
