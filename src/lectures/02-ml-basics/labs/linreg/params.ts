import { defineParams, seedParam } from '../../../../params/schema';

/** The notes' building-temperature example: two buildings, features [1, outside temp, humidity, people, sun %]. */
export const NOTES_X = [1, 25, 50, 2, 50, 1, -10, 50, 0, 10];
export const NOTES_THETA = [0.2, 0.64, 0, 1, 0.14];

export const LINREG_PARAMS = defineParams({
  X: { kind: 'vector', label: 'Input matrix X', urlKey: 'X', length: 10, min: -1000, max: 1000, default: NOTES_X },
  theta: { kind: 'vector', label: 'Parameters θ', urlKey: 'th', length: 5, min: -1000, max: 1000, default: NOTES_THETA },
  n: { kind: 'number', label: 'Samples', symbol: 'n', urlKey: 'n', min: 5, max: 200, step: 1, default: 40 },
  sigma: { kind: 'number', label: 'Noise', symbol: '\\sigma', urlKey: 'sigma', min: 0.1, max: 4, step: 0.1, default: 1, help: 'Standard deviation of the Gaussian noise on y.' },
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.001, max: 1, step: 0, scale: 'log', default: 0.05 },
  steps: { kind: 'number', label: 'Gradient steps', urlKey: 'steps', min: 10, max: 20000, step: 10, default: 400 },
  seed: seedParam(1),
});

/** Ground truth of the generated data: y = 2 + 1.5·x + σ·ε with x uniform in [−3, 3]. */
export const TRUE_LINE = { intercept: 2, slope: 1.5, xMin: -3, xMax: 3 };
