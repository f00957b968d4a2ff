/**
 * Receptive-field lab engine: the recurrence r_l = r_{l−1} + (k_l − 1)·j_{l−1}, j_l = j_{l−1}·s_l
 * for the chosen stack (src/ml/receptiveField). Pure arithmetic, computed when the parameters
 * change; the regions of a hovered pixel are computed in the view.
 */
import type { LabEngine } from '../../../../labs/types';
import { convWeights, rfTable, type LayerSpec, type LayerStat } from '../../../../ml/receptiveField';
import { layersOf, type RfParams } from './params';

export interface RfView {
  layers: LayerSpec[];
  rows: LayerStat[];
  /** False when the input was too small for every layer (the rest were dropped). */
  complete: boolean;
  C: number;
}

export function rfMetrics(v: RfView): Record<string, number> {
  const last = v.rows[v.rows.length - 1];
  const convs = v.layers.slice(0, v.rows.length - 1).filter((l) => l.conv).length;
  const m: Record<string, number> = {
    layers: v.rows.length - 1, rf: last.r, jump: last.j, n_out: last.n, complete: v.complete ? 1 : 0,
    weights_stack: convs * convWeights(3, v.C), weights_three3: 3 * convWeights(3, v.C), weights_7x7: convWeights(7, v.C),
  };
  v.rows.forEach((r) => {
    m[`rf_${r.l}`] = r.r;
    m[`jump_${r.l}`] = r.j;
    m[`n_${r.l}`] = r.n;
  });
  return m;
}

export function createRfEngine(p: RfParams): LabEngine<RfView> {
  const layers = layersOf(p);
  const { rows, complete } = rfTable(layers, Math.round(p.n));
  const view: RfView = { layers, rows, complete, C: Math.round(p.C) };
  const metrics = rfMetrics(view);
  return {
    step() {
      // Nothing to train.
    },
    read: (withView) => ({ metrics, view: withView ? view : undefined }),
    isDone: () => true,
    dispose() {},
  };
}
