import { describe, expect, it } from 'vitest';
import { cellOrigin, describeImageGrid, displayRange, fitImage, gridLayout, imageGridCsv, imageRgba } from './imageGrid';

describe('gridLayout', () => {
  it('sizes the grid from columns, cell size, gaps and labels', () => {
    const l = gridLayout(10, 56, 4, true);
    expect(l).toMatchObject({ columns: 4, rows: 3, width: 4 * 56 + 3 * 6, height: 3 * (56 + 16) + 2 * 6 });
    expect(cellOrigin(l, 5)).toEqual([62, 78]);
    expect(gridLayout(3, 56, undefined, false)).toMatchObject({ columns: 3, rows: 1, height: 56 });
  });

  it('fits non-square images into the cell', () => {
    expect(fitImage(28, 14, 56)).toEqual({ x: 0, y: 14, w: 56, h: 28 });
  });
});

describe('colour mapping', () => {
  it('maps gray [0, 1] to black–white and flags NaN', () => {
    const img = { width: 3, height: 1, data: [0, 1, NaN] };
    const rgba = Array.from(imageRgba(img, 'gray', displayRange(img, 'gray')));
    expect(rgba).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 255, 255]);
  });

  it('uses a symmetric range for diverging so zero is white', () => {
    const img = { width: 3, height: 1, data: [-2, 0, 1] };
    expect(displayRange(img, 'diverging')).toEqual([-2, 2]);
    const rgba = imageRgba(img, 'diverging', [-2, 2]);
    expect(Array.from(rgba.slice(4, 8))).toEqual([255, 255, 255, 255]);
    expect(Array.from(rgba.slice(0, 3))).toEqual([33, 102, 172]);
    expect(displayRange(img, 'gray', 'auto')).toEqual([-2, 1]);
  });
});

describe('imageGridCsv', () => {
  it('writes label then pixels, naming pixel columns by row and column', () => {
    const csv = imageGridCsv([
      { width: 2, height: 1, data: [0.5, 1 / 3], label: 'seven, maybe' },
      { width: 2, height: 1, data: new Float32Array([1, 0]) },
    ]);
    expect(csv).toBe('label,r0c0,r0c1\r\n"seven, maybe",0.5,0.3333333333333333\r\n,1,0\r\n');
  });

  it('falls back to flat pixel names for mixed shapes', () => {
    expect(imageGridCsv([{ width: 1, height: 1, data: [1] }, { width: 2, height: 1, data: [1, 2] }])).toBe(
      'label,p0,p1\r\n,1\r\n,1,2\r\n',
    );
  });

  it('describes the grid', () => {
    expect(describeImageGrid('Samples', [{ width: 28, height: 28, data: [], label: '3' }], 'gray')).toBe(
      'Samples: 1 image of 28×28 pixels (grayscale, dark low, light high), labelled 3.',
    );
  });
});
