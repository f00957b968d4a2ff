/**
 * Attention lab engine. The attention of the editable Q, K, V and the multi-head example are
 * computed once per parameter set (a few 6×12 matrices); the engine's steps run the saturation
 * Monte Carlo in chunks of a few thousand random numbers each, so the page stays responsive.
 * Plain TypeScript (src/ml/attention.ts): for matrices this small tfjs's per-op dispatch would
 * dominate the arithmetic.
 */
import type { LabEngine } from '../../../../labs/types';
import {
  attention, createSaturationRun, initMultiHead, multiHeadAttention, type AttentionResult, type Matrix, type MultiHeadResult,
  type SaturationPoint,
} from '../../../../ml/attention';
import { MAX_DK, MAX_DV, unpack, type AttentionParams } from './params';

/** The multi-head example: six tokens, seeded embeddings of this width (divisible by h = 1 … 4). */
export const TOKENS = ['the', 'cat', 'sat', 'on', 'the', 'mat'] as const;
export const D_MODEL = 12;

export interface AttentionView {
  q: Matrix;
  k: Matrix;
  v: Matrix;
  att: AttentionResult;
  mh: MultiHeadResult;
  sat: SaturationPoint[];
  satProgress: number;
}

export function sizesOf(p: AttentionParams) {
  return { n: Math.round(p.n), dk: Math.round(p.dk), dv: Math.round(p.dv), h: Math.round(p.heads) };
}

export function createAttentionEngine(p: AttentionParams): LabEngine<AttentionView> {
  const { n, dk, dv, h } = sizesOf(p);
  const opts = { scale: p.scale, causal: p.causal };
  const q = unpack(p.q, MAX_DK, n, dk);
  const k = unpack(p.k, MAX_DK, n, dk);
  const v = unpack(p.v, MAX_DV, n, dv);
  const att = attention(q, k, v, opts);
  const mh = multiHeadAttention(initMultiHead(TOKENS, D_MODEL, Math.round(p.seed)), h, opts);
  const run = createSaturationRun({ trials: p.trials, seed: Math.round(p.seed) });

  const metrics = (): Record<string, number> => {
    const m: Record<string, number> = { n, dk, dv, divisor: att.divisor, heads: mh.heads.length, head_dk: mh.dk };
    let rowErr = 0;
    let upper = 0;
    att.weights.forEach((row, i) => {
      rowErr = Math.max(rowErr, Math.abs(row.reduce((a, x) => a + x, 0) - 1));
      row.forEach((w, j) => {
        m[`w${i + 1}_${j + 1}`] = w;
        if (j > i) upper = Math.max(upper, w);
      });
      att.output[i].forEach((o, c) => { m[`out${i + 1}_${c + 1}`] = o; });
    });
    m.row_sum_err = rowErr;
    m.upper_max = upper;
    m.mh_upper_max = Math.max(0, ...mh.heads.flatMap((hd) => hd.weights.flatMap((row, i) => row.filter((_, j) => j > i))));
    const pts = run.points();
    m.sat_progress = run.stepsTaken() / run.totalSteps;
    m.sat_points = pts.length;
    const last = pts[pts.length - 1];
    if (last) {
      const s = p.scale ? last.scaled : last.raw;
      m.sat_dk = last.dk;
      m.sat_maxw = s.maxWeight;
      m.sat_jac = s.jacobian;
      m.sat_std = s.logitStd;
    }
    return m;
  };

  return {
    step() {
      run.step();
    },
    read(withView) {
      const m = metrics();
      if (!withView) return { metrics: m };
      return { metrics: m, view: { q, k, v, att, mh, sat: run.points(), satProgress: m.sat_progress } };
    },
    isDone: () => run.done(),
    dispose: () => undefined,
  };
}
