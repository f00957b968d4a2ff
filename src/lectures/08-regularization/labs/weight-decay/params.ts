import { defineParams, seedParam } from '../../../../params/schema';

/** MNIST digits per class: 50 → 500 training digits (a 784→32→10 MLP overfits them), 30 → 300 for validation. */
export const PER_CLASS_TRAIN = 50;
export const PER_CLASS_VAL = 30;
export const HIDDEN = 32;
export const BATCH_SIZE = 50;
export const BATCHES_PER_EPOCH = Math.ceil((PER_CLASS_TRAIN * 10) / BATCH_SIZE);
/** Engine steps per epoch: one per run per minibatch, then one scoring step per run. */
export const STEPS_PER_EPOCH = 4 * BATCHES_PER_EPOCH + 4;

/** The four runs, in the order the views list them. */
export type RunKey = 'sgdL2' | 'sgdWd' | 'adamL2' | 'adamW';
export const RUN_KEYS: readonly RunKey[] = ['sgdL2', 'sgdWd', 'adamL2', 'adamW'];
export const RUN_LABELS: Record<RunKey, string> = {
  sgdL2: 'SGD + L2',
  sgdWd: 'SGD + weight decay',
  adamL2: 'Adam + L2',
  adamW: 'AdamW (decoupled)',
};

export const WEIGHT_DECAY_PARAMS = defineParams({
  decay: {
    kind: 'number', label: 'Weight decay per step', symbol: '\\lambda', urlKey: 'wd', min: 1e-5, max: 1e-2, step: 0, scale: 'log', default: 3e-4,
    help: 'The notes’ “learning rate of weight decay”: θ ← (1 − λ)θ − α∇f. The L2 runs use the matching penalty λ₂ = λ/α.',
  },
  lrSgd: {
    kind: 'number', label: 'SGD learning rate', symbol: '\\alpha_{\\text{SGD}}', urlKey: 'lr', min: 0.01, max: 0.5, step: 0, scale: 'log', default: 0.1,
  },
  lrAdam: {
    kind: 'number', label: 'Adam learning rate', symbol: '\\alpha_{\\text{Adam}}', urlKey: 'lrA', min: 1e-4, max: 1e-2, step: 0, scale: 'log', default: 3e-3,
  },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'epochs', min: 5, max: 80, step: 5, default: 20 },
  seed: seedParam(),
});
