/**
 * A 2-D quadratic bowl f(θ) = ½ θᵀHθ with a chosen condition number, gradient descent on it with a
 * fixed learning rate, and the exact line-search step α* = gᵀg / gᵀHg. Pure TypeScript.
 */

export type Vec2 = [number, number];
/** A symmetric 2×2 matrix [[a, b], [b, c]]. */
export interface Sym2 {
  a: number;
  b: number;
  c: number;
}

export interface Quadratic2D {
  H: Sym2;
  /** Eigenvalues, λ_min ≤ λ_max. */
  lambdaMin: number;
  lambdaMax: number;
}

/**
 * The bowl with eigenvalues λ_max = 1 and λ_min = 1/κ, its axes rotated by `angle` radians.
 * @param kappa condition number κ = λ_max / λ_min ≥ 1
 */
export function illConditionedQuadratic(kappa: number, angle = Math.PI / 6): Quadratic2D {
  const l1 = 1;
  const l2 = 1 / kappa;
  const cs = Math.cos(angle);
  const sn = Math.sin(angle);
  // H = R diag(l1, l2) Rᵀ, R the rotation by `angle`.
  const H: Sym2 = { a: l1 * cs * cs + l2 * sn * sn, b: (l1 - l2) * cs * sn, c: l1 * sn * sn + l2 * cs * cs };
  return { H, lambdaMin: l2, lambdaMax: l1 };
}

export function hessVec(H: Sym2, v: Vec2): Vec2 {
  return [H.a * v[0] + H.b * v[1], H.b * v[0] + H.c * v[1]];
}

const dot = (u: Vec2, v: Vec2) => u[0] * v[0] + u[1] * v[1];

/** f(θ) = ½ θᵀHθ (minimum 0 at θ = 0). */
export function quadValue(q: Quadratic2D, t: Vec2): number {
  return 0.5 * dot(t, hessVec(q.H, t));
}

/** ∇f(θ) = Hθ. */
export function quadGrad(q: Quadratic2D, t: Vec2): Vec2 {
  return hessVec(q.H, t);
}

/**
 * The exact minimiser of α ↦ f(θ − αg) for a quadratic: d/dα f(θ − αg) = −gᵀg + α gᵀHg = 0,
 * so α* = gᵀg / gᵀHg. Returns 0 at a stationary point (g = 0).
 */
export function exactLineSearchStep(H: Sym2, g: Vec2): number {
  const curv = dot(g, hessVec(H, g));
  return curv > 0 ? dot(g, g) / curv : 0;
}

/** One gradient step θ − αg. */
export function gdStep(q: Quadratic2D, t: Vec2, alpha: number): Vec2 {
  const g = quadGrad(q, t);
  return [t[0] - alpha * g[0], t[1] - alpha * g[1]];
}

/** One steepest-descent step with the exact line-search step size; also returns the α* used. */
export function lineSearchStep(q: Quadratic2D, t: Vec2): { theta: Vec2; alpha: number } {
  const g = quadGrad(q, t);
  const alpha = exactLineSearchStep(q.H, g);
  return { theta: [t[0] - alpha * g[0], t[1] - alpha * g[1]], alpha };
}

/**
 * Fixed-step gradient descent on a quadratic converges iff |1 − αλ| < 1 for every eigenvalue λ,
 * i.e. 0 < α < 2/λ_max; the best fixed step is 2/(λ_min + λ_max).
 */
export function stableStepLimit(q: Quadratic2D): number {
  return 2 / q.lambdaMax;
}

export function bestFixedStep(q: Quadratic2D): number {
  return 2 / (q.lambdaMin + q.lambdaMax);
}
