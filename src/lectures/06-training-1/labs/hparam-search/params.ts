import { defineParams, seedParam, select } from '../../../../params/schema';

/** Points per data set (train 2/3, validation 1/3; no test set in a search). */
export const N_POINTS = 360;
export const TRAIN_FRACTION = 2 / 3;
export const CLASSES = 3;
export const NOISE = 0.15;
export const HIDDEN = 16;
export const BATCH_SIZE = 32;
/** Coarse trials whose neighbourhood the refinement searches. */
export const REFINE_TOP = 2;
/** Fewest of the learner's own points a search runs on: 4 to train and 2 to validate. */
export const MIN_OWN_POINTS = 6;

export const HPARAM_PARAMS = defineParams({
  mode: select({
    label: 'Search', urlKey: 'mode', options: ['grid', 'random', 'both'] as const, default: 'both',
    optionLabels: { grid: 'grid search', random: 'random search', both: 'grid and random, side by side' },
  }),
  budget: {
    kind: 'number', label: 'Random trials', symbol: 'N', urlKey: 'N', min: 4, max: 36, step: 1, default: 12,
    help: 'The grid always has the notes’ 4 × 3 = 12 points; N = 12 gives random search the same budget.',
  },
  epochs: {
    kind: 'number', label: 'Epochs per coarse trial', urlKey: 'ep', min: 1, max: 10, step: 1, default: 5,
    help: 'The notes: “train a few models for a few epochs”.',
  },
  refine: {
    kind: 'bool', label: `Then refine around the best ${REFINE_TOP} and train longer`, urlKey: 'refine', default: true,
    help: 'A finer 3 × 3 grid (half a decade apart) around each of the best coarse trials.',
  },
  refineEpochs: {
    kind: 'number', label: 'Epochs per refined trial', urlKey: 'rep', min: 10, max: 20, step: 1, default: 10,
    help: 'The notes: “train them for longer (10–20 epochs)”.',
  },
  optimizer: select({
    label: 'Optimiser', urlKey: 'opt', options: ['adam', 'sgd'] as const, default: 'adam',
    optionLabels: { adam: 'Adam', sgd: 'SGD' },
  }),
  dataset: select({
    label: 'Data set (3 classes)', urlKey: 'data', options: ['xor', 'circles', 'moons', 'blobs', 'spiral', 'own'] as const, default: 'xor',
    optionLabels: { xor: 'XOR', circles: 'concentric circles', moons: 'moons', blobs: 'Gaussian blobs', spiral: 'spiral (hard)', own: 'Your points only' },
  }),
  points: { kind: 'points', label: 'Your points', urlKey: 'pts', maxCount: 200, classes: CLASSES, default: [] },
  colour: select({
    label: 'Plane colouring', urlKey: 'col', options: ['nearest', 'points'] as const, default: 'nearest',
    optionLabels: { nearest: 'nearest trial', points: 'trials only' },
  }),
  seed: { ...seedParam(), help: 'Seed of the data, the split, the random samples and the initial weights.' },
});
