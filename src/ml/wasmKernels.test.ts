import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from './tf';
import {
  conv2dFilterGrad, conv2dInputGrad, depthwiseFilterGrad, depthwiseInputGrad, maxPoolGradInto, registerWasmTrainingKernels, resizeGrad, unsortedSegmentSum,
  WASM_TRAINING_KERNELS,
} from './wasmKernels';
import { createRng } from './rng';

type Pad = 'same' | 'valid' | number;

function rand(shape: number[], seed: number): tf.Tensor {
  const r = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(n);
  for (let i = 0; i < n; i++) v[i] = r.next() * 2 - 1;
  return tf.tensor(v, shape);
}

/** Lᵀ·dy for a linear map L, column by column: (Lᵀdy)_i = ⟨dy, L(e_i)⟩ (the exact reference). */
function adjointByBasis(L: (v: tf.Tensor) => tf.Tensor, shape: number[], dy: tf.Tensor): tf.Tensor {
  const k = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(k);
  for (let i = 0; i < k; i++) {
    out[i] = tf.tidy(() => {
      const e = tf.reshape(tf.cast(tf.oneHot(tf.tensor1d([i], 'int32'), k), 'float32'), shape);
      return tf.sum(tf.mul(L(e), dy)).dataSync()[0];
    });
  }
  return tf.tensor(out, shape);
}

/** [images shape, size, alignCorners, halfPixelCenters] */
const RESIZE_CASES: [[number, number, number, number], [number, number], boolean, boolean][] = [
  [[2, 3, 3, 1], [6, 6], false, false],
  [[2, 3, 4, 2], [6, 7], false, false],
  [[2, 3, 4, 2], [6, 7], true, false],
  [[1, 3, 4, 1], [6, 8], false, true],
  [[2, 6, 5, 1], [3, 4], false, false],
];
const resize = (x: tf.Tensor, size: [number, number], ac: boolean, hp: boolean, nearest: boolean) =>
  (nearest ? tf.image.resizeNearestNeighbor(x as tf.Tensor4D, size, ac, hp) : tf.image.resizeBilinear(x as tf.Tensor4D, size, ac, hp));

/**
 * Largest difference, relative to the reference's scale when that exceeds 1 (a 5×5 filter gradient
 * over 20×24×24 positions sums 11 520 float32 products, of size ~40: absolute 1e-4 is float32 noise there).
 */
function maxErr(a: tf.Tensor, b: tf.Tensor): number {
  expect(b.shape).toEqual(a.shape);
  const x = a.dataSync();
  const y = b.dataSync();
  let m = 0;
  let scale = 1;
  for (let i = 0; i < x.length; i++) {
    m = Math.max(m, Math.abs(x[i] - y[i]));
    scale = Math.max(scale, Math.abs(x[i]));
  }
  return m / scale;
}

/** [N, H, W, Cin, fh, fw, Cout, stride, pad] */
const CONV_CASES: [number, number, number, number, number, number, number, number, Pad][] = [
  [2, 8, 8, 3, 3, 3, 4, 1, 'same'],
  [2, 8, 8, 3, 3, 3, 4, 1, 'valid'],
  [3, 9, 7, 2, 3, 2, 5, 2, 'same'],
  [3, 9, 7, 2, 3, 3, 5, 2, 'valid'],
  [1, 10, 10, 1, 5, 5, 8, 3, 'same'],
  [2, 11, 10, 4, 4, 4, 3, 3, 'valid'],
  [2, 7, 7, 2, 3, 3, 2, 2, 1],
  [20, 24, 24, 1, 5, 5, 8, 1, 'same'], // ConvNetJS MNIST layer 1
];

/** [input shape, window, stride, pad] — the first two are where wasm's own MaxPoolGrad is wrong. */
const POOL_CASES: [[number, number, number, number], number, number, 'same' | 'valid'][] = [
  [[1, 8, 9, 1], 2, 2, 'valid'],
  [[2, 9, 8, 3], 2, 2, 'same'],
  [[2, 9, 8, 3], 3, 3, 'valid'],
  [[2, 7, 7, 2], 3, 1, 'same'],
  [[2, 7, 7, 2], 3, 2, 'same'],
  [[20, 12, 12, 16], 3, 3, 'valid'], // ConvNetJS MNIST pool 2
];

/** [N, H, W, C, fh, fw, M, stride, pad] */
const DW_CASES: [number, number, number, number, number, number, number, number, Pad][] = [
  [2, 8, 8, 3, 3, 3, 1, 1, 'same'],
  [2, 8, 8, 3, 3, 3, 2, 1, 'valid'],
  [3, 9, 7, 2, 3, 2, 3, 2, 'same'],
  [2, 9, 9, 4, 3, 3, 1, 2, 'valid'],
  [1, 10, 11, 2, 5, 5, 2, 3, 'same'],
  [2, 7, 7, 2, 3, 3, 1, 2, 1],
];

/** Checks every conv/pool gradient of the current backend against the cpu backend's, with tf.grads. */
async function compareGradientsWithCpu(backend: string) {
  const errs: Record<string, number> = {};
  const run = (name: string, f: (...xs: tf.Tensor[]) => tf.Tensor, xs: () => tf.Tensor[]) => {
    const grads = (b: string) => {
      tf.setBackend(b);
      return tf.tidy(() => tf.grads(f)(xs()).map((g) => tf.tensor(g.dataSync(), g.shape)));
    };
    const want = grads('cpu');
    const got = grads(backend);
    tf.setBackend('cpu');
    errs[name] = Math.max(...want.map((w, i) => maxErr(w, got[i])));
    tf.dispose([...want, ...got]);
  };
  const weight = (shape: number[], seed: number) => rand(shape, seed);
  for (const [i, [n, h, w, c, fh, fw, co, s, pad]] of CONV_CASES.entries()) {
    run(`conv2d#${i}`, (x, f) => tf.sum(tf.mul(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, s, pad), weight(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, s, pad).shape, 99))),
      () => [rand([n, h, w, c], i), rand([fh, fw, c, co], 50 + i)]);
    run(`fusedConv2dRelu#${i}`, (x, f, b) => tf.sum(tf.square(tf.fused.conv2d({ x: x as tf.Tensor4D, filter: f as tf.Tensor4D, bias: b, strides: s, pad, activation: 'relu' }))),
      () => [rand([n, h, w, c], i), rand([fh, fw, c, co], 50 + i), rand([co], 70 + i)]);
    const outShape = tf.tidy(() => tf.conv2d(tf.zeros([n, h, w, c]) as tf.Tensor4D, tf.zeros([fh, fw, c, co]) as tf.Tensor4D, s, pad).shape);
    if (typeof pad === 'string') {
      run(`conv2dTranspose#${i}`, (y, f) => tf.sum(tf.square(tf.conv2dTranspose(y as tf.Tensor4D, f as tf.Tensor4D, [n, h, w, c], s, pad))),
        () => [rand(outShape, 80 + i), rand([fh, fw, c, co], 90 + i)]);
    }
  }
  for (const [i, [n, h, w, c, fh, fw, m, s, pad]] of DW_CASES.entries()) {
    run(`depthwise#${i}`, (x, f) => tf.sum(tf.square(tf.depthwiseConv2d(x as tf.Tensor4D, f as tf.Tensor4D, s, pad))),
      () => [rand([n, h, w, c], i), rand([fh, fw, c, m], 30 + i)]);
  }
  run('separableConv2d', (x, d, p) => tf.sum(tf.square(tf.separableConv2d(x as tf.Tensor4D, d as tf.Tensor4D, p as tf.Tensor4D, 1, 'same'))),
    () => [rand([2, 8, 8, 3], 1), rand([3, 3, 3, 2], 2), rand([1, 1, 6, 4], 3)]);
  for (const [i, [shape, k, s, pad]] of POOL_CASES.entries()) {
    run(`maxPool#${i}`, (x) => tf.sum(tf.square(tf.maxPool(x as tf.Tensor4D, k, s, pad))), () => [rand(shape, 10 + i)]);
    run(`avgPool#${i}`, (x) => tf.sum(tf.square(tf.avgPool(x as tf.Tensor4D, k, s, pad))), () => [rand(shape, 20 + i)]);
  }
  run('gather', (x) => tf.sum(tf.square(tf.gather(x, [0, 2, 2, 1]))), () => [rand([3, 4], 5)]);
  run('concat+slice+pad', (a, b) => tf.sum(tf.square(tf.pad(tf.slice(tf.concat([a, b], 3), [0, 1, 1, 0], [2, 4, 4, 5]), [[0, 0], [1, 1], [1, 1], [0, 0]]))),
    () => [rand([2, 6, 6, 2], 6), rand([2, 6, 6, 3], 7)]);
  return errs;
}

describe('wasm training kernels: maths on the cpu backend vs the cpu kernels', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('conv2dFilterGrad matches Conv2DBackpropFilter for strides 1–3 and same/valid/explicit padding', () => {
    for (const [i, [n, h, w, c, fh, fw, co, s, pad]] of CONV_CASES.entries()) {
      tf.tidy(() => {
        const x = rand([n, h, w, c], i) as tf.Tensor4D;
        const fShape: [number, number, number, number] = [fh, fw, c, co];
        const y = tf.conv2d(x, tf.zeros(fShape) as tf.Tensor4D, s, pad);
        const dy = rand(y.shape, 100 + i) as tf.Tensor4D;
        const want = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: s, pad, dataFormat: 'NHWC', filterShape: fShape } as never) as tf.Tensor;
        const got = conv2dFilterGrad(x, dy, fShape, s, pad);
        expect(maxErr(want, got), `case ${i}`).toBeLessThan(1e-4);
      });
    }
  });

  it('conv2dInputGrad matches Conv2DBackpropInput for strides 1–3 and same/valid/explicit padding', () => {
    for (const [i, [n, h, w, c, fh, fw, co, s, pad]] of CONV_CASES.entries()) {
      tf.tidy(() => {
        const f = rand([fh, fw, c, co], 50 + i) as tf.Tensor4D;
        const xShape: [number, number, number, number] = [n, h, w, c];
        const y = tf.conv2d(tf.zeros(xShape) as tf.Tensor4D, f, s, pad);
        const dy = rand(y.shape, 150 + i) as tf.Tensor4D;
        const want = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: f }, { strides: s, pad, dataFormat: 'NHWC', inputShape: xShape } as never) as tf.Tensor;
        expect(maxErr(want, conv2dInputGrad(xShape, dy, f, s, pad)), `case ${i}`).toBeLessThan(1e-4);
      });
    }
  });

  it('depthwiseFilterGrad / depthwiseInputGrad match the cpu kernels', () => {
    for (const [i, [n, h, w, c, fh, fw, m, s, pad]] of DW_CASES.entries()) {
      tf.tidy(() => {
        const x = rand([n, h, w, c], i) as tf.Tensor4D;
        const f = rand([fh, fw, c, m], 40 + i) as tf.Tensor4D;
        const y = tf.depthwiseConv2d(x, f, s, pad);
        const dy = rand(y.shape, 200 + i) as tf.Tensor4D;
        const wantF = tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { strides: s, pad, dilations: 1, filterShape: f.shape } as never) as tf.Tensor;
        const wantX = tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter: f }, { strides: s, pad, dilations: 1, inputShape: x.shape } as never) as tf.Tensor;
        expect(maxErr(wantF, depthwiseFilterGrad(x, dy, f.shape, s, pad)), `filter case ${i}`).toBeLessThan(1e-4);
        expect(maxErr(wantX, depthwiseInputGrad(x.shape, dy, f, s, pad)), `input case ${i}`).toBeLessThan(1e-4);
      });
    }
  });

  it('depthwise gradients with dilation 2 (stride 1) equal the exact adjoint of the forward conv', () => {
    // (tfjs' own gradient refuses dilations > 1, so the reference is built from the forward op.)
    tf.tidy(() => {
      const x = rand([1, 7, 7, 2], 1) as tf.Tensor4D;
      const f = rand([3, 3, 2, 2], 2) as tf.Tensor4D;
      for (const pad of ['same', 'valid'] as const) {
        const conv = (a: tf.Tensor, b: tf.Tensor) => tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, pad, 'NHWC', 2);
        const dy = rand(conv(x, f).shape, 3) as tf.Tensor4D;
        const wantF = adjointByBasis((e) => conv(x, e), f.shape, dy);
        const wantX = adjointByBasis((e) => conv(e, f), x.shape, dy);
        expect(maxErr(wantF, depthwiseFilterGrad(x, dy, f.shape, 1, pad, 2)), pad).toBeLessThan(1e-4);
        expect(maxErr(wantX, depthwiseInputGrad(x.shape, dy, f, 1, pad, 2)), pad).toBeLessThan(1e-4);
      }
    });
  });

  it('resizeGrad equals the exact adjoint of resizeBilinear / resizeNearestNeighbor (where tfjs 4.22 is wrong)', () => {
    for (const nearest of [false, true]) {
      for (const [i, [shape, size, ac, hp]] of RESIZE_CASES.entries()) {
        tf.tidy(() => {
          const dy = rand([shape[0], size[0], size[1], shape[3]], 300 + i) as tf.Tensor4D;
          const want = adjointByBasis((e) => resize(e, size, ac, hp, nearest), shape, dy);
          expect(maxErr(want, resizeGrad(shape, dy, ac, hp, nearest)), `${nearest ? 'nearest' : 'bilinear'} case ${i}`).toBeLessThan(1e-4);
        });
      }
    }
  });

  it('maxPoolGradInto matches the cpu MaxPoolGrad kernel (where wasm’s is wrong)', () => {
    for (const [i, [shape, k, st, pad]] of POOL_CASES.entries()) {
      tf.tidy(() => {
        const x = rand(shape, 60 + i) as tf.Tensor4D;
        const y = tf.maxPool(x, k, st, pad);
        const dy = rand(y.shape, 70 + i) as tf.Tensor4D;
        const want = tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: y }, { filterSize: k, strides: st, pad } as never) as tf.Tensor;
        const info = tf.backend_util.computePool2DInfo(shape, k, st, 1, pad);
        const dx = new Float32Array(x.size);
        maxPoolGradInto(x.dataSync(), dy.dataSync(), dx, info);
        expect(maxErr(want, tf.tensor(dx, shape)), `case ${i}`).toBeLessThan(1e-6);
      });
    }
  });

  it('unsortedSegmentSum matches the cpu kernel', () => {
    tf.tidy(() => {
      const x = rand([5, 3], 4);
      const ids = tf.tensor1d([2, 0, 2, 1, 0], 'int32');
      const want = tf.unsortedSegmentSum(x, ids, 4);
      expect(maxErr(want, unsortedSegmentSum(x, ids, 4))).toBeLessThan(1e-6);
    });
  });

  it('registers the kernels for a backend once, without touching kernels it already has', () => {
    const name = 'wasmkernels-test-backend';
    tf.registerBackend(name, () => tf.findBackend('cpu')!);
    try {
      expect(registerWasmTrainingKernels(name)).toEqual(WASM_TRAINING_KERNELS);
      expect(registerWasmTrainingKernels(name)).toEqual([]);
      expect(registerWasmTrainingKernels(name)).toEqual([]);
    } finally {
      for (const k of WASM_TRAINING_KERNELS) tf.unregisterKernel(k, name);
      tf.removeBackend(name);
    }
  });
});

describe('wasm training kernels on the real wasm backend (node)', () => {
  let wasmOk = false;
  beforeAll(async () => {
    try {
      await import('@tensorflow/tfjs-backend-wasm');
      registerWasmTrainingKernels('wasm');
      wasmOk = await tf.setBackend('wasm');
    } catch (e) {
      console.warn('wasm backend did not load in node; the browser e2e covers it', e);
    }
    await tf.setBackend('cpu');
  }, 60_000);
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('every conv/pool/depthwise/transpose gradient on wasm equals the cpu backend’s (tf.grads, max error < 1e-4)', async () => {
    if (!wasmOk) return;
    const before = tf.memory().numTensors;
    const errs = await compareGradientsWithCpu('wasm');
    for (const [k, e] of Object.entries(errs)) expect(e, k).toBeLessThan(1e-4);
    for (const nearest of [false, true]) {
      for (const [i, [shape, size, ac, hp]] of RESIZE_CASES.entries()) {
        const x = rand(shape, 400 + i);
        const dy = rand([shape[0], size[0], size[1], shape[3]], 500 + i);
        const want = adjointByBasis((e) => resize(e, size, ac, hp, nearest), shape, dy);
        await tf.setBackend('wasm');
        const got = tf.tidy(() => tf.grads((a) => tf.sum(tf.mul(resize(a, size, ac, hp, nearest), dy)))([x])[0]);
        await tf.setBackend('cpu');
        expect(maxErr(want, got), `${nearest ? 'nearest' : 'bilinear'} resize case ${i} on wasm`).toBeLessThan(1e-4);
        tf.dispose([x, dy, want, got]);
      }
    }
    expect(Object.keys(errs).length).toBeGreaterThan(30);
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});
