import { describe, expect, it } from 'vitest';
import { readMnistRaw } from '../../../../../scripts/mnist-format.mjs';
import { decodeMnist } from '../../../../ml/data/mnist';
import { defaults } from '../../../../params/schema';
import { convTransposeOutSize } from '../../../../ml/upsampling';
import { createUpsamplingEngineFrom, digitImage, type UpsamplingView } from './engine';
import { effectiveOutPad, UPSAMPLING_PARAMS, type UpsamplingParams } from './params';

const set = decodeMnist(readMnistRaw());
const digit = digitImage(set, 3, 1);

function run(p: UpsamplingParams) {
  const e = createUpsamplingEngineFrom(digit, p);
  const first = e.read(true) as { metrics: Record<string, number>; view: UpsamplingView };
  while (!e.isDone!()) e.step();
  const last = e.read(true) as { metrics: Record<string, number>; view: UpsamplingView };
  e.dispose();
  return { first, last };
}

describe('upsampling lab engine', () => {
  it('at the defaults 14×14 goes back to 28×28 and the learned kernel’s loss falls towards the optimum', () => {
    const { first, last } = run(defaults(UPSAMPLING_PARAMS));
    expect(first.metrics.in_size).toBe(14);
    expect(first.metrics.out_size).toBe(28);
    expect(last.metrics.steps).toBe(300);
    expect(last.metrics.loss).toBeLessThan(0.5 * first.metrics.loss);
    expect(last.metrics.loss).toBeGreaterThanOrEqual(last.metrics.loss_opt - 1e-12);
    expect(last.view.learned!.length).toBe(16);
    expect(last.view.target).toBe(last.view.original);
  });

  it('other K, S, P: the size follows (n − 1)S − 2P + K + op and the target is resized to it', () => {
    const p = { ...defaults(UPSAMPLING_PARAMS), f: 3, K: 3, S: 3, P: 0, op: 2, iters: 50 };
    const { last } = run(p);
    expect(last.metrics.in_size).toBe(9);
    expect(last.metrics.out_size).toBe(convTransposeOutSize(9, 3, 3, 0, 2));
    expect(last.view.target!.width).toBe(last.metrics.out_size);
    expect(Number.isFinite(last.metrics.loss)).toBe(true);
  });

  it('output padding is kept below the stride; the smallest output the sliders reach (1×1) still works', () => {
    expect(effectiveOutPad({ op: 3, S: 2 })).toBe(1);
    expect(effectiveOutPad({ op: 3, S: 1 })).toBe(0);
    const { last } = run({ ...defaults(UPSAMPLING_PARAMS), f: 4, K: 1, S: 1, P: 3, op: 3, iters: 50 });
    expect(last.metrics.out_size).toBe(1); // (7 − 1)·1 − 2·3 + 1 + 0
    expect(last.metrics.out_pad).toBe(0);
    expect(Number.isFinite(last.metrics.loss)).toBe(true);
  });
});
