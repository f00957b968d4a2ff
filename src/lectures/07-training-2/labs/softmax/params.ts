import { defineParams, seedParam, select } from '../../../../params/schema';

/** Up to this many classes can be edited; C of them are used. */
export const MAX_CLASSES = 5;
/** The classic example scores (cat, car, frog, …) for the first classes. */
export const DEFAULT_SCORES = [3.2, 5.1, -1.7, 2.0, -0.5] as const;
export const CLASS_NAMES = ['cat', 'car', 'frog', 'ship', 'bird'] as const;
/** Score sliders span this range (before the scale factor). */
export const SCORE_LIMIT = 10;

export const SOFTMAX_PARAMS = defineParams({
  classes: { kind: 'number', label: 'Classes', symbol: 'C', urlKey: 'C', min: 3, max: MAX_CLASSES, step: 1, default: 3 },
  scores: {
    kind: 'vector', label: 'Class scores s', urlKey: 's', length: MAX_CLASSES, min: -SCORE_LIMIT, max: SCORE_LIMIT, default: DEFAULT_SCORES,
  },
  trueClass: { kind: 'number', label: 'True class', symbol: 'y_i', urlKey: 'y', min: 1, max: MAX_CLASSES, step: 1, default: 1 },
  scale: {
    kind: 'number', label: 'Scale the scores by', symbol: 'c', urlKey: 'scale', min: 1, max: 1000, step: 0, scale: 'log', default: 1,
    help: 'Every score is multiplied by c: naive float32 exp overflows once some c·s_k ≥ 89, float64 above ~709.',
  },
  lambda: {
    kind: 'number', label: 'Regularisation strength', symbol: '\\lambda', urlKey: 'lambda', min: 0, max: 0.1, step: 0.001, default: 0,
    help: 'Weight of R(W) = Σw² in the training loss (0 switches it off).',
  },
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.01, max: 2, step: 0, scale: 'log', default: 0.05 },
  iters: { kind: 'number', label: 'Iterations', urlKey: 'iters', min: 100, max: 5000, step: 100, default: 1500 },
  dataset: select({
    label: 'Training points', urlKey: 'data', options: ['blobs', 'own'] as const, default: 'blobs',
    optionLabels: { blobs: '12 seeded points (3 classes)', own: 'Your points only' },
  }),
  points: { kind: 'points', label: 'Your points', urlKey: 'pts', maxCount: 200, classes: MAX_CLASSES, default: [] },
  regions: select({
    label: 'Regions shown', urlKey: 'show', options: ['ce', 'hinge'] as const, default: 'ce',
    optionLabels: { ce: 'cross-entropy model', hinge: 'hinge model' },
  }),
  seed: seedParam(),
});
