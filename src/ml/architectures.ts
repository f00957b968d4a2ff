/**
 * Classic CNN architectures (LeNet-5, AlexNet, VGG-16, ResNet-18…152) written as layer lists, and
 * the layer table — output shapes, parameters, multiply-adds — COMPUTED from those lists.
 *
 * Conventions (the lab states them too):
 * - parameters are learned weights and biases; batch norm adds γ and β per channel when counted
 *   (its running mean and variance are statistics, not parameters);
 * - multiply-adds (MACs) count conv and fully connected layers only: H_out·W_out·C_out·k²·C_in/g
 *   and n_in·n_out; pooling, activations, batch norm and the residual additions are not counted;
 * - output side of a conv or pool: ⌊(H + 2p − k)/s⌋ + 1.
 */

export interface Shape {
  h: number;
  w: number;
  c: number;
}

export type Activation = 'tanh' | 'relu' | 'softmax' | 'none';

export interface ConvSpec {
  kind: 'conv';
  name: string;
  k: number;
  out: number;
  stride: number;
  pad: number;
  groups?: number;
  bias: boolean;
  bn?: boolean;
  act: Activation;
}
export interface PoolSpec {
  kind: 'pool';
  name: string;
  op: 'max' | 'avg';
  k: number;
  stride: number;
  pad?: number;
}
/** Global average pooling: H×W×C → 1×1×C. */
export interface GapSpec {
  kind: 'gap';
  name: string;
}
/** Fully connected; flattens its input first. */
export interface FcSpec {
  kind: 'fc';
  name: string;
  out: number;
  act: Activation;
}
/** A residual stage: `blocks` basic or bottleneck blocks, the first one with `stride`. */
export interface StageSpec {
  kind: 'stage';
  name: string;
  block: 'basic' | 'bottleneck';
  blocks: number;
  width: number;
  stride: number;
}
export type LayerSpec = ConvSpec | PoolSpec | GapSpec | FcSpec | StageSpec;

export interface NetDef {
  id: string;
  name: string;
  input: Shape;
  layers: LayerSpec[];
  /** The figure the notes give (e.g. "60k parameters"), and its value. */
  notes: { label: string; value: number };
}

export type ShortcutKind = 'projection' | 'zeropad';

export interface TableOptions {
  /** Count batch norm's γ and β (2 per channel). */
  bn: boolean;
  /** Shortcut when a block changes shape: 1×1 conv projection (+BN) or parameter-free zero padding. */
  shortcut: ShortcutKind;
  /** Input side H = W; 0 or undefined keeps the network's own. */
  side?: number;
}

export type RowKind = 'input' | 'conv' | 'pool' | 'gap' | 'fc' | 'stage' | 'block' | 'shortcut';

export interface LayerRow {
  id: string;
  /** 0: a layer or stage of the network; 1: a block inside a stage; 2: a layer inside a block. */
  level: 0 | 1 | 2;
  name: string;
  kind: RowKind;
  desc: string;
  act: string;
  out: Shape;
  /** Parameters including batch norm's γ, β when counted (and the children's, for stages and blocks). */
  params: number;
  bnParams: number;
  macs: number;
  /** Conv and fc layers (shortcut projections not counted, as in "ResNet-50"). */
  weightLayers: number;
}

export interface ArchTable {
  ok: true;
  net: NetDef;
  input: Shape;
  rows: LayerRow[];
  /** Indices into rows of the level-0 rows (input included), in order. */
  top: number[];
  totals: { params: number; bnParams: number; macs: number; weightLayers: number; convParams: number; fcParams: number };
}
export interface ArchError {
  ok: false;
  net: NetDef;
  error: string;
}

/* ------------------------------------------------------------------ the networks */

const conv = (name: string, k: number, out: number, stride = 1, pad = 0, act: Activation = 'relu', extra: Partial<ConvSpec> = {}): ConvSpec =>
  ({ kind: 'conv', name, k, out, stride, pad, bias: true, act, ...extra });
const maxPool = (name: string, k: number, stride: number, pad = 0): PoolSpec => ({ kind: 'pool', name, op: 'max', k, stride, pad });
const fc = (name: string, out: number, act: Activation = 'relu'): FcSpec => ({ kind: 'fc', name, out, act });

/** LeNet-5 in its modern reading: full C3 connectivity, average pooling, a 10-way fc output. */
const LENET5: NetDef = {
  id: 'lenet5',
  name: 'LeNet-5',
  input: { h: 32, w: 32, c: 1 },
  layers: [
    conv('C1', 5, 6, 1, 0, 'tanh'),
    { kind: 'pool', name: 'S2', op: 'avg', k: 2, stride: 2 },
    conv('C3', 5, 16, 1, 0, 'tanh'),
    { kind: 'pool', name: 'S4', op: 'avg', k: 2, stride: 2 },
    conv('C5', 5, 120, 1, 0, 'tanh'),
    fc('F6', 84, 'tanh'),
    fc('output', 10, 'softmax'),
  ],
  notes: { label: '60k', value: 60e3 },
};

function alexnet(grouped: boolean): NetDef {
  const g = grouped ? { groups: 2 } : {};
  return {
    id: grouped ? 'alexnet2gpu' : 'alexnet',
    name: grouped ? 'AlexNet (two-GPU grouping)' : 'AlexNet',
    input: { h: 227, w: 227, c: 3 },
    layers: [
      conv('conv1', 11, 96, 4, 0),
      maxPool('pool1', 3, 2),
      conv('conv2', 5, 256, 1, 2, 'relu', g),
      maxPool('pool2', 3, 2),
      conv('conv3', 3, 384, 1, 1),
      conv('conv4', 3, 384, 1, 1, 'relu', g),
      conv('conv5', 3, 256, 1, 1, 'relu', g),
      maxPool('pool5', 3, 2),
      fc('fc6', 4096),
      fc('fc7', 4096),
      fc('fc8', 1000, 'softmax'),
    ],
    notes: { label: '60M', value: 60e6 },
  };
}

const VGG16: NetDef = {
  id: 'vgg16',
  name: 'VGG-16',
  input: { h: 224, w: 224, c: 3 },
  layers: [
    ...[[64, 2], [128, 2], [256, 3], [512, 3], [512, 3]].flatMap(([c, n], b) => [
      ...Array.from({ length: n }, (_, i) => conv(`conv${b + 1}_${i + 1}`, 3, c, 1, 1)),
      maxPool(`pool${b + 1}`, 2, 2),
    ]),
    fc('fc6', 4096),
    fc('fc7', 4096),
    fc('fc8', 1000, 'softmax'),
  ],
  notes: { label: '138M', value: 138e6 },
};

const RESNET_BLOCKS: Record<number, { block: 'basic' | 'bottleneck'; blocks: [number, number, number, number] }> = {
  18: { block: 'basic', blocks: [2, 2, 2, 2] },
  34: { block: 'basic', blocks: [3, 4, 6, 3] },
  50: { block: 'bottleneck', blocks: [3, 4, 6, 3] },
  101: { block: 'bottleneck', blocks: [3, 4, 23, 3] },
  152: { block: 'bottleneck', blocks: [3, 8, 36, 3] },
};

function resnet(depth: 18 | 34 | 50 | 101 | 152): NetDef {
  const { block, blocks } = RESNET_BLOCKS[depth];
  return {
    id: `resnet${depth}`,
    name: `ResNet-${depth}`,
    input: { h: 224, w: 224, c: 3 },
    layers: [
      conv('conv1', 7, 64, 2, 3, 'relu', { bias: false, bn: true }),
      maxPool('pool1', 3, 2, 1),
      ...[64, 128, 256, 512].map((width, i): StageSpec => ({
        kind: 'stage', name: `conv${i + 2}_x`, block, blocks: blocks[i], width, stride: i === 0 ? 1 : 2,
      })),
      { kind: 'gap', name: 'avgpool' },
      fc('fc', 1000, 'softmax'),
    ],
    notes: depth === 152 ? { label: '60M', value: 60e6 } : { label: '', value: NaN },
  };
}

export const NETWORK_IDS = ['lenet5', 'alexnet', 'alexnet2gpu', 'vgg16', 'resnet18', 'resnet34', 'resnet50', 'resnet101', 'resnet152'] as const;
export type NetworkId = (typeof NETWORK_IDS)[number];

export const NETWORKS: Record<NetworkId, NetDef> = {
  lenet5: LENET5,
  alexnet: alexnet(false),
  alexnet2gpu: alexnet(true),
  vgg16: VGG16,
  resnet18: resnet(18),
  resnet34: resnet(34),
  resnet50: resnet(50),
  resnet101: resnet(101),
  resnet152: resnet(152),
};

/* ------------------------------------------------------------------ arithmetic */

/** ⌊(n + 2p − k)/s⌋ + 1 */
export function outSide(n: number, k: number, stride: number, pad: number): number {
  return Math.floor((n + 2 * pad - k) / stride) + 1;
}

/** Weights k²·(C_in/g)·C_out plus C_out biases. */
export function convParamCount(k: number, cin: number, cout: number, groups = 1, bias = true): number {
  return k * k * (cin / groups) * cout + (bias ? cout : 0);
}

/** H_out·W_out·C_out·k²·C_in/g */
export function convMacCount(hOut: number, wOut: number, k: number, cin: number, cout: number, groups = 1): number {
  return hOut * wOut * cout * k * k * (cin / groups);
}

export const shapeText = (s: Shape): string => `${s.h}×${s.w}×${s.c}`;

class ShapeError extends Error {}

interface Builder {
  rows: LayerRow[];
  opts: TableOptions;
  seq: number;
}

function push(b: Builder, row: Omit<LayerRow, 'id'>): LayerRow {
  const r = { ...row, id: `r${b.seq++}` };
  b.rows.push(r);
  return r;
}

function convRow(b: Builder, spec: ConvSpec, input: Shape, level: 0 | 1 | 2, isShortcut = false): LayerRow {
  const g = spec.groups ?? 1;
  if (input.c % g !== 0 || spec.out % g !== 0) throw new ShapeError(`${spec.name}: ${g} groups do not divide ${input.c} input and ${spec.out} output channels.`);
  const h = outSide(input.h, spec.k, spec.stride, spec.pad);
  const w = outSide(input.w, spec.k, spec.stride, spec.pad);
  if (h < 1 || w < 1) throw new ShapeError(`${spec.name}: a ${spec.k}×${spec.k} kernel with stride ${spec.stride} and padding ${spec.pad} does not fit a ${input.h}×${input.w} input.`);
  const bnParams = spec.bn && b.opts.bn ? 2 * spec.out : 0;
  const params = convParamCount(spec.k, input.c, spec.out, g, spec.bias) + bnParams;
  const parts = [`${spec.k}×${spec.k}×${input.c / g}, ${spec.out} filters`];
  if (spec.stride !== 1) parts.push(`stride ${spec.stride}`);
  if (spec.pad !== 0) parts.push(`pad ${spec.pad}`);
  if (g !== 1) parts.push(`groups ${g}`);
  if (!spec.bias) parts.push('no bias');
  if (spec.bn) parts.push('BN');
  return push(b, {
    level, name: spec.name, kind: isShortcut ? 'shortcut' : 'conv', desc: parts.join(', '), act: spec.act === 'none' ? '' : spec.act,
    out: { h, w, c: spec.out }, params, bnParams, macs: convMacCount(h, w, spec.k, input.c, spec.out, g), weightLayers: isShortcut ? 0 : 1,
  });
}

function poolRow(b: Builder, spec: PoolSpec, input: Shape): LayerRow {
  const pad = spec.pad ?? 0;
  const h = outSide(input.h, spec.k, spec.stride, pad);
  const w = outSide(input.w, spec.k, spec.stride, pad);
  if (h < 1 || w < 1) throw new ShapeError(`${spec.name}: a ${spec.k}×${spec.k} pool does not fit a ${input.h}×${input.w} input.`);
  const desc = `${spec.op} ${spec.k}×${spec.k}, stride ${spec.stride}${pad ? `, pad ${pad}` : ''}`;
  return push(b, { level: 0, name: spec.name, kind: 'pool', desc, act: '', out: { h, w, c: input.c }, params: 0, bnParams: 0, macs: 0, weightLayers: 0 });
}

function sumInto(parent: LayerRow, children: LayerRow[]) {
  for (const c of children) {
    parent.params += c.params;
    parent.bnParams += c.bnParams;
    parent.macs += c.macs;
    parent.weightLayers += c.weightLayers;
  }
}

function blockRows(b: Builder, stage: StageSpec, index: number, input: Shape): LayerRow {
  const stride = index === 0 ? stage.stride : 1;
  const bottleneck = stage.block === 'bottleneck';
  const outC = bottleneck ? 4 * stage.width : stage.width;
  const w = stage.width;
  const bnConv = (name: string, k: number, out: number, s: number, act: Activation): ConvSpec =>
    ({ kind: 'conv', name, k, out, stride: s, pad: (k - 1) / 2, bias: false, bn: true, act });
  const specs: ConvSpec[] = bottleneck
    // Stride on the 3×3 conv, as torchvision does (ResNet "v1.5"); the paper put it on the first 1×1.
    ? [bnConv('1×1 reduce', 1, w, 1, 'relu'), bnConv('3×3', 3, w, stride, 'relu'), bnConv('1×1 expand', 1, outC, 1, 'none')]
    : [bnConv('3×3 a', 3, w, stride, 'relu'), bnConv('3×3 b', 3, w, 1, 'none')];
  const block = push(b, {
    level: 1, name: `block ${index + 1}`, kind: 'block', desc: '', act: 'relu after the sum', out: input, params: 0, bnParams: 0, macs: 0, weightLayers: 0,
  });
  const children: LayerRow[] = [];
  let x = input;
  for (const s of specs) {
    const r = convRow(b, s, x, 2);
    children.push(r);
    x = r.out;
  }
  const reshape = stride !== 1 || input.c !== outC;
  let shortcut = 'identity';
  if (reshape && b.opts.shortcut === 'projection') {
    const r = convRow(b, { kind: 'conv', name: 'shortcut 1×1', k: 1, out: outC, stride, pad: 0, bias: false, bn: true, act: 'none' }, input, 2, true);
    children.push(r);
    shortcut = 'projection 1×1';
  } else if (reshape) {
    shortcut = `zero-padded identity${stride !== 1 ? ', stride 2' : ''}`;
  }
  block.out = x;
  block.desc = (bottleneck ? `bottleneck [1×1, ${w}; 3×3, ${w}; 1×1, ${outC}]` : `basic [3×3, ${w}; 3×3, ${w}]`) +
    `${stride !== 1 ? ', stride 2' : ''}; shortcut: ${shortcut}`;
  sumInto(block, children);
  return block;
}

/** The layer table of `net` under `opts`, or the first layer whose shape does not work out. */
export function buildTable(net: NetDef, opts: TableOptions): ArchTable | ArchError {
  const side = opts.side && opts.side > 0 ? Math.round(opts.side) : net.input.h;
  const input: Shape = { h: side, w: side, c: net.input.c };
  const b: Builder = { rows: [], opts, seq: 0 };
  const top: number[] = [0];
  push(b, { level: 0, name: 'input', kind: 'input', desc: 'image', act: '', out: input, params: 0, bnParams: 0, macs: 0, weightLayers: 0 });
  let x = input;
  try {
    for (const spec of net.layers) {
      top.push(b.rows.length);
      let row: LayerRow;
      switch (spec.kind) {
        case 'conv':
          row = convRow(b, spec, x, 0);
          break;
        case 'pool':
          row = poolRow(b, spec, x);
          break;
        case 'gap':
          row = push(b, { level: 0, name: spec.name, kind: 'gap', desc: `global average ${x.h}×${x.w}`, act: '', out: { h: 1, w: 1, c: x.c }, params: 0, bnParams: 0, macs: 0, weightLayers: 0 });
          break;
        case 'fc': {
          const nIn = x.h * x.w * x.c;
          const flat = x.h * x.w > 1 ? `flatten ${shapeText(x)} = ${nIn}, ` : '';
          row = push(b, {
            level: 0, name: spec.name, kind: 'fc', desc: `${flat}${nIn} → ${spec.out}`, act: spec.act, out: { h: 1, w: 1, c: spec.out },
            params: nIn * spec.out + spec.out, bnParams: 0, macs: nIn * spec.out, weightLayers: 1,
          });
          break;
        }
        case 'stage': {
          row = push(b, {
            level: 0, name: spec.name, kind: 'stage', desc: `${spec.blocks} × ${spec.block}${spec.stride !== 1 ? ', first with stride 2' : ''}`,
            act: '', out: x, params: 0, bnParams: 0, macs: 0, weightLayers: 0,
          });
          const blocks: LayerRow[] = [];
          let y = x;
          for (let i = 0; i < spec.blocks; i++) {
            const blk = blockRows(b, spec, i, y);
            blocks.push(blk);
            y = blk.out;
          }
          row.out = y;
          sumInto(row, blocks);
          break;
        }
      }
      x = row.out;
    }
  } catch (e) {
    if (e instanceof ShapeError) return { ok: false, net, error: `Input ${side}×${side} is too small — ${e.message}` };
    throw e;
  }
  const rows = b.rows;
  const topRows = top.map((i) => rows[i]);
  const leaves = rows.filter((r) => r.kind === 'conv' || r.kind === 'fc' || r.kind === 'shortcut');
  const totals = {
    params: topRows.reduce((s, r) => s + r.params, 0),
    bnParams: topRows.reduce((s, r) => s + r.bnParams, 0),
    macs: topRows.reduce((s, r) => s + r.macs, 0),
    weightLayers: topRows.reduce((s, r) => s + r.weightLayers, 0),
    convParams: leaves.filter((r) => r.kind !== 'fc').reduce((s, r) => s + r.params, 0),
    fcParams: leaves.filter((r) => r.kind === 'fc').reduce((s, r) => s + r.params, 0),
  };
  return { ok: true, net, input, rows, top, totals };
}

/* ------------------------------------------------------------------ top-k error */

/**
 * Top-k error: the share of samples whose true class is NOT among the model's k highest-ranked
 * classes. `ranked[i]` lists sample i's classes from most to least probable.
 */
export function topKError(ranked: readonly (readonly number[])[], truth: readonly number[], k: number): number {
  if (ranked.length === 0) return NaN;
  let wrong = 0;
  ranked.forEach((r, i) => {
    if (!r.slice(0, k).includes(truth[i])) wrong++;
  });
  return wrong / ranked.length;
}

/** 1-based rank of the true class in the model's list, or 0 when it is not listed. */
export function rankOf(ranked: readonly number[], truth: number): number {
  return ranked.indexOf(truth) + 1;
}
