import { describe, expect, it } from 'vitest';
import { confusionFromMaps, iouPerClass, meanIoU, pixelAccuracy } from './segMetrics';

describe('segmentation scores', () => {
  // A 3×3 map with classes 0, 1, 2, worked by hand:
  //   truth 0 0 1 / 0 1 1 / 2 2 0      prediction 0 1 1 / 0 1 1 / 2 0 0
  const truth = [0, 0, 1, 0, 1, 1, 2, 2, 0];
  const pred = [0, 1, 1, 0, 1, 1, 2, 0, 0];

  it('counts the confusion matrix (rows truth, columns prediction)', () => {
    expect(Array.from(confusionFromMaps(truth, pred, 3))).toEqual([3, 1, 0, 0, 3, 0, 1, 0, 1]);
  });

  it('pixel accuracy, IoU per class and mean IoU match the hand computation', () => {
    const c = confusionFromMaps(truth, pred, 3);
    expect(pixelAccuracy(c, 3)).toBeCloseTo(7 / 9, 12);
    // class 0: TP 3, union 4 + 4 − 3 = 5; class 1: TP 3, union 3 + 4 − 3 = 4; class 2: TP 1, union 2 + 1 − 1 = 2
    const iou = iouPerClass(c, 3);
    expect(iou[0]).toBeCloseTo(3 / 5, 12);
    expect(iou[1]).toBeCloseTo(3 / 4, 12);
    expect(iou[2]).toBeCloseTo(1 / 2, 12);
    expect(meanIoU(c, 3)).toBeCloseTo((3 / 5 + 3 / 4 + 1 / 2) / 3, 12);
  });

  it('a class absent from truth and prediction is left out of the mean; all-background scores its share', () => {
    const c = confusionFromMaps([0, 0, 0, 1], [0, 0, 0, 0], 4);
    expect(iouPerClass(c, 4).slice(2).every(Number.isNaN)).toBe(true);
    expect(pixelAccuracy(c, 4)).toBe(0.75);
    expect(meanIoU(c, 4)).toBeCloseTo((0.75 + 0) / 2, 12);
    expect(Number.isNaN(pixelAccuracy(new Float64Array(4), 2))).toBe(true);
    expect(() => confusionFromMaps([0], [0, 1], 2)).toThrow(/length/);
  });
});
