import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../ml/tf';
import { defaults } from '../../../params/schema';
import { leastSquares, designMatrix } from '../../../ml/linalg';
import { generateLinear1D } from '../../../ml/data/regression1d';
import { createKnnEngine } from './knn/engine';
import { KNN_PARAMS } from './knn/params';
import { createLinregEngine } from './linreg/engine';
import { gaussianLogLikelihood } from './linreg/likelihood';
import { LINREG_PARAMS, TRUE_LINE } from './linreg/params';
import { createLogregEngine } from './logreg/engine';
import { LOGREG_PARAMS } from './logreg/params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function run<V>(engine: { step(): void; read(v: boolean): unknown; dispose(): void }, steps: number) {
  for (let i = 0; i < steps; i++) engine.step();
  return (await engine.read(true)) as { metrics: Record<string, number>; view: V };
}

describe('Lecture 2 lab engines', () => {
  it('k-NN: memorising lowers the validation error and is deterministic for a seed', async () => {
    const p = defaults(KNN_PARAMS);
    const a = createKnnEngine(p);
    const first = await run(a, 0);
    const last = await run(a, 40);
    expect(first.metrics.valError).toBe(1);
    expect(last.metrics.valError).toBeLessThan(0.5);
    expect(a.isDone?.()).toBe(true);
    const b = createKnnEngine(p);
    expect((await run(b, 40)).metrics).toEqual(last.metrics);
  });

  it('linear regression: gradient descent reaches the closed form, and ML = least squares', async () => {
    const p = { ...defaults(LINREG_PARAMS), steps: 2000 };
    const engine = createLinregEngine(p);
    const r = await run<{ thetaGD: number[]; thetaLS: number[]; profile: { argmaxLogLik: number; argminMse: number } }>(engine, 1500);
    engine.dispose();
    expect(r.view.thetaGD[0]).toBeCloseTo(r.view.thetaLS[0], 3);
    expect(r.view.thetaGD[1]).toBeCloseTo(r.view.thetaLS[1], 3);
    expect(r.metrics.mseGD).toBeCloseTo(r.metrics.mseLS, 6);
    expect(r.view.profile.argmaxLogLik).toBe(r.view.profile.argminMse);
    expect(Math.abs(r.view.profile.argmaxLogLik - r.view.thetaLS[1])).toBeLessThan(0.03);
  });

  it('the Gaussian log-likelihood is largest at the least-squares θ', () => {
    const d = generateLinear1D({ n: 50, slope: TRUE_LINE.slope, intercept: TRUE_LINE.intercept, noise: 1, xMin: -3, xMax: 3, seed: 4 });
    const X = designMatrix(d.x);
    const ls = leastSquares(X, d.y);
    const best = gaussianLogLikelihood(X, ls, d.y, 1);
    for (const [d0, d1] of [[0.01, 0], [-0.01, 0], [0, 0.01], [0, -0.01], [0.05, -0.05]]) {
      expect(gaussianLogLikelihood(X, [ls[0] + d0, ls[1] + d1], d.y, 1)).toBeLessThan(best);
    }
  });

  it('linear regression with too large a learning rate diverges to non-finite values', async () => {
    const engine = createLinregEngine({ ...defaults(LINREG_PARAMS), lr: 1 });
    const r = await run(engine, 500);
    engine.dispose();
    expect(Number.isFinite(r.metrics.mseGD)).toBe(false);
  });

  it('logistic regression: the loss falls from log 2 on separable blobs', async () => {
    const engine = createLogregEngine(defaults(LOGREG_PARAMS));
    const start = await run(engine, 0);
    const end = await run(engine, 200);
    engine.dispose();
    expect(start.metrics.trainLoss).toBeCloseTo(Math.log(2), 6);
    expect(end.metrics.trainLoss).toBeLessThan(0.2);
    expect(end.metrics.valAcc).toBeGreaterThan(0.9);
  });

  it('no tensor leaks across 20 reset cycles of each tfjs lab', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const lin = createLinregEngine({ ...defaults(LINREG_PARAMS), seed: i + 1 });
      const log = createLogregEngine({ ...defaults(LOGREG_PARAMS), seed: i + 1 });
      await run(lin, 5);
      await run(log, 5);
      lin.dispose();
      log.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});
