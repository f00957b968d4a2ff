/**
 * Architectures lab engine. Plain TypeScript, no tfjs: nothing is trained, every number is counted
 * from the layer lists in src/ml/architectures.ts. One step walks one layer (or residual stage)
 * further through the network, so Play animates a forward pass through the shapes.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { buildTable, NETWORKS, rankOf, topKError, type ArchError, type ArchTable } from '../../../../ml/architectures';
import { TOY_IMAGES, type ARCH_PARAMS } from './params';

export type ArchParams = Values<typeof ARCH_PARAMS>;

export interface TopKRow {
  name: string;
  ranked: readonly number[];
  truth: number;
  /** 1-based rank of the true class in the top 5, 0 when it is not there. */
  rank: number;
}

export interface ArchView {
  table: ArchTable | ArchError;
  /** Index into table.top of the layer the walk has reached (0: the input, nothing walked yet). */
  walk: number;
  topk: { rows: TopKRow[]; top1: number; top5: number };
}

let cache: { key: string; table: ArchTable | ArchError } | null = null;

/** The table for these parameters (memoised on the parameters that shape it). */
export function tableFor(p: ArchParams): ArchTable | ArchError {
  const key = `${p.net}|${p.side}|${p.bn}|${p.shortcut}`;
  if (cache?.key !== key) cache = { key, table: buildTable(NETWORKS[p.net], { bn: p.bn, shortcut: p.shortcut, side: p.side }) };
  return cache.table;
}

/** Steps of the walk: one per layer or stage after the input. */
export function walkSteps(p: ArchParams): number {
  const t = tableFor(p);
  return t.ok ? t.top.length - 1 : 0;
}

export function topKOf(truth: readonly number[]) {
  const ranked = TOY_IMAGES.map((im) => im.ranked);
  const y = TOY_IMAGES.map((_, i) => Math.round(truth[i]));
  return {
    rows: TOY_IMAGES.map((im, i) => ({ name: im.name, ranked: im.ranked, truth: y[i], rank: rankOf(im.ranked, y[i]) })),
    top1: topKError(ranked, y, 1),
    top5: topKError(ranked, y, 5),
  };
}

export function createArchEngine(p: ArchParams): LabEngine<ArchView> {
  const table = tableFor(p);
  const topk = topKOf(p.truth);
  const steps = walkSteps(p);
  let walk = 0;
  return {
    step() {
      if (walk < steps) walk++;
    },
    isDone: () => walk >= steps,
    read(withView) {
      const metrics: Record<string, number> = { top1_err: topk.top1, top5_err: topk.top5, walk, ok: table.ok ? 1 : 0 };
      if (table.ok) {
        const t = table.totals;
        const last = table.rows[table.top[table.top.length - 1]].out;
        Object.assign(metrics, {
          params: t.params, macs: t.macs, weight_layers: t.weightLayers, bn_params: t.bnParams, conv_params: t.convParams, fc_params: t.fcParams,
          input_side: table.input.h, out_c: last.c, top_rows: table.top.length, rows: table.rows.length,
        });
      }
      return withView ? { metrics, view: { table, walk, topk } } : { metrics };
    },
    dispose: () => undefined,
  };
}
