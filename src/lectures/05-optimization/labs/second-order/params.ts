import { defineParams, seedParam, select } from '../../../../params/schema';

/** Curve fit y = a·e^{bx} + noise with four optimisers, plus Newton's method in 1D. */
export const SECOND_ORDER_PARAMS = defineParams({
  a: { kind: 'number', label: 'True a', symbol: 'a', urlKey: 'a', min: 0.5, max: 4, step: 0.1, default: 2 },
  b: { kind: 'number', label: 'True b', symbol: 'b', urlKey: 'b', min: -2, max: 1, step: 0.1, default: -1 },
  noise: { kind: 'number', label: 'Noise', symbol: '\\sigma', urlKey: 'sd', min: 0, max: 0.5, step: 0.01, default: 0.05 },
  n: { kind: 'number', label: 'Data points', symbol: 'n', urlKey: 'n', min: 5, max: 100, step: 1, default: 30 },
  a0: { kind: 'number', label: 'Start a₀', symbol: 'a_0', urlKey: 'a0', min: -1, max: 5, step: 0.1, default: 1 },
  b0: { kind: 'number', label: 'Start b₀', symbol: 'b_0', urlKey: 'b0', min: -3, max: 2, step: 0.1, default: 0.5 },
  lr: {
    kind: 'number', label: 'GD learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.0001, max: 0.1, step: 0, scale: 'log', default: 0.01,
    help: 'Gradient descent only; too large and it diverges.',
  },
  lambda0: {
    kind: 'number', label: 'Initial damping', symbol: '\\lambda_0', urlKey: 'lam', min: 0.0001, max: 1000, step: 0, scale: 'log', default: 1,
    help: 'Starting λ of Levenberg and Levenberg–Marquardt.',
  },
  levMode: select({
    label: 'Levenberg λ', urlKey: 'lev', options: ['adaptive', 'fixed'] as const, default: 'adaptive',
    optionLabels: { adaptive: 'adaptive (trust region)', fixed: 'fixed at λ₀, every step taken' },
  }),
  iters: { kind: 'number', label: 'Iterations', urlKey: 'it', min: 50, max: 1000, step: 50, default: 200 },
  fn: select({
    label: 'Newton 1D function', urlKey: 'fn', options: ['quartic', 'sqrt'] as const, default: 'quartic',
    optionLabels: { quartic: 'f(x) = x⁴ − 3x² + x', sqrt: 'f(x) = √(1 + x²)' },
  }),
  x0: { kind: 'number', label: 'Newton start', symbol: 'x_0', urlKey: 'x0', min: -2.5, max: 2.5, step: 0.1, default: 2 },
  seed: seedParam(),
});
