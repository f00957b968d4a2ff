import { defineParams, seedParam, select } from '../../../../params/schema';

/** Validation scorings per epoch (each scores all 2,000 held-out digits, in chunks). */
export const EVALS_PER_EPOCH = 4;
/** Validation digits per engine step while scoring. */
export const EVAL_CHUNK = 100;
/** A training-curve point every this many minibatches. */
export const TRAIN_POINT_EVERY = 20;
/** Misclassified validation digits shown at most. */
export const MAX_WRONG = 40;
/** Validation digits per class offered for the activation maps. */
export const EXAMPLES_PER_CLASS = 10;

export const CNN_MNIST_PARAMS = defineParams({
  lr: {
    kind: 'number', label: 'Learning rate (Adam)', symbol: '\\alpha', urlKey: 'lr', min: 1e-4, max: 3e-2, step: 0, scale: 'log', default: 4e-3,
    help: 'Step size of the Adam optimiser.',
  },
  batch: {
    kind: 'number', label: 'Batch size', symbol: 'B', urlKey: 'b', min: 5, max: 100, step: 5, default: 20,
    help: 'Digits per minibatch (ConvNetJS’ demo uses 20).',
  },
  f1: {
    kind: 'number', label: 'Filters in conv layer 1', symbol: 'K_1', urlKey: 'f1', min: 2, max: 16, step: 1, default: 8,
    help: 'Number of 5×5 filters of the first convolution.',
  },
  f2: {
    kind: 'number', label: 'Filters in conv layer 2', symbol: 'K_2', urlKey: 'f2', min: 2, max: 32, step: 1, default: 16,
    help: 'Number of 5×5×K₁ filters of the second convolution.',
  },
  nTrain: {
    kind: 'number', label: 'Training digits', symbol: 'n', urlKey: 'n', min: 500, max: 8000, step: 500, default: 8000,
    help: 'A stratified subset (each digit in its MNIST share); 2,000 other digits are held out for validation.',
  },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'ep', min: 1, max: 10, step: 1, default: 3 },
  digit: {
    kind: 'number', label: 'Digit for the activation maps', urlKey: 'dg', min: 0, max: 9, step: 1, default: 3,
    help: 'A validation digit of this class is passed through the network.',
  },
  example: { kind: 'number', label: 'Which example of it', urlKey: 'ex', min: 1, max: 10, step: 1, default: 1 },
  source: select({
    label: 'Activation maps of', urlKey: 'src', options: ['digit', 'drawing'], default: 'digit',
    optionLabels: { digit: 'the chosen validation digit', drawing: 'your drawing' },
  }),
  seed: seedParam(),
});

export type CnnMnistParams = {
  lr: number;
  batch: number;
  f1: number;
  f2: number;
  nTrain: number;
  epochs: number;
  seed: number;
};
