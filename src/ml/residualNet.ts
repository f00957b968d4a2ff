/**
 * Deep plain and residual fully connected networks in plain TypeScript (Float64Array weights,
 * minibatch forward and backward pass written out, Adam), for Lecture 10's question
 * "why do deeper plain networks train worse, and why do residual ones not?".
 *
 * Plain TS, not tfjs: a 16-wide network of 32 layers on a 32-sample batch is ~1 M multiply-adds a
 * step, where tfjs's per-op dispatch (~100 ops a step) would cost more than the arithmetic.
 *
 * Layers (all dense, ReLU after each hidden layer, `width` units):
 *   h⁰ = ReLU(W⁰ x + b⁰)                      (input layer, `inputs` → width)
 *   plain:    hˡ = ReLU(Wˡ hˡ⁻¹ + bˡ),        l = 1 … D
 *   residual: blocks of two layers, l = 2k−1, 2k (k = 1 … D/2), input x = hˡ⁻¹:
 *             hˡ = ReLU(Wˡ x + bˡ),  hˡ⁺¹ = x + Wˡ⁺¹ hˡ + bˡ⁺¹            ('identity': x + F(x))
 *                                or  hˡ⁺¹ = ReLU(Wˡ⁺¹ hˡ + bˡ⁺¹ + x)      ('post': the notes' block)
 *   logits  s = W^{D+1} h^D + b^{D+1}          (output layer, width → classes), softmax cross-entropy.
 * Weight matrices are row-major (out × in). D (the hidden depth) must be even for the residual net.
 */
import type { Rng } from './rng';

export type InitScheme = 'he' | 'xavier';

export interface DeepNetSpec {
  inputs: number;
  width: number;
  /** Hidden layers between the input and output layers (D); even for residual nets. */
  depth: number;
  classes: number;
  residual: boolean;
  /**
   * Residual block form. 'identity' (default): x + F(x) with F(x) = W₂ ReLU(W₁x + b₁) + b₂ and no
   * ReLU on the sum; 'post': the notes' block, ReLU(W₂ ReLU(W₁x + b₁) + b₂ + x).
   */
  block?: ResidualBlock;
}

export type ResidualBlock = 'identity' | 'post';

export interface DeepNet {
  spec: DeepNetSpec;
  /** W⁰ … W^{D+1}, row-major out × in. */
  W: Float64Array[];
  b: Float64Array[];
}

export interface DeepGrads {
  W: Float64Array[];
  b: Float64Array[];
}

/** Fan-in of each of the D + 2 weight layers, and its fan-out. */
export function layerShapes(spec: DeepNetSpec): { nIn: number; nOut: number }[] {
  const out: { nIn: number; nOut: number }[] = [{ nIn: spec.inputs, nOut: spec.width }];
  for (let l = 1; l <= spec.depth; l++) out.push({ nIn: spec.width, nOut: spec.width });
  out.push({ nIn: spec.width, nOut: spec.classes });
  return out;
}

/** Whether layer l adds the skip hˡ⁻² (the second layer of each residual block). */
export function hasSkip(spec: DeepNetSpec, l: number): boolean {
  return spec.residual && l >= 2 && l <= spec.depth && l % 2 === 0;
}

/** Whether layer l is the sum x + F(x) of an identity block (no ReLU after it). */
function isIdentitySum(spec: DeepNetSpec, l: number): boolean {
  return hasSkip(spec, l) && spec.block !== 'post';
}

/** Weight standard deviation: He (the notes' "Xavier/2", Var = 2/n_in) or Xavier (Var = 1/n_in). */
export function initStd(scheme: InitScheme, nIn: number): number {
  return Math.sqrt((scheme === 'he' ? 2 : 1) / nIn);
}

/** Gaussian weights with the scheme's variance, zero biases; the same draws for plain and residual. */
export function createDeepNet(spec: DeepNetSpec, scheme: InitScheme, rng: Rng): DeepNet {
  if (!Number.isInteger(spec.depth) || spec.depth < 0) throw new Error(`depth must be a non-negative integer, got ${spec.depth}`);
  if (spec.residual && spec.depth % 2 !== 0) throw new Error(`a residual net needs an even depth (blocks of two layers), got ${spec.depth}`);
  const shapes = layerShapes(spec);
  const W = shapes.map(({ nIn, nOut }) => {
    const std = initStd(scheme, nIn);
    const w = new Float64Array(nIn * nOut);
    for (let i = 0; i < w.length; i++) w[i] = std * rng.normal();
    return w;
  });
  const b = shapes.map(({ nOut }) => new Float64Array(nOut));
  return { spec: { ...spec }, W, b };
}

export function cloneNet(net: DeepNet): DeepNet {
  return { spec: { ...net.spec }, W: net.W.map((w) => w.slice()), b: net.b.map((v) => v.slice()) };
}

export function zeroGrads(net: DeepNet): DeepGrads {
  return { W: net.W.map((w) => new Float64Array(w.length)), b: net.b.map((v) => new Float64Array(v.length)) };
}

/** Work buffers for a batch of n rows (reused across steps). */
export interface DeepWorkspace {
  n: number;
  /** Pre-activations z⁰ … z^D (n × width each) and hidden states h⁰ … h^D. */
  z: Float64Array[];
  h: Float64Array[];
  dh: Float64Array[];
  logits: Float64Array;
  dLogits: Float64Array;
}

export function createWorkspace(spec: DeepNetSpec, n: number): DeepWorkspace {
  const hid = () => Array.from({ length: spec.depth + 1 }, () => new Float64Array(n * spec.width));
  return { n, z: hid(), h: hid(), dh: hid(), logits: new Float64Array(n * spec.classes), dLogits: new Float64Array(n * spec.classes) };
}

/** out(n × nOut) = inp(n × nIn) Wᵀ + b (+ skip). */
function dense(inp: Float64Array, n: number, nIn: number, w: Float64Array, b: Float64Array, nOut: number, out: Float64Array, skip: Float64Array | null): void {
  for (let r = 0; r < n; r++) {
    const ro = r * nIn;
    const oo = r * nOut;
    for (let j = 0; j < nOut; j++) {
      let s = b[j];
      const wo = j * nIn;
      for (let k = 0; k < nIn; k++) s += inp[ro + k] * w[wo + k];
      out[oo + j] = skip ? s + skip[oo + j] : s;
    }
  }
}

/**
 * Forward pass of rows `x` (n × inputs, row-major); fills the workspace and returns the mean
 * softmax cross-entropy against the integer `labels`.
 */
export function forward(net: DeepNet, x: Float64Array, labels: ArrayLike<number>, ws: DeepWorkspace): number {
  const { spec, W, b } = net;
  const n = ws.n;
  const w = spec.width;
  const D = spec.depth;
  const K = spec.classes;
  for (let l = 0; l <= D; l++) {
    const inp = l === 0 ? x : ws.h[l - 1];
    const nIn = l === 0 ? spec.inputs : w;
    const z = ws.z[l];
    dense(inp, n, nIn, W[l], b[l], w, z, hasSkip(spec, l) ? ws.h[l - 2] : null);
    const h = ws.h[l];
    if (isIdentitySum(spec, l)) h.set(z); // hˡ = hˡ⁻² + F(hˡ⁻²): no ReLU on the sum
    else for (let i = 0; i < z.length; i++) h[i] = z[i] > 0 ? z[i] : 0;
  }
  dense(ws.h[D], n, w, W[D + 1], b[D + 1], K, ws.logits, null);
  let loss = 0;
  const s = ws.logits;
  for (let r = 0; r < n; r++) {
    const o = r * K;
    let m = -Infinity;
    for (let c = 0; c < K; c++) m = Math.max(m, s[o + c]);
    let sum = 0;
    for (let c = 0; c < K; c++) sum += Math.exp(s[o + c] - m);
    const lse = m + Math.log(sum);
    loss += lse - s[o + labels[r]];
    for (let c = 0; c < K; c++) ws.dLogits[o + c] = (Math.exp(s[o + c] - lse) - (c === labels[r] ? 1 : 0)) / n;
  }
  return loss / n;
}

/**
 * Back-propagates the last forward pass; writes ∂L/∂θ into `g` (overwriting it). If `dhSq` (length
 * D + 1) is given, adds Σ over the batch rows of ‖∂L/∂hˡ‖² for each hidden state hˡ into it.
 */
export function backward(net: DeepNet, x: Float64Array, ws: DeepWorkspace, g: DeepGrads, dhSq?: Float64Array): void {
  const { spec, W } = net;
  const n = ws.n;
  const w = spec.width;
  const D = spec.depth;
  const K = spec.classes;
  for (const d of ws.dh) d.fill(0);
  // Output layer: ∂L/∂W^{D+1} = dsᵀ h^D, ∂L/∂h^D = ds W^{D+1}.
  {
    const gw = g.W[D + 1];
    const gb = g.b[D + 1];
    gw.fill(0);
    gb.fill(0);
    const h = ws.h[D];
    const dh = ws.dh[D];
    const wo = W[D + 1];
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < K; c++) {
        const d = ws.dLogits[r * K + c];
        if (d === 0) continue;
        gb[c] += d;
        for (let k = 0; k < w; k++) {
          gw[c * w + k] += d * h[r * w + k];
          dh[r * w + k] += d * wo[c * w + k];
        }
      }
    }
  }
  for (let l = D; l >= 0; l--) {
    const nIn = l === 0 ? spec.inputs : w;
    const inp = l === 0 ? x : ws.h[l - 1];
    const z = ws.z[l];
    const dz = ws.dh[l]; // reused in place: dz = dh ⊙ 1[z > 0]
    if (dhSq) {
      let q = 0;
      for (let i = 0; i < dz.length; i++) q += dz[i] * dz[i];
      dhSq[l] += q;
    }
    if (!isIdentitySum(spec, l)) for (let i = 0; i < dz.length; i++) if (!(z[i] > 0)) dz[i] = 0;
    const gw = g.W[l];
    const gb = g.b[l];
    gw.fill(0);
    gb.fill(0);
    const wl = W[l];
    const dPrev = l === 0 ? null : ws.dh[l - 1];
    for (let r = 0; r < n; r++) {
      const ro = r * nIn;
      for (let j = 0; j < w; j++) {
        const d = dz[r * w + j];
        if (d === 0) continue;
        gb[j] += d;
        const wo = j * nIn;
        for (let k = 0; k < nIn; k++) gw[wo + k] += d * inp[ro + k];
        if (dPrev) for (let k = 0; k < nIn; k++) dPrev[ro + k] += d * wl[wo + k];
      }
    }
    if (hasSkip(spec, l)) {
      const dSkip = ws.dh[l - 2];
      for (let i = 0; i < dz.length; i++) dSkip[i] += dz[i];
    }
  }
}

/** ‖∂L/∂Wˡ‖ (Frobenius) of each of the D + 2 weight layers. */
export function layerGradNorms(g: DeepGrads): number[] {
  return g.W.map((gw) => {
    let s = 0;
    for (let i = 0; i < gw.length; i++) s += gw[i] * gw[i];
    return Math.sqrt(s);
  });
}

/** Mean cross-entropy and accuracy over a whole data set, in chunks of `ws.n` rows. */
export function evaluate(net: DeepNet, x: Float64Array, labels: ArrayLike<number>, ws: DeepWorkspace): { loss: number; accuracy: number } {
  const inputs = net.spec.inputs;
  const K = net.spec.classes;
  const total = labels.length;
  if (total % ws.n !== 0) throw new Error(`evaluate needs a multiple of ${ws.n} rows, got ${total}`);
  let loss = 0;
  let correct = 0;
  for (let start = 0; start < total; start += ws.n) {
    const xs = x.subarray(start * inputs, (start + ws.n) * inputs);
    const ys = Array.from({ length: ws.n }, (_, r) => labels[start + r]);
    loss += forward(net, xs, ys, ws) * ws.n;
    for (let r = 0; r < ws.n; r++) {
      let best = 0;
      for (let c = 1; c < K; c++) if (ws.logits[r * K + c] > ws.logits[r * K + best]) best = c;
      if (best === ys[r]) correct++;
    }
  }
  return { loss: loss / total, accuracy: correct / total };
}

/** Adam state: first and second moment estimates per parameter, step count t. */
export interface Adam {
  mW: Float64Array[];
  mb: Float64Array[];
  vW: Float64Array[];
  vb: Float64Array[];
  t: number;
}

export function createAdam(net: DeepNet): Adam {
  const m = zeroGrads(net);
  const v = zeroGrads(net);
  return { mW: m.W, mb: m.b, vW: v.W, vb: v.b, t: 0 };
}

/** Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − α m̂/(√v̂ + ε) with bias-corrected m̂, v̂. */
export function adamStep(net: DeepNet, g: DeepGrads, s: Adam, lr: number, b1 = 0.9, b2 = 0.999, eps = 1e-8): void {
  s.t++;
  const c1 = 1 - Math.pow(b1, s.t);
  const c2 = 1 - Math.pow(b2, s.t);
  const upd = (p: Float64Array, gr: Float64Array, m: Float64Array, v: Float64Array) => {
    for (let i = 0; i < p.length; i++) {
      m[i] = b1 * m[i] + (1 - b1) * gr[i];
      v[i] = b2 * v[i] + (1 - b2) * gr[i] * gr[i];
      p[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
    }
  };
  for (let l = 0; l < net.W.length; l++) {
    upd(net.W[l], g.W[l], s.mW[l], s.vW[l]);
    upd(net.b[l], g.b[l], s.mb[l], s.vb[l]);
  }
}
