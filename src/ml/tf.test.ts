import { describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from './tf';

describe('tfjs-core piecewise import', () => {
  it('has gradients and chained ops registered', async () => {
    await tf.setBackend('cpu');
    const x = tf.scalar(3);
    const g = tf.grad((v: tf.Tensor) => v.square().mul(2))(x);
    expect((await g.data())[0]).toBeCloseTo(12);
    x.dispose();
    g.dispose();
  });
});
