import { defineParams, seedParam, select } from '../../../../params/schema';
import type { Vec2 } from '../../../../ml/zeroCentring';

/** The curves are drawn on [−X_RANGE, X_RANGE]. */
export const X_RANGE = 6;
/** |f′| below this counts as saturated. */
export const SAT_THRESHOLD = 0.01;
/** Zero-centring demo: start, spread of the pre-activations z, and "reached" distance. */
export const START: Vec2 = [-1, 1];
export const Z_SPREAD = 1.5;
export const TOLERANCE = 0.02;

export const ACT_PARAMS = defineParams({
  act: select({
    label: 'Activation', urlKey: 'act',
    options: ['linear', 'step', 'sigmoid', 'tanh', 'relu', 'leaky', 'prelu', 'elu', 'swish', 'maxout'] as const,
    default: 'sigmoid',
    optionLabels: {
      linear: 'linear', step: 'step', sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU', leaky: 'leaky ReLU (0.01)',
      prelu: 'parametric ReLU (α)', elu: 'ELU (α)', swish: 'Swish (β)', maxout: 'Maxout (two lines)',
    },
  }),
  alpha: { kind: 'number', label: 'PReLU slope', symbol: '\\alpha', urlKey: 'a', min: 0, max: 1, step: 0.01, default: 0.25, help: 'Slope for x < 0; learnt by backprop in a real network.' },
  eluAlpha: { kind: 'number', label: 'ELU scale', symbol: '\\alpha', urlKey: 'ea', min: 0.1, max: 3, step: 0.1, default: 1 },
  beta: { kind: 'number', label: 'Swish β', symbol: '\\beta', urlKey: 'beta', min: 0, max: 10, step: 0.1, default: 1 },
  w1: { kind: 'number', label: 'Maxout slope 1', symbol: 'w_1', urlKey: 'w1', min: -2, max: 2, step: 0.1, default: 1 },
  b1: { kind: 'number', label: 'Maxout bias 1', symbol: 'b_1', urlKey: 'b1', min: -2, max: 2, step: 0.1, default: 0 },
  w2: { kind: 'number', label: 'Maxout slope 2', symbol: 'w_2', urlKey: 'w2', min: -2, max: 2, step: 0.1, default: -0.5 },
  b2: { kind: 'number', label: 'Maxout bias 2', symbol: 'b_2', urlKey: 'b2', min: -2, max: 2, step: 0.1, default: 0 },
  lr: { kind: 'number', label: 'Learning rate (zero-centring demo)', symbol: '\\alpha_{\\text{lr}}', urlKey: 'lr', min: 0.1, max: 4, step: 0, scale: 'log', default: 2 },
  t1: { kind: 'number', label: 'Target weight 1', symbol: 'w^*_1', urlKey: 't1', min: -2, max: 2, step: 0.1, default: 1.5 },
  t2: { kind: 'number', label: 'Target weight 2', symbol: 'w^*_2', urlKey: 't2', min: -2, max: 2, step: 0.1, default: -1 },
  steps: { kind: 'number', label: 'SGD steps', urlKey: 'steps', min: 50, max: 1000, step: 50, default: 300 },
  seed: seedParam(),
});
