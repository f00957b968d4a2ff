import { defineParams, seedParam, select } from '../../../../params/schema';

export const INIT_PARAMS = defineParams({
  init: select({
    label: 'Initialisation', urlKey: 'init', options: ['zero', 'small', 'big', 'xavier', 'kaiming'] as const, default: 'small',
    optionLabels: {
      zero: 'all weights zero',
      small: 'small: N(0, 0.01²)',
      big: 'big: N(0, 1)',
      xavier: 'Xavier: Var(w) = 1/n',
      kaiming: 'Kaiming: Var(w) = 2/n',
    },
    help: 'n is the fan-in: the number of inputs of the layer, not the number of samples.',
  }),
  act: select({
    label: 'Activation', urlKey: 'act', options: ['tanh', 'relu', 'linear'] as const, default: 'tanh',
    optionLabels: { tanh: 'tanh', relu: 'ReLU', linear: 'none (linear)' },
  }),
  layers: { kind: 'number', label: 'Layers', symbol: 'L', urlKey: 'L', min: 1, max: 20, step: 1, default: 10 },
  width: {
    kind: 'number', label: 'Neurons per layer', symbol: 'n', urlKey: 'n', min: 10, max: 1000, step: 10, default: 500,
    help: 'Also the input dimension, so every layer has fan-in n.',
  },
  samples: {
    kind: 'number', label: 'Input samples', symbol: 'N', urlKey: 'N', min: 100, max: 1000, step: 100, default: 500,
    help: 'Unit-Gaussian inputs x ~ N(0, I) pushed through the network together.',
  },
  seed: seedParam(),
  logY: { kind: 'bool', label: 'Log scale for the standard deviation', urlKey: 'log', default: false },
});
