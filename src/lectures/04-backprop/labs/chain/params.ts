import { defineParams, select } from '../../../../params/schema';

/** Initial w₁ in thirds, as exact fractions (a number slider could not hold 1/3 exactly in a link). */
const W1_OPTIONS = ['-1', '-2/3', '-1/3', '0', '1/3', '2/3', '1', '4/3', '5/3', '2'] as const;

/** Parse one of the w₁ options ("1/3", "-2/3", "2") to its exact value. */
export function parseFraction(s: string): number {
  const [n, d = '1'] = s.split('/');
  return Number(n) / Number(d);
}

/** The notes' example: x = 1, y = 0, w₁ = 1/3, w₂ = 2. */
export const CHAIN_PARAMS = defineParams({
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.001, max: 10, step: 0, scale: 'log', default: 0.1 },
  steps: { kind: 'number', label: 'Gradient steps', urlKey: 'steps', min: 10, max: 500, step: 10, default: 100 },
  act: select({ label: 'Activation', urlKey: 'act', options: ['relu', 'linear'] as const, default: 'relu', optionLabels: { relu: 'ReLU max(0, z) (notes)', linear: 'none (σ = z)' } }),
  x: { kind: 'number', label: 'Input x', symbol: 'x', urlKey: 'x', min: -2, max: 2, step: 0.1, default: 1 },
  y: { kind: 'number', label: 'Target y', symbol: 'y', urlKey: 'y', min: -2, max: 2, step: 0.1, default: 0 },
  w1: select({ label: 'Initial w₁', symbol: 'w_1', urlKey: 'w1', options: W1_OPTIONS, default: '1/3' }),
  w2: { kind: 'number', label: 'Initial w₂', symbol: 'w_2', urlKey: 'w2', min: -3, max: 3, step: 0.25, default: 2 },
});
