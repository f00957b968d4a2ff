/**
 * 2-D target distributions for the GAN lab, with their quality metrics: a sampler (fresh samples
 * every step: the data are unlimited), the distance of a point to the distribution's support
 * (ring: | ‖x‖ − r |, grid: to the nearest mode, moons: to the nearest arc, drawn: to the nearest
 * drawn point) and, for distributions made of modes, how many modes the generator covers.
 */
import type { Rng } from '../rng';

export const GAN_DISTRIBUTIONS = ['ring', 'grid', 'grid25', 'moons', 'drawn'] as const;
export type GanDistribution = (typeof GAN_DISTRIBUTIONS)[number];

/** Ring radius and its noise (standard deviation of the radius). */
export const RING_RADIUS = 1;
export const RING_NOISE = 0.02;
/** Standard deviation of each Gaussian of the grids. */
export const GRID_STD = 0.05;
/** Moons: two half circles of radius 1 (the second shifted by (1, −0.5)), recentred at the origin, scaled by 0.9. */
export const MOONS_NOISE = 0.03;
/** Each drawn point is blurred by this much when sampled. */
export const DRAWN_NOISE = 0.04;
/** Fewest drawn points that make a distribution. */
export const MIN_DRAWN = 3;

export interface Pt {
  x: number;
  y: number;
}

export interface Target2d {
  kind: GanDistribution;
  /** Writes n samples into out (x₀, y₀, x₁, y₁, …). */
  sample(rng: Rng, n: number, out: Float64Array): void;
  /** Distance of (x, y) to the support. */
  distance(x: number, y: number): number;
  /** Centres of the modes (grids and drawn points), for counting covered modes; empty otherwise. */
  modes: readonly Pt[];
  /** A generated sample counts towards a mode when it lies within this distance of its centre. */
  modeRadius: number;
  /** Length scale the distance is compared with (the ring radius; the mode spacing for the grids). */
  scale: number;
}

/** Centres of a side×side grid spanning [−span, span]². */
export function gridModes(side: number, span: number): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      const t = (v: number) => (side === 1 ? 0 : -span + (2 * span * v) / (side - 1));
      out.push({ x: t(j), y: t(i) });
    }
  }
  return out;
}

function nearest(modes: readonly Pt[], x: number, y: number): { index: number; dist: number } {
  let best = Infinity;
  let index = -1;
  for (let m = 0; m < modes.length; m++) {
    const dx = x - modes[m].x;
    const dy = y - modes[m].y;
    const d = dx * dx + dy * dy;
    if (d < best) {
      best = d;
      index = m;
    }
  }
  return { index, dist: Math.sqrt(best) };
}

function ring(): Target2d {
  return {
    kind: 'ring',
    sample(rng, n, out) {
      for (let i = 0; i < n; i++) {
        const a = 2 * Math.PI * rng.next();
        const r = RING_RADIUS + RING_NOISE * rng.normal();
        out[2 * i] = r * Math.cos(a);
        out[2 * i + 1] = r * Math.sin(a);
      }
    },
    distance: (x, y) => Math.abs(Math.hypot(x, y) - RING_RADIUS),
    modes: [],
    modeRadius: 0,
    scale: RING_RADIUS,
  };
}

function grid(side: number, span: number, kind: GanDistribution): Target2d {
  const modes = gridModes(side, span);
  return {
    kind,
    sample(rng, n, out) {
      for (let i = 0; i < n; i++) {
        const m = modes[rng.int(modes.length)];
        out[2 * i] = m.x + GRID_STD * rng.normal();
        out[2 * i + 1] = m.y + GRID_STD * rng.normal();
      }
    },
    distance: (x, y) => nearest(modes, x, y).dist,
    modes,
    modeRadius: 3 * GRID_STD,
    scale: (2 * span) / (side - 1),
  };
}

/** A point on the moons' arcs for the parameter t ∈ [0, 1) (first moon for t < ½). */
function moonPoint(t: number): Pt {
  const upper = t < 0.5;
  const a = Math.PI * (upper ? 2 * t : 2 * t - 1);
  const x = upper ? Math.cos(a) : 1 - Math.cos(a);
  const y = upper ? Math.sin(a) : 0.5 - Math.sin(a);
  return { x: 0.9 * (x - 0.5), y: 0.9 * (y - 0.25) };
}

/** Distance of (x, y) to a half circle (centre c, radius 0.9, upper or lower half). */
function arcDistance(x: number, y: number, cx: number, cy: number, upper: boolean): number {
  const r = 0.9;
  const dx = x - cx;
  const dy = y - cy;
  const onSide = upper ? dy >= 0 : dy <= 0;
  if (onSide) return Math.abs(Math.hypot(dx, dy) - r);
  // Otherwise the nearest point of the half circle is one of its ends (cx ± r, cy).
  return Math.min(Math.hypot(dx - r, dy), Math.hypot(dx + r, dy));
}

function moons(): Target2d {
  return {
    kind: 'moons',
    sample(rng, n, out) {
      for (let i = 0; i < n; i++) {
        const p = moonPoint(rng.next());
        out[2 * i] = p.x + MOONS_NOISE * rng.normal();
        out[2 * i + 1] = p.y + MOONS_NOISE * rng.normal();
      }
    },
    distance: (x, y) => Math.min(arcDistance(x, y, -0.45, -0.225, true), arcDistance(x, y, 0.45, 0.225, false)),
    modes: [],
    modeRadius: 0,
    scale: 0.9,
  };
}

function drawn(points: readonly Pt[]): Target2d {
  return {
    kind: 'drawn',
    sample(rng, n, out) {
      for (let i = 0; i < n; i++) {
        const m = points[rng.int(points.length)];
        out[2 * i] = m.x + DRAWN_NOISE * rng.normal();
        out[2 * i + 1] = m.y + DRAWN_NOISE * rng.normal();
      }
    },
    distance: (x, y) => nearest(points, x, y).dist,
    modes: [],
    modeRadius: 0,
    scale: 1,
  };
}

/** Why a drawing cannot be a target (null when it can). */
export function drawnProblem(points: readonly Pt[]): string | null {
  if (points.length === 0) return 'Nothing drawn yet: click or drag on the plot to add points (or load a preset).';
  if (points.length < MIN_DRAWN) return `Draw at least ${MIN_DRAWN} points (you have ${points.length}).`;
  return null;
}

/** The target distribution; a drawing that is too small falls back to null (the caller reports it). */
export function makeTarget(kind: GanDistribution, points: readonly Pt[] = []): Target2d | null {
  switch (kind) {
    case 'ring': return ring();
    case 'grid': return grid(3, 1, 'grid');
    case 'grid25': return grid(5, 1.2, 'grid25');
    case 'moons': return moons();
    case 'drawn': return drawnProblem(points) ? null : drawn(points);
  }
}

export interface SampleQuality {
  /** Mean distance of the samples to the support. */
  meanDist: number;
  /** Modes with at least `minShare` of the samples within modeRadius (NaN without modes). */
  modesCovered: number;
  /** Fraction of the samples within modeRadius of some mode (NaN without modes). */
  highQuality: number;
}

/**
 * Quality of generated samples xy (n points). A mode is covered when at least minShare·n/modes
 * samples fall within modeRadius of it (default: a quarter of its fair share).
 */
export function sampleQuality(target: Target2d, xy: ArrayLike<number>, n: number, minShare = 0.25): SampleQuality {
  let sum = 0;
  const counts = new Array<number>(target.modes.length).fill(0);
  let near = 0;
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    sum += target.distance(x, y);
    if (target.modes.length) {
      const { index, dist } = nearest(target.modes, x, y);
      if (dist <= target.modeRadius) {
        counts[index]++;
        near++;
      }
    }
  }
  const modes = target.modes.length;
  const need = (minShare * n) / Math.max(1, modes);
  return {
    meanDist: n ? sum / n : NaN,
    modesCovered: modes ? counts.filter((c) => c > 0 && c >= need).length : NaN,
    highQuality: modes && n ? near / n : NaN,
  };
}

/** Fraction of the ring's angle sectors (default 12) that hold at least one sample near the ring. */
export function ringCoverage(xy: ArrayLike<number>, n: number, sectors = 12, tol = 0.1 * RING_RADIUS): number {
  const hit = new Array<boolean>(sectors).fill(false);
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    if (Math.abs(Math.hypot(x, y) - RING_RADIUS) > tol) continue;
    const a = (Math.atan2(y, x) + 2 * Math.PI) % (2 * Math.PI);
    hit[Math.min(sectors - 1, Math.floor((a / (2 * Math.PI)) * sectors))] = true;
  }
  return hit.filter(Boolean).length / sectors;
}

/** Points of a preset drawing ("a smile"), for the keyboard alternative to drawing. */
export function presetDrawing(): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < 9; i++) {
    const a = Math.PI * (1.15 + (0.7 * i) / 8);
    out.push({ x: Number((1.1 * Math.cos(a)).toFixed(3)), y: Number((1.1 * Math.sin(a) + 0.4).toFixed(3)) });
  }
  out.push({ x: -0.5, y: 0.6 }, { x: 0.5, y: 0.6 });
  return out;
}
