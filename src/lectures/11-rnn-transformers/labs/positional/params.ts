import { defineParams, type Values } from '../../../../params/schema';

export const POSITIONAL_PARAMS = defineParams({
  L: {
    kind: 'number', label: 'Positions', symbol: 'L', urlKey: 'L', min: 8, max: 256, step: 1, default: 64,
    help: 'Rows of the encoding: positions 0 … L − 1.',
  },
  d: {
    kind: 'number', label: 'Model dimension', symbol: 'd_{\\text{model}}', urlKey: 'd', min: 4, max: 256, step: 2, default: 64,
    help: 'Even: the dimensions come in sin/cos pairs (2i, 2i + 1).',
  },
  pos: {
    kind: 'number', label: 'Chosen position', symbol: 'p', urlKey: 'p', min: 0, max: 255, step: 1, default: 16,
    help: 'Its similarity with every other position is plotted; Play sweeps it along. Kept below L.',
  },
  k: {
    kind: 'number', label: 'Offset for the rotation', symbol: 'k', urlKey: 'k', min: 1, max: 64, step: 1, default: 4,
    help: 'PE(p + k) is PE(p) rotated pair by pair, by angles that depend on k only.',
  },
});

export type PositionalParams = Values<typeof POSITIONAL_PARAMS>;
