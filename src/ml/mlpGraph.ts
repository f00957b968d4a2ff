/**
 * A small multi-layer perceptron described as data, and everything derived from that one
 * description: its computational graph (compute nodes and data-flow edges, grouped into layers),
 * its formula in TeX, its parameter count, and a node-by-node forward pass.
 *
 * Layers 1…L are hidden layers h_l = a_l(W_l h_{l−1} + b_l); layer L + 1 is the linear output
 * ŷ = W_{L+1} h_L + b_{L+1}; the last node is the loss ‖y − ŷ‖²₂ against a target y.
 */
import type { Rng } from './rng';

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'identity';

export interface HiddenLayer {
  width: number;
  activation: Activation;
}

export interface Architecture {
  inputs: number;
  hidden: HiddenLayer[];
  outputs: number;
}

export type NodeKind = 'input' | 'target' | 'matmul' | 'bias' | 'act' | 'loss';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** 0 for the input, 1…L+1 for the layers, L+2 for the loss. */
  layer: number;
  /** Short plain-text label, e.g. "W₂·", "+ b₂", "max(0, ·)". */
  label: string;
  /** Shape of the value the node outputs (rows × columns). */
  shape: [number, number];
  /** The parameter the node applies, if any, e.g. { name: "W₂", shape: [4, 3] }. */
  param?: { name: string; shape: [number, number] };
  activation?: Activation;
}

export interface GraphEdge {
  from: string;
  to: string;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
export const subscript = (n: number): string => String(n).split('').map((d) => SUB[Number(d)]).join('');

export const ACTIVATION_LABEL: Record<Activation, string> = { relu: 'max(0, ·)', tanh: 'tanh', sigmoid: 'σ', identity: 'identity' };

/** Widths n_0 (inputs), n_1 … n_L (hidden), n_{L+1} (outputs). */
export const widths = (a: Architecture): number[] => [a.inputs, ...a.hidden.map((h) => h.width), a.outputs];

/** Parameters per layer l = 1…L+1: n_l·n_{l−1} weights and n_l biases. */
export function parameterCounts(a: Architecture): { layer: number; neurons: number; inputs: number; weights: number; biases: number }[] {
  const n = widths(a);
  return n.slice(1).map((neurons, i) => ({ layer: i + 1, neurons, inputs: n[i], weights: neurons * n[i], biases: neurons }));
}

export const totalParameters = (a: Architecture): number => parameterCounts(a).reduce((s, c) => s + c.weights + c.biases, 0);

function layerNodes(l: number, rows: number, cols: number, act: Activation | null): GraphNode[] {
  const s = subscript(l);
  const nodes: GraphNode[] = [
    { id: `W${l}`, kind: 'matmul', layer: l, label: `W${s}·`, shape: [rows, 1], param: { name: `W${s}`, shape: [rows, cols] } },
    { id: `b${l}`, kind: 'bias', layer: l, label: `+ b${s}`, shape: [rows, 1], param: { name: `b${s}`, shape: [rows, 1] } },
  ];
  if (act) nodes.push({ id: `a${l}`, kind: 'act', layer: l, label: ACTIVATION_LABEL[act], shape: [rows, 1], activation: act });
  return nodes;
}

/** The computational graph: nodes in evaluation order, and the edges between them. */
export function buildGraph(a: Architecture): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const n = widths(a);
  const L = a.hidden.length;
  const nodes: GraphNode[] = [{ id: 'x', kind: 'input', layer: 0, label: 'x', shape: [a.inputs, 1] }];
  for (let l = 1; l <= L + 1; l++) nodes.push(...layerNodes(l, n[l], n[l - 1], l <= L ? a.hidden[l - 1].activation : null));
  nodes.push({ id: 'y', kind: 'target', layer: L + 2, label: 'y', shape: [a.outputs, 1] });
  nodes.push({ id: 'loss', kind: 'loss', layer: L + 2, label: '‖y − ŷ‖²', shape: [1, 1] });
  const chain = nodes.filter((v) => v.kind !== 'target');
  const edges = chain.slice(1).map((v, i) => ({ from: chain[i].id, to: v.id }));
  edges.push({ from: 'y', to: 'loss' });
  return { nodes, edges };
}

const ACT_TEX: Record<Activation, (s: string) => string> = {
  relu: (s) => `\\max(0, ${s})`,
  tanh: (s) => `\\tanh(${s})`,
  sigmoid: (s) => `\\sigma(${s})`,
  identity: (s) => `(${s})`,
};

/**
 * The network's formula, built from the inside out, e.g. with the notes' architecture
 * f = W₅σ(W₄ tanh(W₃ max(0, W₂ max(0, W₁x)))). Like the notes, it leaves the biases out.
 */
export function formulaTex(a: Architecture): string {
  let s = '\\mathbf{x}';
  a.hidden.forEach((h, i) => {
    s = ACT_TEX[h.activation](`\\mathbf{W}_{${i + 1}} ${s}`);
  });
  return `f = \\mathbf{W}_{${a.hidden.length + 1}} ${s}`;
}

/** The same network layer by layer, with the biases: h_l = a_l(W_l h_{l−1} + b_l), f = W_{L+1} h_L + b_{L+1}. */
export function layerFormulasTex(a: Architecture): string {
  const input = (l: number) => (l === 1 ? '\\mathbf{x}' : `\\mathbf{h}_{${l - 1}}`);
  const affine = (l: number) => `\\mathbf{W}_{${l}} ${input(l)} + \\mathbf{b}_{${l}}`;
  const rows = a.hidden.map((h, i) => {
    const inner = affine(i + 1);
    return `\\mathbf{h}_{${i + 1}} &= ${h.activation === 'identity' ? inner : ACT_TEX[h.activation](inner)}`;
  });
  rows.push(`f &= ${affine(a.hidden.length + 1)}`);
  return `\\begin{aligned} ${rows.join(' \\\\ ')} \\end{aligned}`;
}

export function activate(act: Activation, v: number): number {
  if (act === 'relu') return Math.max(0, v);
  if (act === 'tanh') return Math.tanh(v);
  if (act === 'sigmoid') return 1 / (1 + Math.exp(-v));
  return v;
}

export interface MlpWeights {
  /** W[l−1] is n_l × n_{l−1}, row-major as rows of numbers. */
  W: number[][][];
  b: number[][];
}

/** Weights ~ N(0, 1/n_{l−1}) (so values keep their scale through the layers), biases ~ N(0, 0.1²). */
export function initWeights(a: Architecture, rng: Rng): MlpWeights {
  const n = widths(a);
  const W = n.slice(1).map((rows, i) => Array.from({ length: rows }, () => Array.from({ length: n[i] }, () => rng.normal() / Math.sqrt(n[i]))));
  const b = n.slice(1).map((rows) => Array.from({ length: rows }, () => 0.1 * rng.normal()));
  return { W, b };
}

/** The value node `node` outputs, given the value of the node before it in the chain. */
export function evaluateNode(node: GraphNode, prev: number[], w: MlpWeights, target: number[]): number[] {
  switch (node.kind) {
    case 'matmul':
      return w.W[node.layer - 1].map((row) => row.reduce((s, wij, j) => s + wij * prev[j], 0));
    case 'bias':
      return prev.map((v, i) => v + w.b[node.layer - 1][i]);
    case 'act':
      return prev.map((v) => activate(node.activation ?? 'identity', v));
    case 'loss':
      return [prev.reduce((s, v, i) => s + (target[i] - v) ** 2, 0)];
    default:
      return prev;
  }
}
