/**
 * Dead ReLUs (Lecture 7): a ReLU unit whose pre-activation z is ≤ 0 for every training input outputs
 * 0 for all of them and has ReLU'(z) = 0 there, so no gradient reaches its incoming weights or bias:
 * nothing moves it back. A large learning-rate step can push a unit there. Leaky ReLU
 * (slope 0.01 for z < 0) still passes 0.01× the gradient, so its units never stop learning.
 *
 * Plain TypeScript on the shared `Mlp` (its backward pass is checked against tfjs and finite
 * differences): the lab needs every unit's pre-activation on every input, which is per-unit access.
 */
import { generate2D, type Dataset2DKind } from './data/datasets2d';
import { Mlp, toMlpData, sampleLoss, type MlpData } from './models/mlp';
import { createRng, type Rng } from './rng';

export type DeadAct = 'relu' | 'leakyRelu';

export interface DeadRunSpec {
  width: number;
  depth: number;
  act: DeadAct;
  lr: number;
  /** Initial bias of every hidden unit (the notes suggest a slightly positive 0.01). */
  biasInit: number;
  seed: number;
  batchSize: number;
}

export const DEAD_POINTS = 200;
export const DEAD_DATA: Dataset2DKind = 'moons';

export function deadReluData(seed: number, kind: Dataset2DKind = DEAD_DATA, n = DEAD_POINTS): MlpData {
  const pts = generate2D({ kind, n, noise: 0.2, classes: 2, seed });
  return toMlpData(pts);
}

export interface DeadRun {
  spec: DeadRunSpec;
  mlp: Mlp;
  rng: Rng;
  epochs: number;
}

/**
 * Kaiming weights N(0, 2/fan-in), hidden biases `biasInit`, output bias 0. The weights depend on the
 * seed and the sizes only, so runs that differ in learning rate, bias or activation start from the
 * same weights and see the same minibatches.
 */
export function createDeadRun(spec: DeadRunSpec): DeadRun {
  const sizes = [2, ...Array.from({ length: spec.depth }, () => spec.width), 1];
  const mlp = new Mlp({ sizes, activation: spec.act, problem: 'classification' }, createRng(spec.seed));
  const rng = createRng(spec.seed * 7919 + 1);
  mlp.weights.forEach((w, l) => {
    const std = Math.sqrt(2 / sizes[l]);
    for (let k = 0; k < w.length; k++) w[k] = std * rng.normal();
  });
  mlp.biases.forEach((b, l) => b.fill(l < spec.depth ? spec.biasInit : 0));
  return { spec: { ...spec }, mlp, rng: createRng(spec.seed * 7919 + 2), epochs: 0 };
}

export function trainDeadEpoch(run: DeadRun, data: MlpData): void {
  run.mlp.trainEpoch(data, { batchSize: run.spec.batchSize, learningRate: run.spec.lr, regularizer: 'none', regRate: 0 }, run.rng);
  run.epochs++;
}

/**
 * Per hidden layer, per unit: the share of training inputs with z > 0 (a unit's output is positive
 * exactly when its pre-activation is, for ReLU and leaky ReLU alike).
 */
export function unitActivity(mlp: Mlp, data: MlpData): Float64Array[] {
  const hidden = mlp.sizes.slice(1, -1);
  const act = hidden.map((n) => new Float64Array(n));
  for (let i = 0; i < data.n; i++) {
    mlp.forward(data.x, i);
    for (let l = 0; l < hidden.length; l++) {
      const a = mlp.a[l + 1];
      const out = act[l];
      for (let j = 0; j < a.length; j++) if (a[j] > 0) out[j]++;
    }
  }
  for (const a of act) for (let j = 0; j < a.length; j++) a[j] /= data.n;
  return act;
}

/** Unit activity, mean cross-entropy and accuracy in one pass over the data. */
export function measureRun(mlp: Mlp, data: MlpData): { activity: Float64Array[]; loss: number; accuracy: number } {
  const hidden = mlp.sizes.slice(1, -1);
  const activity = hidden.map((n) => new Float64Array(n));
  let loss = 0;
  let right = 0;
  for (let i = 0; i < data.n; i++) {
    const z = mlp.forward(data.x, i);
    loss += sampleLoss('classification', z, data.y[i]);
    if ((z > 0 ? 1 : 0) === data.y[i]) right++;
    for (let l = 0; l < hidden.length; l++) {
      const a = mlp.a[l + 1];
      const out = activity[l];
      for (let j = 0; j < a.length; j++) if (a[j] > 0) out[j]++;
    }
  }
  for (const a of activity) for (let j = 0; j < a.length; j++) a[j] /= data.n;
  return { activity, loss: loss / data.n, accuracy: right / data.n };
}

/** Units whose pre-activation is ≤ 0 on every input ("all-negative"). */
export function allNegativeCount(activity: readonly Float64Array[]): number {
  let n = 0;
  for (const a of activity) for (let j = 0; j < a.length; j++) if (a[j] === 0) n++;
  return n;
}

/** Dead units, i.e. units that get no gradient: the all-negative ones for ReLU, none for leaky ReLU. */
export function deadCount(activity: readonly Float64Array[], act: DeadAct): number {
  return act === 'relu' ? allNegativeCount(activity) : 0;
}

/**
 * Hidden units whose incoming weights and bias get exactly zero gradient over the whole training set
 * (the definition that matters: such a unit cannot change). Leaves the gradient in `mlp.gradW/gradB`.
 */
export function gradientFreeCount(mlp: Mlp, data: MlpData): number {
  const idx = Int32Array.from({ length: data.n }, (_, i) => i);
  mlp.gradient(data, idx, 0, data.n, 'none', 0);
  let n = 0;
  for (let l = 0; l < mlp.sizes.length - 2; l++) {
    const nIn = mlp.sizes[l];
    const gw = mlp.gradW[l];
    const gb = mlp.gradB[l];
    for (let j = 0; j < gb.length; j++) {
      let zero = gb[j] === 0;
      for (let k = 0; zero && k < nIn; k++) zero = gw[j * nIn + k] === 0;
      if (zero) n++;
    }
  }
  return n;
}
