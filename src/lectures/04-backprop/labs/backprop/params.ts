import { defineParams, select } from '../../../../params/schema';

const input = (label: string, symbol: string, urlKey: string, def: number) =>
  ({ kind: 'number', label, symbol, urlKey, min: -10, max: 10, step: 0.5, default: def }) as const;

/** Both graphs' inputs. The notes' values for (x + y)·z; the classic sigmoid-neuron values otherwise. */
export const BACKPROP_PARAMS = defineParams({
  graph: select({ label: 'Graph', urlKey: 'g', options: ['arith', 'sigmoid'] as const, default: 'arith', optionLabels: { arith: 'f = (x + y)·z', sigmoid: 'Sigmoid neuron' } }),
  x: input('Input x', 'x', 'x', 1),
  y: input('Input y', 'y', 'y', -3),
  z: input('Input z', 'z', 'z', 4),
  w0: input('Weight w₀', 'w_0', 'w0', 2),
  x0: input('Input x₀', 'x_0', 'x0', -1),
  w1: input('Weight w₁', 'w_1', 'w1', -3),
  x1: input('Input x₁', 'x_1', 'x1', -2),
  b: input('Bias b', 'b', 'b', -3),
});
