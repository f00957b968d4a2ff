import { defineParams, seedParam } from '../../../../params/schema';

/** Minibatch size of both networks. */
export const BATCH = 32;
/** Validation digits per class (500 in all). */
export const VAL_PER_CLASS = 50;
/** Masks drawn for the one-unit Monte Carlo check per training step. */
export const MASKS_PER_STEP = 50;
/** Train-mode passes shown for the example digit. */
export const TRAIN_PASSES = 8;

export const DROPOUT_PARAMS = defineParams({
  drop: {
    kind: 'number', label: 'Drop probability', symbol: 'p', urlKey: 'p', min: 0, max: 0.8, step: 0.05, default: 0.5,
    help: 'Probability that a hidden unit is switched off (PyTorch’s nn.Dropout(p)); it is kept with q = 1 − p.',
  },
  hidden: { kind: 'number', label: 'Hidden units per layer', symbol: 'H', urlKey: 'H', min: 32, max: 256, step: 32, default: 128 },
  perClass: {
    kind: 'number', label: 'Training digits per class', urlKey: 'n', min: 10, max: 100, step: 10, default: 30,
    help: 'A small training set overfits quickly; validation uses 50 other digits per class.',
  },
  lr: { kind: 'number', label: 'Learning rate (Adam)', symbol: '\\alpha', urlKey: 'lr', min: 0.0003, max: 0.01, step: 0, scale: 'log', default: 0.001 },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'epochs', min: 10, max: 100, step: 10, default: 40 },
  inputs: {
    kind: 'number', label: 'Inputs of the single unit', symbol: 'n', urlKey: 'k', min: 2, max: 12, step: 1, default: 2,
    help: 'The weight-scaling check uses one unit z = Σ θᵢxᵢ with this many inputs (the notes use 2).',
  },
  seed: seedParam(),
});
