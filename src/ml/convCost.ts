/**
 * Parameter and multiply-add (MAC) counts of convolution variants on an H×W×C_in input, all with
 * stride 1 and "same" padding (odd k), so every output is H×W×(its channels):
 * standard k×k, 1×1, depthwise (groups = C_in) + pointwise, grouped, and the Inception module
 * (naive and with 1×1 bottlenecks). Plus a brute-force convolution that counts what it does, to
 * check the formulas on tiny sizes.
 */
import { convMacCount, convParamCount } from './architectures';

export { convMacCount, convParamCount } from './architectures';

export interface Cost {
  params: number;
  macs: number;
  /** Output channels (the output is H×W×outC). */
  outC: number;
}

export interface ConvSizes {
  h: number;
  w: number;
  cin: number;
  cout: number;
  k: number;
  bias: boolean;
}

/** A k×k conv with `groups` groups: each group sees C_in/g input channels and makes C_out/g outputs. */
export function groupedConv(s: ConvSizes, groups: number): Cost {
  return { params: convParamCount(s.k, s.cin, s.cout, groups, s.bias), macs: convMacCount(s.h, s.w, s.k, s.cin, s.cout, groups), outC: s.cout };
}

export const standardConv = (s: ConvSizes): Cost => groupedConv(s, 1);

export const pointwiseConv = (s: ConvSizes): Cost => groupedConv({ ...s, k: 1 }, 1);

/** Depthwise k×k (groups = C_in, one filter per channel: C_in outputs), then pointwise 1×1 C_in → C_out. */
export function depthwiseSeparable(s: ConvSizes): Cost & { depthwise: Cost; pointwise: Cost } {
  const depthwise = groupedConv({ ...s, cout: s.cin }, s.cin);
  const pointwise = pointwiseConv(s);
  return { params: depthwise.params + pointwise.params, macs: depthwise.macs + pointwise.macs, outC: s.cout, depthwise, pointwise };
}

/** Why a groups value does not work for these channel counts, or null when it does. */
export function groupsProblem(cin: number, cout: number, groups: number): string | null {
  const bad = [cin % groups !== 0 ? `C_in = ${cin}` : '', cout % groups !== 0 ? `C_out = ${cout}` : ''].filter(Boolean);
  return bad.length ? `groups = ${groups} must divide both channel counts; it does not divide ${bad.join(' or ')}.` : null;
}

export interface InceptionSizes {
  h: number;
  w: number;
  cin: number;
  /** Output channels of the 1×1, 3×3 and 5×5 branches. */
  n1: number;
  n3: number;
  n5: number;
  /** Width of the 1×1 bottlenecks: before the 3×3 and 5×5 convs, and after the max pool. */
  r: number;
  bias: boolean;
}

export interface Branch {
  name: string;
  /** Layers in order, e.g. "1×1, 64" then "3×3, 192". */
  layers: { name: string; k: number; cin: number; cout: number; params: number; macs: number }[];
  outC: number;
}

export interface InceptionCost extends Cost {
  branches: Branch[];
}

function layer(name: string, h: number, w: number, k: number, cin: number, cout: number, bias: boolean) {
  return { name, k, cin, cout, params: convParamCount(k, cin, cout, 1, bias), macs: convMacCount(h, w, k, cin, cout, 1) };
}

function total(branches: Branch[]): InceptionCost {
  const all = branches.flatMap((b) => b.layers);
  return {
    branches,
    params: all.reduce((s, l) => s + l.params, 0),
    macs: all.reduce((s, l) => s + l.macs, 0),
    outC: branches.reduce((s, b) => s + b.outC, 0),
  };
}

/** Naive Inception: 1×1, 3×3 and 5×5 convs and a 3×3 max pool (stride 1, same), concatenated. */
export function inceptionNaive(s: InceptionSizes): InceptionCost {
  const { h, w, cin, bias } = s;
  return total([
    { name: '1×1 conv', layers: [layer(`1×1, ${s.n1}`, h, w, 1, cin, s.n1, bias)], outC: s.n1 },
    { name: '3×3 conv', layers: [layer(`3×3, ${s.n3}`, h, w, 3, cin, s.n3, bias)], outC: s.n3 },
    { name: '5×5 conv', layers: [layer(`5×5, ${s.n5}`, h, w, 5, cin, s.n5, bias)], outC: s.n5 },
    { name: '3×3 max pool', layers: [], outC: cin },
  ]);
}

/** Inception with 1×1 bottlenecks of width r before the 3×3 and 5×5 convs and after the pool. */
export function inceptionReduced(s: InceptionSizes): InceptionCost {
  const { h, w, cin, r, bias } = s;
  return total([
    { name: '1×1 conv', layers: [layer(`1×1, ${s.n1}`, h, w, 1, cin, s.n1, bias)], outC: s.n1 },
    { name: '1×1 → 3×3', layers: [layer(`1×1, ${r}`, h, w, 1, cin, r, bias), layer(`3×3, ${s.n3}`, h, w, 3, r, s.n3, bias)], outC: s.n3 },
    { name: '1×1 → 5×5', layers: [layer(`1×1, ${r}`, h, w, 1, cin, r, bias), layer(`5×5, ${s.n5}`, h, w, 5, r, s.n5, bias)], outC: s.n5 },
    { name: 'max pool → 1×1', layers: [layer(`1×1, ${r}`, h, w, 1, cin, r, bias)], outC: r },
  ]);
}

/* ------------------------------------------------------------------ brute force (tests) */

export interface BruteResult {
  out: Float64Array;
  outH: number;
  outW: number;
  /** Multiplications actually performed (zero-padding taps included, as in the formula). */
  mults: number;
  /** Weight entries read at least once, plus biases. */
  paramsUsed: number;
}

/**
 * A literal grouped 2-D convolution (channels-last input x[h][w][c], weights wt[o][i][ky][kx] with
 * i < C_in/g), counting every multiplication and every distinct weight it touches.
 */
export function bruteConv(
  x: Float64Array, h: number, w: number, cin: number,
  wt: Float64Array, cout: number, k: number, groups: number, bias: Float64Array | null, stride = 1, pad = (k - 1) / 2,
): BruteResult {
  const cpg = cin / groups;
  const opg = cout / groups;
  const outH = Math.floor((h + 2 * pad - k) / stride) + 1;
  const outW = Math.floor((w + 2 * pad - k) / stride) + 1;
  const out = new Float64Array(outH * outW * cout);
  const touched = new Uint8Array(wt.length);
  let mults = 0;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      for (let o = 0; o < cout; o++) {
        const g = Math.floor(o / opg);
        let acc = bias ? bias[o] : 0;
        for (let i = 0; i < cpg; i++) {
          const c = g * cpg + i;
          for (let ky = 0; ky < k; ky++) {
            for (let kx = 0; kx < k; kx++) {
              const iy = oy * stride + ky - pad;
              const ix = ox * stride + kx - pad;
              const v = iy >= 0 && iy < h && ix >= 0 && ix < w ? x[(iy * w + ix) * cin + c] : 0;
              const wi = ((o * cpg + i) * k + ky) * k + kx;
              acc += v * wt[wi];
              touched[wi] = 1;
              mults++;
            }
          }
        }
        out[(oy * outW + ox) * cout + o] = acc;
      }
    }
  }
  let used = 0;
  for (const t of touched) used += t;
  return { out, outH, outW, mults, paramsUsed: used + (bias ? bias.length : 0) };
}
