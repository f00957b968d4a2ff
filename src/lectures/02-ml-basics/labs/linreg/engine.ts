/**
 * Linear regression two ways on the same noisy data: the closed form θ = (XᵀX)⁻¹Xᵀy (plain TS) and
 * batch gradient descent on J(θ) = (1/n)‖Xθ − y‖² with tfjs. One GPU read (θ) per frame; the MSE is
 * then computed on the CPU from θ.
 */
import { generateLinear1D } from '../../../../ml/data/regression1d';
import { designMatrix, leastSquares, mse } from '../../../../ml/linalg';
import { LinearRegressionGD } from '../../../../ml/models/linregGD';
import type { Values } from '../../../../params/schema';
import type { LabEngine } from '../../../../labs/types';
import { LINREG_PARAMS, TRUE_LINE } from './params';
import { likelihoodProfile, type Profile } from './likelihood';

export type LinregParams = Values<typeof LINREG_PARAMS>;

export interface LinregView {
  x: number[];
  y: number[];
  thetaGD: number[];
  thetaLS: number[];
  residualsLS: number[];
  profile: Profile;
}

export function createLinregEngine(p: LinregParams): LabEngine<LinregView> {
  const data = generateLinear1D({ n: p.n, slope: TRUE_LINE.slope, intercept: TRUE_LINE.intercept, noise: p.sigma, xMin: TRUE_LINE.xMin, xMax: TRUE_LINE.xMax, seed: p.seed });
  const X = designMatrix(data.x);
  const thetaLS = leastSquares(X, data.y);
  const mseLS = mse(X, thetaLS, data.y);
  const residualsLS = data.y.map((yi, i) => yi - (thetaLS[0] + thetaLS[1] * data.x[i]));
  const profile = likelihoodProfile(X, data.y, thetaLS, p.sigma);
  const gd = new LinearRegressionGD(X, data.y, { learningRate: p.lr });

  return {
    step: () => gd.step(1),
    read(withView) {
      const thetaGD = gd.theta();
      const mseGD = mse(X, thetaGD, data.y);
      const metrics = { mseGD, mseLS, theta0: thetaGD[0], theta1: thetaGD[1] };
      if (!withView) return { metrics };
      return { metrics, view: { x: data.x, y: data.y, thetaGD, thetaLS, residualsLS, profile } };
    },
    dispose: () => gd.dispose(),
  };
}
