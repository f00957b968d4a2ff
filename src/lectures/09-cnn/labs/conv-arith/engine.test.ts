import { describe, expect, it } from 'vitest';
import { computeConvArith, createConvArithEngine } from './engine';

const base = { n: 7, f: 3, s: 1, p: 0, seed: 1 };

describe('conv-arith engine', () => {
  it("reproduces the notes' output sizes and flags the illegal stride", async () => {
    const cases: [Partial<typeof base>, number, number][] = [[{}, 5, 1], [{ s: 2 }, 3, 1], [{ s: 3 }, 2, 0], [{ p: 1 }, 7, 1]];
    for (const [patch, out, legal] of cases) {
      const e = createConvArithEngine({ ...base, ...patch });
      const r = await e.read(true);
      expect(r.metrics.out).toBe(out);
      expect(r.metrics.legal).toBe(legal);
      expect(r.metrics.windows).toBe(out * out);
      expect(Object.values(r.metrics).every(Number.isFinite)).toBe(true);
      e.dispose();
    }
  });

  it('writes the sums into the output grid in window order, padding cells are zero', () => {
    const v = computeConvArith({ ...base, p: 1 });
    expect(v.m).toBe(9);
    expect(v.padded.slice(0, 9)).toEqual(new Array(9).fill(0));
    expect(v.output).toEqual(v.windows.map((w) => w.terms.reduce((a, t) => a + t.x * t.w, 0)));
    expect(v.windows[1]).toMatchObject({ row: 0, col: 1, top: 0, left: 1 });
    expect(v.input.every((x) => x >= 0 && x <= 3)).toBe(true);
    expect(v.kernel.every((x) => x >= -1 && x <= 2)).toBe(true);
  });

  it('a filter larger than the padded input gives no windows', () => {
    const v = computeConvArith({ n: 3, f: 7, s: 1, p: 1, seed: 2 });
    expect(v.size.fits).toBe(false);
    expect(v.windows).toEqual([]);
  });
});
