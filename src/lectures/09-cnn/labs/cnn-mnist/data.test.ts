import { describe, expect, it } from 'vitest';
import { readMnistRaw } from '../../../../../scripts/mnist-format.mjs';
import { classCounts, decodeMnist } from '../../../../ml/data/mnist';
import { createRng } from '../../../../ml/rng';
import { N_VAL } from './plan';
import { centreCrops, confusionAccuracy, confusionMatrix, maxTrain, proportionalSplit, randomCrops } from './data';

describe('confusion matrix', () => {
  it('counts true × predicted pairs', () => {
    const truth = [0, 0, 1, 1, 1, 2, 2, 2, 2];
    const pred = [0, 1, 1, 1, 2, 2, 2, 0, 2];
    const m = confusionMatrix(truth, pred, 3);
    expect(m).toEqual([
      [1, 1, 0],
      [0, 2, 1],
      [1, 0, 3],
    ]);
    expect(confusionAccuracy(m)).toBeCloseTo(6 / 9, 12);
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(truth.length);
    expect(() => confusionMatrix([1, 2], [1])).toThrow(/2 labels but 1 predictions/);
  });
});

describe('stratified split and crops on the real digits', () => {
  const set = decodeMnist(readMnistRaw());

  it('holds out 20 % of each class and keeps the class shares in training', () => {
    const counts = classCounts(set);
    const { train, val } = proportionalSplit(set, 8000, 1);
    expect(val).toHaveLength(N_VAL);
    expect(train).toHaveLength(8000);
    expect(maxTrain(set)).toBe(8000);
    expect(new Set([...train, ...val]).size).toBe(10000);
    const valPer = new Array(10).fill(0);
    for (const i of val) valPer[set.labels[i]]++;
    counts.forEach((n, c) => expect(valPer[c]).toBe(Math.round(0.2 * n)));
    const small = proportionalSplit(set, 1000, 2);
    expect(small.train).toHaveLength(1000);
    const per = new Array(10).fill(0);
    for (const i of small.train) per[set.labels[i]]++;
    counts.forEach((n, c) => expect(Math.abs(per[c] - n / 10)).toBeLessThanOrEqual(1));
    // Same seed, same split.
    expect(proportionalSplit(set, 1000, 2)).toEqual(small);
  });

  it('random crops lie inside the digit, the centre crop is rows/columns 2…25', () => {
    const c = centreCrops(set, [0]);
    expect(c[0]).toBe(set.images[2 * 28 + 2] / 255);
    expect(c[23 * 24 + 23]).toBe(set.images[25 * 28 + 25] / 255);
    const r = randomCrops(set, [0, 1, 2], createRng(1));
    expect(r).toHaveLength(3 * 576);
    for (const v of r) expect(v >= 0 && v <= 1).toBe(true);
  });
});
