import { describe, expect, it } from 'vitest';
import {
  classShares, generateShapes, insideShape, labelMap, shapeArea, SHAPES_NUM_CLASSES, type ShapeSpec,
} from './shapes';

describe('shapes data set', () => {
  it('is deterministic in its seed, and different seeds give different images', () => {
    const a = generateShapes(6, 42);
    const b = generateShapes(6, 42);
    const c = generateShapes(6, 43);
    expect(Array.from(a.images)).toEqual(Array.from(b.images));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.shapes).toEqual(b.shapes);
    expect(Array.from(a.labels)).not.toEqual(Array.from(c.labels));
  });

  it('labels agree with the drawn shapes: the last shape containing a pixel centre sets its class and colour', () => {
    // Without noise and texture every shape pixel has exactly its shape's colour.
    const set = generateShapes(20, 7, { noise: 0, texture: 0 });
    const S = set.side;
    let shapePixels = 0;
    for (let k = 0; k < set.n; k++) {
      const shapes = set.shapes[k];
      expect(shapes.length).toBeGreaterThanOrEqual(1);
      expect(shapes.length).toBeLessThanOrEqual(3);
      for (let i = 0; i < S; i++) {
        for (let j = 0; j < S; j++) {
          const p = k * S * S + i * S + j;
          const top = shapes.filter((s) => insideShape(s, j + 0.5, i + 0.5)).pop();
          expect(set.labels[p]).toBe(top ? top.cls : 0);
          if (top) {
            shapePixels++;
            for (let c = 0; c < 3; c++) expect(set.images[3 * p + c]).toBeCloseTo(top.color[c], 6);
          }
        }
      }
      expect(Array.from(labelMap(shapes, S))).toEqual(Array.from(set.labels.subarray(k * S * S, (k + 1) * S * S)));
    }
    expect(shapePixels).toBeGreaterThan(0);
  });

  it('classes match the kinds and each class appears; the background is most of the image', () => {
    const set = generateShapes(200, 3);
    const kinds = new Set(set.shapes.flat().map((s) => `${s.kind}:${s.cls}`));
    expect([...kinds].sort()).toEqual(['circle:1', 'rectangle:2', 'triangle:3']);
    const shares = classShares(set);
    expect(shares).toHaveLength(SHAPES_NUM_CLASSES);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(shares[0]).toBeGreaterThan(0.6);
    expect(shares[0]).toBeLessThan(0.85);
    for (let k = 1; k < SHAPES_NUM_CLASSES; k++) expect(shares[k]).toBeGreaterThan(0.04);
    expect(set.images.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('a lone shape covers about its area in pixels (circle, rectangle, triangle)', () => {
    const shapes: ShapeSpec[] = [
      { kind: 'circle', cls: 1, cx: 16, cy: 16, a: 7, b: 0, angle: 0, color: [1, 0, 0] },
      { kind: 'rectangle', cls: 2, cx: 16, cy: 16, a: 6, b: 4, angle: 0, color: [1, 0, 0] },
      { kind: 'triangle', cls: 3, cx: 16, cy: 16, a: 10, b: 0, angle: -Math.PI / 2, color: [1, 0, 0] },
    ];
    for (const s of shapes) {
      const n = labelMap([s], 32).reduce((acc, v) => acc + (v === s.cls ? 1 : 0), 0);
      expect(Math.abs(n - shapeArea(s)) / shapeArea(s)).toBeLessThan(0.08);
    }
    // Triangle apex up: the centre is inside, points above the apex and below the base are not.
    const t = shapes[2];
    expect(insideShape(t, 16, 16)).toBe(true);
    expect(insideShape(t, 16, 5.5)).toBe(false);
    expect(insideShape(t, 16, 21.5)).toBe(false);
  });

  it('rejects bad sizes', () => {
    expect(() => generateShapes(-1, 1)).toThrow(/whole number/);
    expect(() => generateShapes(2, 1, { side: 4 })).toThrow(/side/);
    expect(() => generateShapes(2, 1, { kinds: [] })).toThrow(/kind/);
  });
});
