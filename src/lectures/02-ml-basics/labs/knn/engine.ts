/**
 * k-NN "training" is memorising: each step adds a slice of the training set to the memory, and the
 * validation error falls as the memory fills. Plain TypeScript (no tfjs: there are no weights).
 */
import { generate2D, type Dataset2DKind, type Point2 } from '../../../../ml/data/datasets2d';
import { splitDataset } from '../../../../ml/data/split';
import { accuracyByK, knnAccuracy, knnGrid } from '../../../../ml/models/knn';
import type { Values } from '../../../../params/schema';
import type { LabEngine } from '../../../../labs/types';
import { K_MAX, KNN_GRID, KNN_PARAMS } from './params';

export type KnnParams = Values<typeof KNN_PARAMS>;
export type SetName = 'train' | 'val' | 'test' | 'user';
export interface KnnPoint extends Point2 { set: SetName }


export interface KnnView {
  points: KnnPoint[];
  grid: Int8Array;
  memorised: number;
  trainSize: number;
  /** Accuracy for k = 1..kMax on the training and validation sets (full memory). */
  accByK: { k: number; train: number; val: number }[];
  bestK: number;
  acc: { train: number; val: number; test: number };
  fractions: { train: number; val: number; test: number };
}

/** Keep the three shares valid: validation shrinks if training + validation would leave no test set. */
export function effectiveFractions(trainPct: number, valPct: number) {
  const train = trainPct / 100;
  const val = Math.min(valPct / 100, Math.max(0, 0.95 - train));
  return { train, val, test: 1 - train - val };
}

export function createKnnEngine(p: KnnParams): LabEngine<KnnView> {
  const classes = p.classes;
  const mine = p.points.filter((q) => q.label < classes).map((q) => ({ ...q }));
  const own = p.dataset === 'own';
  // "Your points only": the learner's points are the data set and are split like generated data.
  const data = own ? mine : generate2D({ kind: p.dataset as Dataset2DKind, n: p.n, noise: p.noise, classes: classes as 2 | 3, seed: p.seed });
  const fractions = effectiveFractions(p.trainPct, p.valPct);
  const split = splitDataset(data, fractions, p.seed + 7);
  const user = own ? [] : mine;
  const train: Point2[] = [...split.train, ...user];
  const kMax = Math.min(K_MAX, Math.max(1, train.length));
  const trainAcc = accuracyByK(train, train, kMax, p.metric, classes);
  const valAcc = accuracyByK(train, split.val, kMax, p.metric, classes);
  const accByK = trainAcc.map((t, i) => ({ k: i + 1, train: t, val: valAcc[i] }));
  const bestK = accByK.reduce((b, r) => (r.val > b.val ? r : b), accByK[0]).k;
  const points: KnnPoint[] = [
    ...split.train.map((q) => ({ ...q, set: 'train' as const })),
    ...user.map((q) => ({ ...q, set: 'user' as const })),
    ...split.val.map((q) => ({ ...q, set: 'val' as const })),
    ...split.test.map((q) => ({ ...q, set: 'test' as const })),
  ];
  // The test score is for the final model (the full memory) and is shown only when the learner asks.
  const testAcc = knnAccuracy(train, split.test, p.k, p.metric, classes);
  const batch = Math.max(1, Math.ceil(train.length / 40));
  let memorised = 0;

  return {
    step() {
      memorised = Math.min(train.length, memorised + batch);
    },
    isDone: () => memorised >= train.length,
    read(withView) {
      const memory = train.slice(0, memorised);
      const val = memory.length ? knnAccuracy(memory, split.val, p.k, p.metric, classes) : 0;
      const tr = memory.length ? knnAccuracy(memory, train, p.k, p.metric, classes) : 0;
      // Too few of the learner's own points can leave the validation set empty: no validation score then.
      const metrics: Record<string, number> = split.val.length ? { valError: 1 - val, valAcc: val, trainAcc: tr, memorised } : { trainAcc: tr, memorised };
      if (!withView) return { metrics };
      const grid = memory.length ? knnGrid(memory, p.k, p.metric, classes, KNN_GRID) : new Int8Array(KNN_GRID.nx * KNN_GRID.ny).fill(-1);
      return {
        metrics,
        view: { points, grid, memorised, trainSize: train.length, accByK, bestK, acc: { train: tr, val, test: testAcc }, fractions },
      };
    },
    dispose() {
      /* plain arrays only: nothing to free */
    },
  };
}
