/**
 * The maximum-likelihood view of least squares. With y_i = x_iθ + ε_i, ε_i ~ N(0, σ²):
 *   log p(y | X, θ) = −(n/2)·log(2πσ²) − (1/(2σ²))·Σ(y_i − x_iθ)² = −(n/2)·log(2πσ²) − (n/(2σ²))·J(θ),
 * so the θ that maximises the log-likelihood is the θ that minimises the MSE J(θ).
 */
import { mse } from '../../../../ml/linalg';

export interface Profile {
  /** Slopes θ₁ scanned, with the intercept held at its least-squares value. */
  slopes: number[];
  mse: number[];
  logLik: number[];
  /** The scanned slope with the highest log-likelihood, and the one with the lowest MSE. */
  argmaxLogLik: number;
  argminMse: number;
}

export function gaussianLogLikelihood(X: number[][], theta: number[], y: number[], sigma: number): number {
  const n = y.length;
  return -(n / 2) * Math.log(2 * Math.PI * sigma * sigma) - (n / (2 * sigma * sigma)) * mse(X, theta, y);
}

export function likelihoodProfile(X: number[][], y: number[], thetaLS: number[], sigma: number, points = 121): Profile {
  const half = Math.max(1, Math.abs(thetaLS[1]));
  const slopes = Array.from({ length: points }, (_, i) => thetaLS[1] - half + (2 * half * i) / (points - 1));
  const m = slopes.map((s) => mse(X, [thetaLS[0], s], y));
  const ll = slopes.map((s) => gaussianLogLikelihood(X, [thetaLS[0], s], y, sigma));
  const argmaxLogLik = slopes[ll.indexOf(Math.max(...ll))];
  const argminMse = slopes[m.indexOf(Math.min(...m))];
  return { slopes, mse: m, logLik: ll, argmaxLogLik, argminMse };
}
