/**
 * A real activation map and its pooled versions: photo → grey (luma) → 3×3 Sobel (valid, stride 1)
 * → ReLU → max and average pooling 2×2 (stride 2) and 4×4 (stride 4). Pure, testable in node.
 */
import { conv2d, luma, pool2d, reluInPlace, SOBEL_HORIZONTAL, SOBEL_VERTICAL, type PoolMode } from '../../../../ml/convArith';

export interface MapPanel {
  key: string;
  label: string;
  width: number;
  height: number;
  data: Float64Array;
  /** F = S of the pooling (0 for the photo and the activation map). */
  pool: number;
  mode: PoolMode | null;
}

export interface PhotoLike {
  width: number;
  height: number;
  /** Interleaved RGB in [0, 1]. */
  data: ArrayLike<number>;
}

export function computeMaps(img: PhotoLike, edge: 'vertical' | 'horizontal'): MapPanel[] {
  const { width: w, height: h } = img;
  const grey = luma(img.data, w, h);
  const conv = conv2d(grey, h, w, edge === 'vertical' ? SOBEL_VERTICAL : SOBEL_HORIZONTAL, 3, 3);
  const act = reluInPlace(conv.out);
  const panels: MapPanel[] = [
    { key: 'photo', label: 'photo (grey)', width: w, height: h, data: grey, pool: 0, mode: null },
    { key: 'act', label: `ReLU(${edge} Sobel)`, width: conv.outW, height: conv.outH, data: act, pool: 0, mode: null },
  ];
  for (const f of [2, 4]) {
    for (const mode of ['max', 'avg'] as const) {
      const r = pool2d(act, conv.outH, conv.outW, f, f, mode);
      panels.push({ key: `${mode}${f}`, label: `${mode === 'max' ? 'max' : 'average'} pool ${f}×${f}`, width: r.outW, height: r.outH, data: r.out, pool: f, mode });
    }
  }
  return panels;
}

export function panelStats(p: MapPanel): { min: number; mean: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of p.data) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { min, mean: sum / p.data.length, max };
}
