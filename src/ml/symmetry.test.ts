import { describe, expect, it } from 'vitest';
import { createSymmetryRun, SYM_EPOCHS, trainSymmetry, unitRows, unitSpread } from './symmetry';

describe('symmetry breaking', () => {
  it('all-zero init: after training every hidden unit has the same weights; random init: they differ', () => {
    for (const seed of [1, 2, 3]) {
      const zero = createSymmetryRun('zero', seed);
      const rand = createSymmetryRun('random', seed);
      
      trainSymmetry(zero, SYM_EPOCHS);
      trainSymmetry(rand, SYM_EPOCHS);
      const rz = unitRows(zero.mlp);
      expect(unitSpread(rz)).toBe(0);
      for (const r of rz) expect(r).toEqual(rz[0]);
      // …yet the zero-init net did learn something (the weights moved, together).
      expect(Math.abs(rz[0][3])).toBeGreaterThan(0.1);
      expect(unitSpread(unitRows(rand.mlp))).toBeGreaterThan(0.5);
      const e = [zero.mlp.evaluate(zero.data), rand.mlp.evaluate(rand.data)];
      // Eight identical units act as one sigmoid unit: one straight cut cannot separate two circles.
      expect(e[1].accuracy).toBeGreaterThan(0.97);
      expect(e[0].accuracy).toBeLessThan(0.9);
      expect(e[0].loss).toBeGreaterThan(10 * e[1].loss);
    }
  });
});
