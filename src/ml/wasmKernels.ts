/**
 * Training kernels that tfjs-backend-wasm 4.22 lacks, registered for the 'wasm' backend.
 *
 * Why: the wasm backend (what the app picks on machines without a real GPU) ships the forward conv
 * kernels but not all of their gradients, so `optimizer.minimize` on a conv net threw
 * "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'".
 *
 * Which (found by diffing `tf.getKernelsForBackend('cpu')` against 'wasm' and by running tf.grads of
 * conv2d, conv2dTranspose, fused conv2d, separableConv2d, conv1d, depthwiseConv2d, maxPool, avgPool,
 * resizeBilinear/NearestNeighbor, concat, slice, pad, mirrorPad, tile, gather, batchNorm, leakyRelu,
 * elu, relu6, prelu, dropout, LRN on wasm): MaxPoolGrad, AvgPoolGrad, Conv2DBackpropInput, the resize
 * grads, Concat/Slice/PadV2 exist; missing were
 *   - Conv2DBackpropFilter                (conv2d, conv2dTranspose, fused conv2d, conv1d, separable)
 *   - DepthwiseConv2dNativeBackpropInput  (depthwiseConv2d, fused depthwise, separable)
 *   - DepthwiseConv2dNativeBackpropFilter (idem)
 *   - UnsortedSegmentSum                  (gradient of gather, e.g. embeddings)
 * one exists but is far too slow, so it is replaced:
 *   - Conv2DBackpropInput (a plain C++ loop: 68 ms of a 75 ms training step of ConvNetJS's MNIST net)
 * and three existing gradients are wrong, so they are replaced:
 *   - MaxPoolGrad (wasm only) sends dy to the wrong input in some windows (e.g. 1×8×9×1 input, 2×2
 *     pool stride 2: errors ~0.8; 2×9×8×3 'same': ~0.26) — replaced by a JS loop over the wasm heap
 *     (exact, first maximum wins as on cpu; cheap next to the convolutions);
 *   - ResizeBilinearGrad (cpu and wasm) returns shape [N, W, H, C] (a crash unless H = W);
 *   - ResizeNearestNeighborGrad reads dy with the input's batch stride (wrong values for N > 1).
 *
 * How: with ops the wasm backend has (XNNPACK convolutions and matMuls; MaxPoolGrad is the one JS loop):
 *   - dW of a convolution is itself a convolution: with the padded input seen as a batch of Cin
 *     images with N channels ([Cin, H, W, N]) and dy as a filter ([Ho, Wo, N, Cout]), a stride-1
 *     conv dilated by the forward stride gives [Cin, fh, fw, Cout] exactly (no wasted products).
 *   - dx of a convolution is a convolution of the zero-stuffed, padded dy with the 180°-rotated
 *     filter, in/out channels swapped (exact for stride 1; stride s wastes the stuffed zeros);
 *   - the depthwise filter gradient is the same trick with a depthwise conv over N·C channels,
 *     summed over the batch;
 *   - the depthwise input gradient is a depthwise conv of the zero-stuffed, padded dy with the
 *     180°-rotated filter, summed over the channel multiplier;
 *   - UnsortedSegmentSum is a one-hot matrix product;
 *   - a resize is linear and separable, resize(x) = A_h·x·A_wᵀ, so its gradient is A_hᵀ·dy·A_w
 *     (two matMuls, the matrices built from the forward kernels' index maths).
 * The maths functions are exported and run on any backend, so they are tested in node against the
 * cpu backend's own kernels (src/ml/wasmKernels.test.ts, max error < 1e-4 relative to the
 * gradient's scale when that exceeds 1, strides 1–3, 'same', 'valid' and explicit padding; the
 * resize gradients and dilated depthwise ones against the forward pass's exact adjoint),
 * and on the real wasm backend both in node (same file, tf.grads on wasm vs cpu) and in the browser
 * (e2e/cnn-speed.spec.ts). Registered by src/labs/backend.ts right after the wasm backend loads.
 */
import * as tf from './tf';

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
type Rounding = 'floor' | 'round' | 'ceil' | undefined;
type Pair = number | [number, number];

const pair = (v: Pair | undefined): [number, number] => (v == null ? [1, 1] : typeof v === 'number' ? [v, v] : [v[0], v[1]]);

/** Pad (positive) or crop (negative) the spatial dims of an NHWC tensor. */
function padOrCrop(x: tf.Tensor4D, top: number, bottom: number, left: number, right: number): tf.Tensor4D {
  let y = x;
  if (top > 0 || bottom > 0 || left > 0 || right > 0) {
    y = tf.pad(y, [[0, 0], [Math.max(0, top), Math.max(0, bottom)], [Math.max(0, left), Math.max(0, right)], [0, 0]]);
  }
  if (top < 0 || bottom < 0 || left < 0 || right < 0) {
    const [n, h, w, c] = y.shape;
    const t0 = Math.max(0, -top);
    const l0 = Math.max(0, -left);
    y = tf.slice(y, [0, t0, l0, 0], [n, h - t0 - Math.max(0, -bottom), w - l0 - Math.max(0, -right), c]);
  }
  return y;
}

/**
 * The input window the forward conv read: the padded input cropped/extended to exactly
 * (outH−1)·strideH + (fh−1)·dilH + 1 rows (and the same for columns).
 */
function windowedInput(x: tf.Tensor4D, info: tf.backend_util.Conv2DInfo): tf.Tensor4D {
  const { padInfo, outHeight, outWidth, strideHeight, strideWidth, effectiveFilterHeight, effectiveFilterWidth } = info;
  const needH = (outHeight - 1) * strideHeight + effectiveFilterHeight;
  const needW = (outWidth - 1) * strideWidth + effectiveFilterWidth;
  const [, h, w] = x.shape;
  return padOrCrop(x, padInfo.top, needH - h - padInfo.top, padInfo.left, needW - w - padInfo.left);
}

/** Gradient of conv2d with respect to its filter (NHWC), as one convolution. */
export function conv2dFilterGrad(
  x: tf.Tensor4D, dy: tf.Tensor4D, filterShape: [number, number, number, number],
  strides: Pair, pad: Pad, dimRoundingMode?: Rounding,
): tf.Tensor4D {
  return tf.tidy(() => {
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad, dimRoundingMode);
    const xw = windowedInput(x, info);
    const xt = tf.transpose(xw, [3, 1, 2, 0]); // [Cin, H', W', N]: Cin images of N channels
    const dyt = tf.transpose(dy, [1, 2, 0, 3]); // [Ho, Wo, N, Cout]: a filter
    const r = tf.conv2d(xt, dyt, 1, 'valid', 'NHWC', [info.strideHeight, info.strideWidth]); // [Cin, fh, fw, Cout]
    return tf.transpose(r, [1, 2, 0, 3]);
  });
}

/** Gradient of depthwiseConv2d with respect to its filter [fh, fw, C, M]. */
export function depthwiseFilterGrad(
  x: tf.Tensor4D, dy: tf.Tensor4D, filterShape: [number, number, number, number],
  strides: Pair, pad: Pad, dilations?: Pair, dimRoundingMode?: Rounding,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [s, d] = [pair(strides), pair(dilations)];
    if ((s[0] > 1 || s[1] > 1) && (d[0] > 1 || d[1] > 1)) throw new Error('depthwise filter gradient: strides and dilations cannot both exceed 1');
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, s, d, pad, dimRoundingMode, true);
    const [n, , , c] = x.shape;
    const [, oh, ow] = dy.shape;
    const m = filterShape[3];
    const xw = windowedInput(x, info);
    const [, hh, ww] = xw.shape;
    const xt = tf.reshape(tf.transpose(xw, [1, 2, 0, 3]), [1, hh, ww, n * c]) as tf.Tensor4D;
    const f = tf.reshape(tf.transpose(tf.reshape(dy, [n, oh, ow, c, m]), [1, 2, 0, 3, 4]), [oh, ow, n * c, m]) as tf.Tensor4D;
    const r = tf.depthwiseConv2d(xt, f, d, 'valid', 'NHWC', s); // [1, fh, fw, N·C·M]
    return tf.sum(tf.reshape(r, [filterShape[0], filterShape[1], n, c, m]), 2) as tf.Tensor4D;
  });
}

/** Insert (s−1) zeros between rows/columns of an NHWC tensor. */
function zeroStuff(x: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  if (sh === 1 && sw === 1) return x;
  const [n, h, w, c] = x.shape;
  const e = tf.pad(tf.reshape(x, [n, h, 1, w, 1, c]), [[0, 0], [0, 0], [0, sh - 1], [0, 0], [0, sw - 1], [0, 0]]);
  return tf.slice(tf.reshape(e, [n, h * sh, w * sw, c]), [0, 0, 0, 0], [n, (h - 1) * sh + 1, (w - 1) * sw + 1, c]) as tf.Tensor4D;
}

/**
 * Gradient of conv2d with respect to its input (also conv2dTranspose's forward pass), as one
 * convolution: the zero-stuffed dy, padded by (effective filter − 1 − forward padding), convolved
 * with the 180°-rotated filter whose in/out channels are swapped.
 */
export function conv2dInputGrad(
  inputShape: [number, number, number, number], dy: tf.Tensor4D, filter: tf.Tensor4D,
  strides: Pair, pad: Pad, dimRoundingMode?: Rounding,
): tf.Tensor4D {
  return tf.tidy(() => {
    const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape, strides, 1, pad, dimRoundingMode);
    const [, h, w] = inputShape;
    const [fh, fw] = filter.shape;
    const stuffed = zeroStuff(dy, info.strideHeight, info.strideWidth);
    const [, lh, lw] = stuffed.shape;
    const { top, left } = info.padInfo;
    const padded = padOrCrop(stuffed, fh - 1 - top, h + top - lh, fw - 1 - left, w + left - lw);
    const f = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D; // [fh, fw, Cout, Cin]
    return tf.conv2d(padded, f, 1, 'valid');
  });
}

/** Gradient of depthwiseConv2d with respect to its input. */
export function depthwiseInputGrad(
  inputShape: [number, number, number, number], dy: tf.Tensor4D, filter: tf.Tensor4D,
  strides: Pair, pad: Pad, dilations?: Pair, dimRoundingMode?: Rounding,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [s, d] = [pair(strides), pair(dilations)];
    const info = tf.backend_util.computeConv2DInfo(inputShape, filter.shape, s, d, pad, dimRoundingMode, true);
    const [n, h, w, c] = inputShape;
    const [fh, fw, , m] = filter.shape;
    const efh = info.effectiveFilterHeight;
    const efw = info.effectiveFilterWidth;
    const stuffed = zeroStuff(dy, s[0], s[1]);
    const [, lh, lw] = stuffed.shape;
    const top = efh - 1 - info.padInfo.top;
    const left = efw - 1 - info.padInfo.left;
    const padded = padOrCrop(stuffed, top, h + info.padInfo.top - lh, left, w + info.padInfo.left - lw);
    // Rotate by 180° and make it a depthwise filter over the C·M channels of dy (multiplier 1).
    const rot = tf.reverse(filter, [0, 1]);
    const f = tf.reshape(rot, [fh, fw, c * m, 1]) as tf.Tensor4D;
    const r = tf.depthwiseConv2d(padded, f, 1, 'valid', 'NHWC', d); // [N, H, W, C·M]
    return (m === 1 ? r : tf.sum(tf.reshape(r, [n, h, w, c, m]), 4)) as tf.Tensor4D;
  });
}

/** out[s] = Σ_{i: ids[i] = s} x[i] (rows with an out-of-range id are dropped, as in TensorFlow). */
export function unsortedSegmentSum(x: tf.Tensor, segmentIds: tf.Tensor, numSegments: number): tf.Tensor {
  return tf.tidy(() => {
    const k = segmentIds.size;
    const rest = x.shape.slice(segmentIds.rank);
    const flat = tf.reshape(tf.cast(x, 'float32'), [k, rest.reduce((a, b) => a * b, 1)]);
    const oh = tf.oneHot(tf.cast(tf.reshape(segmentIds, [k]), 'int32'), numSegments);
    const r = tf.reshape(tf.matMul(tf.cast(oh, 'float32'), flat, true, false), [numSegments, ...rest]);
    return x.dtype === 'float32' ? r : tf.cast(r, x.dtype);
  });
}

/**
 * The 1-D resampling matrix A [newSize × oldSize] of tfjs' resizeBilinear / resizeNearestNeighbor
 * (same index maths as the cpu kernels' forward pass), so that resize(x) = A_h · x · A_wᵀ per channel.
 */
export function resizeMatrix(oldSize: number, newSize: number, alignCorners: boolean, halfPixelCenters: boolean, nearest: boolean): Float32Array {
  const a = new Float32Array(newSize * oldSize);
  const effIn = alignCorners && newSize > 1 ? oldSize - 1 : oldSize;
  const effOut = alignCorners && newSize > 1 ? newSize - 1 : newSize;
  const ratio = effIn / effOut;
  for (let r = 0; r < newSize; r++) {
    if (nearest) {
      const frac = halfPixelCenters ? ratio * (r + 0.5) : ratio * r;
      let src = Math.min(oldSize - 1, alignCorners ? Math.round(frac) : Math.floor(frac));
      if (halfPixelCenters) src = Math.max(0, src);
      a[r * oldSize + src] += 1;
    } else {
      const frac = halfPixelCenters ? ratio * (r + 0.5) - 0.5 : ratio * r;
      const lo = Math.max(0, Math.floor(frac));
      const t = frac - lo;
      const hi = Math.min(oldSize - 1, Math.ceil(frac));
      a[r * oldSize + lo] += 1 - t;
      a[r * oldSize + hi] += t;
    }
  }
  return a;
}

/**
 * Gradient of resizeBilinear / resizeNearestNeighbor: dx = A_hᵀ · dy · A_w per image and channel,
 * as two plain matrix products.
 */
export function resizeGrad(
  imagesShape: number[], dy: tf.Tensor4D, alignCorners: boolean, halfPixelCenters: boolean, nearest: boolean,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w, c] = imagesShape;
    const [, yh, yw] = dy.shape;
    const ah = tf.tensor2d(resizeMatrix(h, yh, alignCorners, halfPixelCenters, nearest), [yh, h]);
    const aw = tf.tensor2d(resizeMatrix(w, yw, alignCorners, halfPixelCenters, nearest), [yw, w]);
    const t = tf.reshape(tf.transpose(dy, [0, 3, 1, 2]), [n * c * yh, yw]); // rows: (n, c, y)
    const r1 = tf.reshape(tf.matMul(t, aw), [n * c, yh, w]);
    const r2 = tf.matMul(tf.reshape(tf.transpose(r1, [0, 2, 1]), [n * c * w, yh]), ah); // rows: (n, c, x) → [.., h]
    return tf.transpose(tf.reshape(r2, [n, c, w, h]), [0, 3, 2, 1]);
  });
}

/**
 * Max-pool gradient on plain arrays (NHWC): each window's dy goes to its first largest input, in
 * row-major window order, like the cpu kernel. `dx` must be zero-filled; it is accumulated into.
 */
export function maxPoolGradInto(x: ArrayLike<number>, dy: ArrayLike<number>, dx: Float32Array, info: tf.backend_util.Conv2DInfo): void {
  const { batchSize, inHeight, inWidth, inChannels: ch, outHeight, outWidth, strideHeight, strideWidth,
    dilationHeight, dilationWidth, effectiveFilterHeight, effectiveFilterWidth, padInfo } = info;
  let o = 0;
  for (let b = 0; b < batchSize; b++) {
    const xb = b * inHeight * inWidth * ch;
    for (let yr = 0; yr < outHeight; yr++) {
      const r0 = yr * strideHeight - padInfo.top;
      for (let yc = 0; yc < outWidth; yc++) {
        const c0 = yc * strideWidth - padInfo.left;
        for (let d = 0; d < ch; d++, o++) {
          let best = -Infinity;
          let at = -1;
          for (let wr = 0; wr < effectiveFilterHeight; wr += dilationHeight) {
            const r = r0 + wr;
            if (r < 0 || r >= inHeight) continue;
            for (let wc = 0; wc < effectiveFilterWidth; wc += dilationWidth) {
              const c = c0 + wc;
              if (c < 0 || c >= inWidth) continue;
              const i = xb + (r * inWidth + c) * ch + d;
              if (x[i] > best) {
                best = x[i];
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] += dy[o];
        }
      }
    }
  }
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: string): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
}

/** MaxPoolGrad for any backend: in place on the wasm heap when it can, through tensors otherwise. */
function maxPoolGradKernel(a: KernelArgs): tf.TensorInfo {
  const { filterSize, strides, pad, dimRoundingMode } = a.attrs as unknown as { filterSize: Pair; strides: Pair; pad: Pad; dimRoundingMode?: Rounding };
  const x = input(a, 'input');
  const dy = input(a, 'dy');
  const info = tf.backend_util.computePool2DInfo(x.shape as [number, number, number, number], filterSize, strides, 1, pad as 'same', dimRoundingMode);
  const be = a.backend as unknown as Partial<WasmBackendLike>;
  if (typeof be.makeOutput === 'function' && typeof be.typedArrayFromHeap === 'function' && x.dtype === 'float32' && dy.dtype === 'float32') {
    const out = be.makeOutput(x.shape, 'float32'); // may grow the heap: take the views after it
    const dx = be.typedArrayFromHeap(out);
    dx.fill(0);
    maxPoolGradInto(be.typedArrayFromHeap(x), be.typedArrayFromHeap(dy), dx, info);
    return out;
  }
  const dx = new Float32Array(x.size);
  maxPoolGradInto(x.dataSync(), dy.dataSync(), dx, info);
  return tf.tensor(dx, x.shape);
}

const toNhwc = (t: tf.Tensor4D, format: string | undefined): tf.Tensor4D => (format === 'NCHW' ? tf.transpose(t, [0, 2, 3, 1]) : t);

type KernelArgs = Parameters<tf.KernelFunc>[0];
const input = (a: KernelArgs, name: string): tf.Tensor => a.inputs[name] as tf.Tensor;

/** `replace`: the backend has the kernel but it is wrong (see the header), so ours takes its place. */
const KERNELS: { name: string; replace?: boolean; fn: (a: KernelArgs) => tf.TensorInfo }[] = [
  {
    name: 'Conv2DBackpropFilter',
    fn: (a) => {
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = a.attrs as unknown as {
        strides: Pair; pad: Pad; dataFormat?: string; dimRoundingMode?: Rounding; filterShape: [number, number, number, number];
      };
      return tf.tidy(() => conv2dFilterGrad(
        toNhwc(input(a, 'x') as tf.Tensor4D, dataFormat), toNhwc(input(a, 'dy') as tf.Tensor4D, dataFormat),
        filterShape, strides, pad, dimRoundingMode));
    },
  },
  {
    name: 'Conv2DBackpropInput',
    replace: true,
    fn: (a) => {
      const { strides, pad, dataFormat, dimRoundingMode, inputShape } = a.attrs as unknown as {
        strides: Pair; pad: Pad; dataFormat?: string; dimRoundingMode?: Rounding; inputShape: [number, number, number, number];
      };
      return tf.tidy(() => {
        const nhwcShape: [number, number, number, number] = dataFormat === 'NCHW' ? [inputShape[0], inputShape[2], inputShape[3], inputShape[1]] : inputShape;
        const dx = conv2dInputGrad(nhwcShape, toNhwc(input(a, 'dy') as tf.Tensor4D, dataFormat), input(a, 'filter') as tf.Tensor4D, strides, pad, dimRoundingMode);
        return dataFormat === 'NCHW' ? tf.transpose(dx, [0, 3, 1, 2]) : dx;
      });
    },
  },
  {
    name: 'DepthwiseConv2dNativeBackpropFilter',
    fn: (a) => {
      const { strides, dilations, pad, dimRoundingMode, filterShape } = a.attrs as unknown as {
        strides: Pair; dilations?: Pair; pad: Pad; dimRoundingMode?: Rounding; filterShape: [number, number, number, number];
      };
      return depthwiseFilterGrad(input(a, 'x') as tf.Tensor4D, input(a, 'dy') as tf.Tensor4D, filterShape, strides, pad, dilations, dimRoundingMode);
    },
  },
  {
    name: 'DepthwiseConv2dNativeBackpropInput',
    fn: (a) => {
      const { strides, dilations, pad, dimRoundingMode, inputShape } = a.attrs as unknown as {
        strides: Pair; dilations?: Pair; pad: Pad; dimRoundingMode?: Rounding; inputShape: [number, number, number, number];
      };
      return depthwiseInputGrad(inputShape, input(a, 'dy') as tf.Tensor4D, input(a, 'filter') as tf.Tensor4D, strides, pad, dilations, dimRoundingMode);
    },
  },
  {
    name: 'UnsortedSegmentSum',
    fn: (a) => unsortedSegmentSum(input(a, 'x'), input(a, 'segmentIds'), (a.attrs as unknown as { numSegments: number }).numSegments),
  },
  {
    name: 'MaxPoolGrad',
    replace: true,
    fn: maxPoolGradKernel,
  },
  {
    name: 'ResizeBilinearGrad',
    replace: true,
    fn: (a) => {
      const { alignCorners, halfPixelCenters } = a.attrs as unknown as { alignCorners: boolean; halfPixelCenters?: boolean };
      return resizeGrad(input(a, 'images').shape, input(a, 'dy') as tf.Tensor4D, alignCorners, Boolean(halfPixelCenters), false);
    },
  },
  {
    name: 'ResizeNearestNeighborGrad',
    replace: true,
    fn: (a) => {
      const { alignCorners, halfPixelCenters } = a.attrs as unknown as { alignCorners: boolean; halfPixelCenters?: boolean };
      return resizeGrad(input(a, 'images').shape, input(a, 'dy') as tf.Tensor4D, alignCorners, Boolean(halfPixelCenters), true);
    },
  },
];

/** backend/kernel pairs registered here (so a replaced kernel is replaced only once). */
const ours = new Set<string>();

/** The kernels this module adds (for the docs and tests). */
export const WASM_TRAINING_KERNELS = KERNELS.map((k) => k.name);

/**
 * Register the missing kernels for `backendName` (default 'wasm') and replace the two wrong resize
 * and max-pool gradients (once); other kernels the backend already has are left alone, so this is safe to call
 * more than once. Also usable for 'cpu' (node tests of a U-Net), whose resize gradients have the
 * same bugs. Returns the names it registered.
 */
export function registerWasmTrainingKernels(backendName = 'wasm'): string[] {
  const added: string[] = [];
  for (const k of KERNELS) {
    if (tf.getKernel(k.name, backendName)) {
      if (!k.replace || ours.has(`${backendName}/${k.name}`)) continue;
      tf.unregisterKernel(k.name, backendName);
    }
    // The kernel calls ordinary ops; the engine does not tape ops run inside a kernel, and the
    // returned Tensor becomes the kernel's output (its intermediates are freed by tf.tidy).
    tf.registerKernel({ kernelName: k.name, backendName, kernelFunc: k.fn as unknown as tf.KernelFunc });
    ours.add(`${backendName}/${k.name}`);
    added.push(k.name);
  }
  return added;
}
