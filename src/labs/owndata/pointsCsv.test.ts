import { describe, expect, it } from 'vitest';
import { fitToRange, formatProblem, parsePointsCsv, pointsToCsv } from './pointsCsv';

const opts = { classes: 2, maxCount: 200 };
const range = { xMin: -1.2, xMax: 1.2, yMin: -1.2, yMax: 1.2 };

function errorsOf(text: string, o = opts): string[] {
  const r = parsePointsCsv(text, o);
  if (r.ok) throw new Error('expected errors');
  return r.errors.map(formatProblem);
}

describe('parsePointsCsv', () => {
  it('reads plain rows', () => {
    const r = parsePointsCsv('0.5,-0.25,1\n-1,1,0\n', opts);
    expect(r).toEqual({ ok: true, header: false, points: [{ x: 0.5, y: -0.25, label: 1 }, { x: -1, y: 1, label: 0 }] });
  });

  it('accepts a header, comments, blank lines, CRLF, a BOM and quotes', () => {
    const r = parsePointsCsv('\uFEFF# my data\r\nx1,x2,label\r\n\r\n"0.1", "0.2" ,1\r\n  # another\r\n1e-1,.5,0\r\n', opts);
    expect(r.ok && r.header).toBe(true);
    expect(r.ok && r.points).toEqual([{ x: 0.1, y: 0.2, label: 1 }, { x: 0.1, y: 0.5, label: 0 }]);
  });

  it('accepts semicolons (with decimal commas) and tabs', () => {
    expect(parsePointsCsv('x;y;class\n0,5;-0,5;1', opts)).toMatchObject({ ok: true, points: [{ x: 0.5, y: -0.5, label: 1 }] });
    expect(parsePointsCsv('0.5\t-0.5\t0\n1\t1\t1', opts)).toMatchObject({ ok: true, points: [{ x: 0.5, y: -0.5, label: 0 }, { x: 1, y: 1, label: 1 }] });
  });

  it('names the line and the column of a value that is not a number', () => {
    expect(errorsOf('x1,x2,label\n0,0,0\n0,1,1\n0.3,abc,1\n')).toEqual(['line 4: ‘abc’ is not a number in column x2']);
    expect(errorsOf('1,2,0\n0x10,2,0')).toEqual(['line 2: ‘0x10’ is not a number in column x1']);
    expect(errorsOf('1,Infinity,0')).toEqual(['line 1: ‘Infinity’ is not a number in column x2']);
  });

  it('reports wrong column counts and empty fields', () => {
    expect(errorsOf('1,2\n1,2,0,4')).toEqual([
      'line 1: expected 3 values (x1, x2, label) separated by “,”, found 2',
      'line 2: expected 3 values (x1, x2, label) separated by “,”, found 4',
    ]);
    expect(errorsOf('1,,0')).toEqual(['line 1: column x2 is empty']);
  });

  it('checks labels against the number of classes', () => {
    expect(errorsOf('0,0,2')).toEqual(['line 1: label ‘2’ must be 0 or 1']);
    expect(errorsOf('0,0,1.5', { classes: 3, maxCount: 10 })).toEqual(['line 1: label ‘1.5’ must be a whole number from 0 to 2']);
    expect(errorsOf('0,0,-1', { classes: 3, maxCount: 10 })).toEqual(['line 1: label ‘-1’ must be a whole number from 0 to 2']);
    expect(parsePointsCsv('0,0,2', { classes: 3, maxCount: 10 }).ok).toBe(true);
  });

  it('with one class the label column may be left out but must be 0 when given', () => {
    expect(parsePointsCsv('x,y\n0.1,0.2\n0.3,0.4', { classes: 1, maxCount: 10 })).toMatchObject({ ok: true, points: [{ x: 0.1, y: 0.2, label: 0 }, { x: 0.3, y: 0.4, label: 0 }] });
    expect(errorsOf('0,0,1', { classes: 1, maxCount: 10 })).toEqual(['line 1: label ‘1’ must be 0']);
  });

  it('says the limit when there are too many points', () => {
    const text = Array.from({ length: 5 }, (_, i) => `${i / 10},0,0`).join('\n');
    expect(errorsOf(text, { classes: 2, maxCount: 3 })).toEqual(['line 4: more than 3 points; this lab takes at most 3']);
  });

  it('rejects empty files and a header alone', () => {
    expect(errorsOf('')).toEqual(['The file is empty: no points found']);
    expect(errorsOf('\n# nothing\n\n')).toEqual(['The file is empty: no points found']);
    expect(errorsOf('x1,x2,label\n')).toEqual(['The file has a header but no points']);
  });

  it('stops listing after 20 problems', () => {
    const r = parsePointsCsv(Array.from({ length: 50 }, () => 'a,b,c').join('\n'), opts);
    expect(r.ok).toBe(false);
    // line 1 "a,b,c" is read as a header; every other line has three problems.
    expect(!r.ok && r.errors.length).toBeLessThanOrEqual(22);
    expect(!r.ok && r.errors[0].line).toBe(2);
  });
});

describe('fitToRange', () => {
  it('keeps points inside the plot, rounded to 3 decimals', () => {
    expect(fitToRange([{ x: 0.12345, y: -1.2, label: 1 }], range)).toEqual({ points: [{ x: 0.123, y: -1.2, label: 1 }], scale: null });
  });

  it('shifts and scales the whole set alike when one point is outside', () => {
    const f = fitToRange([{ x: 0, y: 0, label: 0 }, { x: 10, y: 5, label: 1 }], range);
    expect(f.scale).toBeCloseTo(0.216, 3);
    expect(f.points[0]).toEqual({ x: -1.08, y: -0.54, label: 0 });
    expect(f.points[1]).toEqual({ x: 1.08, y: 0.54, label: 1 });
    for (const p of f.points) expect(Math.abs(p.x) <= 1.2 && Math.abs(p.y) <= 1.2).toBe(true);
  });
});

describe('pointsToCsv', () => {
  it('round-trips through the parser', () => {
    const pts = [{ x: 0.5, y: -0.125, label: 1 }, { x: -1, y: 0, label: 0 }];
    const text = pointsToCsv(pts);
    expect(text.split('\n')[0]).toBe('x1,x2,label');
    expect(parsePointsCsv(text, opts)).toEqual({ ok: true, header: true, points: pts });
  });
});
