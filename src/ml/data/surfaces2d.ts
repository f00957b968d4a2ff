/**
 * Regression surfaces over [−1, 1]² for the 2-D playground: points uniform in the square, targets
 * t = f(x₁, x₂) + ε, ε ~ N(0, (0.25·noise)²). Deterministic for a seed.
 */
import { createRng, type Rng } from '../rng';

export type SurfaceKind = 'plane' | 'bumps';

export const SURFACE_KINDS: readonly SurfaceKind[] = ['plane', 'bumps'];

export interface SurfacePoint {
  x: number;
  y: number;
  /** The regression target. */
  t: number;
}

export type Surface = (x1: number, x2: number) => number;

/** Plane f = (x₁ + x₂)/2, in [−1, 1] on the square. */
export const plane: Surface = (x1, x2) => (x1 + x2) / 2;

/**
 * Sum of four Gaussian bumps of alternating sign, f = Σ_k s_k exp(−‖x − c_k‖² / (2·0.35²)),
 * centres c_k ~ U[−0.7, 0.7]² from the rng; clipped to [−1, 1].
 */
export function bumpSurface(rng: Rng): Surface {
  const bumps = Array.from({ length: 4 }, (_, k) => ({ cx: 1.4 * rng.next() - 0.7, cy: 1.4 * rng.next() - 0.7, s: k % 2 ? -1 : 1 }));
  const inv = 1 / (2 * 0.35 * 0.35);
  return (x1, x2) => {
    const v = bumps.reduce((acc, b) => acc + b.s * Math.exp(-((x1 - b.cx) ** 2 + (x2 - b.cy) ** 2) * inv), 0);
    return Math.max(-1, Math.min(1, v));
  };
}

export function surfaceFor(kind: SurfaceKind, seed: number): Surface {
  return kind === 'plane' ? plane : bumpSurface(createRng(seed + 101));
}

/** n points x ~ U[−1, 1]² with targets f(x) + N(0, (0.25·noise)²). */
export function generateSurface(o: { kind: SurfaceKind; n: number; noise: number; seed: number }): SurfacePoint[] {
  const f = surfaceFor(o.kind, o.seed);
  const rng = createRng(o.seed);
  const sigma = 0.25 * Math.max(0, o.noise);
  return Array.from({ length: o.n }, () => {
    const x = 2 * rng.next() - 1;
    const y = 2 * rng.next() - 1;
    return { x, y, t: f(x, y) + sigma * rng.normal() };
  });
}
