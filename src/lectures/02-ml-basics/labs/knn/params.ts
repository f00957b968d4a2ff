import { DATASET_2D_KINDS, type Dataset2DKind } from '../../../../ml/data/datasets2d';
import { defineParams, seedParam, select } from '../../../../params/schema';

export const KNN_PARAMS = defineParams({
  dataset: select({ label: 'Dataset', urlKey: 'data', options: [...DATASET_2D_KINDS, 'own'] as readonly (Dataset2DKind | 'own')[], default: 'blobs', optionLabels: { blobs: 'Gaussian blobs', circles: 'Circles', xor: 'XOR', spiral: 'Spiral', moons: 'Moons', own: 'Your points only' } }),
  classes: { kind: 'number', label: 'Classes', urlKey: 'c', min: 2, max: 3, step: 1, default: 3 },
  n: { kind: 'number', label: 'Points', urlKey: 'n', min: 40, max: 500, step: 10, default: 200 },
  noise: { kind: 'number', label: 'Noise', urlKey: 'noise', min: 0, max: 1, step: 0.05, default: 0.5 },
  k: { kind: 'number', label: 'Neighbours', symbol: 'k', urlKey: 'k', min: 1, max: 30, step: 1, default: 5, help: 'How many nearest training points vote.' },
  metric: select({ label: 'Distance', urlKey: 'd', options: ['l2', 'l1'] as const, default: 'l2', optionLabels: { l1: 'L1 (Manhattan) |x − c|', l2: 'L2 (Euclidean) ‖x − c‖₂' } }),
  trainPct: { kind: 'number', label: 'Training share (%)', urlKey: 'tr', min: 20, max: 90, step: 5, default: 60 },
  valPct: { kind: 'number', label: 'Validation share (%)', urlKey: 'va', min: 5, max: 40, step: 5, default: 20, help: 'The test set gets the rest.' },
  points: { kind: 'points', label: 'Your points', urlKey: 'pts', maxCount: 200, classes: 3, default: [] },
  seed: seedParam(1),
});

/** The square the decision regions are computed on (data live in about [−1, 1]²). */
export const KNN_GRID = { xMin: -1.2, xMax: 1.2, yMin: -1.2, yMax: 1.2, nx: 72, ny: 72 };

/** Largest k shown in the accuracy-against-k chart. */
export const K_MAX = 30;
