import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../tf';
import { readMnistRaw } from '../../../scripts/mnist-format.mjs';
import { decodeMnist, type MnistSet } from '../data/mnist';
import { registerWasmTrainingKernels } from '../wasmKernels';
import { createRng, shuffleInPlace } from '../rng';
import { CONVNETJS_MNIST, createConvNet, crop24, im2colSame } from './convnetjs';

let set: MnistSet;
beforeAll(async () => {
  set = decodeMnist(readMnistRaw());
  await tf.setBackend('cpu');
});

function batch(indices: number[], centre = true, seed = 1) {
  const images = new Float32Array(indices.length * 576);
  const labels = new Int32Array(indices.length);
  let s = seed;
  indices.forEach((idx, i) => {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    const dx = centre ? 2 : (s >>> 8) % 5;
    const dy = centre ? 2 : (s >>> 16) % 5;
    crop24(set.images, idx, dx, dy, images, i * 576);
    labels[i] = set.labels[idx];
  });
  return { images, labels };
}

describe('ConvNetJS MNIST net (tfjs)', () => {
  it('crop24 takes the 24×24 window at (dx, dy), scaled to 0–1', () => {
    const out = new Float32Array(576);
    crop24(set.images, 5, 3, 1, out, 0);
    for (const [r, c] of [[0, 0], [10, 7], [23, 23]]) expect(out[r * 24 + c]).toBeCloseTo(set.images[5 * 784 + (r + 1) * 28 + c + 3] / 255, 6);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
  });

  it('im2colSame · filter equals a 5×5 "same" conv2d (conv 1 as a matMul)', () => {
    tf.tidy(() => {
      const { images } = batch([7, 8, 9]);
      const f = tf.randomNormal([5, 5, 1, 8], 0, 1, 'float32', 3) as tf.Tensor4D;
      const want = tf.conv2d(tf.tensor4d(images, [3, 24, 24, 1]), f, 1, 'same');
      const cols = new Float32Array(3 * 576 * 25);
      im2colSame(images, 3, 24, 5, cols);
      const got = tf.reshape(tf.matMul(tf.tensor2d(cols, [3 * 576, 25]), tf.reshape(f, [25, 8])), [3, 24, 24, 8]);
      expect(tf.max(tf.abs(tf.sub(want, got))).dataSync()[0]).toBeLessThan(1e-5);
    });
  });

  it('one SGD step (lr 1, no momentum, no decay) moves the weights by −∇ of tf.losses.softmaxCrossEntropy through a plain tfjs ConvNetJS net', () => {
    const net = createConvNet(9, { optimizer: 'sgd', lr: 1, momentum: 0, l2Decay: 0 });
    const { images, labels } = batch([20, 21, 22, 23, 24], false, 3);
    const keys = ['conv1', 'conv1Bias', 'conv2', 'conv2Bias', 'fc', 'fcBias'] as const;
    const w0 = keys.map((k) => tf.clone(net.weights()[k]));
    const ref = tf.tidy(() => {
      const x = tf.tensor4d(images, [5, 24, 24, 1]);
      const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
      const f = (c1: tf.Tensor, b1: tf.Tensor, c2: tf.Tensor, b2: tf.Tensor, fc: tf.Tensor, bf: tf.Tensor) => {
        const a1 = tf.maxPool(tf.relu(tf.add(tf.conv2d(x, c1 as tf.Tensor4D, 1, 'same'), b1)) as tf.Tensor4D, 2, 2, 'valid');
        const a2 = tf.maxPool(tf.relu(tf.add(tf.conv2d(a1, c2 as tf.Tensor4D, 1, 'same'), b2)) as tf.Tensor4D, 3, 3, 'valid');
        return tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(tf.reshape(a2, [5, 256]), fc as tf.Tensor2D), bf));
      };
      return tf.grads(f)(w0);
    });
    net.trainBatch(images, labels);
    keys.forEach((k, i) => {
      const step = tf.tidy(() => tf.sub(w0[i], net.weights()[k]));
      const scale = Math.max(1e-3, tf.max(tf.abs(ref[i])).dataSync()[0]);
      expect(tf.tidy(() => tf.max(tf.abs(tf.sub(step, ref[i]))).dataSync()[0]) / scale, k).toBeLessThan(1e-4);
      step.dispose();
    });
    tf.dispose([...w0, ...ref]);
    net.dispose();
  });

  it('conv 1 as im2col matMul (custom gradient Pᵀ·dY) trains exactly like tf.conv2d', async () => {
    const a = createConvNet(4);
    const b = createConvNet(4, { conv1: 'conv' });
    const { images, labels } = batch([10, 11, 12, 13, 14, 15], false);
    for (let i = 0; i < 3; i++) {
      a.trainBatch(images, labels);
      b.trainBatch(images, labels);
    }
    for (const k of ['conv1', 'conv1Bias', 'conv2', 'fc'] as const) {
      const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a.weights()[k], b.weights()[k]))).dataSync()[0]);
      expect(d, k).toBeLessThan(1e-4);
    }
    expect((await a.evaluate(images, labels)).loss).toBeCloseTo((await b.evaluate(images, labels)).loss, 4);
    a.dispose();
    b.dispose();
  });

  it('has ConvNetJS’s shapes: 24×24×8 → 12×12×8 → 12×12×16 → 4×4×16 → 10', () => {
    const net = createConvNet(1);
    const w = net.weights();
    expect(w.conv1.shape).toEqual([5, 5, 1, 8]);
    expect(w.conv2.shape).toEqual([5, 5, 8, 16]);
    expect(w.fc.shape).toEqual([CONVNETJS_MNIST.features, 10]);
    const { images } = batch([0, 1, 2]);
    const a = net.activations(images, 3);
    expect([a.conv1.shape, a.pool1.shape, a.conv2.shape, a.pool2.shape, a.probs.shape]).toEqual([[3, 24, 24, 8], [3, 12, 12, 8], [3, 12, 12, 16], [3, 4, 4, 16], [3, 10]]);
    const p = Array.from(a.probs.dataSync());
    expect(p.slice(0, 10).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
    expect(Math.min(...a.conv1.dataSync())).toBeGreaterThanOrEqual(0); // after ReLU
    tf.dispose(Object.values(a));
    // The same seed gives the same weights.
    const again = createConvNet(1);
    expect(Array.from(again.weights().conv2.dataSync().slice(0, 5))).toEqual(Array.from(w.conv2.dataSync().slice(0, 5)));
    again.dispose();
    net.dispose();
  });

  it('keeps tf.memory().numTensors flat across 20 create/train/evaluate/predict/dispose cycles', async () => {
    const { images, labels } = batch([0, 1, 2, 3]);
    const cycle = async (opt: 'adadelta' | 'sgd') => {
      const net = createConvNet(2, { optimizer: opt });
      net.trainBatch(images, labels);
      await net.evaluate(images, labels);
      net.predict(images, 2).dispose();
      net.dispose();
    };
    await cycle('adadelta');
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await cycle(i % 2 ? 'sgd' : 'adadelta');
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('learns MNIST on the wasm backend: > 80 % held-out accuracy after 100 batches of 20 (Adadelta, random crops)', async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    registerWasmTrainingKernels('wasm');
    if (!(await tf.setBackend('wasm'))) return; // (the browser e2e covers wasm if node cannot load it)
    try {
      const net = createConvNet(5);
      // (the set is stored digit by digit: shuffle it)
      const order = shuffleInPlace(Array.from({ length: set.n }, (_, i) => i), createRng(11));
      const test = batch(order.slice(0, 200));
      const before = await net.evaluate(test.images, test.labels);
      for (let s = 0; s < 100; s++) {
        const b = batch(order.slice(200 + s * 20, 220 + s * 20), false, s + 1);
        net.trainBatch(b.images, b.labels);
      }
      const after = await net.evaluate(test.images, test.labels);
      expect(net.steps).toBe(100);
      expect(before.accuracy).toBeLessThan(0.3);
      expect(after.accuracy).toBeGreaterThan(0.8);
      expect(after.loss).toBeLessThan(before.loss - 1);
      net.dispose();
    } finally {
      await tf.setBackend('cpu');
    }
  }, 180_000);
});
