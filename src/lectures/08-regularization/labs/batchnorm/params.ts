import { defineParams, seedParam } from '../../../../params/schema';

/** Units per hidden layer. */
export const WIDTH = 64;
/** Training digits per class (2,000 in all), pooled 2 × 2 to 14 × 14 pixels. */
export const PER_CLASS = 200;
export const CLASSES = 10;
/** Digits pushed through both networks for the per-layer activation distributions. */
export const PROBE = 128;
/** A snapshot (activations, γ/β, running statistics, the single sample) every this many iterations. */
export const SNAP_EVERY = 10;
/** The training loss shown is the mean minibatch loss of the last this many iterations. */
export const LOSS_WINDOW = 10;
/** Quantiles of the activation bands. */
export const QS: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];
/** Learning-rate sweep: short runs, with and without BN, a few seeds per rate. */
export const SWEEP_LRS: readonly number[] = [0.01, 0.03, 0.1, 0.3, 1, 3];
export const SWEEP_SEEDS = 2;
export const SWEEP_ITERS = 60;
/** A sweep run's final loss: the mean minibatch loss of its last this many iterations. */
export const SWEEP_TAIL = 10;
/** Diverged sweep runs are drawn at this loss (chance is ln 10 ≈ 2.30). */
export const SWEEP_CAP = 3;
/** Units of the chosen layer shown in the single-sample table. */
export const SHOWN_UNITS = 3;
/** Sweep runs: every rate × seed × {plain, BN}. */
export const SWEEP_RUNS = SWEEP_LRS.length * SWEEP_SEEDS * 2;

/** Engine steps of a whole run: the main iterations, then one step per sweep minibatch. */
export function totalSteps(p: { iters: number }): number {
  return Math.round(p.iters) + SWEEP_RUNS * SWEEP_ITERS;
}

export const BATCHNORM_PARAMS = defineParams({
  depth: {
    kind: 'number', label: 'Hidden layers', symbol: 'L', urlKey: 'L', min: 2, max: 10, step: 1, default: 8,
    help: `Each hidden layer has ${WIDTH} ReLU units; the BN network normalises before every ReLU.`,
  },
  lr: {
    kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.003, max: 10, step: 0, scale: 'log', default: 0.5,
    help: 'The same plain SGD step size for both networks.',
  },
  betaM: {
    kind: 'number', label: 'Momentum of the running averages', symbol: '\\beta_m', urlKey: 'bm', min: 0.5, max: 0.99, step: 0.01, default: 0.9,
    help: 'running ← β_m · running + (1 − β_m) · batch (PyTorch’s momentum = 1 − β_m).',
  },
  batch: {
    kind: 'number', label: 'Batch size', symbol: 'B', urlKey: 'B', min: 4, max: 256, step: 4, default: 64,
    help: 'Samples per minibatch: BN’s μ_B and σ²_B are computed over these.',
  },
  iters: { kind: 'number', label: 'Iterations', urlKey: 'it', min: 100, max: 1000, step: 50, default: 300 },
  layer: {
    kind: 'number', label: 'Layer shown', symbol: 'l', urlKey: 'l', min: 1, max: 10, step: 1, default: 1,
    help: 'Which hidden layer the γ/β, running-statistics and single-sample views show.',
  },
  seed: seedParam(),
});
