import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import {
  bruteConv, depthwiseSeparable, groupedConv, groupsProblem, inceptionNaive, inceptionReduced, pointwiseConv, standardConv, type ConvSizes,
} from './convCost';

function rand(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng.next() * 2 - 1);
}

describe('conv cost formulas against a brute-force convolution that counts', () => {
  const cases: [number, number, number, number, number, number][] = [
    // h, w, cin, cout, k, groups
    [5, 4, 3, 2, 3, 1], [6, 6, 4, 6, 3, 2], [4, 5, 4, 4, 3, 4], [5, 5, 6, 3, 1, 3], [7, 6, 2, 4, 5, 2], [3, 3, 1, 1, 1, 1],
  ];
  it.each(cases)('H=%i W=%i C_in=%i C_out=%i k=%i groups=%i', (h, w, cin, cout, k, g) => {
    const s: ConvSizes = { h, w, cin, cout, k, bias: true };
    const wt = rand(k * k * (cin / g) * cout, 2);
    const r = bruteConv(rand(h * w * cin, 1), h, w, cin, wt, cout, k, g, rand(cout, 3));
    const f = groupedConv(s, g);
    expect([r.outH, r.outW]).toEqual([h, w]); // same padding
    expect(r.mults).toBe(f.macs);
    expect(r.paramsUsed).toBe(f.params);
    expect(groupedConv({ ...s, bias: false }, g).params).toBe(f.params - cout);
  });
  it('depthwise + pointwise: the two brute-force convs cost what the formula says', () => {
    const s: ConvSizes = { h: 5, w: 6, cin: 4, cout: 7, k: 3, bias: true };
    const x = rand(5 * 6 * 4, 4);
    const dw = bruteConv(x, 5, 6, 4, rand(9 * 4, 5), 4, 3, 4, rand(4, 6));
    const pw = bruteConv(dw.out, 5, 6, 4, rand(4 * 7, 7), 7, 1, 1, rand(7, 8));
    const f = depthwiseSeparable(s);
    expect(dw.mults + pw.mults).toBe(f.macs);
    expect(dw.paramsUsed + pw.paramsUsed).toBe(f.params);
    expect(f.macs).toBe(5 * 6 * 4 * (9 + 7));
    expect(pw.outH * pw.outW * 7).toBe(5 * 6 * f.outC);
  });
  it('depthwise-separable / standard = 1/C_out + 1/k² (multiply-adds)', () => {
    const s: ConvSizes = { h: 28, w: 28, cin: 256, cout: 256, k: 3, bias: false };
    expect(depthwiseSeparable(s).macs / standardConv(s).macs).toBeCloseTo(1 / 256 + 1 / 9, 12);
    expect(groupedConv(s, 4).macs * 4).toBe(standardConv(s).macs);
    expect(pointwiseConv(s).macs).toBe(28 * 28 * 256 * 256);
  });
  it('groups must divide both channel counts', () => {
    expect(groupsProblem(256, 256, 4)).toBeNull();
    expect(groupsProblem(256, 100, 8)).toMatch(/C_out = 100/);
    expect(groupsProblem(6, 9, 4)).toMatch(/C_in = 6 or C_out = 9/);
  });
});

describe('Inception module (28×28×256 input; 1×1: 128, 3×3: 192, 5×5: 96; bottlenecks 64)', () => {
  const s = { h: 28, w: 28, cin: 256, n1: 128, n3: 192, n5: 96, r: 64, bias: false };
  it('naive: 854M multiply-adds, 28×28×672 output (the pool keeps all 256 channels)', () => {
    const n = inceptionNaive(s);
    expect(n.macs).toBe(28 * 28 * (128 * 256 + 192 * 9 * 256 + 96 * 25 * 256));
    expect(n.macs).toBe(854196224);
    expect(n.outC).toBe(672);
  });
  it('with 1×1 bottlenecks: 271M multiply-adds, 28×28×480 output', () => {
    const r = inceptionReduced(s);
    expect(r.macs).toBe(28 * 28 * (128 * 256 + 3 * 64 * 256 + 192 * 9 * 64 + 96 * 25 * 64));
    expect(r.macs).toBe(271351808);
    expect(r.outC).toBe(480);
    expect(r.params).toBe(128 * 256 + 3 * 64 * 256 + 192 * 9 * 64 + 96 * 25 * 64);
  });
});
