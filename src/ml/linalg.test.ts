import { describe, expect, it } from 'vitest';
import { designMatrix, leastSquares, matMul, matVec, mse, solve, transpose } from './linalg';

describe('linalg', () => {
  it('building-temperature example: ŷ = Xθ', () => {
    const X = [
      [1, 25, 50, 2, 50],
      [1, -10, 50, 0, 10],
    ];
    const yHat = matVec(X, [0.2, 0.64, 0, 1, 0.14]);
    expect(Math.abs(yHat[0] - 25.2)).toBeLessThan(1e-9);
    expect(Math.abs(yHat[1] - -4.8)).toBeLessThan(1e-9);
  });

  it('matMul and transpose', () => {
    const A = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    expect(transpose(A)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(matMul(A, transpose(A))).toEqual([
      [14, 32],
      [32, 77],
    ]);
    expect(() => matMul(A, A)).toThrow();
  });

  it('solve needs pivoting and recovers x', () => {
    const A = [
      [0, 2, 1],
      [1, 1, 1],
      [2, 1, 0],
    ];
    const x = [1, -2, 3];
    const b = matVec(A, x);
    solve(A, b).forEach((v, i) => expect(v).toBeCloseTo(x[i], 12));
  });

  it('singular matrix throws', () => {
    expect(() => solve([[1, 2], [2, 4]], [1, 2])).toThrow('singular matrix');
    expect(() => solve([[0, 0], [0, 0]], [0, 0])).toThrow('singular matrix');
    expect(() => leastSquares([[1, 2], [1, 2], [1, 2]], [1, 2, 3])).toThrow('singular matrix');
  });

  it('leastSquares recovers an exact linear relation; mse is 0 there', () => {
    const x = [-2, -1, 0, 0.5, 3, 7];
    const y = x.map((v) => 1.5 - 0.25 * v);
    const X = designMatrix(x);
    expect(X[1]).toEqual([1, -1]);
    const th = leastSquares(X, y);
    expect(th[0]).toBeCloseTo(1.5, 10);
    expect(th[1]).toBeCloseTo(-0.25, 10);
    expect(mse(X, th, y)).toBeLessThan(1e-20);
    expect(mse(X, [0, 0], [1, 1, 1, 1, 1, 1].map((v, i) => v * (i % 2 ? 2 : 0)))).toBeCloseTo(2, 12);
  });
});
