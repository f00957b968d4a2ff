/** Synthetic 1-D regression data. */
import { createRng } from '../rng';

/** Paired samples: x[i] ↦ y[i], both of length n. */
export interface Regression1D {
  x: number[];
  y: number[];
}

/**
 * Samples n points x_i ~ U[xMin, xMax] and y_i = intercept + slope·x_i + σ·ε_i, ε_i ~ N(0, 1),
 * with σ = noise. Deterministic for a seed.
 * @returns x and y, each of length n (x in sampling order, not sorted)
 */
export function generateLinear1D(o: {
  n: number;
  slope: number;
  intercept: number;
  noise: number;
  xMin: number;
  xMax: number;
  seed: number;
}): Regression1D {
  const rng = createRng(o.seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < o.n; i++) {
    const xi = o.xMin + (o.xMax - o.xMin) * rng.next();
    x.push(xi);
    y.push(o.intercept + o.slope * xi + o.noise * rng.normal());
  }
  return { x, y };
}
