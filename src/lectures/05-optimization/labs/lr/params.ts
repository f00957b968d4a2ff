import { defineParams, seedParam } from '../../../../params/schema';

/**
 * The bowl f(θ) = ½ θᵀHθ with λ_max = 1, λ_min = 1/κ. Only the "about right" rate is a slider;
 * "too low" is a tenth of it and "too high" sits just above the stability limit 2/λ_max.
 */
export const LR_PARAMS = defineParams({
  kappa: {
    kind: 'number', label: 'Condition number', symbol: '\\kappa', urlKey: 'kappa', min: 1, max: 200, step: 0, scale: 'log', default: 20,
    help: 'κ = λ_max / λ_min: how much more the bowl curves across the valley than along it.',
  },
  lr: {
    kind: 'number', label: 'Learning rate (about right)', symbol: '\\alpha', urlKey: 'lr', min: 0.02, max: 1.9, step: 0, scale: 'log', default: 1,
    help: 'Stays below 2/λ_max = 2, where gradient descent on this bowl stops converging.',
  },
  steps: { kind: 'number', label: 'Iterations', urlKey: 'steps', min: 20, max: 500, step: 10, default: 100 },
  seed: { ...seedParam(), help: 'Random seed for the starting point.' },
});

/** "Too low" is the chosen rate divided by this. */
export const LOW_FACTOR = 10;
/** "Too high" is this multiple of the stability limit 2/λ_max. */
export const HIGH_FACTOR = 1.1;
