import { defineParams, seedParam, select } from '../../../../params/schema';

/** The runs, side by side on the same data, the same initial weights and the same minibatches. */
export type RunKey = 'normal' | 'high' | 'bias' | 'biasHigh' | 'leaky';
export const RUN_KEYS: readonly RunKey[] = ['normal', 'high', 'bias', 'biasHigh', 'leaky'];
/** Minibatch size of every run. */
export const DEAD_BATCH = 10;
/** Fewest of the learner's own points the runs train on. */
export const MIN_OWN_POINTS = 4;
/** The plane the data live on (the moons lie in about [−1, 1]²). */
export const DEAD_DOMAIN = { xMin: -1.2, xMax: 1.2, yMin: -1.2, yMax: 1.2 };

export const DEAD_RELU_PARAMS = defineParams({
  lr: { kind: 'number', label: 'Normal learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.005, max: 0.5, step: 0, scale: 'log', default: 0.1 },
  lrHigh: {
    kind: 'number', label: 'High learning rate', symbol: '\\alpha_{high}', urlKey: 'lrh', min: 0.2, max: 5, step: 0, scale: 'log', default: 2,
  },
  bias: {
    kind: 'number', label: 'Positive bias initialisation', symbol: 'b_0', urlKey: 'b0', min: 0, max: 0.5, step: 0.01, default: 0.01,
    help: 'Initial bias of every hidden unit in the two "bias" runs (the notes suggest 0.01); the other runs start at 0.',
  },
  width: { kind: 'number', label: 'Units per hidden layer', urlKey: 'w', min: 4, max: 64, step: 4, default: 16 },
  depth: { kind: 'number', label: 'Hidden layers', urlKey: 'd', min: 1, max: 4, step: 1, default: 2 },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'epochs', min: 10, max: 300, step: 10, default: 100 },
  dataset: select({
    label: 'Data', urlKey: 'data', options: ['moons', 'own'] as const, default: 'moons',
    optionLabels: { moons: 'two moons (200 points)', own: 'Your points only' },
  }),
  points: { kind: 'points', label: 'Your points', urlKey: 'pts', maxCount: 200, classes: 2, default: [] },
  seed: seedParam(),
});
