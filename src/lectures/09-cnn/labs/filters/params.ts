import { defineParams, select, type Values } from '../../../../params/schema';
import { LINEAR_KERNELS, LUMA, type LinearKernelName } from '../../../../ml/imageFilters';

/** The photo is shrunk once (area average) so its short side is this many pixels. */
export const PHOTO_SHORT_SIDE = 128;
/** Kernel entries typed into the editor must lie in [−WEIGHT_LIMIT, WEIGHT_LIMIT]. */
export const WEIGHT_LIMIT = 100;

export const PHOTOS = ['chelsea', 'coffee', 'camera', 'astronaut'] as const;

export const KERNEL_OPTIONS = ['hEdge', 'vEdge', 'box', 'gauss', 'sharpen', 'sobelX', 'sobelY', 'sobelMag', 'laplace', 'identity', 'custom'] as const;
export type KernelOption = (typeof KERNEL_OPTIONS)[number];

export const KERNEL_LABELS: Record<KernelOption, string> = {
  hEdge: 'horizontal edges',
  vEdge: 'vertical edges',
  box: 'box blur (mean)',
  gauss: 'Gaussian blur',
  sharpen: 'sharpen',
  sobelX: 'Sobel x',
  sobelY: 'Sobel y',
  sobelMag: 'Sobel magnitude √(Gx² + Gy²)',
  laplace: 'all edges (8 − neighbours)',
  identity: 'identity',
  custom: 'your kernel (edit below)',
};

const Z9 = [0, 0, 0, 0, 0, 0, 0, 0, 0];
const centre = (v: number) => [0, 0, 0, 0, v, 0, 0, 0, 0];
const times = (k: readonly number[], f: number) => k.map((v) => v * f);

export const RGB_PRESETS = {
  redBlueEdges: [...LINEAR_KERNELS.sobelX, ...Z9, ...times(LINEAR_KERNELS.sobelX, -1)],
  lumaEdges: [...times(LINEAR_KERNELS.sobelX, LUMA[0]), ...times(LINEAR_KERNELS.sobelX, LUMA[1]), ...times(LINEAR_KERNELS.sobelX, LUMA[2])],
  redMinusBlue: [...centre(1), ...Z9, ...centre(-1)],
  greenness: [...centre(-0.5), ...centre(1), ...centre(-0.5)],
  redBlur: [...LINEAR_KERNELS.box, ...Z9, ...Z9],
} satisfies Record<string, number[]>;
export type RgbPreset = keyof typeof RGB_PRESETS;
export const RGB_OPTIONS = [...(Object.keys(RGB_PRESETS) as RgbPreset[]), 'custom'] as const;

export const STACK_FILTERS = [
  { key: 'sH', kernel: 'hEdge' },
  { key: 'sV', kernel: 'vEdge' },
  { key: 'sBox', kernel: 'box' },
  { key: 'sGauss', kernel: 'gauss' },
  { key: 'sSharp', kernel: 'sharpen' },
  { key: 'sSx', kernel: 'sobelX' },
  { key: 'sSy', kernel: 'sobelY' },
  { key: 'sLap', kernel: 'laplace' },
  { key: 'sId', kernel: 'identity' },
  { key: 'sMine', kernel: 'mine' },
  { key: 'sRgb', kernel: 'rgb' },
] as const satisfies readonly { key: string; kernel: LinearKernelName | 'mine' | 'rgb' }[];
export type StackKey = (typeof STACK_FILTERS)[number]['key'];

const stackBool = (label: string, urlKey: string, def: boolean) => ({ kind: 'bool' as const, label, urlKey, default: def });

export const FILTERS_PARAMS = defineParams({
  photo: select({
    label: 'Photo', urlKey: 'ph', options: PHOTOS, default: 'chelsea',
    optionLabels: { chelsea: 'Chelsea the cat', coffee: 'a coffee cup', camera: 'the cameraman (grey)', astronaut: 'an astronaut' },
  }),
  kernel: select({ label: 'Kernel', urlKey: 'k', options: KERNEL_OPTIONS, default: 'sobelX', optionLabels: KERNEL_LABELS }),
  weights: {
    kind: 'vector', label: 'Kernel weights', urlKey: 'w', length: 9, min: -WEIGHT_LIMIT, max: WEIGHT_LIMIT, default: [...LINEAR_KERNELS.sobelX],
  },
  rgbPreset: select({
    label: 'RGB filter', urlKey: 'rf', options: RGB_OPTIONS, default: 'redBlueEdges',
    optionLabels: {
      redBlueEdges: 'red-minus-blue edges (Sobel x on R − B)',
      lumaEdges: 'brightness edges (Sobel x on luma)',
      redMinusBlue: 'red minus blue (1×1 colour contrast)',
      greenness: 'greenness (G − (R + B)/2)',
      redBlur: 'blur of the red channel only',
      custom: 'your filter (edit below)',
    },
  }),
  rgbWeights: {
    kind: 'vector', label: 'RGB filter weights', urlKey: 'rw', length: 27, min: -WEIGHT_LIMIT, max: WEIGHT_LIMIT, default: [...RGB_PRESETS.redBlueEdges],
  },
  bias: {
    kind: 'number', label: 'Bias', symbol: 'b', urlKey: 'b', min: -2, max: 2, step: 0.05, default: 0,
    help: 'Added once to the sum over the three channels.',
  },
  sH: stackBool('horizontal edges', 'sh', true),
  sV: stackBool('vertical edges', 'sv', true),
  sBox: stackBool('box blur', 'sbox', false),
  sGauss: stackBool('Gaussian blur', 'sg', true),
  sSharp: stackBool('sharpen', 'ssh', false),
  sSx: stackBool('Sobel x', 'ssx', false),
  sSy: stackBool('Sobel y', 'ssy', false),
  sLap: stackBool('all edges (8 − neighbours)', 'sl', true),
  sId: stackBool('identity', 'sid', false),
  sMine: stackBool('your 3×3 kernel', 'sm', false),
  sRgb: stackBool('your 3×3×3 RGB filter', 'sr', false),
});

export type FiltersParams = Values<typeof FILTERS_PARAMS>;
