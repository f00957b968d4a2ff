/**
 * Complexity lab engine. Plain TypeScript (no tfjs): the notes' complexity table evaluated in closed
 * form (src/ml/attentionComplexity.ts). One step highlights the next row, so Step/Play tours the table.
 */
import type { LabEngine } from '../../../../labs/types';
import {
  cheapest, costPerLayer, effectiveR, LAYER_TYPES, maxPathLength, nGrid, selfConvCrossover, selfRecurrentCrossover, sequentialOps,
  type ComplexitySizes, type LayerType,
} from '../../../../ml/attentionComplexity';
import type { ComplexityParams } from './params';

export interface ComplexityRow {
  type: LayerType;
  cost: number;
  seq: number;
  path: number;
}

export interface ComplexityView {
  sizes: ComplexitySizes;
  rEff: number;
  rows: ComplexityRow[];
  /** Cost per layer of each type on a log grid of n (for the log–log chart). */
  grid: number[];
  curves: Record<LayerType, number[]>;
  crossover: number;
  convCrossover: number;
  cheapest: LayerType;
  /** Row highlighted by the tour (−1: none). */
  focus: number;
}

export function sizesOf(p: ComplexityParams): ComplexitySizes {
  return { n: Math.max(1, Math.round(p.n)), d: Math.max(1, Math.round(p.d)), k: Math.max(2, Math.round(p.k)), r: Math.max(1, Math.round(p.r)) };
}

export function computeComplexity(p: ComplexityParams): Omit<ComplexityView, 'focus'> {
  const s = sizesOf(p);
  const rows = LAYER_TYPES.map((type) => ({ type, cost: costPerLayer(type, s), seq: sequentialOps(type, s), path: maxPathLength(type, s) }));
  // Span n far enough to the right to show the crossover n = d and the chosen n with room.
  const nMax = Math.min(1e7, Math.pow(10, Math.ceil(Math.log10(Math.max(100, 10 * s.n, 10 * s.d)))));
  const grid = nGrid(nMax);
  const curves = Object.fromEntries(LAYER_TYPES.map((t) => [t, grid.map((n) => costPerLayer(t, { ...s, n }))])) as Record<LayerType, number[]>;
  return {
    sizes: s, rEff: effectiveR(s), rows, grid, curves, crossover: selfRecurrentCrossover(s.d), convCrossover: selfConvCrossover(s.d, s.k), cheapest: cheapest(s),
  };
}

export function createComplexityEngine(p: ComplexityParams): LabEngine<ComplexityView> {
  const v = computeComplexity(p);
  let focus = 0;
  const metrics: Record<string, number> = {
    n: v.sizes.n, d: v.sizes.d, k: v.sizes.k, r: v.sizes.r, r_eff: v.rEff, crossover: v.crossover, conv_crossover: v.convCrossover,
    self_over_recurrent: v.rows[0].cost / v.rows[1].cost, self_cheaper: v.sizes.n < v.sizes.d ? 1 : 0, cheapest: LAYER_TYPES.indexOf(v.cheapest),
    grid_points: v.grid.length, grid_max: v.grid[v.grid.length - 1],
  };
  for (const r of v.rows) {
    metrics[`cost_${r.type}`] = r.cost;
    metrics[`seq_${r.type}`] = r.seq;
    metrics[`path_${r.type}`] = r.path;
  }
  return {
    step() {
      if (focus < LAYER_TYPES.length) focus++;
    },
    isDone: () => focus >= LAYER_TYPES.length,
    read(withView) {
      const m = { ...metrics, focus };
      return withView ? { metrics: m, view: { ...v, focus: focus - 1 } } : { metrics: m };
    },
    dispose: () => undefined,
  };
}
