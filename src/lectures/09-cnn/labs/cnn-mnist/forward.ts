/**
 * The network's forward pass for ONE image in plain TypeScript, on weights read back from the tfjs
 * model. The page uses it for what must answer instantly, also while training is paused: the
 * learner's drawing and the activation maps of a chosen digit (~0.6 M multiply-adds, about a
 * millisecond). Training and validation run in tfjs (model.ts); forward.test.ts checks the two agree.
 *
 * Layouts are tfjs': images and activation maps H×W×C (channels last), conv filters F×F×C_in×C_out,
 * the FC weights (side²·depth)×10 with the features in H×W×C order.
 */
import { CLASSES, INPUT_SIDE, KERNEL, PAD, POOL1, POOL2, flatFeatures, weightSizes, type CnnArch } from './arch';

export interface CnnWeights {
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
  w3: Float32Array;
  b3: Float32Array;
}

/** Split the flat vector [w1, b1, w2, b2, w3, b3] (as the model packs it) into its parts (copies). */
export function unpackWeights(a: CnnArch, flat: ArrayLike<number>): CnnWeights {
  const sizes = weightSizes(a);
  const total = sizes.reduce((s, n) => s + n, 0);
  if (flat.length < total) throw new Error(`weights: expected ${total} numbers, got ${flat.length}`);
  const parts: Float32Array[] = [];
  let o = 0;
  for (const n of sizes) {
    parts.push(Float32Array.from({ length: n }, (_, i) => flat[o + i]));
    o += n;
  }
  const [w1, b1, w2, b2, w3, b3] = parts;
  return { w1, b1, w2, b2, w3, b3 };
}

/** Same-size convolution (stride 1, zero padding `pad`) + bias + ReLU; x is side×side×cin. */
export function convRelu(x: Float32Array, side: number, cin: number, w: Float32Array, b: Float32Array, cout: number, k = KERNEL, pad = PAD): Float32Array {
  const out = new Float32Array(side * side * cout);
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      const o = (i * side + j) * cout;
      for (let c = 0; c < cout; c++) out[o + c] = b[c];
      for (let di = 0; di < k; di++) {
        const y = i + di - pad;
        if (y < 0 || y >= side) continue;
        for (let dj = 0; dj < k; dj++) {
          const xx = j + dj - pad;
          if (xx < 0 || xx >= side) continue;
          const xo = (y * side + xx) * cin;
          const wo = (di * k + dj) * cin * cout;
          for (let ci = 0; ci < cin; ci++) {
            const v = x[xo + ci];
            if (v === 0) continue;
            const wr = wo + ci * cout;
            for (let c = 0; c < cout; c++) out[o + c] += v * w[wr + c];
          }
        }
      }
      for (let c = 0; c < cout; c++) if (out[o + c] < 0) out[o + c] = 0;
    }
  }
  return out;
}

/** Max pooling with window = stride = `size` (no padding); x is side×side×c. */
export function maxPool(x: Float32Array, side: number, c: number, size: number): { out: Float32Array; side: number } {
  const s = Math.floor((side - size) / size) + 1;
  const out = new Float32Array(s * s * c).fill(-Infinity);
  for (let i = 0; i < s; i++) {
    for (let j = 0; j < s; j++) {
      for (let di = 0; di < size; di++) {
        for (let dj = 0; dj < size; dj++) {
          const xo = ((i * size + di) * side + (j * size + dj)) * c;
          const oo = (i * s + j) * c;
          for (let ch = 0; ch < c; ch++) if (x[xo + ch] > out[oo + ch]) out[oo + ch] = x[xo + ch];
        }
      }
    }
  }
  return { out, side: s };
}

export function softmax(z: ArrayLike<number>): Float32Array {
  let m = -Infinity;
  for (let i = 0; i < z.length; i++) m = Math.max(m, z[i]);
  const out = new Float32Array(z.length);
  let s = 0;
  for (let i = 0; i < z.length; i++) {
    out[i] = Math.exp(z[i] - m);
    s += out[i];
  }
  for (let i = 0; i < z.length; i++) out[i] /= s;
  return out;
}

export interface Activations {
  conv1: Float32Array;
  pool1: Float32Array;
  conv2: Float32Array;
  pool2: Float32Array;
  logits: Float32Array;
  probs: Float32Array;
  sides: { conv1: number; pool1: number; conv2: number; pool2: number };
}

/** Every layer's output for one INPUT_SIDE×INPUT_SIDE image (values 0–1, row-major). */
export function forwardOne(a: CnnArch, wts: CnnWeights, image: ArrayLike<number>): Activations {
  const x = Float32Array.from({ length: INPUT_SIDE * INPUT_SIDE }, (_, i) => image[i] ?? 0);
  const conv1 = convRelu(x, INPUT_SIDE, 1, wts.w1, wts.b1, a.f1);
  const p1 = maxPool(conv1, INPUT_SIDE, a.f1, POOL1);
  const conv2 = convRelu(p1.out, p1.side, a.f1, wts.w2, wts.b2, a.f2);
  const p2 = maxPool(conv2, p1.side, a.f2, POOL2);
  const n = flatFeatures(a);
  const logits = new Float32Array(CLASSES);
  for (let c = 0; c < CLASSES; c++) logits[c] = wts.b3[c];
  for (let f = 0; f < n; f++) {
    const v = p2.out[f];
    if (v === 0) continue;
    for (let c = 0; c < CLASSES; c++) logits[c] += v * wts.w3[f * CLASSES + c];
  }
  return {
    conv1, pool1: p1.out, conv2, pool2: p2.out, logits, probs: softmax(logits),
    sides: { conv1: INPUT_SIDE, pool1: p1.side, conv2: p1.side, pool2: p2.side },
  };
}

/** Channel `ch` of an H×W×C map as its own side×side image. */
export function channel(x: Float32Array, side: number, c: number, ch: number): Float32Array {
  const out = new Float32Array(side * side);
  for (let i = 0; i < side * side; i++) out[i] = x[i * c + ch];
  return out;
}

/** First-layer filter `k` (F×F, one input channel) from w1 laid out F×F×1×f1. */
export function firstLayerFilter(a: CnnArch, w1: Float32Array, k: number): Float32Array {
  const out = new Float32Array(KERNEL * KERNEL);
  for (let i = 0; i < KERNEL * KERNEL; i++) out[i] = w1[i * a.f1 + k];
  return out;
}
