/**
 * Monte Carlo dropout on 1-D regression with a gap in the data: train a small ReLU network with
 * dropout, then predict with T stochastic passes (dropout on) and show mean ± 2 std.
 *
 * One step = EPOCHS_PER_STEP full-batch Adam epochs. The band is recomputed when a view is asked
 * for (every BAND_EVERY epochs while training, and at the end); its masks come from a generator re-seeded each time, so the band
 * depends only on the weights (a link reproduces it exactly).
 */
import type { LabEngine } from '../../../../labs/types';
import { gapData, mcStats, McDropoutNet } from '../../../../ml/mcDropout';
import { createRng } from '../../../../ml/rng';
import type { Values } from '../../../../params/schema';
import { EPOCHS_PER_STEP, GAP, GRID, HIDDEN, N_POINTS, PLOT_MAX, PLOT_MIN, X_MAX, X_MIN, type MC_PARAMS } from './params';

export type McParams = Values<typeof MC_PARAMS>;

/** Sample curves (single passes) shown thinly behind the band. */
export const SHOWN_CURVES = 6;
/** Epochs between band refreshes while training. */
const BAND_EVERY = 100;

export interface McView {
  data: { x: number[]; y: number[] };
  grid: number[];
  mean: number[];
  std: number[];
  /** Eval-mode prediction (dropout off, no sampling). */
  evalPred: number[];
  curves: number[][];
  epoch: number;
}

export function gridXs(): number[] {
  return Array.from({ length: GRID }, (_, i) => PLOT_MIN + ((PLOT_MAX - PLOT_MIN) * i) / (GRID - 1));
}

/** Where a grid point lies: inside the data, in the gap, or outside [X_MIN, X_MAX]. */
export function region(x: number): 'data' | 'gap' | 'outside' {
  if (x < X_MIN || x > X_MAX) return 'outside';
  return x > GAP.lo && x < GAP.hi ? 'gap' : 'data';
}

/** Mean band width 4·std (mean ± 2 std) over the grid points of each region. */
export function bandWidths(grid: readonly number[], std: ArrayLike<number>): { data: number; gap: number; outside: number } {
  const sum = { data: 0, gap: 0, outside: 0 };
  const cnt = { data: 0, gap: 0, outside: 0 };
  grid.forEach((x, i) => {
    const r = region(x);
    sum[r] += 4 * std[i];
    cnt[r]++;
  });
  return { data: sum.data / cnt.data, gap: sum.gap / cnt.gap, outside: sum.outside / cnt.outside };
}

export function createMcEngine(p: McParams): LabEngine<McView> {
  const data = gapData(N_POINTS, p.noise, p.seed, GAP, X_MIN, X_MAX);
  const net = new McDropoutNet({ hidden: HIDDEN, drop: p.drop, lr: p.lr, seed: p.seed * 7919 + 13 });
  const grid = gridXs();
  const T = Math.round(p.passes);
  let epoch = 0;
  let loss = NaN;
  let band: { view: McView; widths: ReturnType<typeof bandWidths> } | null = null;

  function computeBand() {
    const samples = net.sampleCurves(grid, T, createRng(p.seed * 104729 + 17));
    const { mean, std } = mcStats(samples, T, grid.length);
    const curves = Array.from({ length: Math.min(SHOWN_CURVES, T) }, (_, t) => Array.from(samples.subarray(t * grid.length, (t + 1) * grid.length)));
    band = {
      view: { data, grid, mean: Array.from(mean), std: Array.from(std), evalPred: grid.map((x) => net.predict(x)), curves, epoch },
      widths: bandWidths(grid, std),
    };
  }

  return {
    step() {
      for (let e = 0; e < EPOCHS_PER_STEP; e++) loss = net.trainBatch(data.x, data.y);
      epoch += EPOCHS_PER_STEP;
    },
    read(withView) {
      // T passes over the grid cost tens of ms: while training, refresh the band every BAND_EVERY epochs.
      const stale = band === null || epoch - band.view.epoch >= BAND_EVERY || (epoch >= p.epochs && band.view.epoch !== epoch);
      if (withView && stale) computeBand();
      let evalMse = 0;
      data.x.forEach((x, i) => (evalMse += (net.predict(x) - data.y[i]) ** 2 / data.x.length));
      const metrics: Record<string, number> = { epoch, mse_eval: evalMse };
      if (Number.isFinite(loss) || epoch > 0) metrics.loss = loss;
      if (band) {
        Object.assign(metrics, {
          width_data: band.widths.data, width_gap: band.widths.gap, width_outside: band.widths.outside,
          width_ratio: band.widths.gap / band.widths.data, band_epoch: band.view.epoch,
        });
      }
      return withView && band ? { metrics, view: band.view } : { metrics };
    },
    dispose: () => undefined,
  };
}
