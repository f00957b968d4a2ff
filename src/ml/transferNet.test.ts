import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { readMnistRaw } from '../../scripts/mnist-format.mjs';
import { decodeMnist, pixelsAsFloat, type MnistSet } from './data/mnist';
import * as tf from './tf';
import {
  clearSourceCache, layerRates, labelledSet, runSteps, sourceSteps, STRATEGIES, totalSteps, transferData, TransferExperiment,
  type TransferConfig,
} from './transferExperiment';
import { freshWeights, layerRange, PARAM_SIZES, TOTAL_PARAMS, TransferNet, withNewHead } from './transferNet';
import { registerWasmTrainingKernels } from './wasmKernels';

let set: MnistSet;
beforeAll(async () => {
  await tf.setBackend('cpu');
  set = decodeMnist(readMnistRaw());
});

async function weightsOf(net: TransferNet): Promise<Float32Array> {
  const t = net.packWeights();
  const v = (await t.data()) as Float32Array;
  t.dispose();
  return Float32Array.from(v);
}

const slice = (w: Float32Array, l: number) => w.subarray(...layerRange(l));
const sameBits = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('transfer network', () => {
  const rows = Array.from({ length: 10 }, (_, i) => i * 997);
  const images = () => pixelsAsFloat(set, rows);
  const labels = Int32Array.from(rows, (_, i) => i % 5);

  it('has 8·25+8 + 16·72+16 + 784·64+64 + 64·5+5 weights; a new head keeps the conv layers', () => {
    expect(TOTAL_PARAMS).toBe(208 + 1168 + 50_240 + 325);
    expect(PARAM_SIZES).toEqual([200, 8, 1152, 16, 50_176, 64, 320, 5]);
    const src = freshWeights(1);
    const w = withNewHead(src, 2);
    expect(sameBits(slice(w, 0), slice(src, 0))).toBe(true);
    expect(sameBits(slice(w, 1), slice(src, 1))).toBe(true);
    expect(sameBits(slice(w, 2), slice(src, 2))).toBe(false);
    expect(sameBits(slice(w, 3), slice(src, 3))).toBe(false);
  });

  it('frozen leaves the reused conv layers bitwise unchanged; fine-tuning changes only the last K; scratch changes all', async () => {
    const init = withNewHead(freshWeights(3), 4);
    const cfg = { lr: 0.01, fineK: 1, ratio: 0.1 };
    const run = async (rates: number[], cached: boolean) => {
      const net = new TransferNet(init, { layerLr: rates });
      if (cached) net.cacheInputs(images(), rows.length);
      for (let s = 0; s < 3; s++) {
        if (cached) net.trainCached(Int32Array.from(rows, (_, i) => i), labels);
        else net.trainBatch(images(), labels);
      }
      const w = await weightsOf(net);
      net.dispose();
      return w;
    };
    expect(layerRates('frozen', cfg)).toEqual([0, 0, 0.01, 0.01]);
    expect(layerRates('finetune', cfg)).toEqual([0, 0.001, 0.01, 0.01]);
    expect(layerRates('finetune', { ...cfg, fineK: 2 })).toEqual([0.001, 0.001, 0.01, 0.01]);
    expect(layerRates('scratch', cfg)).toEqual([0.01, 0.01, 0.01, 0.01]);
    for (const cached of [false, true]) {
      const frozen = await run(layerRates('frozen', cfg), cached);
      expect(sameBits(slice(frozen, 0), slice(init, 0))).toBe(true);
      expect(sameBits(slice(frozen, 1), slice(init, 1))).toBe(true);
      expect(sameBits(slice(frozen, 2), slice(init, 2))).toBe(false);
      const fine = await run(layerRates('finetune', cfg), cached);
      expect(sameBits(slice(fine, 0), slice(init, 0))).toBe(true);
      expect(sameBits(slice(fine, 1), slice(init, 1))).toBe(false);
    }
    const all = await run(layerRates('finetune', { ...cfg, fineK: 2 }), false);
    for (let l = 0; l < 4; l++) expect(sameBits(slice(all, l), slice(init, l))).toBe(false);
  });

  it('training on cached frozen-layer outputs gives the same weights as training on the digits', async () => {
    const init = withNewHead(freshWeights(5), 6);
    for (const rates of [[0, 0, 0.01, 0.01], [0, 0.001, 0.01, 0.01]]) {
      const a = new TransferNet(init, { layerLr: rates });
      const b = new TransferNet(init, { layerLr: rates });
      b.cacheInputs(images().subarray(0, 4 * 784), 4);
      b.cacheInputs(images().subarray(4 * 784), 6);
      for (let s = 0; s < 3; s++) {
        a.trainBatch(images(), labels);
        b.trainCached(Int32Array.from(rows, (_, i) => i), labels);
      }
      const [wa, wb] = [await weightsOf(a), await weightsOf(b)];
      let err = 0;
      for (let i = 0; i < wa.length; i++) err = Math.max(err, Math.abs(wa[i] - wb[i]));
      expect(err).toBeLessThan(1e-5);
      a.dispose();
      b.dispose();
    }
  });

  it('keeps the tensor count flat over 20 create/step/dispose cycles', () => {
    const init = freshWeights(7);
    const cycle = (i: number) => {
      const rates = [[0.01, 0.01, 0.01, 0.01], [0, 0, 0.01, 0.01], [0, 0.001, 0.01, 0.01]][i % 3];
      const net = new TransferNet(init, { layerLr: rates });
      if (rates[0] === 0) {
        net.cacheInputs(images(), rows.length);
        net.trainCached(Int32Array.from([0, 1, 2]), labels.subarray(0, 3));
      } else {
        net.trainBatch(images(), labels);
      }
      const x = tf.tensor4d(images(), [rows.length, 28, 28, 1]);
      const y = tf.tensor1d(labels, 'int32');
      tf.dispose([net.score(x, y), net.packWeights(), x, y]);
      net.dispose();
    };
    cycle(0);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) cycle(i);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});

describe('transfer experiment', () => {
  it('splits the data: source 0–4, target 5–9, nested labelled sets disjoint from validation', () => {
    const d = transferData(set, 1);
    expect(d.srcTrain).toHaveLength(4000);
    expect(d.srcVal).toHaveLength(500);
    expect(d.srcTrain.every((i) => set.labels[i] <= 4)).toBe(true);
    expect(d.target.val).toHaveLength(500);
    expect(d.target.val.every((i) => set.labels[i] >= 5)).toBe(true);
    const five = labelledSet(set, d.target, 5);
    const two = labelledSet(set, d.target, 2);
    expect(five.rows.slice(0, 10)).toEqual(two.rows);
    expect(Array.from(five.labels.slice(0, 5))).toEqual([0, 1, 2, 3, 4]);
    const val = new Set(d.target.val);
    expect(labelledSet(set, d.target, 100).rows.some((r) => val.has(r))).toBe(false);
    expect(sourceSteps(2)).toBe(320);
  });

  it('runs its plan step for step, reports finite accuracies, caches the source, and frees its tensors', async () => {
    clearSourceCache();
    // Tiny: no source epochs (an untrained source), 3 steps, n = 1 and 2.
    const c: TransferConfig = { srcEpochs: 0, steps: 3, lr: 0.003, fineK: 1, ratio: 0.1, ns: [1, 2], seed: 2 };
    const before = tf.memory().numTensors;
    const e = new TransferExperiment(set, c);
    let k = 0;
    while (!e.isDone && k < 1000) {
      e.step();
      k++;
      if (k % 7 === 0) await e.read();
      if (e.state().phase === 'done') await e.read();
    }
    const s = e.state();
    expect(k).toBe(totalSteps(c));
    expect(totalSteps(c)).toBe(5 + [1, 2].reduce((t, n) => t + STRATEGIES.reduce((u, st) => u + runSteps(st, n, c), 0), 0));
    expect(s.results.map((r) => `${r.n}${r.strategy}`)).toEqual(['1frozen', '1finetune', '1scratch', '2frozen', '2finetune', '2scratch']);
    for (const r of s.results) {
      expect(r.valAcc).toBeGreaterThanOrEqual(0);
      expect(r.valAcc).toBeLessThanOrEqual(1);
      expect(Number.isFinite(r.valLoss)).toBe(true);
    }
    expect(s.source?.weights).toHaveLength(TOTAL_PARAMS);
    e.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const again = new TransferExperiment(set, { ...c, steps: 4 });
    expect(again.sourceFromCache).toBe(true);
    expect(again.state().phase).toBe('target');
    again.dispose();
    const other = new TransferExperiment(set, { ...c, seed: 3 });
    expect(other.sourceFromCache).toBe(false);
    other.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);
});

describe('the source network learns digits 0–4 (wasm in node when it loads, else cpu)', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
  it('> 90 % on held-out 0–4 digits after one epoch (160 steps of 25)', async () => {
    try {
      await import('@tensorflow/tfjs-backend-wasm');
      registerWasmTrainingKernels('wasm');
      await tf.setBackend('wasm');
    } catch {
      await tf.setBackend('cpu');
    }
    clearSourceCache();
    const e = new TransferExperiment(set, { srcEpochs: 1, steps: 1, lr: 0.003, fineK: 1, ratio: 0.1, ns: [1], seed: 1 });
    while (e.state().phase === 'source' || e.state().phase === 'source-eval') e.step();
    const s = await e.read();
    expect(s.source!.trainedSteps).toBe(160);
    expect(s.source!.valAcc).toBeGreaterThan(0.9);
    e.dispose();
  }, 300_000);
});
