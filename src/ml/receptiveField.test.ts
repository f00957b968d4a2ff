import { describe, expect, it } from 'vitest';
import { bruteRegions, convWeights, LAYER_KINDS, LAYER_SPECS, outSize, regionsOf, rfTable, type LayerSpec } from './receptiveField';

const S = LAYER_SPECS;
const three = [S.conv3s1, S.conv3s1, S.conv3s1];
const cpcp = [S.conv3s1, S.pool2s2, S.conv3s1, S.pool2s2];

function side(set: Set<string>): { rows: number; cols: number; size: number } {
  const pts = [...set].map((k) => k.split(',').map(Number));
  const rows = new Set(pts.map((p) => p[0])).size;
  const cols = new Set(pts.map((p) => p[1])).size;
  return { rows, cols, size: set.size };
}

describe('receptive field recurrence', () => {
  it('output sizes follow ⌊(n − k)/s⌋ + 1 (the notes: 7, 3, s 1 → 5; s 2 → 3)', () => {
    expect(outSize(7, 3, 1)).toBe(5);
    expect(outSize(7, 3, 2)).toBe(3);
    expect(outSize(16, 2, 2)).toBe(8);
  });

  it('one 3×3 conv: 3×3 (the notes: 1 output pixel is connected to 9 input pixels); three: 7×7, like one 7×7 conv', () => {
    expect(rfTable([S.conv3s1], 8).rows[1].r).toBe(3);
    const { rows } = rfTable(three, 16);
    expect(rows.map((r) => r.r)).toEqual([1, 3, 5, 7]);
    expect(rows.map((r) => r.j)).toEqual([1, 1, 1, 1]);
    expect(rows.map((r) => r.n)).toEqual([16, 14, 12, 10]);
  });

  it('conv-pool-conv-pool: r = 1, 3, 4, 8, 10 with jumps 1, 1, 2, 2, 4', () => {
    const { rows, complete } = rfTable(cpcp, 16);
    expect(complete).toBe(true);
    expect(rows.map((r) => r.r)).toEqual([1, 3, 4, 8, 10]);
    expect(rows.map((r) => r.j)).toEqual([1, 1, 2, 2, 4]);
    expect(rows.map((r) => r.n)).toEqual([16, 14, 7, 5, 2]);
  });

  it('drops layers once the map is smaller than the window', () => {
    const { rows, complete } = rfTable([S.conv3s2, S.conv3s2, S.conv3s2, S.conv3s2], 8);
    expect(complete).toBe(false);
    expect(rows.map((r) => r.n)).toEqual([8, 3, 1]);
  });

  it('agrees with brute force (propagating one output pixel’s region) for every stack of up to 3 layers and every output pixel', () => {
    const stacks: LayerSpec[][] = [[]];
    for (let depth = 1; depth <= 3; depth++) {
      for (const prev of stacks.filter((s) => s.length === depth - 1)) for (const k of LAYER_KINDS) stacks.push([...prev, S[k]]);
    }
    stacks.push(cpcp);
    let checked = 0;
    for (const layers of stacks) {
      const n0 = 19;
      const { rows } = rfTable(layers, n0);
      const L = rows.length - 1;
      const nL = rows[L].n;
      for (let row = 0; row < nL; row += Math.max(1, nL - 1)) {
        for (let col = 0; col < nL; col++) {
          const brute = bruteRegions(layers, n0, L, row, col);
          const regs = regionsOf(layers, L, row, col);
          for (let l = 0; l <= L; l++) {
            const reg = regs[l];
            const want = side(brute[l]);
            // The region is a full rectangle, exactly the brute-force set.
            expect(want.size).toBe(want.rows * want.cols);
            expect(reg.r1 - reg.r0 + 1).toBe(want.rows);
            expect(reg.c1 - reg.c0 + 1).toBe(want.cols);
            expect(brute[l].has(`${reg.r0},${reg.c0}`) && brute[l].has(`${reg.r1},${reg.c1}`)).toBe(true);
            expect(reg.r1).toBeLessThan(rows[l].n);
          }
          // And the input region's side is the recurrence's r_L.
          expect(side(brute[0]).rows).toBe(rows[L].r);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('three 3×3 convs hold 27C² weights, one 7×7 conv 49C²', () => {
    const C = 64;
    expect(3 * convWeights(3, C)).toBe(27 * C * C);
    expect(convWeights(7, C)).toBe(49 * C * C);
    expect(3 * convWeights(3, C)).toBe(110_592);
  });
});
