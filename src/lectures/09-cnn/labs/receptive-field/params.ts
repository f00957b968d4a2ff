import { defineParams, select, type Values } from '../../../../params/schema';
import { LAYER_KINDS, LAYER_SPECS, type LayerKind, type LayerSpec } from '../../../../ml/receptiveField';

export const MAX_LAYERS = 4;

const kindLabels = Object.fromEntries(LAYER_KINDS.map((k) => [k, LAYER_SPECS[k].label])) as Record<LayerKind, string>;
const layerSelect = (i: number, def: LayerKind) =>
  select({ label: `Layer ${i}`, urlKey: `l${i}`, options: LAYER_KINDS, default: def, optionLabels: kindLabels });

export const PRESETS = {
  three3: ['conv3s1', 'conv3s1', 'conv3s1'],
  cpcp: ['conv3s1', 'pool2s2', 'conv3s1', 'pool2s2'],
  strided: ['conv3s2', 'conv3s2', 'conv3s1'],
} as const satisfies Record<string, readonly LayerKind[]>;
export type PresetName = keyof typeof PRESETS;

export const RF_PARAMS = defineParams({
  preset: select({
    label: 'Stack', urlKey: 'pre', options: ['three3', 'cpcp', 'strided', 'custom'] as const, default: 'three3',
    optionLabels: { three3: 'three 3×3 convs', cpcp: 'conv-pool-conv-pool', strided: 'two strided convs, one conv', custom: 'custom (edit the layers)' },
  }),
  depth: { kind: 'number', label: 'Layers', symbol: 'L', urlKey: 'L', min: 1, max: MAX_LAYERS, step: 1, default: 3 },
  l1: layerSelect(1, 'conv3s1'),
  l2: layerSelect(2, 'conv3s1'),
  l3: layerSelect(3, 'conv3s1'),
  l4: layerSelect(4, 'pool2s2'),
  n: {
    kind: 'number', label: 'Input size', symbol: 'N', urlKey: 'N', min: 8, max: 32, step: 1, default: 16,
    help: 'The input is N × N pixels; every layer is valid (no padding).',
  },
  C: {
    kind: 'number', label: 'Channels', symbol: 'C', urlKey: 'C', min: 1, max: 512, step: 1, default: 64,
    help: 'Channels in and out of every convolution, for the parameter count.',
  },
});

export type RfParams = Values<typeof RF_PARAMS>;
export const LAYER_KEYS = ['l1', 'l2', 'l3', 'l4'] as const;

export function layersOf(p: RfParams): LayerSpec[] {
  return LAYER_KEYS.slice(0, Math.round(p.depth)).map((k) => LAYER_SPECS[p[k]]);
}

/** The parameter patch a preset stands for. */
export function presetPatch(name: PresetName): Partial<RfParams> {
  const kinds: readonly LayerKind[] = PRESETS[name];
  const patch: Partial<RfParams> = { preset: name, depth: kinds.length };
  kinds.forEach((k, i) => {
    patch[LAYER_KEYS[i]] = k;
  });
  return patch;
}
