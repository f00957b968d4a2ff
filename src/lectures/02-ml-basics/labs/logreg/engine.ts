/**
 * Logistic regression ŷ = σ(θ₀ + θ₁x₁ + θ₂x₂) trained by gradient descent on binary cross-entropy
 * with tfjs. One GPU read (θ) per frame; the losses and the probability map are computed from θ.
 */
import { generate2D } from '../../../../ml/data/datasets2d';
import { splitDataset } from '../../../../ml/data/split';
import { LogisticRegressionGD, logregAccuracy, logregLoss, probabilityGrid } from '../../../../ml/models/logreg';
import type { Values } from '../../../../params/schema';
import type { LabEngine } from '../../../../labs/types';
import { LOGREG_GRID, LOGREG_PARAMS } from './params';

export type LogregParams = Values<typeof LOGREG_PARAMS>;

export interface LogregView {
  theta: [number, number, number];
  grid: Float32Array;
  points: { x: number; y: number; label: number; set: 'train' | 'val' | 'user' }[];
}

export function createLogregEngine(p: LogregParams): LabEngine<LogregView> {
  const mine = p.points.map((q) => ({ x: q.x, y: q.y, label: q.label }));
  const own = p.dataset === 'own';
  // "Your points only": the learner's points are split 70/30 like generated data; otherwise they join the training set.
  const data = p.dataset === 'own' ? mine : generate2D({ kind: p.dataset, n: p.n, noise: p.noise, classes: 2, seed: p.seed });
  const split = splitDataset(data, { train: 0.7, val: 0.3 }, p.seed + 11);
  const train = own ? split.train : [...split.train, ...mine];
  const val = split.val;
  const points = [
    ...split.train.map((q) => ({ ...q, set: 'train' as const })),
    ...(own ? [] : mine.map((q) => ({ ...q, set: 'user' as const }))),
    ...val.map((q) => ({ ...q, set: 'val' as const })),
  ];
  if (train.length === 0) return waitingEngine(points);
  const model = new LogisticRegressionGD(train, { learningRate: p.lr });

  return {
    step: () => model.step(1),
    read(withView) {
      const theta = model.theta();
      const metrics = {
        trainLoss: logregLoss(theta, train),
        valLoss: val.length ? logregLoss(theta, val) : NaN,
        trainAcc: logregAccuracy(theta, train),
        valAcc: val.length ? logregAccuracy(theta, val) : NaN,
        theta0: theta[0],
        theta1: theta[1],
        theta2: theta[2],
      };
      if (!withView) return { metrics };
      return { metrics, view: { theta, grid: probabilityGrid(theta, LOGREG_GRID), points } };
    },
    dispose: () => model.dispose(),
  };
}

/** "Your points only" with no training point yet: nothing to train, a flat 0.5 map to click on. */
function waitingEngine(points: LogregView['points']): LabEngine<LogregView> {
  const theta: [number, number, number] = [0, 0, 0];
  const view: LogregView = { theta, grid: probabilityGrid(theta, LOGREG_GRID), points };
  return {
    step: () => undefined,
    isDone: () => true,
    read: (withView) => ({ metrics: { theta0: 0, theta1: 0, theta2: 0 }, view: withView ? view : undefined }),
    dispose: () => undefined,
  };
}
