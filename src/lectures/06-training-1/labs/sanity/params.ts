import { defineParams, seedParam, select } from '../../../../params/schema';

/** The recipe's training-set sizes ("How to start": 1, a handful (4), then 10, 100, 1000). */
export const STAGES = [1, 4, 10, 100, 1000] as const;
/** Size of the training pool (the largest stage) and of the validation set. */
export const POOL_SIZE = 1000;
export const VAL_SIZE = 500;
/** Hidden units per layer of the 2 → H → H → C network. */
export const HIDDEN = 32;
/** Dropout passes averaged when validating in training mode (mistake c). */
export const TRAIN_MODE_PASSES = 5;
/** Classes shown in the initial-loss chart. */
export const C_RANGE = [2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export const SANITY_PARAMS = defineParams({
  classes: {
    kind: 'number', label: 'Classes', symbol: 'C', urlKey: 'C', min: 2, max: 10, step: 1, default: 4,
    help: 'Number of spiral arms, one class each.',
  },
  stage: select({
    label: 'Training samples', symbol: 'n', urlKey: 'n', options: ['1', '4', '10', '100', '1000', 'all'] as const, default: 'all',
    optionLabels: { '1': '1 sample', '4': '4 samples', '10': '10 samples', '100': '100 samples', '1000': '1,000 samples', all: 'all: 1 → 4 → 10 → 100 → 1000' },
    help: 'The recipe: overfit one sample first, then a handful, then more until the model generalises.',
  }),
  steps: {
    kind: 'number', label: 'Iterations per stage', urlKey: 'S', min: 50, max: 1000, step: 50, default: 300,
    help: 'Full-batch gradient steps on each training-set size.',
  },
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.01, max: 2, step: 0, scale: 'log', default: 0.5, help: 'Plain SGD step size.' },
  dropout: { kind: 'number', label: 'Dropout rate', symbol: 'p', urlKey: 'p', min: 0, max: 0.6, step: 0.05, default: 0.2, help: 'Fraction of hidden units dropped in training mode.' },
  init: select({
    label: 'Initialisation', urlKey: 'init', options: ['small', 'large'] as const, default: 'small',
    optionLabels: { small: 'small (output σ = 0.01)', large: 'wrong: all weights N(0, 1)' },
    help: 'Small: He-normal hidden layers and a 0.01-scaled output layer. Wrong: an unscaled randn for every weight.',
  }),
  mkSoftmax: { kind: 'bool', label: '(a) softmax outputs into a loss that expects logits', urlKey: 'ma', default: false },
  mkZeroGrad: { kind: 'bool', label: '(b) forgot zero_grad()', urlKey: 'mb', default: false },
  mkEval: { kind: 'bool', label: '(c) forgot eval mode for validation', urlKey: 'mc', default: false },
  seed: seedParam(),
});
