import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../../ml/tf';
import { syntheticMnist } from '../../../../ml/data/mnistSubset';
import { defaults } from '../../../../params/schema';
import { adamL2Step, adamState, adamWStep, ADAM_DEFAULTS, decayToL2, sgdDecayStep, sgdL2Step } from '../../../../ml/weightDecay';
import { createRng } from '../../../../ml/rng';
import { createWeightDecayEngineFrom, updateRun, type WeightDecayView } from './engine';
import { RUN_KEYS, WEIGHT_DECAY_PARAMS, type RunKey } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const set = syntheticMnist(8, 3);
const base = defaults(WEIGHT_DECAY_PARAMS);

describe('weight-decay engine', () => {
  it('the tfjs updates follow the float64 reference rules for five steps', () => {
    const n = 12;
    const rng = createRng(9);
    const maskArr = Float64Array.from({ length: n }, (_, i) => (i < 9 ? 1 : 0));
    const decay = 2e-3;
    const lrSgd = 0.1;
    const lrAdam = 1e-2;
    const l2Sgd = decayToL2(decay, lrSgd);
    const l2Adam = decayToL2(decay, lrAdam);
    const theta0 = Array.from({ length: n }, () => rng.normal());
    const grads = Array.from({ length: 5 }, () => Array.from({ length: n }, () => rng.normal()));
    const mask = tf.tensor1d(Float32Array.from(maskArr));
    const keep = tf.tensor1d(Float32Array.from(maskArr, (m) => 1 - decay * m));
    const h = { lr: lrAdam, ...ADAM_DEFAULTS };
    for (const k of RUN_KEYS as RunKey[]) {
      let ref: Float64Array = Float64Array.from(theta0);
      const st = adamState(n);
      let th = tf.tensor1d(theta0);
      let m: tf.Tensor1D | null = k.startsWith('adam') ? tf.zeros([n]) : null;
      let v: tf.Tensor1D | null = k.startsWith('adam') ? tf.zeros([n]) : null;
      grads.forEach((g, i) => {
        ref = k === 'sgdL2' ? sgdL2Step(ref, g, lrSgd, l2Sgd, maskArr)
          : k === 'sgdWd' ? sgdDecayStep(ref, g, lrSgd, decay, maskArr)
            : k === 'adamL2' ? adamL2Step(ref, g, st, h, l2Adam, maskArr) : adamWStep(ref, g, st, h, decay, maskArr);
        const next = tf.tidy(() => {
          const r = updateRun(k, th, tf.tensor1d(g), m, v, { lrSgd, lrAdam, l2Sgd, l2Adam, decay, mask, keep, t: i + 1 });
          return r.m ? [r.theta, r.m, r.v!] : [r.theta];
        });
        tf.dispose([th, ...(m ? [m, v!] : [])]);
        [th, m = null, v = null] = next as tf.Tensor1D[];
      });
      const got = th.dataSync();
      ref.forEach((x, i) => expect(got[i], `${k}[${i}]`).toBeCloseTo(x, 5));
      tf.dispose([th, ...(m ? [m, v!] : [])]);
    }
    tf.dispose([mask, keep]);
  });

  it('trains the four runs: the SGD pair stays together, the Adam pair drifts apart', async () => {
    const e = createWeightDecayEngineFrom({ ...base, decay: 2e-3 }, set, 5, 3);
    // 5 digits per class = one minibatch per epoch = 4 update steps + 4 scoring steps.
    for (let i = 0; i < 8 * 8; i++) e.step();
    const r = (await e.read(true)) as { metrics: Record<string, number>; view: WeightDecayView };
    e.dispose();
    const m = r.metrics;
    expect(r.view.steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.view.epochs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(m.max_diff_sgd).toBeLessThan(1e-5);
    expect(m.diff_adam).toBeGreaterThan(1e-2);
    for (const k of RUN_KEYS) {
      expect(Number.isFinite(m[`val_loss_${k}`]), k).toBe(true);
      expect(m[`train_loss_${k}`], k).toBeLessThan(r.view.runs[k].trainLoss[0]);
    }
    expect(m.norm_sgdL2).toBeCloseTo(m.norm_sgdWd, 4);
    expect(m.shrink_small).toBeGreaterThan(m.shrink_large);
  });

  it('rejects a bad λ', () => {
    expect(() => createWeightDecayEngineFrom({ ...base, decay: 0 }, set, 5, 3)).toThrow(/λ/);
  });

  it('keeps tf.memory().numTensors flat across 20 create/step/read/dispose cycles', async () => {
    const cycle = async () => {
      const e = createWeightDecayEngineFrom(base, set, 5, 3);
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
