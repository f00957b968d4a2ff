import { describe, expect, it } from 'vitest';
import { cleanPoints, describeLineChart, downsampleMinMax, lineCsv, mergeSeries, renderPoints, type XY } from './lineData';

const ramp = (n: number, f: (i: number) => number = (i) => i): XY[] => Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

describe('downsampleMinMax', () => {
  it('returns short series unchanged', () => {
    const pts = ramp(10);
    expect(downsampleMinMax(pts, 400)).toEqual(pts);
  });

  it('bounds the size, keeps first/last, stays sorted and keeps extremes', () => {
    const pts = ramp(2000, (i) => Math.sin(i / 30));
    pts[1234] = { x: 1234, y: 50 }; // a spike must survive
    pts[777] = { x: 777, y: -40 };
    const out = downsampleMinMax(pts, 400);
    expect(out.length).toBeLessThanOrEqual(400);
    expect(out.length).toBeGreaterThan(300);
    expect(out[0]).toBe(pts[0]);
    expect(out[out.length - 1]).toBe(pts[1999]);
    for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThan(out[i - 1].x);
    expect(out.some((p) => p.y === 50)).toBe(true);
    expect(out.some((p) => p.y === -40)).toBe(true);
  });
});

describe('cleanPoints', () => {
  it('drops non-finite values, and y ≤ 0 on a log axis, and sorts by x', () => {
    const pts = [{ x: 2, y: 1 }, { x: 1, y: 0 }, { x: 0, y: NaN }, { x: 3, y: -1 }, { x: 1.5, y: 1e-9 }];
    expect(cleanPoints(pts, false).map((p) => p.x)).toEqual([1, 1.5, 2, 3]);
    expect(cleanPoints(pts, true).map((p) => p.x)).toEqual([1.5, 2]);
  });
});

describe('renderPoints', () => {
  it('caches per array but notices appended points', () => {
    const pts = ramp(5);
    const a = renderPoints(pts, false);
    expect(renderPoints(pts, false)).toBe(a);
    pts.push({ x: 5, y: 5 });
    expect(renderPoints(pts, false)).toHaveLength(6);
  });
});

describe('mergeSeries', () => {
  it('joins series on x with one field per series', () => {
    const rows = mergeSeries([[{ x: 0, y: 1 }, { x: 2, y: 3 }], [{ x: 1, y: 5 }, { x: 2, y: 6 }]]);
    expect(rows).toEqual([{ x: 0, s0: 1 }, { x: 1, s1: 5 }, { x: 2, s0: 3, s1: 6 }]);
  });
});

describe('lineCsv', () => {
  it('has x plus one column per series label, blanks where missing, full data', () => {
    const csv = lineCsv([
      { key: 'a', label: 'train, loss', color: '#000', points: ramp(3, (i) => i / 3) },
      { key: 'b', label: 'val', color: '#111', points: [{ x: 1, y: 0.1 }, { x: 5, y: -2 }] },
    ]);
    expect(csv).toBe('x,"train, loss",val\r\n0,0,\r\n1,0.3333333333333333,0.1\r\n2,0.6666666666666666,\r\n5,,-2\r\n');
  });

  it('is not downsampled', () => {
    const csv = lineCsv([{ key: 'a', label: 'a', color: '#000', points: ramp(2000) }]);
    expect(csv.trim().split('\r\n')).toHaveLength(2001);
  });
});

describe('describeLineChart', () => {
  it('names the axes and each series', () => {
    const text = describeLineChart('Loss', 'epoch', 'loss', [
      { key: 'a', label: 'training', color: '#000', points: ramp(3, (i) => 3 - i) },
    ], true);
    expect(text).toContain('Loss. Line chart of loss (log scale) against epoch.');
    expect(text).toContain('training: 3 points, from 3 at 0 to 1 at 2');
  });
});
