import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../../ml/tf';
import { defaults } from '../../../../params/schema';
import { createInitEngine, type InitView } from './engine';
import { initLab } from './InitLab';
import { INIT_PARAMS } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small = { ...defaults(INIT_PARAMS), layers: 4, width: 60, samples: 100 };

describe('init lab engine', () => {
  it('runs the experiment and the symmetry nets to the end within maxSteps', async () => {
    const p = { ...small, init: 'xavier' as const };
    const e = createInitEngine(p);
    const steps = initLab.maxSteps(p);
    for (let i = 0; i < steps; i++) e.step();
    expect(e.isDone?.()).toBe(true);
    const r = (await e.read(true)) as { metrics: Record<string, number>; view: InitView };
    expect(r.metrics.progress).toBe(1);
    expect(r.metrics.layers_bwd).toBe(4);
    expect(r.metrics.std_last).toBeGreaterThan(0.2);
    for (let l = 1; l <= 4; l++) expect(Number.isFinite(r.metrics[`grad_l${l}`])).toBe(true);
    expect(r.metrics.sym_spread_zero).toBe(0);
    expect(r.metrics.sym_spread_random).toBeGreaterThan(0.5);
    expect(r.view.layers[0].sample?.length).toBeGreaterThan(0);
    e.dispose();
  });

  it('defaults follow the notes: 10 layers of 500 neurons, tanh, N(0, 0.01²)', () => {
    const d = defaults(INIT_PARAMS);
    expect([d.layers, d.width, d.act, d.init]).toEqual([10, 500, 'tanh', 'small']);
  });

  it('numTensors stays flat across 20 create/step/dispose cycles', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const e = createInitEngine({ ...small, seed: i + 1, act: i % 2 ? 'relu' : 'tanh' });
      for (let k = 0; k <= i % 9; k++) e.step();
      await e.read(i % 2 === 0);
      e.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
