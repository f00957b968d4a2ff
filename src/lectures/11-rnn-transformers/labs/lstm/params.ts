import { defineParams, seedParam, type Values } from '../../../../params/schema';

/** Sequences per Adam step and in the held-out set. */
export const BATCH = 32;
export const N_VAL = 128;
/** The held-out loss and accuracy are recomputed every this many steps. */
export const EVAL_EVERY = 20;

export const LSTM_PARAMS = defineParams({
  T: { kind: 'number', label: 'Sequence length', symbol: 'T', urlKey: 'T', min: 4, max: 30, step: 1, default: 12, help: 'Time steps per sequence; the marker sits on one of the first T − 1.' },
  K: { kind: 'number', label: 'Digits', symbol: 'K', urlKey: 'K', min: 2, max: 8, step: 1, default: 4, help: 'Digits 0 … K−1 (one-hot inputs; the marker is one more input channel, so D = K + 1).' },
  H: { kind: 'number', label: 'Hidden size', symbol: 'H', urlKey: 'H', min: 2, max: 16, step: 1, default: 8 },
  lr: { kind: 'number', label: 'Adam learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.001, max: 0.1, step: 0, scale: 'log', default: 0.01 },
  fb: { kind: 'number', label: 'Initial forget bias', symbol: 'b_f', urlKey: 'fb', min: -3, max: 3, step: 0.5, default: 1, help: 'b_f at initialisation: 1 makes the cell keep its content by default.' },
  iters: { kind: 'number', label: 'Training steps', urlKey: 'it', min: 200, max: 5000, step: 100, default: 1500 },
  seed: seedParam(),
  // display only
  ex: { kind: 'number', label: 'Example sequence', urlKey: 'ex', min: 1, max: 9999, step: 1, default: 1, help: 'Which held-out style sequence the heatmaps show.' },
  st: { kind: 'number', label: 'Step shown', symbol: 't', urlKey: 'st', min: 1, max: 30, step: 1, default: 1 },
  unit: { kind: 'number', label: 'Hidden unit shown', symbol: 'k', urlKey: 'u', min: 1, max: 16, step: 1, default: 1 },
  gc: { kind: 'number', label: 'Gradient-check seed', urlKey: 'gc', min: 1, max: 99999, step: 1, default: 1 },
});

export type LstmParams = Values<typeof LSTM_PARAMS>;
