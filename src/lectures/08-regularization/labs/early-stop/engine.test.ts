import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../../ml/tf';
import { syntheticMnist } from '../../../../ml/data/mnistSubset';
import { defaults } from '../../../../params/schema';
import { createRng } from '../../../../ml/rng';
import { createEarlyStopEngineFrom, type EarlyStopParams, type EarlyStopView } from './engine';
import { EARLY_STOP_PARAMS } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Synthetic digits with 40 % of the labels scrambled: memorising them makes the validation loss climb.
const set = syntheticMnist(20, 4);
{
  const rng = createRng(77);
  for (let i = 0; i < set.n; i++) if (rng.next() < 0.4) set.labels[i] = rng.int(10);
}
const base = defaults(EARLY_STOP_PARAMS);

/** 5 digits per class → 50 training digits = one minibatch per epoch. */
async function run(p: EarlyStopParams) {
  const e = createEarlyStopEngineFrom(p, set, 5, 5);
  let r = await e.read(true);
  for (let ep = 0; ep < p.epochs; ep++) {
    e.step(); // the epoch's one minibatch
    e.step(); // its scoring
    if (ep % 3 === 2 || ep === p.epochs - 1) r = await e.read(true);
  }
  const weights = await e.weights();
  e.dispose();
  return { ...(r as { metrics: Record<string, number>; view: EarlyStopView }), weights };
}

describe('early-stop engine', () => {
  it('an overfitting run stops `patience` epochs after its best epoch and restores exactly that epoch', async () => {
    const r = await run({ ...base, lr: 1e-2, epochs: 40, patience: 4 });
    const m = r.metrics;
    expect(m.stop_epoch, r.view.valLoss.map((v) => v.toFixed(3)).join(' ')).toBeGreaterThan(0);
    expect(m.best_epoch).toBeLessThan(m.stop_epoch);
    expect(m.stop_epoch - m.best_epoch).toBe(4);
    // the validation loss of the best epoch is the minimum up to the stop
    const upToStop = r.view.valLoss.slice(1, m.stop_epoch + 1);
    expect(m.best_val_loss).toBe(Math.min(...upToStop));
    // training went on after the stop (greyed out), to the last epoch
    expect(m.epoch).toBe(40);
    // the restored model scores exactly the best epoch's numbers, with exactly the snapshot's weights
    expect(m.restored_epoch).toBe(m.best_epoch);
    expect(m.restored_val_loss).toBe(m.best_val_loss);
    expect(m.restored_val_acc).toBe(m.best_val_acc);
    expect(r.weights.snapshot).not.toBeNull();
    expect(Array.from(r.weights.restored)).toEqual(Array.from(r.weights.snapshot!));
  });

  it('with a long patience the rule does not fire; the best weights are restored at the end', async () => {
    const r = await run({ ...base, lr: 1e-3, epochs: 20, patience: 50 });
    expect(r.metrics.stop_epoch).toBe(-1);
    expect(r.metrics.restored_epoch).toBe(r.metrics.best_epoch);
    expect(r.metrics.restored_val_loss).toBe(r.metrics.best_val_loss);
  });

  it('keeps tf.memory().numTensors flat across 20 create/step/read/dispose cycles', async () => {
    const cycle = async () => {
      const e = createEarlyStopEngineFrom({ ...base, lr: 1e-2, patience: 1 }, set, 5, 5);
      for (let i = 0; i < 8; i++) e.step();
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
