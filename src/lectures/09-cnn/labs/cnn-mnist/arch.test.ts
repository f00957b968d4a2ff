import { describe, expect, it } from 'vitest';
import { convParams, denseParams, flatFeatures, layerShapes, outSize, paramSummary, paramTable, weightSizes, DEFAULT_ARCH } from './arch';

describe('CNN shapes and parameter counts', () => {
  it('output sizes follow ⌊(N + 2P − F)/S⌋ + 1 (the notes’ examples and the network)', () => {
    expect(outSize(7, 3, 0, 1)).toBe(5);
    expect(outSize(7, 3, 0, 2)).toBe(3);
    expect(outSize(7, 3, 1, 1)).toBe(7); // same convolution, P = (F − 1)/2
    const s = layerShapes(DEFAULT_ARCH);
    expect(s.map((l) => [l.side, l.depth])).toEqual([[24, 1], [24, 8], [12, 8], [12, 16], [4, 16], [1, 10]]);
    expect(flatFeatures(DEFAULT_ARCH)).toBe(256);
  });

  it('counts F·F·D_in·K + K per conv layer and n_in·n_out + n_out per FC layer', () => {
    expect(convParams(5, 1, 8)).toBe(208);
    expect(convParams(5, 8, 16)).toBe(3216);
    expect(denseParams(256, 10)).toBe(2570);
    const rows = paramTable(DEFAULT_ARCH);
    expect(rows.map((r) => [r.key, r.output, r.params])).toEqual([
      ['conv1', '24×24×8', 208], ['pool1', '12×12×8', 0], ['conv2', '12×12×16', 3216], ['pool2', '4×4×16', 0], ['fc', '10', 2570],
    ]);
    // An FC layer from the same input to the same output: 576 → 4608 and 1152 → 2304 units.
    expect(rows[0].fcParams).toBe(576 * 4608 + 4608);
    expect(rows[2].fcParams).toBe(1152 * 2304 + 2304);
    const sum = paramSummary(DEFAULT_ARCH);
    expect(sum).toMatchObject({ conv: 3424, fc: 2570, total: 5994, allFc: 2_658_816 + 2_656_512 + 2570, mlp: 58_710 });
    expect(weightSizes(DEFAULT_ARCH).reduce((a, b) => a + b, 0)).toBe(5994);
  });

  it('follows the filter counts', () => {
    const sum = paramSummary({ f1: 4, f2: 6 });
    expect(sum.conv).toBe(25 * 4 + 4 + 25 * 4 * 6 + 6);
    expect(sum.fc).toBe(4 * 4 * 6 * 10 + 10);
  });
});
