import { describe, expect, it } from 'vitest';
import { poolData } from './example';
import { computeMaps } from './maps';
import { DEFAULT_CELLS, MAX_SIDE, NOTES_EXAMPLE } from './params';

describe('pooling lab: the example', () => {
  it("the default cells hold the notes' 4×4 example and pool to the notes' numbers", () => {
    const d = poolData(DEFAULT_CELLS, MAX_SIDE, 4, 2, 2);
    expect(d.input).toEqual([...NOTES_EXAMPLE]);
    expect(d.max).toEqual({ out: [6, 9, 3, 4], size: 2 });
    expect(d.avg).toEqual({ out: [2.5, 6, 1.75, 3], size: 2 });
  });

  it('overlapping F = 3, S = 2 on 5×5 gives 2×2; a window larger than the input gives nothing', () => {
    const d = poolData(DEFAULT_CELLS, MAX_SIDE, 5, 3, 2);
    expect(d.max.size).toBe(2);
    // top-left window rows 1–3, columns 1–3 of the default grid: max 7; bottom-right rows 3–5, columns 3–5: max 7
    expect(d.max.out[0]).toBe(7);
    expect(poolData(DEFAULT_CELLS, MAX_SIDE, 3, 4, 1).max.size).toBe(0);
  });
});

describe('pooling lab: activation maps of a photo', () => {
  it('a vertical step edge lights up the vertical Sobel map; sizes follow the formulas; max ≥ average', () => {
    const w = 21;
    const h = 13;
    const data = new Float32Array(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let c = 0; c < 3; c++) data[3 * (y * w + x) + c] = x >= 10 ? 1 : 0;
    const panels = computeMaps({ width: w, height: h, data }, 'vertical');
    const byKey = Object.fromEntries(panels.map((p) => [p.key, p]));
    expect([byKey.act.width, byKey.act.height]).toEqual([19, 11]);
    expect([byKey.max2.width, byKey.max2.height]).toEqual([9, 5]);
    expect([byKey.max4.width, byKey.max4.height]).toEqual([4, 2]);
    // Sobel response at the edge: (1·1 + 2·1 + 1·1) = 4 on the columns whose window straddles x = 10.
    expect(Math.max(...byKey.act.data)).toBeCloseTo(4, 5);
    expect(byKey.act.data[0]).toBe(0);
    for (const f of [2, 4]) {
      const mx = byKey[`max${f}`].data;
      const av = byKey[`avg${f}`].data;
      for (let i = 0; i < mx.length; i++) expect(mx[i]).toBeGreaterThanOrEqual(av[i]);
    }
    // The horizontal Sobel sees nothing on a vertical edge.
    const hor = computeMaps({ width: w, height: h, data }, 'horizontal');
    expect(Math.max(...hor[1].data)).toBeCloseTo(0, 9);
  });
});
