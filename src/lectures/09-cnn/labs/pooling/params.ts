import { defineParams, select } from '../../../../params/schema';

/** Largest input side; the editable cells are stored as a MAX_SIDE×MAX_SIDE row-major vector. */
export const MAX_SIDE = 8;
export const CELL_MIN = -99;
export const CELL_MAX = 99;

/** The notes' 4×4 example (a single depth slice). */
export const NOTES_EXAMPLE: readonly number[] = [3, 1, 3, 5, 6, 0, 7, 9, 3, 2, 1, 4, 0, 2, 4, 3];

/** The notes' 4×4 example in the top-left corner of a fixed 8×8 grid (used when the input is larger than 4×4). */
const EXTRA = [
  [3, 1, 3, 5, 2, 8, 1, 0],
  [6, 0, 7, 9, 4, 1, 3, 6],
  [3, 2, 1, 4, 0, 5, 2, 2],
  [0, 2, 4, 3, 7, 1, 8, 4],
  [5, 1, 0, 6, 2, 3, 1, 9],
  [2, 8, 3, 1, 5, 0, 4, 2],
  [1, 4, 6, 2, 3, 7, 0, 5],
  [7, 0, 2, 5, 1, 4, 6, 3],
];
export const DEFAULT_CELLS: readonly number[] = EXTRA.flat();

export const PHOTOS = ['camera', 'chelsea', 'coffee', 'astronaut'] as const;

export const POOLING_PARAMS = defineParams({
  w: { kind: 'number', label: 'Input size', symbol: 'W_{in}', urlKey: 'W', min: 2, max: MAX_SIDE, step: 1, default: 4, help: 'The input slice is W × W (4 is the notes’ example).' },
  f: { kind: 'number', label: 'Pool size', symbol: 'F', urlKey: 'F', min: 1, max: 4, step: 1, default: 2, help: 'Spatial extent of each pooling window.' },
  s: { kind: 'number', label: 'Stride', symbol: 'S', urlKey: 'S', min: 1, max: 4, step: 1, default: 2, help: 'S < F makes the windows overlap.' },
  cells: { kind: 'vector', label: 'Input values', urlKey: 'x', length: MAX_SIDE * MAX_SIDE, min: CELL_MIN, max: CELL_MAX, default: DEFAULT_CELLS },
  photo: select({
    label: 'Photo', urlKey: 'photo', options: PHOTOS, default: 'camera',
    optionLabels: { camera: 'cameraman', chelsea: 'cat (Chelsea)', coffee: 'coffee cup', astronaut: 'astronaut' },
  }),
  edge: select({
    label: 'Edge filter', urlKey: 'edge', options: ['vertical', 'horizontal'] as const, default: 'vertical',
    optionLabels: { vertical: 'vertical Sobel', horizontal: 'horizontal Sobel' },
  }),
});
