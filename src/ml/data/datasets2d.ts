/**
 * Toy 2-D classification datasets in the spirit of TensorFlow Playground.
 * All points lie roughly in [−1, 1]² (clipped to [−1.2, 1.2]²); classes are balanced
 * (point i gets label i mod classes, so counts differ by at most one) and the output order is
 * shuffled. Everything is deterministic for a given seed.
 */
import { createRng, shuffleInPlace, type Rng } from '../rng';

export type Dataset2DKind = 'blobs' | 'circles' | 'xor' | 'spiral' | 'moons';

/** A labelled point; label ∈ {0, …, classes−1}. */
export interface Point2 {
  x: number;
  y: number;
  label: number;
}

export interface Dataset2DOptions {
  kind: Dataset2DKind;
  /** Number of points. */
  n: number;
  /** Relative noise in [0, 1]: Gaussian jitter with σ = NOISE_SCALE · noise per coordinate. */
  noise: number;
  classes: 2 | 3;
  seed: number;
}

export const DATASET_2D_KINDS: readonly Dataset2DKind[] = ['blobs', 'circles', 'xor', 'spiral', 'moons'];

export const DATASET_2D_LABELS: Record<Dataset2DKind, string> = {
  blobs: 'Gaussian blobs',
  circles: 'Concentric circles',
  xor: 'XOR',
  spiral: 'Spiral',
  moons: 'Moons',
};

/** σ of the jitter at noise = 1, in data units. */
const NOISE_SCALE = 0.25;
const CLIP = 1.2;

type Sampler = (c: number, classes: number, rng: Rng) => [number, number];

/** Blobs: N(μ_c, 0.15² I), centres μ_c = 0.55·(cos φ_c, sin φ_c), φ_c = π/4 + 2πc/classes. */
const blobs: Sampler = (c, classes, rng) => {
  const phi = Math.PI / 4 + (2 * Math.PI * c) / classes;
  return [0.55 * Math.cos(phi) + 0.15 * rng.normal(), 0.55 * Math.sin(phi) + 0.15 * rng.normal()];
};

/** Circles: radius r ~ U[r_c − 0.05, r_c + 0.05], r_c = 0.25 + 0.7·c/(classes−1), angle uniform. */
const circles: Sampler = (c, classes, rng) => {
  const r = 0.25 + (0.7 * c) / (classes - 1) + 0.1 * (rng.next() - 0.5);
  const a = 2 * Math.PI * rng.next();
  return [r * Math.cos(a), r * Math.sin(a)];
};

/**
 * XOR. 2 classes: label 0 where x·y > 0 (quadrants I, III), label 1 where x·y < 0, with
 * |x|, |y| ~ U[0.05, 1] (a small gap along the axes).
 * 3 classes: class 2 fills the central square |x|, |y| < 0.35; classes 0/1 follow the same sign
 * rule outside the square max(|x|, |y|) ≥ 0.5 (rejection sampling), leaving a thin gap.
 */
const xor: Sampler = (c, classes, rng) => {
  if (c === 2) return [0.7 * rng.next() - 0.35, 0.7 * rng.next() - 0.35];
  for (;;) {
    const ax = 0.05 + 0.95 * rng.next();
    const ay = 0.05 + 0.95 * rng.next();
    if (classes === 3 && Math.max(ax, ay) < 0.5) continue;
    const sx = rng.next() < 0.5 ? -1 : 1;
    const sy = c === 0 ? sx : -sx; // class 0: same signs, class 1: opposite signs
    return [sx * ax, sy * ay];
  }
};

/** Spiral arm c: s ~ U[0,1), r = 0.05 + 0.9 s, angle = 3.5π s + 2πc/classes. */
const spiral: Sampler = (c, classes, rng) => {
  const s = rng.next();
  const r = 0.05 + 0.9 * s;
  const a = 3.5 * Math.PI * s + (2 * Math.PI * c) / classes;
  return [r * Math.cos(a), r * Math.sin(a)];
};

/**
 * Moons (as sklearn make_moons, extended): moon c is a half circle of radius 1 centred at
 * (c, 0) opening downwards for even c, or at (c, 0.5) opening upwards for odd c, t ~ U[0, π].
 * The union is centred and scaled by 1.8/(classes+1) to fit in [−0.9, 0.9] horizontally.
 */
const moons: Sampler = (c, classes, rng) => {
  const t = Math.PI * rng.next();
  const x = c + Math.cos(t);
  const y = c % 2 === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
  const s = 1.8 / (classes + 1);
  return [s * (x - (classes - 1) / 2), s * (y - 0.25)];
};

const SAMPLERS: Record<Dataset2DKind, Sampler> = { blobs, circles, xor, spiral, moons };

const clip = (v: number): number => Math.min(CLIP, Math.max(-CLIP, v));

/**
 * Generates n labelled points of the requested kind.
 * Each point: (x, y) = clean(c) + NOISE_SCALE·noise·(ε₁, ε₂), ε ~ N(0, I₂), clipped to
 * [−1.2, 1.2]², with c = i mod classes. noise = 0 gives the clean shape.
 * @returns array of length n (shuffled), labels in {0, …, classes−1}
 */
export function generate2D(o: Dataset2DOptions): Point2[] {
  if (!Number.isInteger(o.n) || o.n < 0) throw new Error(`n must be a non-negative integer, got ${o.n}`);
  const rng = createRng(o.seed);
  const sample = SAMPLERS[o.kind];
  const sigma = NOISE_SCALE * Math.max(0, o.noise);
  const points: Point2[] = [];
  for (let i = 0; i < o.n; i++) {
    const label = i % o.classes;
    const [cx, cy] = sample(label, o.classes, rng);
    // Always draw the jitter, so changing only `noise` moves the same points smoothly.
    const ex = rng.normal();
    const ey = rng.normal();
    points.push({ x: clip(cx + sigma * ex), y: clip(cy + sigma * ey), label });
  }
  return shuffleInPlace(points, rng);
}
