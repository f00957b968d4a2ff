import { describe, expect, it } from 'vitest';
import { accuracyByK, distance, knnAccuracy, knnGrid, knnPredict, type Metric } from './knn';
import { generate2D, type Point2 } from '../data/datasets2d';

const P = (x: number, y: number, label: number): Point2 => ({ x, y, label });
const four = [P(0, 0, 0), P(0, 1, 0), P(5, 5, 1), P(5, 6, 1)];

describe('distance', () => {
  it('L1 and L2', () => {
    expect(distance(0, 0, 3, 4, 'l1')).toBe(7);
    expect(distance(0, 0, 3, 4, 'l2')).toBe(5);
  });
});

describe('knnPredict', () => {
  it('hand-made case: (1,1) is class 0 for k = 1..3', () => {
    for (const m of ['l1', 'l2'] as const) for (let k = 1; k <= 3; k++) expect(knnPredict(four, 1, 1, k, m, 2)).toBe(0);
    expect(knnPredict(four, 4, 4, 1, 'l2', 2)).toBe(1);
  });

  it('L1 and L2 can disagree', () => {
    // From (0,0): (3,0) is at L1 3 / L2 3, (2,2) at L1 4 / L2 2.83.
    const train = [P(3, 0, 0), P(2, 2, 1)];
    expect(knnPredict(train, 0, 0, 1, 'l1', 2)).toBe(0);
    expect(knnPredict(train, 0, 0, 1, 'l2', 2)).toBe(1);
  });

  it('breaks vote ties towards the class with the nearest member', () => {
    expect(knnPredict([P(0, 2, 0), P(1, 0, 1)], 0, 0, 2, 'l2', 2)).toBe(1);
    // ranks: 0, 1, 1, 0 → 2:2, class 0 has the nearest member
    const line = [P(2, 0, 1), P(4, 0, 0), P(1, 0, 0), P(3, 0, 1)];
    expect(knnPredict(line, 0, 0, 4, 'l1', 2)).toBe(0);
    expect(knnPredict(line, 0, 0, 3, 'l1', 2)).toBe(1); // 2:1 majority
    expect(knnPredict(line, 0, 0, 2, 'l1', 2)).toBe(0);
    expect(knnPredict(line, 4.1, 0, 4, 'l1', 2)).toBe(0);
    expect(knnPredict(line, 3.1, 0, 2, 'l1', 2)).toBe(1);
  });

  it('clips k and handles an empty training set', () => {
    expect(knnPredict(four, 1, 1, 100, 'l2', 2)).toBe(knnPredict(four, 1, 1, 4, 'l2', 2));
    expect(knnPredict(four, 1, 1, 0, 'l2', 2)).toBe(0);
    expect(knnPredict([], 1, 1, 3, 'l2', 2)).toBe(-1);
  });
});

describe('knnGrid', () => {
  const train = generate2D({ kind: 'spiral', n: 60, noise: 0.3, classes: 3, seed: 8 });
  const grid = { xMin: -1, xMax: 1, yMin: -1.2, yMax: 0.8, nx: 13, ny: 9 };

  it('agrees with knnPredict cell by cell (row 0 at the top)', () => {
    const dx = (grid.xMax - grid.xMin) / grid.nx;
    const dy = (grid.yMax - grid.yMin) / grid.ny;
    for (const m of ['l1', 'l2'] as Metric[]) {
      for (const k of [1, 4, 7]) {
        const g = knnGrid(train, k, m, 3, grid);
        expect(g.length).toBe(13 * 9);
        for (let r = 0; r < grid.ny; r++) {
          for (let c = 0; c < grid.nx; c++) {
            const want = knnPredict(train, grid.xMin + (c + 0.5) * dx, grid.yMax - (r + 0.5) * dy, k, m, 3);
            expect(g[r * grid.nx + c]).toBe(want);
          }
        }
      }
    }
  });

  it('row 0 is the top: a class-1 point at the top paints the top row', () => {
    const g = knnGrid([P(0, 1, 1), P(0, -1, 0)], 1, 'l2', 2, { xMin: -1, xMax: 1, yMin: -1, yMax: 1, nx: 2, ny: 2 });
    expect(Array.from(g)).toEqual([1, 1, 0, 0]);
    expect(Array.from(knnGrid([], 1, 'l2', 2, { xMin: -1, xMax: 1, yMin: -1, yMax: 1, nx: 2, ny: 1 }))).toEqual([-1, -1]);
  });
});

describe('knnAccuracy / accuracyByK', () => {
  const data = generate2D({ kind: 'xor', n: 120, noise: 0.6, classes: 2, seed: 21 });
  const train = data.slice(0, 80);
  const test = data.slice(80);

  it('accuracyByK agrees with knnAccuracy for every k', () => {
    for (const m of ['l1', 'l2'] as Metric[]) {
      const byK = accuracyByK(train, test, 25, m, 2);
      expect(byK.length).toBe(25);
      byK.forEach((a, i) => expect(a).toBe(knnAccuracy(train, test, i + 1, m, 2)));
      const self = accuracyByK(train, train, 10, m, 2);
      expect(self[0]).toBe(1);
      self.forEach((a, i) => expect(a).toBe(knnAccuracy(train, train, i + 1, m, 2)));
    }
  });

  it('agrees on integer grids with many equal distances (same tie order everywhere)', () => {
    const rng = generate2D({ kind: 'blobs', n: 60, noise: 1, classes: 3, seed: 2 });
    const ints = rng.map((p) => P(Math.round(p.x * 3), Math.round(p.y * 3), p.label));
    const evalSet = ints.map((p) => P(p.x + 0.5, p.y, p.label)).concat(ints.slice(0, 10));
    for (const m of ['l1', 'l2'] as Metric[]) {
      const byK = accuracyByK(ints, evalSet, 20, m, 3);
      byK.forEach((a, i) => expect(a).toBe(knnAccuracy(ints, evalSet, i + 1, m, 3)));
    }
  });

  it('k beyond n behaves like k = n', () => {
    const byK = accuracyByK(four, [P(1, 1, 0), P(5, 5, 1)], 6, 'l2', 2);
    expect(byK[5]).toBe(byK[3]);
    expect(byK[5]).toBe(knnAccuracy(four, [P(1, 1, 0), P(5, 5, 1)], 6, 'l2', 2));
  });

  it('leave-one-out excludes the point itself', () => {
    const loo = knnAccuracy(train, train, 1, 'l2', 2, { leaveOneOut: true });
    let correct = 0;
    train.forEach((p, i) => {
      const rest = train.filter((_, j) => j !== i);
      if (knnPredict(rest, p.x, p.y, 1, 'l2', 2) === p.label) correct++;
    });
    expect(loo).toBeCloseTo(correct / train.length, 12);
    expect(loo).toBeLessThan(1);
  });

  it('edge cases', () => {
    expect(knnAccuracy(train, [], 3, 'l2', 2)).toBeNaN();
    expect(accuracyByK(train, [], 2, 'l2', 2).every(Number.isNaN)).toBe(true);
    expect(knnAccuracy([], test, 3, 'l2', 2)).toBe(0);
  });
});
