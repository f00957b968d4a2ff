/**
 * Conv-variants lab engine. Plain TypeScript, no tfjs: the counts are closed forms
 * (src/ml/convCost.ts, checked against a brute-force convolution in its tests). One step moves the
 * highlight to the next variant, so Step/Play tours the comparison.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import {
  depthwiseSeparable, groupedConv, groupsProblem, inceptionNaive, inceptionReduced, pointwiseConv, standardConv,
  type ConvSizes, type Cost, type InceptionCost, type InceptionSizes,
} from '../../../../ml/convCost';
import type { CONV_VARIANT_PARAMS } from './params';

export type ConvVariantParams = Values<typeof CONV_VARIANT_PARAMS>;

export const VARIANTS = ['std', 'pw', 'dws', 'grp', 'incN', 'incR'] as const;
export type VariantKey = (typeof VARIANTS)[number];

export interface ConvVariantView {
  sizes: ConvSizes;
  inc: InceptionSizes;
  groups: number;
  costs: Record<VariantKey, Cost | null>;
  dws: ReturnType<typeof depthwiseSeparable>;
  naive: InceptionCost;
  reduced: InceptionCost;
  /** Why the grouped conv is not possible, or null. */
  groupsProblem: string | null;
  /** Variant highlighted by the tour (−1: none). */
  focus: number;
}

export function compute(p: ConvVariantParams): Omit<ConvVariantView, 'focus'> {
  const sizes: ConvSizes = { h: p.h, w: p.w, cin: p.cin, cout: p.cout, k: p.k, bias: p.bias };
  const inc: InceptionSizes = { h: p.h, w: p.w, cin: p.cin, n1: p.n1, n3: p.n3, n5: p.n5, r: p.r, bias: p.bias };
  const problem = groupsProblem(p.cin, p.cout, p.groups);
  const dws = depthwiseSeparable(sizes);
  const naive = inceptionNaive(inc);
  const reduced = inceptionReduced(inc);
  return {
    sizes, inc, groups: p.groups, dws, naive, reduced, groupsProblem: problem,
    costs: { std: standardConv(sizes), pw: pointwiseConv(sizes), dws, grp: problem ? null : groupedConv(sizes, p.groups), incN: naive, incR: reduced },
  };
}

export function createConvVariantEngine(p: ConvVariantParams): LabEngine<ConvVariantView> {
  const v = compute(p);
  let focus = 0;
  const metrics: Record<string, number> = { grp_ok: v.groupsProblem ? 0 : 1, dws_ratio: v.dws.macs / v.costs.std!.macs };
  for (const k of VARIANTS) {
    const c = v.costs[k];
    metrics[`${k}_params`] = c ? c.params : NaN;
    metrics[`${k}_macs`] = c ? c.macs : NaN;
    metrics[`${k}_outc`] = c ? c.outC : NaN;
  }
  return {
    step() {
      if (focus < VARIANTS.length) focus++;
    },
    isDone: () => focus >= VARIANTS.length,
    read(withView) {
      const m = { ...metrics, focus };
      return withView ? { metrics: m, view: { ...v, focus: focus - 1 } } : { metrics: m };
    },
    dispose: () => undefined,
  };
}
