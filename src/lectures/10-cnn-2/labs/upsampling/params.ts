import { defineParams, seedParam, select, type Values } from '../../../../params/schema';

/** The largest kernel the sliders and the editor allow. */
export const MAX_K = 7;
/** Kernel entries typed into the editor must lie in [−WEIGHT_LIMIT, WEIGHT_LIMIT]. */
export const WEIGHT_LIMIT = 10;

export const KERNEL_OPTIONS = ['learned', 'bilinear', 'box', 'custom'] as const;
export type KernelOption = (typeof KERNEL_OPTIONS)[number];

/** Default custom kernel: a single 1 in the top-left corner ("bed of nails": the input spread out with zeros between). */
const NAILS = Array.from({ length: MAX_K * MAX_K }, (_, i) => (i === 0 ? 1 : 0));

export const UPSAMPLING_PARAMS = defineParams({
  digit: { kind: 'number', label: 'Digit', urlKey: 'digit', min: 0, max: 9, step: 1, default: 3, help: 'Which MNIST class to show (the seed picks the sample).' },
  f: {
    kind: 'number', label: 'Pooling / interpolation factor', symbol: 'f', urlKey: 'f', min: 2, max: 4, step: 1, default: 2,
    help: 'The digit is max-pooled f×f, then upsampled ×f again.',
  },
  K: { kind: 'number', label: 'Kernel size', symbol: 'K', urlKey: 'K', min: 1, max: MAX_K, step: 1, default: 4 },
  S: { kind: 'number', label: 'Stride', symbol: 'S', urlKey: 'S', min: 1, max: 4, step: 1, default: 2 },
  P: { kind: 'number', label: 'Padding', symbol: 'P', urlKey: 'P', min: 0, max: 3, step: 1, default: 1 },
  op: {
    kind: 'number', label: 'Output padding', urlKey: 'op', min: 0, max: 3, step: 1, default: 0,
    help: 'Extra rows and columns at the bottom and right; must be smaller than S.',
  },
  kernel: select({
    label: 'Transposed-conv kernel', urlKey: 'k', options: KERNEL_OPTIONS, default: 'learned',
    optionLabels: { learned: 'learned (gradient descent)', bilinear: 'bilinear', box: 'box (all equal)', custom: 'your kernel (edit below)' },
  }),
  custom: {
    kind: 'vector', label: 'Your kernel', urlKey: 'ck', length: MAX_K * MAX_K, min: -WEIGHT_LIMIT, max: WEIGHT_LIMIT, default: NAILS,
    help: 'Row-major; the top-left K×K entries are used.',
  },
  iters: { kind: 'number', label: 'Gradient-descent steps', urlKey: 'it', min: 50, max: 1000, step: 50, default: 300 },
  seed: seedParam(),
});

export type UpsamplingParams = Values<typeof UPSAMPLING_PARAMS>;

/** Output padding actually used: PyTorch requires it to be smaller than the stride. */
export function effectiveOutPad(p: Pick<UpsamplingParams, 'op' | 'S'>): number {
  return Math.min(Math.round(p.op), Math.round(p.S) - 1);
}
