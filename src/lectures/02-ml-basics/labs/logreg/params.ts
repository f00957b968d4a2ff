import { defineParams, seedParam, select } from '../../../../params/schema';

export const LOGREG_GRID = { xMin: -1.2, xMax: 1.2, yMin: -1.2, yMax: 1.2, nx: 60, ny: 60 };

export const LOGREG_PARAMS = defineParams({
  dataset: select({ label: 'Dataset', urlKey: 'data', options: ['blobs', 'moons', 'circles', 'xor', 'own'] as const, default: 'blobs', optionLabels: { blobs: 'Gaussian blobs', moons: 'Moons', circles: 'Circles', xor: 'XOR', own: 'Your points only' } }),
  n: { kind: 'number', label: 'Points', symbol: 'n', urlKey: 'n', min: 20, max: 400, step: 10, default: 200 },
  noise: { kind: 'number', label: 'Noise', urlKey: 'noise', min: 0, max: 1, step: 0.05, default: 0.35 },
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.001, max: 1000, step: 0, scale: 'log', default: 1 },
  steps: { kind: 'number', label: 'Gradient steps', urlKey: 'steps', min: 10, max: 20000, step: 10, default: 1000 },
  points: { kind: 'points', label: 'Your points', urlKey: 'pts', maxCount: 200, classes: 2, default: [] },
  seed: seedParam(1),
});
