import { SURFACE_IDS } from '../../../../ml/optim/surfaces';
import { defineParams, seedParam, select, type BoolParam, type Values } from '../../../../params/schema';

/** The optimizers in legend order; each has a toggle param of the same name. */
export const OPTIMIZER_IDS = ['gd', 'sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adamNoBias', 'newton', 'lbfgs'] as const;
export type OptimizerId = (typeof OPTIMIZER_IDS)[number];

export const OPTIMIZER_LABELS: Record<OptimizerId, string> = {
  gd: 'Gradient descent', sgd: 'SGD (noisy gradient)', momentum: 'Momentum', nesterov: 'Nesterov momentum',
  rmsprop: 'RMSProp', adam: 'Adam', adamNoBias: 'Adam without bias correction', newton: 'Newton', lbfgs: 'L-BFGS',
};

/** Okabe–Ito-like colours, distinct on the contour background; one per optimizer. */
export const OPTIMIZER_COLORS: Record<OptimizerId, string> = {
  gd: '#1b1f24', sgd: '#8c959f', momentum: '#D55E00', nesterov: '#E69F00', rmsprop: '#009E73',
  adam: '#0072B2', adamNoBias: '#56B4E9', newton: '#CC79A7', lbfgs: '#7a3e9d',
};

const DEFAULT_ON: ReadonlySet<OptimizerId> = new Set(['gd', 'momentum', 'adam', 'newton']);
const toggle = (id: OptimizerId): BoolParam => ({ kind: 'bool', label: OPTIMIZER_LABELS[id], urlKey: id, default: DEFAULT_ON.has(id) });

export const OPT_PARAMS = defineParams({
  surface: select({
    label: 'Surface', urlKey: 'surf', options: SURFACE_IDS, default: 'quadratic',
    optionLabels: { quadratic: 'Ill-conditioned quadratic', rosenbrock: 'Rosenbrock', beale: 'Beale', saddle: 'Saddle x² − y²', multimin: 'Several minima (Himmelblau)' },
  }),
  kappa: { kind: 'number', label: 'Condition number', symbol: '\\kappa', urlKey: 'kappa', min: 1, max: 100, step: 0, scale: 'log', default: 20, help: 'Ratio of the largest to the smallest curvature of the quadratic.' },
  x0: { kind: 'number', label: 'Start x', symbol: 'x^0', urlKey: 'x0', min: -5, max: 5, step: 0.01, default: -1.8, help: 'Or click or drag on the contour plot.' },
  y0: { kind: 'number', label: 'Start y', symbol: 'y^0', urlKey: 'y0', min: -5, max: 5, step: 0.01, default: 1.2 },
  gd: toggle('gd'), sgd: toggle('sgd'), momentum: toggle('momentum'), nesterov: toggle('nesterov'), rmsprop: toggle('rmsprop'),
  adam: toggle('adam'), adamNoBias: toggle('adamNoBias'), newton: toggle('newton'), lbfgs: toggle('lbfgs'),
  lr: { kind: 'number', label: 'Learning rate (GD, SGD, momentum, Nesterov)', symbol: '\\alpha', urlKey: 'lr', min: 0.0001, max: 2, step: 0, scale: 'log', default: 0.5 },
  lrAdaptive: { kind: 'number', label: 'Learning rate (RMSProp, Adam)', symbol: '\\alpha', urlKey: 'lra', min: 0.0001, max: 1, step: 0, scale: 'log', default: 0.1 },
  beta: { kind: 'number', label: 'Momentum / RMSProp decay', symbol: '\\beta', urlKey: 'beta', min: 0, max: 0.999, step: 0.001, default: 0.9 },
  beta1: { kind: 'number', label: 'Adam first-moment decay', symbol: '\\beta_1', urlKey: 'b1', min: 0, max: 0.999, step: 0.001, default: 0.9 },
  beta2: { kind: 'number', label: 'Adam second-moment decay', symbol: '\\beta_2', urlKey: 'b2', min: 0, max: 0.9999, step: 0.0001, default: 0.999 },
  eps: { kind: 'number', label: 'Epsilon (RMSProp, Adam)', symbol: '\\epsilon', urlKey: 'eps', min: 1e-10, max: 0.1, step: 0, scale: 'log', default: 1e-8 },
  sigma: { kind: 'number', label: 'SGD gradient noise', symbol: '\\sigma', urlKey: 'sigma', min: 0, max: 5, step: 0.05, default: 0.5 },
  m: { kind: 'number', label: 'L-BFGS history', symbol: 'm', urlKey: 'm', min: 1, max: 20, step: 1, default: 5 },
  iters: { kind: 'number', label: 'Iterations', urlKey: 'iters', min: 10, max: 5000, step: 10, default: 300 },
  seed: seedParam(1),
});

export type OptParams = Values<typeof OPT_PARAMS>;

export function enabledOptimizers(p: OptParams): OptimizerId[] {
  return OPTIMIZER_IDS.filter((id) => p[id]);
}
