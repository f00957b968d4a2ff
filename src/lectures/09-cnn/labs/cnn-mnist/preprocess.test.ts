import { describe, expect, it } from 'vitest';
import { centreCrop, centreOfMass, inkBox, MNIST_BOX, MNIST_FIELD, preprocessDrawing, resampleBox } from './preprocess';

const W = 200;
const H = 160;

/** A blank canvas with filled rectangles [x0, y0, x1, y1) of ink. */
function canvas(rects: [number, number, number, number, number?][]): Float32Array {
  const ink = new Float32Array(W * H);
  for (const [x0, y0, x1, y1, v = 1] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) ink[y * W + x] = v;
  return ink;
}

function bboxOf(img: Float32Array, side: number) {
  return inkBox(img, side, side, 0.01)!;
}

describe('MNIST-style preprocessing of a drawing', () => {
  it('finds the bounding box of the ink', () => {
    expect(inkBox(canvas([]), W, H)).toBeNull();
    expect(inkBox(canvas([[30, 20, 50, 120]]), W, H)).toEqual({ x0: 30, y0: 20, x1: 50, y1: 120 });
  });

  it('area resampling keeps the mean ink', () => {
    const ink = canvas([[10, 10, 110, 60, 0.5]]);
    const box = { x0: 10, y0: 10, x1: 110, y1: 60 };
    const small = resampleBox(ink, W, box, 20, 10);
    for (const v of small) expect(v).toBeCloseTo(0.5, 6);
  });

  it('a tall off-centre stroke: longer side scaled to 20, centre of mass moved to the middle', () => {
    // A vertical bar 20 px wide, 100 px high, in the top-left corner of the canvas.
    const r = preprocessDrawing(canvas([[10, 5, 30, 105]]), W, H)!;
    expect(r.scaled).toEqual({ w: 4, h: MNIST_BOX });
    const b = bboxOf(r.field, MNIST_FIELD);
    expect(b.y1 - b.y0).toBe(20);
    expect(b.x1 - b.x0).toBe(4);
    const com = centreOfMass(r.field, MNIST_FIELD, MNIST_FIELD)!;
    expect(Math.abs(com.x - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 13.5)).toBeLessThanOrEqual(0.5);
    expect(r.input).toHaveLength(24 * 24);
  });

  it('centres the mass, not the box: an L shape heavy at the bottom sits higher than its box would', () => {
    // A thin vertical stroke plus a thick horizontal foot: the mass is low in the box.
    const r = preprocessDrawing(canvas([[40, 10, 50, 130], [40, 110, 140, 130]]), W, H)!;
    expect(Math.max(r.scaled.w, r.scaled.h)).toBe(20);
    const com = centreOfMass(r.field, MNIST_FIELD, MNIST_FIELD)!;
    expect(Math.abs(com.x - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 13.5)).toBeLessThanOrEqual(0.5);
    const b = bboxOf(r.field, MNIST_FIELD);
    // The box's centre is above the field's centre because the foot pulls the mass down.
    expect((b.y0 + b.y1 - 1) / 2).toBeLessThan(13);
    // The total ink is the box area times its mean ink: nothing is lost when it fits.
    const mass = r.field.reduce((s, v) => s + v, 0);
    expect(mass).toBeGreaterThan(20 * 20 * 0.2);
  });

  it('the network input is the central 24×24 of the 28×28 field', () => {
    const f = Float32Array.from({ length: 28 * 28 }, (_, i) => i);
    const c = centreCrop(f, 28, 24);
    expect(c[0]).toBe(2 * 28 + 2);
    expect(c[24 * 24 - 1]).toBe(25 * 28 + 25);
    expect(preprocessDrawing(canvas([]), W, H)).toBeNull();
  });
});
