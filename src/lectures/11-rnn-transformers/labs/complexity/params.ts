import { defineParams, type Values } from '../../../../params/schema';

export const COMPLEXITY_PARAMS = defineParams({
  n: {
    kind: 'number', label: 'Sequence length', symbol: 'n', urlKey: 'n', min: 2, max: 100000, step: 0, scale: 'log', default: 30,
    help: 'Tokens in the sequence (rounded to a whole number).',
  },
  d: {
    kind: 'number', label: 'Representation dimension', symbol: 'd', urlKey: 'd', min: 2, max: 8192, step: 0, scale: 'log', default: 512,
    help: '512 in the base transformer, 1024 in the big one.',
  },
  k: { kind: 'number', label: 'Kernel size', symbol: 'k', urlKey: 'k', min: 2, max: 15, step: 1, default: 3, help: 'Of the convolution (≥ 2).' },
  r: {
    kind: 'number', label: 'Neighbourhood size', symbol: 'r', urlKey: 'r', min: 1, max: 100000, step: 0, scale: 'log', default: 16,
    help: 'Restricted self-attention looks at r positions only; r ≥ n is full self-attention.',
  },
});

export type ComplexityParams = Values<typeof COMPLEXITY_PARAMS>;
