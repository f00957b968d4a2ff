/**
 * Every unit's output over a grid of inputs, for the network diagram's small heatmaps and the output
 * heatmap. Computed only when a view is read; the caller owns (and reuses) the output buffers.
 */
import type { Mlp } from './mlp';

/** One Float32Array per unit of every layer (inputs included), each `count` long. */
export type UnitMaps = Float32Array[][];

export function allocUnitMaps(sizes: readonly number[], count: number): UnitMaps {
  return sizes.map((n) => Array.from({ length: n }, () => new Float32Array(count)));
}

/**
 * Fill `out[l][j][g]` with a^l_j at grid sample g of row-major `grid` (count × d features). The
 * output layer holds ŷ: σ(z^L) for classification, z^L for regression.
 */
export function fillUnitMaps(net: Mlp, grid: Float64Array, count: number, out: UnitMaps): void {
  const L = net.depth;
  const cls = net.problem === 'classification';
  for (let g = 0; g < count; g++) {
    const z = net.forward(grid, g);
    for (let l = 0; l < L; l++) {
      const a = net.a[l];
      const maps = out[l];
      for (let j = 0; j < a.length; j++) maps[j][g] = a[j];
    }
    out[L][0][g] = cls ? 1 / (1 + Math.exp(-z)) : z;
  }
}

/** ŷ over a grid into `out` (count values), e.g. a finer grid for the decision heatmap. */
export function fillOutputMap(net: Mlp, grid: Float64Array, count: number, out: Float32Array): void {
  for (let g = 0; g < count; g++) out[g] = net.predict(grid, g);
}
