/**
 * The lab's network, ConvNetJS' MNIST demo network: 24×24×1 input → conv 5×5×f₁ (pad 2, stride 1)
 * + ReLU → max pool 2 (stride 2) → conv 5×5×f₂ (pad 2) + ReLU → max pool 3 (stride 3) → FC → softmax 10.
 * Shapes and parameter counts, pure (no tfjs), so the table and the tests share one source.
 */

/** Side of the network's input: random 24×24 crops of the 28×28 digits (training), the centre crop (test). */
export const INPUT_SIDE = 24;
export const KERNEL = 5;
export const PAD = 2;
export const POOL1 = 2;
export const POOL2 = 3;
export const CLASSES = 10;

export interface CnnArch {
  /** Filters of the first and second conv layers. */
  f1: number;
  f2: number;
}

export const DEFAULT_ARCH: CnnArch = { f1: 8, f2: 16 };

/** The notes' output size ⌊(N + 2P − F)/S⌋ + 1. */
export function outSize(n: number, f: number, p: number, s: number): number {
  return Math.floor((n + 2 * p - f) / s) + 1;
}

export interface LayerShape {
  key: 'input' | 'conv1' | 'pool1' | 'conv2' | 'pool2' | 'fc';
  name: string;
  /** Output height = width (1 for the FC layer) and depth. */
  side: number;
  depth: number;
}

export function layerShapes(a: CnnArch): LayerShape[] {
  const c1 = outSize(INPUT_SIDE, KERNEL, PAD, 1);
  const p1 = outSize(c1, POOL1, 0, POOL1);
  const c2 = outSize(p1, KERNEL, PAD, 1);
  const p2 = outSize(c2, POOL2, 0, POOL2);
  return [
    { key: 'input', name: 'input', side: INPUT_SIDE, depth: 1 },
    { key: 'conv1', name: `conv ${KERNEL}×${KERNEL}×${a.f1} + ReLU`, side: c1, depth: a.f1 },
    { key: 'pool1', name: `max pool ${POOL1}`, side: p1, depth: a.f1 },
    { key: 'conv2', name: `conv ${KERNEL}×${KERNEL}×${a.f2} + ReLU`, side: c2, depth: a.f2 },
    { key: 'pool2', name: `max pool ${POOL2}`, side: p2, depth: a.f2 },
    { key: 'fc', name: `fully connected → ${CLASSES}`, side: 1, depth: CLASSES },
  ];
}

/** Features entering the FC layer (side² · depth after the second pool). */
export function flatFeatures(a: CnnArch): number {
  const p2 = layerShapes(a)[4];
  return p2.side * p2.side * p2.depth;
}

export interface ParamRow {
  key: LayerShape['key'];
  name: string;
  /** Output shape as text, e.g. "24×24×8". */
  output: string;
  /** Weights + biases of the layer in the CNN. */
  params: number;
  /** Weights + biases of a fully connected layer with the same number of inputs and outputs. */
  fcParams: number;
}

/** The number of weights and biases of a conv layer: F·F·D_in·K + K. */
export function convParams(f: number, dIn: number, k: number): number {
  return f * f * dIn * k + k;
}

/** A fully connected layer from nIn to nOut units: nIn·nOut + nOut. */
export function denseParams(nIn: number, nOut: number): number {
  return nIn * nOut + nOut;
}

/** One row per layer (pooling has no parameters), in order. */
export function paramTable(a: CnnArch): ParamRow[] {
  const s = layerShapes(a);
  const units = (l: LayerShape) => l.side * l.side * l.depth;
  const shape = (l: LayerShape) => (l.key === 'fc' ? `${l.depth}` : `${l.side}×${l.side}×${l.depth}`);
  const rows: ParamRow[] = [];
  for (let i = 1; i < s.length; i++) {
    const l = s[i];
    const prev = s[i - 1];
    let params = 0;
    let fcParams = 0;
    if (l.key === 'conv1' || l.key === 'conv2') {
      params = convParams(KERNEL, prev.depth, l.depth);
      fcParams = denseParams(units(prev), units(l));
    } else if (l.key === 'fc') {
      params = denseParams(units(prev), CLASSES);
      fcParams = params;
    }
    rows.push({ key: l.key, name: l.name, output: shape(l), params, fcParams });
  }
  return rows;
}

export interface ParamSummary {
  conv: number;
  fc: number;
  total: number;
  /** The same layer sizes with every conv layer replaced by a fully connected one. */
  allFc: number;
  /** A one-hidden-layer MLP on the same 24×24 input (576 → 100 → 10), the usual FC baseline. */
  mlp: number;
  mlpHidden: number;
}

export const MLP_HIDDEN = 100;

export function paramSummary(a: CnnArch): ParamSummary {
  const rows = paramTable(a);
  const conv = rows.filter((r) => r.key === 'conv1' || r.key === 'conv2').reduce((t, r) => t + r.params, 0);
  const fc = rows.filter((r) => r.key === 'fc').reduce((t, r) => t + r.params, 0);
  const allFc = rows.reduce((t, r) => t + r.fcParams, 0);
  const mlp = denseParams(INPUT_SIDE * INPUT_SIDE, MLP_HIDDEN) + denseParams(MLP_HIDDEN, CLASSES);
  return { conv, fc, total: conv + fc, allFc, mlp, mlpHidden: MLP_HIDDEN };
}

/** Sizes of the flat weight vector read back from the model: [w1, b1, w2, b2, w3, b3]. */
export function weightSizes(a: CnnArch): number[] {
  return [KERNEL * KERNEL * a.f1, a.f1, KERNEL * KERNEL * a.f1 * a.f2, a.f2, flatFeatures(a) * CLASSES, CLASSES];
}
