import { defineParams, seedParam } from '../../../../params/schema';

/** 20 MNIST digits per class → 200 training digits: a 784→32→10 MLP memorises them and the validation loss turns up. */
export const PER_CLASS_TRAIN = 20;
export const PER_CLASS_VAL = 30;
export const HIDDEN = 32;
export const BATCH_SIZE = 50;
export const BATCHES_PER_EPOCH = Math.ceil((PER_CLASS_TRAIN * 10) / BATCH_SIZE);
/** Engine steps per epoch: the minibatches, then one scoring step. */
export const STEPS_PER_EPOCH = BATCHES_PER_EPOCH + 1;

export const EARLY_STOP_PARAMS = defineParams({
  patience: {
    kind: 'number', label: 'Patience', symbol: 'p', urlKey: 'pat', min: 1, max: 50, step: 1, default: 10,
    help: 'Epochs without improvement of the validation loss before training stops.',
  },
  minDelta: {
    kind: 'number', label: 'Min-delta', symbol: '\\delta', urlKey: 'md', min: 0, max: 0.05, step: 0.001, default: 0,
    help: 'An epoch improves only if its validation loss is below the best by more than δ.',
  },
  lr: { kind: 'number', label: 'Adam learning rate', symbol: '\\alpha', urlKey: 'lr', min: 1e-4, max: 1e-2, step: 0, scale: 'log', default: 2e-3 },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'epochs', min: 20, max: 300, step: 10, default: 100 },
  seed: seedParam(),
});
