import { defineParams, seedParam, select } from '../../../../params/schema';

export const GRADCHECK_PARAMS = defineParams({
  act: select({ label: 'Hidden activation', urlKey: 'act', options: ['sigmoid', 'relu'] as const, default: 'sigmoid', optionLabels: { sigmoid: 'Sigmoid (as in the notes)', relu: 'ReLU' } }),
  loss: select({ label: 'Output and loss', urlKey: 'loss', options: ['bce', 'l2'] as const, default: 'bce', optionLabels: { bce: 'Sigmoid + cross-entropy (notes)', l2: 'Linear + L2 loss' } }),
  broken: { kind: 'bool', label: 'Break one formula (forget the activation derivative)', urlKey: 'broken', default: false },
  hidden: { kind: 'number', label: 'Hidden units', urlKey: 'h', min: 2, max: 6, step: 1, default: 3 },
  n: { kind: 'number', label: 'Samples', symbol: 'n', urlKey: 'n', min: 1, max: 16, step: 1, default: 4 },
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.001, max: 10, step: 0, scale: 'log', default: 0.1 },
  steps: { kind: 'number', label: 'Gradient steps', urlKey: 'steps', min: 10, max: 2000, step: 10, default: 300 },
  seed: seedParam(1),
});

export const N_IN = 2;
export const N_OUT = 2;

/** Relative errors of the hand-derived gradients above this are flagged. */
export const FLAG_AT = 1e-4;
