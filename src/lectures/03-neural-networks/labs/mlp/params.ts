import { DATASET_2D_KINDS, type Dataset2DKind } from '../../../../ml/data/datasets2d';
import { FEATURE_KEYS, FEATURE_TEXT, type FeatureKey } from '../../../../ml/data/features2d';
import { SURFACE_KINDS } from '../../../../ml/data/surfaces2d';
import { ACTIVATIONS } from '../../../../ml/models/mlp';
import { defineParams, seedParam, select, type BoolParam, type NumberParam, type Values } from '../../../../params/schema';

/** Most hidden layers and most units per hidden layer. */
export const MAX_LAYERS = 6;
export const MAX_WIDTH = 8;

const width = (i: number, def: number): NumberParam => ({
  kind: 'number', label: `Units in hidden layer ${i}`, symbol: `n_{${i}}`, urlKey: `w${i}`, min: 1, max: MAX_WIDTH, step: 1, default: def,
});

const feature = (k: FeatureKey, def: boolean): BoolParam => ({ kind: 'bool', label: `Input ${FEATURE_TEXT[k]}`, urlKey: k, default: def });

/** Defaults follow TensorFlow Playground: x₁, x₂ → 4 → 2 → 1, tanh, batch 10, α = 0.03, 500 points, half for training. */
export const MLP_PARAMS = defineParams({
  problem: select({ label: 'Problem', urlKey: 'prob', options: ['classification', 'regression'] as const, default: 'classification', optionLabels: { classification: 'Classification (σ, cross-entropy)', regression: 'Regression (linear, MSE)' } }),
  dataset: select({ label: 'Dataset', urlKey: 'data', options: [...DATASET_2D_KINDS, 'own'] as readonly (Dataset2DKind | 'own')[], default: 'circles', optionLabels: { blobs: 'Gaussian blobs', circles: 'Circles', xor: 'XOR', spiral: 'Spiral', moons: 'Moons', own: 'Your points only' } }),
  surface: select({ label: 'Surface', urlKey: 'surf', options: SURFACE_KINDS, default: 'plane', optionLabels: { plane: 'Plane (x₁ + x₂)/2', bumps: 'Gaussian bumps' } }),
  n: { kind: 'number', label: 'Points', symbol: 'n', urlKey: 'n', min: 50, max: 1000, step: 50, default: 500 },
  noise: { kind: 'number', label: 'Noise', urlKey: 'noise', min: 0, max: 1, step: 0.05, default: 0 },
  trainPct: { kind: 'number', label: 'Training share (%)', urlKey: 'tr', min: 10, max: 90, step: 5, default: 50, help: 'The test set gets the rest.' },
  batch: { kind: 'number', label: 'Batch size', symbol: 'B', urlKey: 'bs', min: 1, max: 100, step: 1, default: 10 },
  x1: feature('x1', true),
  x2: feature('x2', true),
  x1sq: feature('x1sq', false),
  x2sq: feature('x2sq', false),
  x1x2: feature('x1x2', false),
  sin1: feature('sin1', false),
  sin2: feature('sin2', false),
  layers: { kind: 'number', label: 'Hidden layers', symbol: 'L-1', urlKey: 'layers', min: 0, max: MAX_LAYERS, step: 1, default: 2 },
  w1: width(1, 4),
  w2: width(2, 2),
  w3: width(3, 2),
  w4: width(4, 2),
  w5: width(5, 2),
  w6: width(6, 2),
  activation: select({ label: 'Activation', symbol: 'g', urlKey: 'act', options: ACTIVATIONS, default: 'tanh', optionLabels: { linear: 'Linear', sigmoid: 'Sigmoid', tanh: 'tanh', relu: 'ReLU', leakyRelu: 'Leaky ReLU (0.01)' } }),
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.0001, max: 10, step: 0, scale: 'log', default: 0.03 },
  reg: select({ label: 'Regularisation', urlKey: 'reg', options: ['none', 'l1', 'l2'] as const, default: 'none', optionLabels: { none: 'None', l1: 'L1  λ Σ|w|', l2: 'L2  ½ λ Σ w²' } }),
  regRate: { kind: 'number', label: 'Regularisation rate', symbol: '\\lambda', urlKey: 'lambda', min: 0.0001, max: 1, step: 0, scale: 'log', default: 0.001 },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'epochs', min: 10, max: 100000, step: 10, default: 10000, help: 'Training stops after this many passes over the training set.' },
  points: { kind: 'points', label: 'Your points', urlKey: 'pts', maxCount: 200, classes: 2, default: [] },
  seed: seedParam(1),
});

export type MlpParams = Values<typeof MLP_PARAMS>;

export const WIDTH_KEYS = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'] as const;

/** The feature toggles in the order of FEATURE_KEYS (the param names equal the feature keys). */
export const FEATURE_PARAMS: readonly FeatureKey[] = FEATURE_KEYS;

/** The input plane shown in every heatmap (the data live in about [−1, 1]²). */
export const PLANE = { xMin: -1.2, xMax: 1.2, yMin: -1.2, yMax: 1.2 };
/** Grid of the small per-unit heatmaps and of the output heatmap. */
export const UNIT_GRID = { ...PLANE, nx: 40, ny: 40 };
export const OUTPUT_GRID = { ...PLANE, nx: 80, ny: 80 };

/** Settings under which the spiral is learnt (test loss < 0.1 within 1,000 epochs); used by the tests and the preset button. */
export const SPIRAL_PRESET = {
  problem: 'classification', dataset: 'spiral', noise: 0, n: 500, trainPct: 50, batch: 10,
  x1: true, x2: true, x1sq: false, x2sq: false, x1x2: false, sin1: true, sin2: true,
  layers: 2, w1: 8, w2: 8, activation: 'tanh', lr: 0.1, reg: 'none', epochs: 1000,
} as const;
