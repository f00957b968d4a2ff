import { buildGraph, type Architecture, type Activation } from '../../../../ml/mlpGraph';
import { defineParams, seedParam, select } from '../../../../params/schema';
import type { Values } from '../../../../params/schema';

const ACTS = ['relu', 'tanh', 'sigmoid', 'identity'] as const;
const ACT_LABELS = { relu: 'ReLU max(0, ·)', tanh: 'tanh', sigmoid: 'sigmoid σ', identity: 'identity' };

const width = (l: number, def: number) =>
  ({ kind: 'number', label: `Layer ${l} width`, symbol: `n_${l}`, urlKey: `n${l}`, min: 1, max: 8, step: 1, default: def }) as const;
const act = (l: number, def: Activation) =>
  select({ label: `Layer ${l} activation`, urlKey: `a${l}`, options: ACTS, default: def, optionLabels: ACT_LABELS });

/** Defaults: the notes' network f = W₅σ(W₄ tanh(W₃ max(0, W₂ max(0, W₁x)))). */
export const GRAPH_PARAMS = defineParams({
  layers: { kind: 'number', label: 'Hidden layers', symbol: 'L', urlKey: 'L', min: 1, max: 4, step: 1, default: 4, help: 'The output layer comes on top, without an activation.' },
  inputs: { kind: 'number', label: 'Inputs', symbol: 'n_0', urlKey: 'd', min: 1, max: 6, step: 1, default: 2 },
  w1: width(1, 3),
  a1: act(1, 'relu'),
  w2: width(2, 4),
  a2: act(2, 'relu'),
  w3: width(3, 4),
  a3: act(3, 'tanh'),
  w4: width(4, 3),
  a4: act(4, 'sigmoid'),
  outputs: { kind: 'number', label: 'Outputs', urlKey: 'out', min: 1, max: 4, step: 1, default: 1 },
  seed: seedParam(1),
});

export type GraphParams = Values<typeof GRAPH_PARAMS>;

/** The architecture the parameters describe: only the first `layers` hidden layers count. */
export function architectureOf(p: GraphParams): Architecture {
  const all = [
    { width: p.w1, activation: p.a1 },
    { width: p.w2, activation: p.a2 },
    { width: p.w3, activation: p.a3 },
    { width: p.w4, activation: p.a4 },
  ];
  return { inputs: p.inputs, hidden: all.slice(0, p.layers), outputs: p.outputs };
}

/** The controls for the layers that exist. */
export function graphControls(p: GraphParams): (keyof GraphParams & string)[] {
  const per: (keyof GraphParams & string)[][] = [['w1', 'a1'], ['w2', 'a2'], ['w3', 'a3'], ['w4', 'a4']];
  return ['layers', 'inputs', ...per.slice(0, p.layers).flat(), 'outputs', 'seed'];
}

/** Number of compute nodes (everything but the input and the target): the steps of one pass. */
export function computeNodeCount(p: GraphParams): number {
  return buildGraph(architectureOf(p)).nodes.filter((n) => n.kind !== 'input' && n.kind !== 'target').length;
}
