import { defineParams, seedParam } from '../../../../params/schema';

/** Input values are integers in [INPUT_LO, INPUT_HI], filter weights in [KERNEL_LO, KERNEL_HI] (seeded). */
export const INPUT_LO = 0;
export const INPUT_HI = 3;
export const KERNEL_LO = -1;
export const KERNEL_HI = 2;

export const CONV_ARITH_PARAMS = defineParams({
  n: { kind: 'number', label: 'Input size', symbol: 'N', urlKey: 'N', min: 3, max: 12, step: 1, default: 7, help: 'The input is N×N.' },
  f: { kind: 'number', label: 'Filter size', symbol: 'F', urlKey: 'F', min: 1, max: 7, step: 1, default: 3, help: 'The filter is F×F.' },
  s: { kind: 'number', label: 'Stride', symbol: 'S', urlKey: 'S', min: 1, max: 5, step: 1, default: 1, help: 'Cells the window moves per step.' },
  p: { kind: 'number', label: 'Padding', symbol: 'P', urlKey: 'P', min: 0, max: 4, step: 1, default: 0, help: 'Rings of zeros around the input.' },
  seed: seedParam(),
});
