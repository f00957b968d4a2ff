import { defineParams } from '../../../../params/schema';

const ch = (label: string, symbol: string, urlKey: string, def: number, help?: string) =>
  ({ kind: 'number' as const, label, symbol, urlKey, min: 1, max: 1024, step: 1, default: def, help });

export const CONV_VARIANT_PARAMS = defineParams({
  h: { kind: 'number', label: 'Height', symbol: 'H', urlKey: 'H', min: 1, max: 256, step: 1, default: 28 },
  w: { kind: 'number', label: 'Width', symbol: 'W', urlKey: 'W', min: 1, max: 256, step: 1, default: 28 },
  cin: ch('Input channels', 'C_{\\text{in}}', 'Cin', 256),
  cout: ch('Output channels', 'C_{\\text{out}}', 'Cout', 256),
  k: { kind: 'number', label: 'Kernel size', symbol: 'k', urlKey: 'k', min: 1, max: 11, step: 2, default: 3, help: 'Odd, so "same" padding (k − 1)/2 keeps H×W.' },
  groups: {
    kind: 'number', label: 'Groups of the grouped conv', symbol: 'g', urlKey: 'g', min: 1, max: 1024, step: 1, default: 4,
    help: 'Must divide both C_in and C_out. 1 is a normal conv, C_in a depthwise one.',
  },
  bias: { kind: 'bool', label: 'Biases (PyTorch’s default)', urlKey: 'bias', default: true, help: 'One bias per output channel; multiply-adds do not change.' },
  n1: { kind: 'number', label: 'Inception: 1×1 branch channels', urlKey: 'n1', min: 1, max: 512, step: 1, default: 128 },
  n3: { kind: 'number', label: 'Inception: 3×3 branch channels', urlKey: 'n3', min: 1, max: 512, step: 1, default: 192 },
  n5: { kind: 'number', label: 'Inception: 5×5 branch channels', urlKey: 'n5', min: 1, max: 512, step: 1, default: 96 },
  r: {
    kind: 'number', label: 'Inception: 1×1 bottleneck width', urlKey: 'r', min: 1, max: 512, step: 1, default: 64,
    help: 'Channels of the 1×1 convs before the 3×3 and 5×5 and after the max pool.',
  },
});
