import { defineParams, seedParam, select, type Values } from '../../../../params/schema';
import { totalSteps as experimentSteps, type TransferConfig } from '../../../../ml/transferExperiment';

/** The lists of labelled examples per class the sweep can run. */
export const N_LISTS = {
  std: [1, 2, 5, 10, 25, 50],
  quick: [1, 5, 25],
  wide: [1, 3, 10, 30, 100],
} as const;

export const TRANSFER_PARAMS = defineParams({
  srcEpochs: {
    kind: 'number', label: 'Source epochs (digits 0–4)', urlKey: 'se', min: 1, max: 5, step: 1, default: 2,
    help: 'Passes over the 4,000 source digits. Changing it (or the seed) retrains the source network.',
  },
  steps: {
    kind: 'number', label: 'Steps per target network', symbol: 'T', urlKey: 'T', min: 20, max: 300, step: 10, default: 100,
    help: 'The same budget of Adam steps (minibatches of up to 25) for every strategy.',
  },
  lr: {
    kind: 'number', label: 'Learning rate of the new head', symbol: '\\alpha', urlKey: 'lr', min: 3e-4, max: 3e-2, step: 0, scale: 'log', default: 3e-3,
    help: 'Adam’s rate for the new layers (and for every layer when training from scratch).',
  },
  fineK: {
    kind: 'number', label: 'Fine-tuned conv layers', symbol: 'K', urlKey: 'K', min: 1, max: 2, step: 1, default: 1,
    help: 'Fine-tuning also trains the last K reused layers (1: conv 2; 2: both conv layers).',
  },
  ratio: {
    kind: 'number', label: 'Their learning-rate ratio', symbol: '\\rho', urlKey: 'rho', min: 0.01, max: 1, step: 0, scale: 'log', default: 0.1,
    help: 'The fine-tuned reused layers learn at ρ·α: a low learning rate keeps what they learned.',
  },
  ns: select({
    label: 'Labelled examples per class', urlKey: 'ns', options: ['std', 'quick', 'wide'] as const, default: 'std',
    optionLabels: { std: '1, 2, 5, 10, 25, 50', quick: '1, 5, 25 (quick)', wide: '1, 3, 10, 30, 100' },
  }),
  seed: seedParam(),
});

export type TransferParams = Values<typeof TRANSFER_PARAMS>;

export function configOf(p: TransferParams): TransferConfig {
  return {
    srcEpochs: Math.round(p.srcEpochs), steps: Math.round(p.steps), lr: p.lr, fineK: Math.round(p.fineK), ratio: p.ratio,
    ns: N_LISTS[p.ns], seed: p.seed,
  };
}

export const totalSteps = (p: TransferParams) => experimentSteps(configOf(p));
