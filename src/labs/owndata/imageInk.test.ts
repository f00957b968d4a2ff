import { describe, expect, it } from 'vitest';
import { imageToInk } from './imageInk';

function image(w: number, h: number, px: (x: number, y: number) => [number, number, number, number]): Uint8ClampedArray {
  const d = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) d.set(px(x, y), 4 * (y * w + x));
  return d;
}
const stroke = (x: number) => x === 4 || x === 5;

describe('imageToInk', () => {
  it('keeps a white digit on black', () => {
    const r = imageToInk(image(10, 10, (x) => (stroke(x) ? [255, 255, 255, 255] : [0, 0, 0, 255])), 10, 10);
    expect(r.ok && r.inverted).toBe(false);
    expect(r.ok && r.ink[4]).toBe(1);
    expect(r.ok && r.ink[0]).toBe(0);
  });

  it('inverts a dark digit on white paper and removes a grey background', () => {
    const r = imageToInk(image(10, 10, (x) => (stroke(x) ? [20, 20, 20, 255] : [220, 220, 220, 255])), 10, 10);
    expect(r.ok && r.inverted).toBe(true);
    expect(r.ok && r.ink[5]).toBeCloseTo(1, 5);
    expect(r.ok && r.ink[9]).toBeCloseTo(0, 5);
  });

  it('reads a black stroke on a transparent background', () => {
    const r = imageToInk(image(10, 10, (x) => (stroke(x) ? [0, 0, 0, 255] : [0, 0, 0, 0])), 10, 10);
    expect(r.ok && r.ink[4]).toBeCloseTo(1, 5);
    expect(r.ok && r.ink[0]).toBeCloseTo(0, 5);
  });

  it('refuses blank and transparent images', () => {
    expect(imageToInk(image(8, 8, () => [255, 255, 255, 255]), 8, 8).ok).toBe(false);
    expect(imageToInk(image(8, 8, () => [0, 0, 0, 0]), 8, 8)).toEqual({ ok: false, message: expect.stringContaining('transparent') });
    expect(imageToInk(new Uint8ClampedArray(0), 0, 0).ok).toBe(false);
  });
});
