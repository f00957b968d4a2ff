import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../tf';
import { generateShapes } from '../data/shapes';
import { confusionFromMaps } from '../segMetrics';
import { confusionMatrix, MiniUNet, unetParamCount, unetShapes, type UNetConfig } from './unet';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base: UNetConfig = { inChannels: 3, width: 4, classes: 4, skips: true, bn: true, seed: 3 };

function batch(n: number, side: number, seed: number) {
  const set = generateShapes(n, seed, { side });
  return {
    x: tf.tensor4d(set.images, [n, side, side, 3]),
    y: tf.tensor3d(Int32Array.from(set.labels), [n, side, side], 'int32'),
    labels: set.labels,
  };
}

describe('mini U-Net', () => {
  it('maps [B, H, W, 3] to class scores [B, H, W, K], with and without skips, with and without BN', () => {
    const { x, y } = batch(2, 32, 1);
    for (const skips of [true, false]) {
      for (const bn of [true, false]) {
        const m = new MiniUNet({ ...base, skips, bn }, 1e-3);
        const z = m.logits(x);
        expect(z.shape).toEqual([2, 32, 32, 4]);
        const p = m.predict(x);
        expect(p.shape).toEqual([2, 32, 32]);
        expect(p.dtype).toBe('int32');
        expect(m.parameterCount).toBe(unetParamCount({ ...base, skips, bn }));
        tf.dispose([z, p]);
        m.dispose();
      }
    }
    tf.dispose([x, y]);
  });

  it('lists the shapes of the U: 32 → 16 → 8 → 16 → 32, channels c, 2c, 4c, concatenations only with skips', () => {
    const rows = unetShapes({ inChannels: 3, width: 8, classes: 4, skips: true }, 32);
    expect(rows.map((r) => `${r.h}x${r.c}`)).toEqual(['32x3', '32x8', '16x8', '16x16', '8x16', '8x32', '16x16', '16x32', '16x16', '32x8', '32x16', '32x8', '32x4']);
    expect(unetShapes({ inChannels: 3, width: 8, classes: 4, skips: false }, 32).some((r) => r.name.startsWith('concat'))).toBe(false);
    // Skips add the concatenated channels to the first conv of each decoder level: 3·3·(2c·2c + c·c)… weights.
    expect(unetParamCount({ inChannels: 3, width: 8, classes: 4, skips: true }) - unetParamCount({ inChannels: 3, width: 8, classes: 4, skips: false }))
      .toBe(9 * 16 * 16 + 9 * 8 * 8);
  });

  it('a conv over a concatenation equals the sum of convs over its parts (how the skips are computed)', async () => {
    const x = tf.randomNormal([2, 8, 8, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
    const e = tf.randomNormal([2, 8, 8, 2], 0, 1, 'float32', 2) as tf.Tensor4D;
    const wx = tf.randomNormal([3, 3, 3, 4], 0, 1, 'float32', 3) as tf.Tensor4D;
    const we = tf.randomNormal([3, 3, 2, 4], 0, 1, 'float32', 4) as tf.Tensor4D;
    const joint = tf.conv2d(tf.concat([x, e], 3), tf.concat([wx, we], 2), 1, 'same');
    const split = tf.add(tf.conv2d(x, wx, 1, 'same'), tf.conv2d(e, we, 1, 'same'));
    const d = await tf.max(tf.abs(tf.sub(joint, split))).data();
    expect(d[0]).toBeLessThan(1e-4);
    tf.dispose([x, e, wx, we, joint, split]);
  });

  it('the confusion tensor matches the plain count', async () => {
    const t = [0, 1, 2, 3, 3, 1, 0, 0];
    const p = [0, 1, 1, 3, 0, 1, 2, 0];
    const c = confusionMatrix(tf.tensor1d(t, 'int32'), tf.tensor1d(p, 'int32'), 4);
    expect(Array.from(await c.data())).toEqual(Array.from(confusionFromMaps(t, p, 4)));
    c.dispose();
  });

  it('training lowers the loss on a tiny batch (cpu)', async () => {
    const { x, y } = batch(2, 16, 5);
    for (const skips of [true, false]) {
      const m = new MiniUNet({ ...base, skips }, 1e-2);
      const losses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const l = m.trainStep(x, y);
        losses.push((await l.data())[0]);
        l.dispose();
      }
      expect(losses.every(Number.isFinite)).toBe(true);
      const head = (losses[0] + losses[1]) / 2;
      const tail = (losses[38] + losses[39]) / 2;
      expect(tail).toBeLessThan(0.5 * head);
      m.dispose();
    }
    tf.dispose([x, y]);
  }, 120_000);

  it('numTensors stays flat across 20 create/step/evaluate/dispose cycles', async () => {
    const { x, y } = batch(2, 16, 9);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const m = new MiniUNet({ ...base, skips: i % 2 === 0, bn: i % 3 !== 0, seed: i }, 1e-3);
      const l = m.trainStep(x, y);
      const e = m.evaluate(x, y);
      await e.confusion.data();
      tf.dispose([l, e.confusion, e.pred]);
      m.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  }, 120_000);

  it('rejects a bad learning rate or width', () => {
    expect(() => new MiniUNet(base, 0)).toThrow(/learning rate/);
    expect(() => new MiniUNet({ ...base, width: 0 }, 1e-3)).toThrow(/width/);
  });
});
