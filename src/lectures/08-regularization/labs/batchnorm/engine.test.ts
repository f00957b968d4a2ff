import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { readMnistRaw } from '../../../../../scripts/mnist-format.mjs';
import { decodeMnist, type MnistSet } from '../../../../ml/data/mnist';
import * as tf from '../../../../ml/tf';
import { defaults } from '../../../../params/schema';
import { createBatchnormEngineFrom, sweepRuns, totalSteps, type BatchnormView } from './engine';
import { BATCHNORM_PARAMS, SWEEP_ITERS, SWEEP_LRS, SWEEP_SEEDS } from './params';

let set: MnistSet;
beforeAll(async () => {
  await tf.setBackend('cpu');
  // The real digits: the generated asset if it is there, else built in memory from the mnist package
  // (a clean clone runs the unit tests before any build).
  set = decodeMnist(readMnistRaw());
});

const base = defaults(BATCHNORM_PARAMS);
type Read = { metrics: Record<string, number>; view: BatchnormView };

describe('batchnorm lab engine', () => {
  it('plans the sweep: every rate, with and without BN, a few seeds', () => {
    expect(sweepRuns()).toHaveLength(SWEEP_LRS.length * SWEEP_SEEDS * 2);
    expect(totalSteps({ iters: 300 })).toBe(300 + SWEEP_LRS.length * SWEEP_SEEDS * 2 * SWEEP_ITERS);
  });

  it('at the default high learning rate the BN network trains and the plain one does not; BN numbers check out', async () => {
    const p = { ...base, depth: 5, iters: 80, batch: 32 };
    const e = createBatchnormEngineFrom(set, p);
    const first = (await e.read(true)) as Read;
    expect(first.view.acts?.bn).toHaveLength(5);
    for (let i = 0; i < p.iters; i++) {
      e.step();
      if (i % 20 === 19 && i < p.iters - 1) await e.read(true);
    }
    const r = (await e.read(true)) as Read;
    const m = r.metrics;
    expect(r.view.phase).toBe('sweep');
    expect(m.final_loss_bn).toBeLessThan(1);
    const plainFailed = m.plain_diverged_at > 0 || !(m.final_loss_plain < m.final_loss_bn);
    expect(plainFailed).toBe(true);
    // BN layers: unit variance before γ (σ ≈ |γ|-ish), the formula checks, the degenerate single sample
    expect(m.eval_check_err).toBeLessThan(1e-4);
    expect(m.batch_check_err).toBeLessThan(1e-4);
    expect(m.alone_minus_beta).toBeLessThan(1e-5);
    expect(m.alone_var).toBe(0);
    expect(m.alone_same).toBeLessThan(1e-6);
    expect(m.single_alone_y).toBeCloseTo(m.single_beta, 5);
    expect(m.running_err).toBeLessThan(1e-4);
    expect(r.view.traces.snapIters).toEqual([0, 20, 40, 60, 80]);
    expect(r.view.traces.batchMean[0]).toHaveLength(p.iters);
    e.dispose();
  }, 180_000);

  it('numTensors stays flat across 20 create/step/read/dispose cycles (sweep included)', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const e = createBatchnormEngineFrom(set, { ...base, depth: 2, iters: 4, batch: 8, seed: i + 1 });
      // past the main run into the sweep (one finished sweep run, one half-way) on every fifth cycle
      const steps = i % 5 === 1 ? 4 + SWEEP_ITERS + 3 : 2 + (i % 4);
      for (let k = 0; k < steps; k++) {
        e.step();
        if (k % 20 === 1) await e.read(k % 40 === 1);
      }
      if (i % 3 === 0) await e.read(true);
      e.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  }, 180_000);
});
