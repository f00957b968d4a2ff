import { defineParams, seedParam, select } from '../../../../params/schema';

/** Training-set size n. */
export const N_SAMPLES = 128;
/** Minibatch gradients drawn for the cloud. */
export const CLOUD_SIZE = 100;
/** The loss curves: B = 1, 10, n and the chosen B. */
export type CurveKey = 'b1' | 'b10' | 'full' | 'chosen';
export const CURVE_KEYS: readonly CurveKey[] = ['b1', 'b10', 'full', 'chosen'];

export const MINIBATCH_PARAMS = defineParams({
  model: select({
    label: 'Model', urlKey: 'model', options: ['linear', 'logistic'] as const, default: 'linear',
    optionLabels: { linear: 'linear regression (MSE)', logistic: 'logistic regression (cross-entropy)' },
  }),
  batch: {
    kind: 'number', label: 'Batch size', symbol: 'B', urlKey: 'B', min: 1, max: N_SAMPLES, step: 1, default: 16,
    help: `Samples per gradient estimate, from 1 (pure SGD) to n = ${N_SAMPLES} (full batch).`,
  },
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.005, max: 2, step: 0, scale: 'log', default: 0.1 },
  rm: { kind: 'bool', label: 'Robbins–Monro schedule α/k', urlKey: 'rm', default: false, help: 'Step k uses α_k = α/k instead of a constant α.' },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'epochs', min: 10, max: 300, step: 10, default: 60 },
  seed: seedParam(),
});
