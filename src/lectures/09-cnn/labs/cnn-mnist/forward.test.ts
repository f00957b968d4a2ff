import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../../ml/tf';
import { createRng } from '../../../../ml/rng';
import { INPUT_SIDE } from './arch';
import { forwardOne, maxPool, softmax, unpackWeights } from './forward';
import { TfCnn } from './model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('plain-TypeScript forward pass', () => {
  it('max pooling picks the notes’ maxima', () => {
    // The notes' 4×4 example, one channel: max pool 2 → [[6, 9], [3, 4]].
    const x = Float32Array.from([3, 1, 3, 5, 6, 0, 7, 9, 3, 2, 1, 4, 0, 2, 4, 3]);
    expect(Array.from(maxPool(x, 4, 1, 2).out)).toEqual([6, 9, 3, 4]);
    const p = softmax([1, 2, 3]);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 6);
  });

  it('matches the tfjs model on the same weights (logits within 1e-4)', async () => {
    const arch = { f1: 3, f2: 5 };
    const model = new TfCnn(arch, 0.01, 7);
    const rng = createRng(3);
    const B = 4;
    const x = Float32Array.from({ length: B * INPUT_SIDE * INPUT_SIDE }, () => (rng.next() < 0.3 ? rng.next() : 0));
    // A few steps so the biases are not zero.
    for (let i = 0; i < 3; i++) model.trainBatch(x, Int32Array.from([1, 2, 3, 4]));
    const packed = model.packWeights();
    const wts = unpackWeights(arch, await packed.data());
    packed.dispose();
    const xt = tf.tensor4d(x, [B, INPUT_SIDE, INPUT_SIDE, 1]);
    const z = model.logits(xt);
    const want = await z.data();
    tf.dispose([xt, z]);
    for (let b = 0; b < B; b++) {
      const a = forwardOne(arch, wts, x.subarray(b * 576, (b + 1) * 576));
      for (let c = 0; c < 10; c++) expect(Math.abs(a.logits[c] - want[b * 10 + c])).toBeLessThan(1e-4);
      expect(a.conv1).toHaveLength(24 * 24 * 3);
      expect(a.pool2).toHaveLength(4 * 4 * 5);
    }
    model.dispose();
  });
});
