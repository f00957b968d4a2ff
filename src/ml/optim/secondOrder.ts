/**
 * Second-order rules of Lecture 5 on a 2-D parameter: Newton's method θ* = θ₀ − H⁻¹∇L (with a
 * safeguard where H is not positive definite) and L-BFGS (two-loop recursion, history size m,
 * backtracking Armijo line search).
 */
import type { BaseState, Objective2D, Vec2 } from './rules';

export interface NewtonState extends BaseState {
  /** The Hessian used by the last step: [h_xx, h_xy, h_yy]. */
  h: [number, number, number];
  /** Its eigenvalues (ascending). */
  eig: [number, number];
  /** True when H was not positive definite and its eigenvalues were replaced by max(|λ|, δ). */
  modified: boolean;
}

/** Smallest eigenvalue the safeguarded Newton step divides by. */
export const NEWTON_MIN_EIG = 1e-6;

export function initNewton(theta0: Vec2): NewtonState {
  return { theta: [theta0[0], theta0[1]], k: 0, g: [0, 0], h: [0, 0, 0], eig: [0, 0], modified: false };
}

/** Eigenvalues (ascending) and the unit eigenvector of the larger one of [[a, b], [b, c]]. */
export function eigSym2(a: number, b: number, c: number): { lo: number; hi: number; u: Vec2 } {
  const mid = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  const hi = mid + r;
  // Eigenvector of hi: (b, hi − a) or (hi − c, b), whichever is better conditioned.
  const u1: Vec2 = [b, hi - a];
  const u2: Vec2 = [hi - c, b];
  const u = Math.hypot(...u1) >= Math.hypot(...u2) ? u1 : u2;
  const n = Math.hypot(u[0], u[1]);
  return { lo: mid - r, hi, u: n > 0 ? [u[0] / n, u[1] / n] : [1, 0] };
}

/**
 * Newton: θᵏ⁺¹ = θᵏ − H⁻¹ ∇L(θᵏ). When H has an eigenvalue ≤ δ (not positive definite) the step
 * uses |H| instead, H's eigenvectors with eigenvalues max(|λ|, δ) — a descent direction that
 * moves away from saddles and maxima — and `modified` says so.
 */
export function stepNewton(s: NewtonState, o: Objective2D): NewtonState {
  const [x, y] = s.theta;
  const g = o.grad(x, y);
  const h = o.hess(x, y);
  const [a, b, c] = h;
  const { lo, hi, u } = eigSym2(a, b, c);
  const modified = !(lo > NEWTON_MIN_EIG);
  let d: Vec2;
  if (!modified) {
    const det = a * c - b * b;
    d = [(c * g[0] - b * g[1]) / det, (a * g[1] - b * g[0]) / det];
  } else {
    // H = hi·uuᵀ + lo·wwᵀ with w ⊥ u; invert the eigenvalues' safeguarded magnitudes.
    const w: Vec2 = [-u[1], u[0]];
    const gu = (g[0] * u[0] + g[1] * u[1]) / Math.max(Math.abs(hi), NEWTON_MIN_EIG);
    const gw = (g[0] * w[0] + g[1] * w[1]) / Math.max(Math.abs(lo), NEWTON_MIN_EIG);
    d = [gu * u[0] + gw * w[0], gu * u[1] + gw * w[1]];
  }
  return { theta: [x - d[0], y - d[1]], k: s.k + 1, g, h, eig: [lo, hi], modified };
}

export interface LbfgsState extends BaseState {
  /** The last m pairs sᵢ = θᵢ₊₁ − θᵢ, yᵢ = ∇Lᵢ₊₁ − ∇Lᵢ, oldest first. */
  sHist: Vec2[];
  yHist: Vec2[];
  /** Search direction d = −H̃⁻¹∇L of the last step, and the step length t the line search took. */
  d: Vec2;
  t: number;
}

export function initLbfgs(theta0: Vec2): LbfgsState {
  return { theta: [theta0[0], theta0[1]], k: 0, g: [0, 0], sHist: [], yHist: [], d: [0, 0], t: 0 };
}

const dot = (a: Vec2, b: Vec2) => a[0] * b[0] + a[1] * b[1];

/**
 * Two-loop recursion: returns H̃⁻¹ q for the L-BFGS inverse-Hessian approximation built from the
 * pairs (sᵢ, yᵢ), with H̃₀ = γ I, γ = sᵀy / yᵀy of the newest pair (1 / max(1, ‖q‖) without pairs).
 */
export function twoLoop(q0: Vec2, sHist: readonly Vec2[], yHist: readonly Vec2[]): Vec2 {
  const q: Vec2 = [q0[0], q0[1]];
  const n = sHist.length;
  const alphas: number[] = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    const a = dot(sHist[i], q) / dot(yHist[i], sHist[i]);
    alphas[i] = a;
    q[0] -= a * yHist[i][0];
    q[1] -= a * yHist[i][1];
  }
  const gamma = n > 0 ? dot(sHist[n - 1], yHist[n - 1]) / dot(yHist[n - 1], yHist[n - 1]) : 1 / Math.max(1, Math.hypot(q0[0], q0[1]));
  const r: Vec2 = [gamma * q[0], gamma * q[1]];
  for (let i = 0; i < n; i++) {
    const b = dot(yHist[i], r) / dot(yHist[i], sHist[i]);
    r[0] += sHist[i][0] * (alphas[i] - b);
    r[1] += sHist[i][1] * (alphas[i] - b);
  }
  return r;
}

const ARMIJO_C = 1e-4;
const MAX_HALVINGS = 50;

/**
 * L-BFGS: d = −H̃⁻¹∇L(θᵏ) by the two-loop recursion over the last m pairs; t from 1 halved until
 * f(θᵏ + t d) ≤ f(θᵏ) + c t ∇Lᵀd (Armijo, c = 10⁻⁴); θᵏ⁺¹ = θᵏ + t d. The pair (s, y) is kept
 * only when sᵀy > 0, so H̃ stays positive definite.
 */
export function stepLbfgs(st: LbfgsState, o: Objective2D, m: number): LbfgsState {
  const th = st.theta;
  const g = o.grad(th[0], th[1]);
  let sHist = st.sHist;
  let yHist = st.yHist;
  let r = twoLoop(g, sHist, yHist);
  if (dot(r, g) <= 0) {
    sHist = [];
    yHist = [];
    r = twoLoop(g, sHist, yHist);
  }
  const d: Vec2 = [-r[0], -r[1]];
  const f0 = o.f(th[0], th[1]);
  const slope = dot(g, d);
  let t = 1;
  for (let i = 0; i < MAX_HALVINGS && !(o.f(th[0] + t * d[0], th[1] + t * d[1]) <= f0 + ARMIJO_C * t * slope); i++) t /= 2;
  const theta: Vec2 = [th[0] + t * d[0], th[1] + t * d[1]];
  const gNew = o.grad(theta[0], theta[1]);
  const s: Vec2 = [theta[0] - th[0], theta[1] - th[1]];
  const y: Vec2 = [gNew[0] - g[0], gNew[1] - g[1]];
  if (dot(s, y) > 1e-12 * Math.max(1, dot(y, y))) {
    sHist = [...sHist, s].slice(-Math.max(1, m));
    yHist = [...yHist, y].slice(-Math.max(1, m));
  }
  return { theta, k: st.k + 1, g, sHist, yHist, d, t };
}
