/**
 * The playground's engine: plain TypeScript (no tfjs), one epoch of minibatch SGD per step. Losses
 * are computed every frame; every unit's heatmap only when a view is asked for (≤ 10 Hz), into two
 * sets of buffers used in turn, so the view being drawn is never the one being written.
 */
import { generate2D, type Dataset2DKind } from '../../../../ml/data/datasets2d';
import { FEATURE_KEYS, featureMatrix, gridPoints, type FeatureKey } from '../../../../ml/data/features2d';
import { splitDataset } from '../../../../ml/data/split';
import { generateSurface } from '../../../../ml/data/surfaces2d';
import { Mlp, parameterCount, type MlpData, type Problem, type TrainOptions } from '../../../../ml/models/mlp';
import { allocUnitMaps, fillOutputMap, fillUnitMaps, type UnitMaps } from '../../../../ml/models/mlpMaps';
import { createRng } from '../../../../ml/rng';
import type { LabEngine } from '../../../../labs/types';
import { OUTPUT_GRID, UNIT_GRID, WIDTH_KEYS, type MlpParams } from './params';

export type PointSetName = 'train' | 'test' | 'user';

/** A data point: label is the class (classification) or the sign of the target (regression, for colour). */
export interface MlpPoint {
  x: number;
  y: number;
  label: number;
  /** The target: 0/1 or the regression value. */
  t: number;
  set: PointSetName;
}

export interface MlpView {
  problem: Problem;
  /** Units per layer, inputs first, output last. */
  sizes: readonly number[];
  features: readonly FeatureKey[];
  /** Copies of W^l (n_l × n_{l−1}, row-major) and b^l. */
  weights: Float32Array[];
  biases: Float32Array[];
  /** a^l_j over UNIT_GRID for every unit (output: ŷ). */
  unitMaps: UnitMaps;
  /** ŷ over OUTPUT_GRID. */
  output: Float32Array;
  points: readonly MlpPoint[];
}

/** The features switched on, in canonical order; x₁ and x₂ when none is. */
export function activeFeatures(p: MlpParams): FeatureKey[] {
  const on = FEATURE_KEYS.filter((k) => p[k]);
  return on.length ? on : ['x1', 'x2'];
}

/** [#inputs, hidden widths…, 1]. */
export function layerSizes(p: MlpParams): number[] {
  const hidden = WIDTH_KEYS.slice(0, p.layers).map((k) => p[k]);
  return [activeFeatures(p).length, ...hidden, 1];
}

/** Data points with their split: the learner's points join the training set. */
export function makePoints(p: MlpParams): MlpPoint[] {
  const cls = p.problem === 'classification';
  const mine = p.points.map((q) => ({ x: q.x, y: q.y, t: cls ? q.label : q.label ? 1 : -1 }));
  // "Your points only" (classification): the learner's points are the data set, split like generated data.
  const own = cls && p.dataset === 'own';
  const raw = own
    ? mine
    : cls
      ? generate2D({ kind: p.dataset as Dataset2DKind, n: p.n, noise: p.noise, classes: 2, seed: p.seed }).map((q) => ({ x: q.x, y: q.y, t: q.label }))
      : generateSurface({ kind: p.surface, n: p.n, noise: p.noise, seed: p.seed });
  const { train, test } = splitDataset(raw, { train: p.trainPct / 100, val: 0 }, p.seed + 7);
  const label = (t: number) => (cls ? t : t >= 0 ? 1 : 0);
  const user = own ? [] : mine;
  const tag = (set: PointSetName) => (q: { x: number; y: number; t: number }): MlpPoint => ({ ...q, label: label(q.t), set });
  return [...train.map(tag('train')), ...user.map(tag('user')), ...test.map(tag('test'))];
}

function toData(points: readonly MlpPoint[], features: readonly FeatureKey[]): MlpData {
  return { x: featureMatrix(points, features), y: Float64Array.from(points, (q) => q.t), n: points.length };
}

export function createMlpEngine(p: MlpParams): LabEngine<MlpView> {
  const features = activeFeatures(p);
  const sizes = layerSizes(p);
  const points = makePoints(p);
  const train = toData(points.filter((q) => q.set !== 'test'), features);
  const test = toData(points.filter((q) => q.set === 'test'), features);
  const net = new Mlp({ sizes, activation: p.activation, problem: p.problem }, createRng(p.seed * 7919 + 1));
  const shuffle = createRng(p.seed + 3);
  const opts: TrainOptions = { batchSize: p.batch, learningRate: p.lr, regularizer: p.reg, regRate: p.regRate };
  const unitCount = UNIT_GRID.nx * UNIT_GRID.ny;
  const outCount = OUTPUT_GRID.nx * OUTPUT_GRID.ny;
  const unitGrid = featureMatrix(gridPoints(UNIT_GRID), features);
  const outGrid = featureMatrix(gridPoints(OUTPUT_GRID), features);
  const buffers = [0, 1].map(() => ({ maps: allocUnitMaps(sizes, unitCount), output: new Float32Array(outCount) }));
  let turn = 0;
  const params = parameterCount(sizes);

  return {
    step: () => net.trainEpoch(train, opts, shuffle),
    // "Your points only" with no training point yet: nothing to train.
    isDone: () => train.n === 0,
    read(withView) {
      const tr = net.evaluate(train);
      const te = net.evaluate(test);
      const metrics: Record<string, number> = train.n ? { trainLoss: tr.loss, testLoss: te.loss, params } : { params };
      if (p.problem === 'classification') Object.assign(metrics, { trainAcc: tr.accuracy, testAcc: te.accuracy });
      if (!withView) return { metrics };
      const buf = buffers[turn];
      turn = 1 - turn;
      fillUnitMaps(net, unitGrid, unitCount, buf.maps);
      fillOutputMap(net, outGrid, outCount, buf.output);
      const view: MlpView = {
        problem: p.problem,
        sizes,
        features,
        weights: net.weights.map((w) => Float32Array.from(w)),
        biases: net.biases.map((b) => Float32Array.from(b)),
        unitMaps: buf.maps,
        output: buf.output,
        points,
      };
      return { metrics, view };
    },
    dispose() {
      /* typed arrays only: nothing to free */
    },
  };
}
