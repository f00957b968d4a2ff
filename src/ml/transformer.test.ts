import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { positionalEncoding } from './positionalEncoding';
import { createRng } from './rng';
import { parseDigits, sampleSeqs, seqKeys, seqTarget } from './seqTasks';
import * as tf from './tf';
import {
  forwardPlain, initTransformer, paramCount, smoothedCrossEntropy, smoothedCrossEntropyTf, smoothedTargets, smoothingFloor,
  TransformerTrainer, transformerLogits, type TransformerSpec,
} from './transformer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SPEC: TransformerSpec = { vocab: 10, len: 5, dModel: 16, heads: 4, layers: 2, dff: 32 };

describe('toy sequence tasks', () => {
  it('targets, sampling without held-out sequences, and input parsing', () => {
    expect(seqTarget('reverse', [3, 1, 4, 1, 5])).toEqual([5, 1, 4, 1, 3]);
    expect(seqTarget('sort', [3, 1, 4, 1, 5])).toEqual([1, 1, 3, 4, 5]);
    expect(seqTarget('copy', [3, 1, 4])).toEqual([3, 1, 4]);
    const val = sampleSeqs('reverse', 200, 2, createRng(1));
    const keys = seqKeys(val);
    const train = sampleSeqs('reverse', 300, 2, createRng(2), keys);
    for (let s = 0; s < 300; s++) expect(keys.has(`${train.x[2 * s]}${train.x[2 * s + 1]}`)).toBe(false);
    expect(parseDigits('31 41,5', 5)).toEqual({ digits: [3, 1, 4, 1, 5] });
    expect(parseDigits('3141', 5)).toEqual({ error: 'Type exactly 5 digits (got 4).' });
    expect(parseDigits('31a41', 5)).toEqual({ error: 'Use the digits 0–9 only.' });
  });
});

describe('label-smoothed cross-entropy', () => {
  it('matches a hand computation', () => {
    // z = (0, ln 2, ln 3): softmax = (1, 2, 3)/6. y = 2, ε = 0.3, V = 3: q = (0.1, 0.1, 0.8).
    const z = [0, Math.log(2), Math.log(3)];
    const hand = -(0.1 * Math.log(1 / 6) + 0.1 * Math.log(2 / 6) + 0.8 * Math.log(3 / 6));
    expect(smoothedCrossEntropy(z, 2, 0.3)).toBeCloseTo(hand, 12);
    expect(smoothedCrossEntropy(z, 2, 0)).toBeCloseTo(Math.log(2), 12);
    const tfLoss = tf.tidy(() => smoothedCrossEntropyTf(tf.tensor2d([z, [1, 0, 0]]), smoothedTargets(tf.tensor1d([2, 0], 'int32'), 3, 0.3)).dataSync()[0]);
    expect(tfLoss).toBeCloseTo((hand + smoothedCrossEntropy([1, 0, 0], 0, 0.3)) / 2, 6);
  });

  it('its floor is the entropy of the smoothed target, reached when softmax = q', () => {
    const eps = 0.1;
    const q = [1 - eps + eps / 10, ...Array(9).fill(eps / 10)];
    expect(smoothedCrossEntropy(q.map(Math.log), 0, eps)).toBeCloseTo(smoothingFloor(eps, 10), 12);
    expect(smoothingFloor(0, 10)).toBe(0);
    expect(smoothedCrossEntropy(q.map((v) => Math.log(v) + 0.3 * (v > 0.5 ? 1 : 0)), 0, eps)).toBeGreaterThan(smoothingFloor(eps, 10));
  });
});

describe('tiny transformer', () => {
  it('the plain-TS forward pass matches tfjs; attention rows sum to 1', () => {
    const theta = initTransformer(SPEC, createRng(3));
    expect(theta.length).toBe(paramCount(SPEC));
    const seqs = [[3, 1, 4, 1, 5], [9, 2, 6, 5, 3]];
    const atts: tf.Tensor3D[] = [];
    const logits = tf.tidy(() => {
      const out = transformerLogits(tf.tensor1d(theta), SPEC, tf.tensor2d(seqs, [2, 5], 'int32'), tf.tensor2d(positionalEncoding(5, 16), [5, 16]), atts);
      atts.forEach((a) => tf.keep(a));
      return out;
    });
    const lg = logits.dataSync();
    for (let s = 0; s < 2; s++) {
      const f = forwardPlain(theta, SPEC, seqs[s]);
      for (let i = 0; i < f.logits.length; i++) expect(f.logits[i]).toBeCloseTo(lg[s * 50 + i], 4);
      expect(f.attention.length).toBe(2);
      for (let l = 0; l < 2; l++) {
        const A = atts[l].dataSync(); // [B·H, L, L]
        expect(f.attention[l].length).toBe(4);
        for (let h = 0; h < 4; h++) {
          const map = f.attention[l][h];
          for (let i = 0; i < 5; i++) {
            let row = 0;
            for (let j = 0; j < 5; j++) {
              row += map[i * 5 + j];
              expect(map[i * 5 + j]).toBeCloseTo(A[(s * 4 + h) * 25 + i * 5 + j], 5);
            }
            expect(row).toBeCloseTo(1, 6);
          }
        }
      }
    }
    logits.dispose();
    atts.forEach((a) => a.dispose());
  });

  it('rejects d_model not divisible by the heads', () => {
    expect(() => paramCount({ ...SPEC, heads: 3 })).toThrow(/divisible/);
  });

  it('a short training run lowers the held-out loss (cpu backend)', () => {
    const spec: TransformerSpec = { vocab: 10, len: 4, dModel: 16, heads: 2, layers: 1, dff: 64 };
    const tr = new TransformerTrainer(spec, initTransformer(spec, createRng(1)));
    const val = sampleSeqs('reverse', 64, 4, createRng(5));
    const rng = createRng(6);
    const score = () => {
      const e = tr.evaluate(val.x, val.y, 64, 0);
      const r = Array.from(e.dataSync());
      e.dispose();
      return r;
    };
    const [loss0] = score();
    for (let s = 1; s <= 60; s++) {
      const b = sampleSeqs('reverse', 32, 4, rng, seqKeys(val));
      tr.step(b.x, b.y, 32, 0.01, 0.1).dispose();
    }
    const [loss1, tok1] = score();
    tr.dispose();
    expect(loss0).toBeGreaterThan(2);
    expect(loss1).toBeLessThan(0.7 * loss0);
    expect(tok1).toBeGreaterThan(0.3);
  });
});
