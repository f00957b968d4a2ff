/**
 * Positional-encoding lab engine. Plain TypeScript (no tfjs): at most 256 × 256 sin/cos values and a
 * 256 × 256 matrix of dot products (~8M multiply-adds, a few ms) — tfjs dispatch would buy nothing here.
 * Everything is computed when the parameters change; one step moves the chosen position by one, so
 * Play sweeps it along the sequence (the similarity curve keeps its shape, only shifted).
 */
import type { LabEngine } from '../../../../labs/types';
import { peSimilarity, positionalEncoding, similarityAtOffset } from '../../../../ml/positionalEncoding';
import type { PositionalParams } from './params';

export interface PositionalView {
  L: number;
  d: number;
  /** Row-major L × d. */
  pe: Float32Array;
  /** Row-major L × L, PE·PEᵀ. */
  sim: Float32Array;
  /** Position whose similarity row is shown (the chosen one, moved by the sweep). */
  cursor: number;
  /** Largest |S[p][q] − Σ_i cos((q − p)ω_i)| over all pairs: 0 up to float rounding. */
  offsetDev: number;
  /** True when the chosen position was above L − 1 and was clamped. */
  posClamped: boolean;
  k: number;
}

export function computePositional(p: PositionalParams) {
  const L = Math.round(p.L);
  const d = 2 * Math.round(p.d / 2);
  const pe = positionalEncoding(L, d);
  const sim = peSimilarity(pe, L, d);
  const byOffset = new Float64Array(2 * L - 1);
  for (let k = -(L - 1); k <= L - 1; k++) byOffset[k + L - 1] = similarityAtOffset(k, d);
  let offsetDev = 0;
  for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) offsetDev = Math.max(offsetDev, Math.abs(sim[a * L + b] - byOffset[b - a + L - 1]));
  const pos = Math.min(Math.max(0, Math.round(p.pos)), L - 1);
  return { L, d, pe, sim, offsetDev, pos, posClamped: Math.round(p.pos) > L - 1 };
}

export function createPositionalEngine(p: PositionalParams): LabEngine<PositionalView> {
  const c = computePositional(p);
  const { L, d, pe, sim } = c;
  let cursor = c.pos;
  let peSum = 0;
  for (let i = 0; i < pe.length; i++) peSum += pe[i];
  const rowStats = () => {
    let arg = 0;
    let best = -Infinity;
    let min = Infinity;
    for (let q = 0; q < L; q++) {
      const v = sim[cursor * L + q];
      if (v > best) { best = v; arg = q; }
      min = Math.min(min, v);
    }
    return { arg, best, min };
  };
  return {
    step() {
      cursor = (cursor + 1) % L;
    },
    read(withView) {
      const r = rowStats();
      const metrics = {
        L, d, pos: cursor, pe_sum: peSum, pe_0_0: pe[0], pe_0_1: pe[1], pe_1_0: pe[d], pe_1_1: pe[d + 1],
        self_sim: sim[cursor * L + cursor], sim_argmax: r.arg, sim_max: r.best, sim_row_min: r.min, offset_dev: c.offsetDev,
      };
      return withView
        ? { metrics, view: { L, d, pe, sim, cursor, offsetDev: c.offsetDev, posClamped: c.posClamped, k: Math.round(p.k) } }
        : { metrics };
    },
    dispose: () => undefined,
  };
}
