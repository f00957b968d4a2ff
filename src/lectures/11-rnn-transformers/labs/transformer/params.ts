import { defineParams, seedParam, select, type Values } from '../../../../params/schema';

/** Sequences per training minibatch. */
export const BATCH = 32;
/** Held-out sequences (never drawn for training). */
export const N_VAL = 256;
/** The held-out set is scored every EVAL_EVERY steps (and at step 0 and at the end). */
export const EVAL_EVERY = 25;
/** Training curves average this many steps per point. */
export const CURVE_EVERY = 10;
/** Longest sequence (the length of the stored input vector). */
export const MAX_LEN = 10;

export const TRANSFORMER_PARAMS = defineParams({
  task: select({
    label: 'Task', urlKey: 'task', options: ['reverse', 'sort', 'copy'] as const, default: 'reverse',
    optionLabels: { reverse: 'reverse the digits', sort: 'sort the digits', copy: 'copy the digits' },
  }),
  len: { kind: 'number', label: 'Sequence length', symbol: 'L', urlKey: 'L', min: 4, max: MAX_LEN, step: 1, default: 6, help: 'Digits per sequence (vocabulary 0–9).' },
  layers: { kind: 'number', label: 'Layers', symbol: 'N', urlKey: 'N', min: 1, max: 3, step: 1, default: 2, help: 'Encoder layers: attention + feed-forward, each with a residual and layer norm.' },
  heads: select({ label: 'Attention heads', urlKey: 'h', options: ['1', '2', '4'] as const, default: '2', help: 'd_k = d_model / heads.' }),
  dModel: { kind: 'number', label: 'Model width', symbol: 'd_{\\text{model}}', urlKey: 'd', min: 16, max: 64, step: 16, default: 32, help: 'Feed-forward inner width is 4·d_model, as in the paper.' },
  warmup: { kind: 'number', label: 'Warm-up steps', symbol: '\\text{warmup\\_steps}', urlKey: 'wu', min: 10, max: 1000, step: 0, scale: 'log', default: 50 },
  steps: { kind: 'number', label: 'Step budget', urlKey: 'st', min: 50, max: 3000, step: 50, default: 200, help: `Adam steps of ${BATCH} sequences each.` },
  smoothing: { kind: 'number', label: 'Label smoothing', symbol: '\\varepsilon_{ls}', urlKey: 'ls', min: 0, max: 0.2, step: 0.05, default: 0, help: 'Targets (1 − ε)·one-hot + ε/10.' },
  input: {
    kind: 'vector', label: 'Input digits', urlKey: 'in', length: MAX_LEN, min: 0, max: 9, default: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3],
    help: 'The sequence whose attention maps are shown (the first L digits).',
  },
  seed: seedParam(),
});

export type TransformerParams = Values<typeof TRANSFORMER_PARAMS>;
