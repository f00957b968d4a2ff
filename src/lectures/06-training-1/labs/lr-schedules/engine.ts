/**
 * One network, one initialisation, one data set and one minibatch order, trained once per
 * learning-rate schedule; all runs advance together, one epoch per step. Plain TypeScript (the
 * 2–8–1 MLP of src/ml/models/mlp.ts): at this size tfjs per-op dispatch would cost far more than
 * the arithmetic, and there is nothing to free.
 */
import type { LabEngine } from '../../../../labs/types';
import { generate2D, type Point2 } from '../../../../ml/data/datasets2d';
import { Mlp, toMlpData } from '../../../../ml/models/mlp';
import { createRng } from '../../../../ml/rng';
import { SCHEDULE_KINDS, scheduleAlpha, type ScheduleKind, type ScheduleSpec } from '../../../../ml/schedules';
import { BATCH, MAP_GRID, NOISE, N_POINTS, runSpec, SIZES, type LrSchedulesParams } from './params';

export type { LrSchedulesParams } from './params';

/** A reference run whose loss passes this (or turns NaN) is stopped and called diverged. */
const BLOW_UP = 1e6;

export interface RunState {
  kind: ScheduleKind;
  /** α of the epoch trained last (α at epoch 0 before any). */
  alpha: number;
  loss: number;
  accuracy: number;
  divergedAt: number | null;
}

export interface LrSchedulesView {
  epoch: number;
  runs: Record<ScheduleKind, RunState>;
  points: Point2[];
  /** P(class 1) of the chosen run over MAP_GRID, row 0 at the top. */
  map: Float32Array;
}

function gridInputs(): Float64Array {
  const { nx, ny, xMin, xMax, yMin, yMax } = MAP_GRID;
  const g = new Float64Array(nx * ny * 2);
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      const i = r * nx + c;
      g[2 * i] = xMin + ((c + 0.5) / nx) * (xMax - xMin);
      g[2 * i + 1] = yMax - ((r + 0.5) / ny) * (yMax - yMin);
    }
  }
  return g;
}

export function createLrSchedulesEngine(p: LrSchedulesParams): LabEngine<LrSchedulesView> {
  const points = generate2D({ kind: 'xor', n: N_POINTS, noise: NOISE, classes: 2, seed: p.seed });
  const data = toMlpData(points);
  const specs = Object.fromEntries(SCHEDULE_KINDS.map((k) => [k, runSpec(k, p)])) as Record<ScheduleKind, ScheduleSpec>;
  // The same initial weights and the same shuffles for every schedule: only α differs.
  const nets = Object.fromEntries(
    SCHEDULE_KINDS.map((k) => [k, new Mlp({ sizes: SIZES, activation: 'tanh', problem: 'classification' }, createRng(p.seed * 7919 + 1))]),
  ) as Record<ScheduleKind, Mlp>;
  const shuffles = Object.fromEntries(SCHEDULE_KINDS.map((k) => [k, createRng(p.seed * 104729 + 3)])) as Record<ScheduleKind, ReturnType<typeof createRng>>;
  const start = nets.constant.evaluate(data);
  const runs = Object.fromEntries(
    SCHEDULE_KINDS.map((k) => [k, { kind: k, alpha: scheduleAlpha(specs[k], 0), loss: start.loss, accuracy: start.accuracy, divergedAt: null }]),
  ) as Record<ScheduleKind, RunState>;
  const grid = gridInputs();
  const cells = MAP_GRID.nx * MAP_GRID.ny;
  let epoch = 0;

  function advance(k: ScheduleKind) {
    const r = runs[k];
    if (r.divergedAt !== null) return;
    const alpha = scheduleAlpha(specs[k], epoch);
    nets[k].trainEpoch(data, { batchSize: BATCH, learningRate: alpha, regularizer: 'none', regRate: 0 }, shuffles[k]);
    const ev = nets[k].evaluate(data);
    r.alpha = alpha;
    if (k !== p.schedule && !(ev.loss < BLOW_UP)) {
      r.divergedAt = epoch + 1;
      return;
    }
    r.loss = ev.loss;
    r.accuracy = ev.accuracy;
  }

  return {
    step() {
      for (const k of SCHEDULE_KINDS) advance(k);
      epoch++;
    },
    isDone: () => epoch >= p.epochs,
    read(withView) {
      const chosen = specs[p.schedule];
      const metrics: Record<string, number> = {
        epoch,
        loss: runs[p.schedule].loss,
        accuracy: runs[p.schedule].accuracy,
        // α the next epoch will use (the last epoch's once training has finished).
        alpha: scheduleAlpha(chosen, Math.min(epoch, Math.max(0, p.epochs - 1))),
      };
      for (let e = 0; e < 4; e++) metrics[`alpha${e}`] = scheduleAlpha(chosen, e);
      for (const k of SCHEDULE_KINDS) if (runs[k].divergedAt === null) metrics[`loss_${k}`] = runs[k].loss;
      if (!withView) return { metrics };
      const map = new Float32Array(cells);
      const net = nets[p.schedule];
      for (let i = 0; i < cells; i++) map[i] = net.predict(grid, i);
      const snapshot = Object.fromEntries(SCHEDULE_KINDS.map((k) => [k, { ...runs[k] }])) as Record<ScheduleKind, RunState>;
      return { metrics, view: { epoch, runs: snapshot, points, map } };
    },
    dispose: () => undefined,
  };
}
