import { defineParams, seedParam, select, type Values } from '../../../../params/schema';

/** Training digits per class (4,000 in all) and held-out digits per class (400, for the scatter and scores). */
export const TRAIN_PER_CLASS = 400;
export const HELD_PER_CLASS = 40;
/** Side of the grid of decodings over the latent plane. */
export const GRID_K = 11;
/** Digits shown with their reconstructions (one per class). */
export const RECON_N = 10;
/** Fresh draws z ~ N(0, I) per press of the sample button. */
export const SAMPLES_N = 16;

export const AUTOENCODER_PARAMS = defineParams({
  beta: {
    kind: 'number', label: 'KL weight', symbol: '\\beta', urlKey: 'beta', min: 0, max: 2, step: 0.05, default: 1,
    help: 'VAE loss = reconstruction + β·KL. β = 0: a plain autoencoder with noise; β = 1: the VAE.',
  },
  lr: { kind: 'number', label: 'Learning rate (Adam)', symbol: '\\alpha', urlKey: 'lr', min: 1e-4, max: 1e-2, step: 0, scale: 'log', default: 1e-3 },
  batch: { kind: 'number', label: 'Minibatch size', symbol: 'B', urlKey: 'B', min: 16, max: 128, step: 16, default: 32, help: 'Both models train on the same minibatches.' },
  hidden: select({
    label: 'Hidden width', urlKey: 'H', options: ['64', '128', '256'] as const, default: '128',
    help: 'Encoder 784 → H → latent, decoder 2 → H → 784 (ReLU, sigmoid output).',
  }),
  steps: { kind: 'number', label: 'Step budget', symbol: 'T', urlKey: 'T', min: 100, max: 5000, step: 100, default: 2000, help: 'Adam steps (one minibatch each).' },
  seed: seedParam(),
});

export type AutoencoderParams = Values<typeof AUTOENCODER_PARAMS>;
