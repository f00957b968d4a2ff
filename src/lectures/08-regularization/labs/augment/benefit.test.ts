/**
 * Does augmentation help on the real digits? Runs the lab's experiment on MNIST (the same asset the
 * app ships, built in memory) for several seeds on the wasm backend and prints the validation
 * accuracies. Slow (minutes), so it only runs on request:
 *   AUGMENT_BENCH=1 npx vitest run src/lectures/08-regularization/labs/augment/benefit.test.ts
 * Optional AUGMENT_SEEDS=5 and AUGMENT_CASES=defaults,flip,… pick what to run.
 */
import { describe, expect, it } from 'vitest';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '../../../../ml/tf';
import { decodeMnist } from '../../../../ml/data/mnist';
import { defaults } from '../../../../params/schema';
import { buildMnistAsset } from '../../../../../scripts/mnist-format.mjs';
import { createAugmentEngineFrom, type AugmentParams, type AugmentView } from './engine';
import { AUGMENT_PARAMS } from './params';

const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const base = defaults(AUGMENT_PARAMS);
const off = { bright: false, contrast: false, flip: false, crop: false, rotate: false };
const CASES: Record<string, Partial<AugmentParams>> = {
  defaults: {},
  crop: { ...off, crop: true },
  rotate: { ...off, rotate: true },
  brightContrast: { ...off, bright: true, contrast: true },
  flip: { ...off, flip: true },
  defaultsNoTta: { tta: false },
  n1000: { nTrain: 1000 },
  n100: { nTrain: 100 },
};

async function run(p: AugmentParams, set: ReturnType<typeof decodeMnist>) {
  const e = createAugmentEngineFrom(set, p);
  let last = await e.read(true);
  while (!e.isDone!()) {
    for (let i = 0; i < 20 && !e.isDone!(); i++) e.step();
    last = await e.read(true);
  }
  e.dispose();
  return last as { metrics: Record<string, number>; view: AugmentView };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / Math.max(1, xs.length - 1));

describe.skipIf(!env.AUGMENT_BENCH)('augmentation on real MNIST (bench)', () => {
  it('prints final validation accuracy with and without augmentation, averaged over seeds', async () => {
    setWasmPaths(new URL('../../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname);
    expect(await tf.setBackend('wasm')).toBe(true);
    const set = decodeMnist(buildMnistAsset().raw);
    const seeds = Number(env.AUGMENT_SEEDS ?? 5);
    const names = (env.AUGMENT_CASES ?? 'defaults,flip').split(',');
    for (const name of names) {
      const gains: number[] = [];
      const lines: string[] = [];
      for (let s = 1; s <= seeds; s++) {
        const t0 = performance.now();
        const r = await run({ ...base, ...CASES[name], seed: s }, set);
        const m = r.metrics;
        gains.push(m.acc_aug - m.acc_plain);
        lines.push(`  seed ${s}: plain ${(100 * m.acc_plain).toFixed(1)}% (best ${(100 * m.best_plain).toFixed(1)}), aug ${(100 * m.acc_aug).toFixed(1)}% (best ${(100 * m.best_aug).toFixed(1)}), train plain ${(100 * m.train_plain).toFixed(0)}% aug ${(100 * m.train_aug).toFixed(0)}%, ${m.ms_per_batch.toFixed(1)} ms/batch, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      console.log(`${name}: final gain ${(100 * mean(gains)).toFixed(2)} ± ${(100 * sd(gains) / Math.sqrt(gains.length)).toFixed(2)} points (mean ± s.e., ${seeds} seeds)\n${lines.join('\n')}`);
    }
  }, 3_600_000);
});
