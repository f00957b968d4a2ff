/**
 * Two-dimensional test surfaces for the optimizer lab of Lecture 5: each with its value, gradient,
 * Hessian, a plotting domain, its minimum (null when it has none) and a default start.
 */

export type SurfaceId = 'quadratic' | 'rosenbrock' | 'beale' | 'saddle' | 'multimin';

export const SURFACE_IDS: readonly SurfaceId[] = ['quadratic', 'rosenbrock', 'beale', 'saddle', 'multimin'];

export interface Domain2D { xMin: number; xMax: number; yMin: number; yMax: number }

export interface Surface2D {
  id: SurfaceId;
  label: string;
  f(x: number, y: number): number;
  grad(x: number, y: number): [number, number];
  /** The Hessian's three distinct entries: [f_xx, f_xy, f_yy]. */
  hess(x: number, y: number): [number, number, number];
  domain: Domain2D;
  /** A global minimiser (one of several on 'multimin'), or null when f is unbounded below. */
  minimum: [number, number] | null;
  start: [number, number];
  /** The lowest value of f: at the minimum, or over the domain when f is unbounded below. */
  fMin: number;
  /** True when iterates are kept inside the domain (projected onto the box) because f is unbounded below. */
  bounded: boolean;
  /** The formula in KaTeX. */
  tex: string;
}

/** Condition numbers the quadratic accepts. */
export const CONDITION_RANGE = { min: 1, max: 1000 };

/**
 * f = (x² + κy²) / (2κ): Hessian diag(1/κ, 1), so the largest curvature is 1 for every κ
 * (one learning rate stays stable while κ changes) and the condition number is κ.
 */
function quadratic(kappa: number): Surface2D {
  const k = Math.min(CONDITION_RANGE.max, Math.max(CONDITION_RANGE.min, kappa));
  return {
    id: 'quadratic',
    label: `Ill-conditioned quadratic (κ = ${+k.toPrecision(3)})`,
    f: (x, y) => (x * x + k * y * y) / (2 * k),
    grad: (x, y) => [x / k, y],
    hess: () => [1 / k, 0, 1],
    domain: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
    minimum: [0, 0],
    start: [-1.8, 1.2],
    fMin: 0,
    bounded: false,
    tex: `f(x, y) = \\frac{x^2 + \\kappa y^2}{2\\kappa},\\quad \\kappa = ${+k.toPrecision(3)}`,
  };
}

/** Rosenbrock's banana: (1 − x)² + 100 (y − x²)², minimum at (1, 1). */
function rosenbrock(): Surface2D {
  return {
    id: 'rosenbrock',
    label: 'Rosenbrock',
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    grad: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    hess: (x, y) => [2 - 400 * y + 1200 * x * x, -400 * x, 200],
    domain: { xMin: -2, xMax: 2, yMin: -1, yMax: 3 },
    minimum: [1, 1],
    start: [-1.2, 1],
    fMin: 0,
    bounded: false,
    tex: 'f(x, y) = (1 - x)^2 + 100\\,(y - x^2)^2',
  };
}

const BEALE_C = [1.5, 2.25, 2.625];

/** Beale: Σᵢ (cᵢ − x + x yⁱ)² for i = 1..3, minimum 0 at (3, 0.5). */
function beale(): Surface2D {
  const terms = (x: number, y: number) => BEALE_C.map((c, j) => {
    const i = j + 1;
    return {
      r: c - x + x * y ** i,
      rx: y ** i - 1,
      ry: i * x * y ** (i - 1),
      rxy: i * y ** (i - 1),
      ryy: i * (i - 1) * x * y ** Math.max(0, i - 2),
    };
  });
  return {
    id: 'beale',
    label: 'Beale',
    f: (x, y) => terms(x, y).reduce((s, t) => s + t.r * t.r, 0),
    grad: (x, y) => terms(x, y).reduce<[number, number]>((g, t) => [g[0] + 2 * t.r * t.rx, g[1] + 2 * t.r * t.ry], [0, 0]),
    hess: (x, y) => terms(x, y).reduce<[number, number, number]>((h, t) => [
      h[0] + 2 * t.rx * t.rx,
      h[1] + 2 * (t.rx * t.ry + t.r * t.rxy),
      h[2] + 2 * (t.ry * t.ry + t.r * t.ryy),
    ], [0, 0, 0]),
    domain: { xMin: -4.5, xMax: 4.5, yMin: -4.5, yMax: 4.5 },
    minimum: [3, 0.5],
    start: [1, 1.5],
    fMin: 0,
    bounded: false,
    tex: 'f(x, y) = \\textstyle\\sum_{i=1}^{3} (c_i - x + x y^i)^2,\\ c = (1.5,\\ 2.25,\\ 2.625)',
  };
}

/** The saddle x² − y² on the box [−2, 2]²: unbounded below, so iterates stay in the box. */
function saddle(): Surface2D {
  return {
    id: 'saddle',
    label: 'Saddle x² − y²',
    f: (x, y) => x * x - y * y,
    grad: (x, y) => [2 * x, -2 * y],
    hess: () => [2, 0, -2],
    domain: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
    minimum: null,
    start: [-1.8, 0.02],
    fMin: -4,
    bounded: true,
    tex: 'f(x, y) = x^2 - y^2,\\quad (x, y) \\in [-2, 2]^2',
  };
}

/** Himmelblau's function: four minima with f = 0, at (3, 2), (−2.81, 3.13), (−3.78, −3.28), (3.58, −1.85). */
function multimin(): Surface2D {
  return {
    id: 'multimin',
    label: 'Several minima (Himmelblau)',
    f: (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    grad: (x, y) => [
      4 * x * (x * x + y - 11) + 2 * (x + y * y - 7),
      2 * (x * x + y - 11) + 4 * y * (x + y * y - 7),
    ],
    hess: (x, y) => [12 * x * x + 4 * y - 42, 4 * (x + y), 12 * y * y + 4 * x - 26],
    domain: { xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
    minimum: [3, 2],
    start: [-0.3, -0.6],
    fMin: 0,
    bounded: false,
    tex: 'f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2',
  };
}

/** Builds a surface; `condition` is κ of the quadratic (ignored by the others). */
export function makeSurface(id: SurfaceId, opts?: { condition?: number }): Surface2D {
  switch (id) {
    case 'quadratic': return quadratic(opts?.condition ?? 10);
    case 'rosenbrock': return rosenbrock();
    case 'beale': return beale();
    case 'saddle': return saddle();
    case 'multimin': return multimin();
  }
}

/** Projects a point onto the surface's box when the surface is bounded; otherwise returns it. */
export function keepInDomain(s: Surface2D, p: [number, number]): [number, number] {
  if (!s.bounded) return p;
  const { xMin, xMax, yMin, yMax } = s.domain;
  return [Math.min(xMax, Math.max(xMin, p[0])), Math.min(yMax, Math.max(yMin, p[1]))];
}

/** A start point moved into the surface's domain (every surface, bounded or not). */
export function clampStart(s: Surface2D, x: number, y: number): [number, number] {
  const { xMin, xMax, yMin, yMax } = s.domain;
  return [Math.min(xMax, Math.max(xMin, x)), Math.min(yMax, Math.max(yMin, y))];
}
