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
  points: { x: number; y: number; label: number; set: 'train' | 'val' }[];
}

export function createLogregEngine(p: LogregParams): LabEngine<LogregView> {
  const data = generate2D({ kind: p.dataset, n: p.n, noise: p.noise, classes: 2, seed: p.seed });
  const { train, val } = splitDataset(data, { train: 0.7, val: 0.3 }, p.seed + 11);
  const model = new LogisticRegressionGD(train, { learningRate: p.lr });
  const points = [...train.map((q) => ({ ...q, set: 'train' as const })), ...val.map((q) => ({ ...q, set: 'val' as const }))];

  return {
    step: () => model.step(1),
    read(withView) {
      const theta = model.theta();
      const metrics = {
        trainLoss: logregLoss(theta, train),
        valLoss: logregLoss(theta, val),
        trainAcc: logregAccuracy(theta, train),
        valAcc: logregAccuracy(theta, val),
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
