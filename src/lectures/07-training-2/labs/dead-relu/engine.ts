/**
 * Five ReLU networks trained side by side on the same two moons, from the same weights, on the same
 * minibatches: normal and high learning rate, hidden biases 0 and b₀ (at both rates), and leaky ReLU
 * at the high rate. Plain TypeScript (`src/ml/deadRelu.ts`): counting dead units needs every unit's
 * pre-activation on every input. One step is one epoch of every run, measured after it (the curves
 * keep a point per epoch, however many epochs a frame runs).
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { allNegativeCount, createDeadRun, DEAD_DATA, DEAD_POINTS, gradientFreeCount, measureRun, trainDeadEpoch, type DeadRun } from '../../../../ml/deadRelu';
import { generate2D, type Point2 } from '../../../../ml/data/datasets2d';
import { toMlpData } from '../../../../ml/models/mlp';
import { DEAD_BATCH, MIN_OWN_POINTS, RUN_KEYS, type DEAD_RELU_PARAMS, type RunKey } from './params';

export type DeadReluParams = Values<typeof DEAD_RELU_PARAMS>;
/** A run whose loss passes this (or turns NaN) is stopped and called diverged; the others go on. */
const BLOW_UP = 1e6;

export interface RunState {
  act: 'relu' | 'leakyRelu';
  lr: number;
  bias: number;
  loss: number;
  accuracy: number;
  /** Hidden units that get no gradient (ReLU: pre-activation ≤ 0 on every input; leaky: checked on the gradient). */
  dead: number;
  /** Units with pre-activation ≤ 0 on every input (for leaky ReLU they still learn). */
  allNegative: number;
  deadAtStart: number;
  divergedAt: number | null;
  /** Per hidden layer, per unit: the share of inputs with z > 0. */
  activity: Float64Array[];
  /** Per epoch from 0: dead share, all-negative share, loss. */
  deadHistory: number[];
  negHistory: number[];
  lossHistory: number[];
}

export interface DeadReluView {
  /** The runs, or null when "Your points only" has too few points to train on. */
  runs: Record<RunKey, RunState> | null;
  units: number;
  epoch: number;
  /** The training points (set 'user': the learner's points added to the moons). */
  data: (Point2 & { set: 'train' | 'user' })[];
  /** Why nothing trains, or null. */
  notice: string | null;
}

/** A view with runs (the figures draw only these). */
export type TrainedView = DeadReluView & { runs: Record<RunKey, RunState> };

export interface DeadReluData {
  points: Point2[];
  shown: DeadReluView['data'];
  tooFew: boolean;
  notice: string | null;
}

/**
 * The points every run learns: the seeded moons (the learner's points join them), or the learner's
 * points alone ("Your points only", at least MIN_OWN_POINTS of them). All of them train: the lab
 * watches units die on the training inputs, there is no validation set.
 */
export function deadReluPoints(p: Pick<DeadReluParams, 'dataset' | 'points' | 'seed'>): DeadReluData {
  const mine = p.points.map((q) => ({ x: q.x, y: q.y, label: q.label }));
  if (p.dataset === 'own') {
    const n = mine.length;
    const shown = mine.map((q) => ({ ...q, set: 'train' as const }));
    if (n < MIN_OWN_POINTS) {
      return {
        points: mine, shown, tooFew: true,
        notice: `${n === 0 ? 'No points yet' : `Only ${n} point${n === 1 ? '' : 's'}`}: the runs need at least ${MIN_OWN_POINTS} of your points to train on. Add ${MIN_OWN_POINTS - n} more, or pick the moons.`,
      };
    }
    return { points: mine, shown, tooFew: false, notice: null };
  }
  // The same moons as deadReluData(seed).
  const moons = generate2D({ kind: DEAD_DATA, n: DEAD_POINTS, noise: 0.2, classes: 2, seed: p.seed });
  return {
    points: [...moons, ...mine], tooFew: false, notice: null,
    shown: [...moons.map((q) => ({ ...q, set: 'train' as const })), ...mine.map((q) => ({ ...q, set: 'user' as const }))],
  };
}

export function runSpecs(p: DeadReluParams): Record<RunKey, { act: 'relu' | 'leakyRelu'; lr: number; bias: number }> {
  return {
    normal: { act: 'relu', lr: p.lr, bias: 0 },
    high: { act: 'relu', lr: p.lrHigh, bias: 0 },
    bias: { act: 'relu', lr: p.lr, bias: p.bias },
    biasHigh: { act: 'relu', lr: p.lrHigh, bias: p.bias },
    leaky: { act: 'leakyRelu', lr: p.lrHigh, bias: 0 },
  };
}

export function createDeadReluEngine(p: DeadReluParams): LabEngine<DeadReluView> {
  const units = p.width * p.depth;
  const pts = deadReluPoints(p);
  if (pts.tooFew) {
    const view: DeadReluView = { runs: null, units, epoch: 0, data: pts.shown, notice: pts.notice };
    return { step: () => undefined, isDone: () => true, read: (withView) => ({ metrics: { epoch: 0, points: pts.points.length, too_few: 1 }, view: withView ? view : undefined }), dispose: () => undefined };
  }
  const data = toMlpData(pts.points);
  const specs = runSpecs(p);
  const runs = {} as Record<RunKey, DeadRun>;
  const state = {} as Record<RunKey, RunState>;
  let epoch = 0;

  function measure(k: RunKey) {
    const r = runs[k];
    const s = state[k];
    const m = measureRun(r.mlp, data);
    s.activity = m.activity;
    s.loss = m.loss;
    s.accuracy = m.accuracy;
    s.allNegative = allNegativeCount(m.activity);
    // Leaky ReLU: check "never dies" on the real gradient instead of assuming it.
    s.dead = s.act === 'relu' ? s.allNegative : gradientFreeCount(r.mlp, data);
    if (!(s.loss < BLOW_UP)) s.divergedAt = epoch;
    s.deadHistory.push(s.dead / units);
    s.negHistory.push(s.allNegative / units);
    s.lossHistory.push(s.loss);
  }

  for (const k of RUN_KEYS) {
    const sp = specs[k];
    runs[k] = createDeadRun({ width: p.width, depth: p.depth, act: sp.act, lr: sp.lr, biasInit: sp.bias, seed: p.seed, batchSize: DEAD_BATCH });
    state[k] = {
      ...sp, loss: NaN, accuracy: NaN, dead: 0, allNegative: 0, deadAtStart: 0, divergedAt: null, activity: [],
      deadHistory: [], negHistory: [], lossHistory: [],
    };
    measure(k);
    state[k].deadAtStart = state[k].dead;
  }

  return {
    step() {
      epoch++;
      for (const k of RUN_KEYS) {
        if (state[k].divergedAt !== null) continue;
        trainDeadEpoch(runs[k], data);
        measure(k);
      }
    },
    read(withView) {
      const metrics: Record<string, number> = { epoch, points: data.n };
      for (const k of RUN_KEYS) {
        const s = state[k];
        metrics[`dead_${k}`] = s.dead / units;
        metrics[`deadn_${k}`] = s.dead;
        metrics[`loss_${k}`] = s.divergedAt === null ? s.loss : NaN;
        metrics[`acc_${k}`] = s.accuracy;
      }
      metrics.neg_leaky = state.leaky.allNegative / units;
      metrics.negn_leaky = state.leaky.allNegative;
      if (!withView) return { metrics };
      const runsCopy = Object.fromEntries(RUN_KEYS.map((k) => {
        const s = state[k];
        return [k, {
          ...s, activity: s.activity.map((a) => a.slice()),
          deadHistory: s.deadHistory.slice(), negHistory: s.negHistory.slice(), lossHistory: s.lossHistory.slice(),
        }];
      })) as Record<RunKey, RunState>;
      return { metrics, view: { runs: runsCopy, units, epoch, data: pts.shown, notice: null } };
    },
    dispose: () => undefined,
  };
}
