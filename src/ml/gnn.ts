/**
 * A message-passing graph network in the notes' form (Lecture 12), in plain TypeScript over
 * Float64Arrays: the karate club has 34 nodes and 156 directed edges, so a full forward and backward
 * pass is a few tens of thousands of multiplications, where tfjs's per-op dispatch would dominate.
 *
 * One round l (weights shared across the whole graph; every round has its own N_e and N_v):
 *   node to edge:  h_(i,j)^(l) = N_e([h_i^(l−1), h_(i,j)^(l−1), h_j^(l−1)])   for every directed edge (i, j)
 *   edge to node:  m_i^(l)     = Φ({h_(i,j)^(l)}_{j ∈ N_i})                     Φ = sum, mean or max (element-wise)
 *                  h_i^(l)     = N_v([m_i^(l), h_i^(l−1)])
 * N_e and N_v are one dense layer each, act(W·x + b) (tanh in the lab). After the last round a linear
 * classifier gives the logits W_c h_i^(L) + b_c; the loss is the mean cross-entropy over the labelled
 * nodes. The backward pass is written out by hand and checked against finite differences in the tests.
 */
import type { Rng } from './rng';

export type Aggregation = 'sum' | 'mean' | 'max';
export type Activation = 'tanh' | 'relu' | 'identity';

/**
 * A graph as directed edges: edge k is (i, j) = (recv[k], nbr[k]); it belongs to node i (its message
 * goes to i) and j is the neighbour. An undirected friendship {a, b} gives the two edges (a, b) and (b, a).
 */
export interface Graph {
  n: number;
  recv: Int32Array;
  nbr: Int32Array;
  /** Number of edges (i, ·) per node i. */
  deg: Int32Array;
}

export function graphFromEdges(n: number, edges: readonly (readonly [number, number])[], bothDirections = true): Graph {
  const pairs: [number, number][] = [];
  for (const [a, b] of edges) {
    pairs.push([a, b]);
    if (bothDirections) pairs.push([b, a]);
  }
  const recv = new Int32Array(pairs.map((p) => p[0]));
  const nbr = new Int32Array(pairs.map((p) => p[1]));
  const deg = new Int32Array(n);
  for (const i of recv) deg[i]++;
  return { n, recv, nbr, deg };
}

/** A dense layer act(W x + b); W is nOut × nIn, row-major. W and b are views into the model's flat parameters. */
export interface Dense {
  nIn: number;
  nOut: number;
  act: Activation;
  W: Float64Array;
  b: Float64Array;
}

export interface RoundWeights {
  ne: Dense;
  nv: Dense;
}

export interface GnnShape {
  /** Node input features F (h_i^(0)). */
  nodeIn: number;
  /** Edge input features (h_(i,j)^(0)). */
  edgeIn: number;
  /** Node widths after each round, e.g. [4, 2] for two rounds. */
  nodeDims: readonly number[];
  /** Edge widths after each round. */
  edgeDims: readonly number[];
  classes: number;
  act: Activation;
}

export interface GnnModel {
  shape: GnnShape;
  /** All parameters, in one vector (Adam updates it in one loop). */
  params: Float64Array;
  rounds: RoundWeights[];
  cls: Dense;
}

function paramCount(s: GnnShape): number {
  let total = 0;
  let dn = s.nodeIn;
  let de = s.edgeIn;
  s.nodeDims.forEach((dOut, l) => {
    const eOut = s.edgeDims[l];
    total += eOut * (2 * dn + de) + eOut;
    total += dOut * (eOut + dn) + dOut;
    dn = dOut;
    de = eOut;
  });
  return total + s.classes * dn + s.classes;
}

/** Lay the layers out over a flat vector (used for the parameters and, identically, for gradients). */
export function layout(s: GnnShape, flat: Float64Array): { rounds: RoundWeights[]; cls: Dense } {
  let off = 0;
  const dense = (nIn: number, nOut: number, act: Activation): Dense => {
    const W = flat.subarray(off, off + nIn * nOut);
    off += nIn * nOut;
    const b = flat.subarray(off, off + nOut);
    off += nOut;
    return { nIn, nOut, act, W, b };
  };
  const rounds: RoundWeights[] = [];
  let dn = s.nodeIn;
  let de = s.edgeIn;
  s.nodeDims.forEach((dOut, l) => {
    const eOut = s.edgeDims[l];
    const ne = dense(2 * dn + de, eOut, s.act);
    const nv = dense(eOut + dn, dOut, s.act);
    rounds.push({ ne, nv });
    dn = dOut;
    de = eOut;
  });
  const cls = dense(dn, s.classes, 'identity');
  return { rounds, cls };
}

export function createModel(s: GnnShape, params?: Float64Array): GnnModel {
  const flat = params ?? new Float64Array(paramCount(s));
  if (flat.length !== paramCount(s)) throw new Error(`expected ${paramCount(s)} parameters, got ${flat.length}`);
  return { shape: s, params: flat, ...layout(s, flat) };
}

/** Glorot-normal weights (std scale·√(2/(fan_in + fan_out))), zero biases. */
export function initModel(s: GnnShape, rng: Rng, scale = 1): GnnModel {
  const m = createModel(s);
  for (const d of [...m.rounds.flatMap((r) => [r.ne, r.nv]), m.cls]) {
    const std = scale * Math.sqrt(2 / (d.nIn + d.nOut));
    for (let k = 0; k < d.W.length; k++) d.W[k] = std * rng.normal();
  }
  return m;
}

export function numParams(s: GnnShape): number {
  return paramCount(s);
}

const activate = (a: Activation, z: number) => (a === 'tanh' ? Math.tanh(z) : a === 'relu' ? (z > 0 ? z : 0) : z);
/** Derivative of the activation, from the output y = act(z) and z. */
const dActivate = (a: Activation, z: number, y: number) => (a === 'tanh' ? 1 - y * y : a === 'relu' ? (z > 0 ? 1 : 0) : 1);

/** y = act(W x + b) for `rows` inputs stored row by row in x (rows × nIn); returns z and y (rows × nOut). */
function denseForward(d: Dense, x: Float64Array, rows: number): { z: Float64Array; y: Float64Array } {
  const z = new Float64Array(rows * d.nOut);
  const y = new Float64Array(rows * d.nOut);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < d.nOut; o++) {
      let s = d.b[o];
      const wo = o * d.nIn;
      const xr = r * d.nIn;
      for (let c = 0; c < d.nIn; c++) s += d.W[wo + c] * x[xr + c];
      z[r * d.nOut + o] = s;
      y[r * d.nOut + o] = activate(d.act, s);
    }
  }
  return { z, y };
}

/** Backward of a dense layer: accumulates dW, db into g and returns dx (rows × nIn). */
function denseBackward(d: Dense, g: Dense, x: Float64Array, z: Float64Array, y: Float64Array, dy: Float64Array, rows: number): Float64Array {
  const dx = new Float64Array(rows * d.nIn);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < d.nOut; o++) {
      const k = r * d.nOut + o;
      const dz = dy[k] * dActivate(d.act, z[k], y[k]);
      if (dz === 0) continue;
      g.b[o] += dz;
      const wo = o * d.nIn;
      const xr = r * d.nIn;
      for (let c = 0; c < d.nIn; c++) {
        g.W[wo + c] += dz * x[xr + c];
        dx[xr + c] += dz * d.W[wo + c];
      }
    }
  }
  return dx;
}

/** Everything one message-passing round computed, kept for the backward pass and for the step-by-step view. */
export interface RoundTrace {
  /** Widths: node in dn, edge in de, edge out eOut, node out dOut. */
  dn: number;
  de: number;
  eOut: number;
  dOut: number;
  /** [h_i, h_(i,j), h_j] per edge (m × (2dn + de)). */
  edgeIn: Float64Array;
  edgeZ: Float64Array;
  /** h_(i,j)^(l) (m × eOut). */
  edgeOut: Float64Array;
  /** m_i^(l) = Φ(...) (n × eOut). */
  msg: Float64Array;
  /** For max: the edge index that won each entry of m_i (−1 when the node has no edges). */
  argmax: Int32Array;
  /** [m_i, h_i^(l−1)] (n × (eOut + dn)). */
  nodeIn: Float64Array;
  nodeZ: Float64Array;
  /** h_i^(l) (n × dOut). */
  nodeOut: Float64Array;
}

/** One round of message passing: node-to-edge, then edge-to-node. H is n × dn, E is m × de. */
export function messagePassingRound(g: Graph, H: Float64Array, dn: number, E: Float64Array, de: number, w: RoundWeights, agg: Aggregation): RoundTrace {
  const m = g.recv.length;
  const eIn = 2 * dn + de;
  if (w.ne.nIn !== eIn) throw new Error(`N_e expects ${w.ne.nIn} inputs, got ${eIn}`);
  const edgeIn = new Float64Array(m * eIn);
  for (let k = 0; k < m; k++) {
    const i = g.recv[k];
    const j = g.nbr[k];
    const o = k * eIn;
    for (let c = 0; c < dn; c++) {
      edgeIn[o + c] = H[i * dn + c];
      edgeIn[o + dn + de + c] = H[j * dn + c];
    }
    for (let c = 0; c < de; c++) edgeIn[o + dn + c] = E[k * de + c];
  }
  const eOut = w.ne.nOut;
  const { z: edgeZ, y: edgeOut } = denseForward(w.ne, edgeIn, m);

  const msg = new Float64Array(g.n * eOut);
  const argmax = new Int32Array(g.n * eOut).fill(-1);
  if (agg === 'max') msg.fill(-Infinity);
  for (let k = 0; k < m; k++) {
    const i = g.recv[k];
    for (let c = 0; c < eOut; c++) {
      const v = edgeOut[k * eOut + c];
      const t = i * eOut + c;
      if (agg === 'max') {
        if (v > msg[t]) {
          msg[t] = v;
          argmax[t] = k;
        }
      } else msg[t] += v;
    }
  }
  for (let i = 0; i < g.n; i++) {
    for (let c = 0; c < eOut; c++) {
      const t = i * eOut + c;
      if (agg === 'mean' && g.deg[i] > 0) msg[t] /= g.deg[i];
      if (agg === 'max' && g.deg[i] === 0) msg[t] = 0;
    }
  }

  const vIn = eOut + dn;
  if (w.nv.nIn !== vIn) throw new Error(`N_v expects ${w.nv.nIn} inputs, got ${vIn}`);
  const nodeIn = new Float64Array(g.n * vIn);
  for (let i = 0; i < g.n; i++) {
    for (let c = 0; c < eOut; c++) nodeIn[i * vIn + c] = msg[i * eOut + c];
    for (let c = 0; c < dn; c++) nodeIn[i * vIn + eOut + c] = H[i * dn + c];
  }
  const { z: nodeZ, y: nodeOut } = denseForward(w.nv, nodeIn, g.n);
  return { dn, de, eOut, dOut: w.nv.nOut, edgeIn, edgeZ, edgeOut, msg, argmax, nodeIn, nodeZ, nodeOut };
}

/** Backward of one round: accumulates into the round's gradient layers, returns dH (n × dn) and dE (m × de). */
function roundBackward(
  g: Graph, t: RoundTrace, w: RoundWeights, gw: RoundWeights, agg: Aggregation, dOut: Float64Array, dEdgeOutNext: Float64Array | null,
) {
  const m = g.recv.length;
  const { dn, de, eOut } = t;
  const vIn = eOut + dn;
  const dNodeIn = denseBackward(w.nv, gw.nv, t.nodeIn, t.nodeZ, t.nodeOut, dOut, g.n);
  const dH = new Float64Array(g.n * dn);
  const dMsg = new Float64Array(g.n * eOut);
  for (let i = 0; i < g.n; i++) {
    for (let c = 0; c < eOut; c++) dMsg[i * eOut + c] = dNodeIn[i * vIn + c];
    for (let c = 0; c < dn; c++) dH[i * dn + c] += dNodeIn[i * vIn + eOut + c];
  }
  // h_(i,j)^(l) feeds Φ here and, as h_(i,j)^(l) in [h_i, h_(i,j), h_j], the next round's N_e.
  const dEdgeOut = dEdgeOutNext ? Float64Array.from(dEdgeOutNext) : new Float64Array(m * eOut);
  for (let k = 0; k < m; k++) {
    const i = g.recv[k];
    for (let c = 0; c < eOut; c++) {
      const gm = dMsg[i * eOut + c];
      if (agg === 'sum') dEdgeOut[k * eOut + c] += gm;
      else if (agg === 'mean') dEdgeOut[k * eOut + c] += gm / g.deg[i];
      else if (t.argmax[i * eOut + c] === k) dEdgeOut[k * eOut + c] += gm;
    }
  }
  const eIn = 2 * dn + de;
  const dEdgeIn = denseBackward(w.ne, gw.ne, t.edgeIn, t.edgeZ, t.edgeOut, dEdgeOut, m);
  const dE = new Float64Array(m * de);
  for (let k = 0; k < m; k++) {
    const i = g.recv[k];
    const j = g.nbr[k];
    const o = k * eIn;
    for (let c = 0; c < dn; c++) {
      dH[i * dn + c] += dEdgeIn[o + c];
      dH[j * dn + c] += dEdgeIn[o + dn + de + c];
    }
    for (let c = 0; c < de; c++) dE[k * de + c] = dEdgeIn[o + dn + c];
  }
  return { dH, dE };
}

export interface ForwardResult {
  rounds: RoundTrace[];
  /** h_i^(L) (n × last node width). */
  embedding: Float64Array;
  /** n × classes. */
  logits: Float64Array;
  probs: Float64Array;
  pred: Int32Array;
}

export function forward(model: GnnModel, g: Graph, X: Float64Array, E0: Float64Array, agg: Aggregation): ForwardResult {
  const s = model.shape;
  let H = X;
  let E = E0;
  let dn = s.nodeIn;
  let de = s.edgeIn;
  const rounds: RoundTrace[] = [];
  for (const w of model.rounds) {
    const t = messagePassingRound(g, H, dn, E, de, w, agg);
    rounds.push(t);
    H = t.nodeOut;
    E = t.edgeOut;
    dn = t.dOut;
    de = t.eOut;
  }
  const C = s.classes;
  const { y: logits } = denseForward(model.cls, H, g.n);
  const probs = new Float64Array(g.n * C);
  const pred = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) {
    let mx = -Infinity;
    for (let c = 0; c < C; c++) mx = Math.max(mx, logits[i * C + c]);
    let z = 0;
    for (let c = 0; c < C; c++) z += Math.exp(logits[i * C + c] - mx);
    for (let c = 0; c < C; c++) {
      probs[i * C + c] = Math.exp(logits[i * C + c] - mx) / z;
      if (probs[i * C + c] > probs[i * C + pred[i]]) pred[i] = c;
    }
  }
  return { rounds, embedding: H, logits, probs, pred };
}

/** Mean cross-entropy over the labelled nodes. */
export function crossEntropy(probs: Float64Array, classes: number, nodes: readonly number[], labels: readonly number[]): number {
  let s = 0;
  for (const i of nodes) s -= Math.log(Math.max(probs[i * classes + labels[i]], 1e-300));
  return nodes.length ? s / nodes.length : 0;
}

/**
 * Loss (mean cross-entropy over `nodes`, with labels[i] the class of node i) and its gradient with
 * respect to every parameter (same layout as model.params).
 */
export function lossAndGrad(model: GnnModel, g: Graph, X: Float64Array, E0: Float64Array, agg: Aggregation, nodes: readonly number[], labels: readonly number[]) {
  const f = forward(model, g, X, E0, agg);
  const C = model.shape.classes;
  const loss = crossEntropy(f.probs, C, nodes, labels);
  const grad = new Float64Array(model.params.length);
  const gl = layout(model.shape, grad);
  const dLogits = new Float64Array(g.n * C);
  for (const i of nodes) {
    for (let c = 0; c < C; c++) dLogits[i * C + c] = (f.probs[i * C + c] - (c === labels[i] ? 1 : 0)) / nodes.length;
  }
  const L = model.rounds.length;
  const Hlast = f.embedding;
  let dH = denseBackward(model.cls, gl.cls, Hlast, f.logits, f.logits, dLogits, g.n);
  let dE: Float64Array | null = null;
  for (let l = L - 1; l >= 0; l--) {
    const r = roundBackward(g, f.rounds[l], model.rounds[l], gl.rounds[l], agg, dH, dE);
    dH = r.dH;
    dE = r.dE;
  }
  return { loss, grad, forward: f };
}

/** Adam on a flat parameter vector. */
export class Adam {
  private m: Float64Array;
  private v: Float64Array;
  private t = 0;
  constructor(n: number, public lr: number, private b1 = 0.9, private b2 = 0.999, private eps = 1e-8) {
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
  }
  step(params: Float64Array, grad: Float64Array): void {
    this.t++;
    const c1 = 1 - this.b1 ** this.t;
    const c2 = 1 - this.b2 ** this.t;
    for (let k = 0; k < params.length; k++) {
      this.m[k] = this.b1 * this.m[k] + (1 - this.b1) * grad[k];
      this.v[k] = this.b2 * this.v[k] + (1 - this.b2) * grad[k] * grad[k];
      params[k] -= (this.lr * (this.m[k] / c1)) / (Math.sqrt(this.v[k] / c2) + this.eps);
    }
  }
}

export type NodeFeatureKind = 'onehot' | 'degree';

/** h_i^(0): the one-hot identity e_i (n features) or [1, deg_i / max deg] (2 features: no identity, only structure). */
export function nodeFeatures(kind: NodeFeatureKind, g: Graph): { X: Float64Array; F: number } {
  if (kind === 'onehot') {
    const X = new Float64Array(g.n * g.n);
    for (let i = 0; i < g.n; i++) X[i * g.n + i] = 1;
    return { X, F: g.n };
  }
  const maxDeg = Math.max(1, ...g.deg);
  const X = new Float64Array(g.n * 2);
  for (let i = 0; i < g.n; i++) {
    X[i * 2] = 1;
    X[i * 2 + 1] = g.deg[i] / maxDeg;
  }
  return { X, F: 2 };
}

/** h_(i,j)^(0): every edge starts as the constant 1 (the graph carries no edge features). */
export function edgeInit(g: Graph): Float64Array {
  return new Float64Array(g.recv.length).fill(1);
}

/**
 * Relabel the nodes: node i becomes perm[i], and the edges are listed in a new order (edge k' of the
 * result is old edge order[k']). Row-wise node data move along with permuteRows.
 */
export function permuteGraph(g: Graph, perm: Int32Array, order: Int32Array): Graph {
  const m = g.recv.length;
  const recv = new Int32Array(m);
  const nbr = new Int32Array(m);
  const deg = new Int32Array(g.n);
  for (let k = 0; k < m; k++) {
    recv[k] = perm[g.recv[order[k]]];
    nbr[k] = perm[g.nbr[order[k]]];
    deg[recv[k]]++;
  }
  return { n: g.n, recv, nbr, deg };
}

/** Row i of X (rows × width) becomes row perm[i]. */
export function permuteRows(X: Float64Array, width: number, perm: Int32Array): Float64Array {
  const out = new Float64Array(X.length);
  for (let i = 0; i < perm.length; i++) out.set(X.subarray(i * width, (i + 1) * width), perm[i] * width);
  return out;
}

/** Fisher–Yates permutation of 0 … n−1. */
export function randomPermutation(n: number, rng: Rng): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

export interface PermutationCheck {
  perm: Int32Array;
  /** max over nodes and entries of |output of the shuffled graph, mapped back − output of the original|. */
  maxEmbeddingDiff: number;
  maxProbDiff: number;
  /** Nodes whose predicted class differs (should be 0). */
  predChanges: number;
}

/**
 * Shuffle the node order (and the order the edges are listed in), run the same model on the relabelled
 * graph and map every node's output back: an equivariant network gives the same numbers per node.
 */
export function checkPermutation(model: GnnModel, g: Graph, X: Float64Array, E0: Float64Array, agg: Aggregation, rng: Rng): PermutationCheck {
  const perm = randomPermutation(g.n, rng);
  const order = randomPermutation(g.recv.length, rng);
  const gp = permuteGraph(g, perm, order);
  const Xp = permuteRows(X, model.shape.nodeIn, perm);
  const de = model.shape.edgeIn;
  const Ep = new Float64Array(E0.length);
  for (let k = 0; k < order.length; k++) Ep.set(E0.subarray(order[k] * de, (order[k] + 1) * de), k * de);
  const a = forward(model, g, X, E0, agg);
  const b = forward(model, gp, Xp, Ep, agg);
  const dOut = model.shape.nodeDims[model.shape.nodeDims.length - 1];
  const C = model.shape.classes;
  let maxEmbeddingDiff = 0;
  let maxProbDiff = 0;
  let predChanges = 0;
  for (let i = 0; i < g.n; i++) {
    const pi = perm[i];
    for (let c = 0; c < dOut; c++) maxEmbeddingDiff = Math.max(maxEmbeddingDiff, Math.abs(a.embedding[i * dOut + c] - b.embedding[pi * dOut + c]));
    for (let c = 0; c < C; c++) maxProbDiff = Math.max(maxProbDiff, Math.abs(a.probs[i * C + c] - b.probs[pi * C + c]));
    if (a.pred[i] !== b.pred[pi]) predChanges++;
  }
  return { perm, maxEmbeddingDiff, maxProbDiff, predChanges };
}

/**
 * A seeded Fruchterman–Reingold layout in the unit square (computed once for drawing the graph).
 */
export function forceLayout(n: number, edges: readonly (readonly [number, number])[], rng: Rng, iters = 300): { x: number; y: number }[] {
  const x = Float64Array.from({ length: n }, () => rng.next());
  const y = Float64Array.from({ length: n }, () => rng.next());
  const k = Math.sqrt(1 / n);
  let temp = 0.1;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iters; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const ex = x[a] - x[b];
        const ey = y[a] - y[b];
        const d2 = Math.max(ex * ex + ey * ey, 1e-6);
        const f = (k * k) / d2; // repulsion k²/d, along the unit vector (ex, ey)/d
        dx[a] += ex * f;
        dy[a] += ey * f;
        dx[b] -= ex * f;
        dy[b] -= ey * f;
      }
    }
    for (const [a, b] of edges) {
      const ex = x[a] - x[b];
      const ey = y[a] - y[b];
      const d = Math.max(Math.hypot(ex, ey), 1e-6);
      const f = d / k; // attraction d²/k
      dx[a] -= ex * f;
      dy[a] -= ey * f;
      dx[b] += ex * f;
      dy[b] += ey * f;
    }
    for (let a = 0; a < n; a++) {
      const d = Math.max(Math.hypot(dx[a], dy[a]), 1e-9);
      const step = Math.min(d, temp);
      x[a] += (dx[a] / d) * step;
      y[a] += (dy[a] / d) * step;
    }
    temp = Math.max(0.002, temp * 0.985);
  }
  const [x0, x1] = [Math.min(...x), Math.max(...x)];
  const [y0, y1] = [Math.min(...y), Math.max(...y)];
  return Array.from({ length: n }, (_, i) => ({ x: (x[i] - x0) / (x1 - x0 || 1), y: (y[i] - y0) / (y1 - y0 || 1) }));
}
