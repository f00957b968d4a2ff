/**
 * The Transformer's learning-rate schedule (Vaswani et al. 2017, "Noam" schedule, as in the notes):
 *
 *   lrate = d_model^−0.5 · min(step_num^−0.5, step_num · warmup_steps^−1.5)
 *
 * step_num counts optimiser steps from 1. For step_num < warmup the second branch is the smaller one
 * (a linear rise); from warmup on the first (an inverse-square-root decay). Both meet at
 * step_num = warmup with the peak d_model^−0.5 · warmup^−0.5.
 */

/** The learning rate of optimiser step `step` (≥ 1); 0 before the first step. */
export function noamLr(step: number, dModel: number, warmup: number): number {
  if (!(dModel > 0) || !(warmup > 0)) throw new Error(`d_model and warmup_steps must be positive (got ${dModel}, ${warmup})`);
  if (!(step >= 1)) return 0;
  return dModel ** -0.5 * Math.min(step ** -0.5, step * warmup ** -1.5);
}

/** The peak learning rate, reached at step_num = warmup_steps. */
export function noamPeak(dModel: number, warmup: number): number {
  return dModel ** -0.5 * warmup ** -0.5;
}

/** The schedule sampled at `points` steps spread over 1 … `steps` (always including the warm-up step when it is in range). */
export function noamCurve(steps: number, dModel: number, warmup: number, points = 200): { x: number; y: number }[] {
  const xs = new Set<number>();
  const n = Math.max(2, Math.min(points, steps));
  for (let i = 0; i < n; i++) xs.add(Math.max(1, Math.round(1 + ((steps - 1) * i) / (n - 1))));
  if (warmup <= steps) xs.add(Math.round(warmup));
  return [...xs].sort((a, b) => a - b).map((x) => ({ x, y: noamLr(x, dModel, warmup) }));
}
