import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../../ml/tf';
import { noamLr } from '../../../../ml/noamSchedule';
import { defaults } from '../../../../params/schema';
import { createTransformerEngine, type TransformerView } from './engine';
import { TRANSFORMER_PARAMS } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SMALL = { ...defaults(TRANSFORMER_PARAMS), len: 4, layers: 1, dModel: 16, heads: '2' as const, steps: 100 };

describe('transformer lab engine', () => {
  it('uses the schedule’s learning rate, reads finite curves, and stays finite', async () => {
    const e = createTransformerEngine({ ...SMALL, smoothing: 0.1 });
    for (let i = 0; i < 30; i++) e.step();
    const r = (await e.read(true)) as { metrics: Record<string, number>; view: TransformerView };
    expect(r.metrics.steps_done).toBe(30);
    expect(r.metrics.lr).toBeCloseTo(noamLr(30, 16, SMALL.warmup), 12);
    expect(r.view.train.length).toBe(3);
    expect(r.view.val.map((q) => q.x)).toEqual([0, 25]);
    expect(r.view.theta.length).toBeGreaterThan(1000);
    expect([...r.view.train, ...r.view.val].every((q) => Number.isFinite(q.loss) && q.tok >= 0 && q.tok <= 1)).toBe(true);
    expect(Number.isFinite(r.metrics.loss)).toBe(true);
    e.dispose();
  });

  it('tf.memory().numTensors is flat across 20 create/step/read/dispose cycles', async () => {
    const cycle = async () => {
      const e = createTransformerEngine(SMALL);
      e.step();
      e.step();
      await e.read(true);
      e.step();
      e.dispose();
    };
    await cycle();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await cycle();
    expect(tf.memory().numTensors).toBe(before);
  });
});
