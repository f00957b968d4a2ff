/**
 * A small stratified train / validation subset of MNIST as flat float arrays (pixels 0–1), for labs
 * that overfit on purpose; plus a synthetic stand-in set with the same shape for node tests.
 */
import { createRng } from '../rng';
import { labelsOf, MNIST_PIXELS, pixelsAsFloat, stratifiedSplit, type MnistSet } from './mnist';

export interface MnistSubset {
  xTrain: Float32Array;
  yTrain: Int32Array;
  xVal: Float32Array;
  yVal: Int32Array;
}

export function mnistSubset(set: MnistSet, perClassTrain: number, perClassVal: number, seed: number): MnistSubset {
  const { train, val } = stratifiedSplit(set, perClassTrain, perClassVal, seed);
  return { xTrain: pixelsAsFloat(set, train), yTrain: labelsOf(set, train), xVal: pixelsAsFloat(set, val), yVal: labelsOf(set, val) };
}

/**
 * Fake "digits" for tests: each class is a fixed random blob of pixels plus heavy per-image noise,
 * so a small MLP learns it and, with few samples, overfits. Not MNIST; same format.
 */
export function syntheticMnist(perClass: number, seed: number): MnistSet {
  const rng = createRng(seed);
  const n = perClass * 10;
  const protos = Array.from({ length: 10 }, () => Float32Array.from({ length: MNIST_PIXELS }, () => (rng.next() < 0.2 ? 1 : 0)));
  const images = new Uint8Array(n * MNIST_PIXELS);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 10;
    labels[i] = c;
    for (let p = 0; p < MNIST_PIXELS; p++) {
      const v = protos[c][p] * 0.6 + rng.next() * 0.7;
      images[i * MNIST_PIXELS + p] = Math.min(255, Math.round(255 * v));
    }
  }
  return { n, images, labels };
}
