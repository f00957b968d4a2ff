/**
 * All-zero initialisation cannot break symmetry: a 2 → H → 1 network whose hidden units start
 * identical receives identical gradients for each of them, so after any amount of training they are
 * still identical, and the network is no better than one hidden unit. Plain TypeScript (the shared
 * `Mlp`, full-batch gradient descent): the per-unit weights are the point, and the net is tiny.
 *
 * Hidden units are sigmoids, so zero weights still pass a signal (σ(0) = ½) and the net does learn,
 * symmetrically. With tanh or ReLU, all-zero weights would not move at all (tanh(0) = 0, ReLU'(0) = 0).
 */
import { generate2D, type Dataset2DKind } from './data/datasets2d';
import { Mlp, toMlpData, type MlpData } from './models/mlp';
import { createRng, type Rng } from './rng';

export type SymInit = 'zero' | 'random';
export const SYM_HIDDEN = 8;
export const SYM_POINTS = 240;
export const SYM_EPOCHS = 1000;
export const SYM_LR = 2;
export const SYM_DATA: Dataset2DKind = 'circles';

/**
 * Two classes at 2 : 1 (every other point of class 1 dropped). With balanced classes a net with all
 * weights 0 would not move at all: its output gradient ½·mean(σ(0) − y) would be 0.
 */
export function symmetryData(seed: number, kind: Dataset2DKind = SYM_DATA): MlpData {
  let odd = 0;
  const pts = generate2D({ kind, n: SYM_POINTS, noise: 0.3, classes: 2, seed }).filter((p) => p.label === 0 || odd++ % 2 === 0);
  return toMlpData(pts);
}

export interface SymmetryRun {
  init: SymInit;
  mlp: Mlp;
  data: MlpData;
  rng: Rng;
  epochs: number;
}

/** Random: the Mlp's Xavier-uniform weights for the seed. Zero: every weight and bias 0. */
export function createSymmetryRun(init: SymInit, seed: number, data = symmetryData(seed)): SymmetryRun {
  const mlp = new Mlp({ sizes: [2, SYM_HIDDEN, 1], activation: 'sigmoid', problem: 'classification' }, createRng(seed * 7 + 11));
  if (init === 'zero') for (const w of mlp.weights) w.fill(0);
  return { init, mlp, data, rng: createRng(seed * 7 + 12), epochs: 0 };
}

export function trainSymmetry(run: SymmetryRun, epochs: number): void {
  for (let e = 0; e < epochs; e++) {
    run.mlp.trainEpoch(run.data, { batchSize: run.data.n, learningRate: SYM_LR, regularizer: 'none', regRate: 0 }, run.rng);
    run.epochs++;
  }
}

/** Hidden unit j's parameters: its incoming weights w_j1, w_j2, its bias b_j and its outgoing weight v_j. */
export function unitRows(mlp: Mlp): number[][] {
  const [w1, w2] = mlp.weights;
  const [b1] = mlp.biases;
  const d = mlp.sizes[0];
  return Array.from({ length: mlp.sizes[1] }, (_, j) => [...Array.from({ length: d }, (_, k) => w1[j * d + k]), b1[j], w2[j]]);
}

/** Largest difference between a unit's parameter and the same parameter of unit 1: exactly 0 when all units are the same. */
export function unitSpread(rows: readonly (readonly number[])[]): number {
  if (!rows.length) return NaN;
  let m = 0;
  for (const r of rows) for (let k = 0; k < r.length; k++) m = Math.max(m, Math.abs(r[k] - rows[0][k]));
  return m;
}
