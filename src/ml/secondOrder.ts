/**
 * Second-order optimisation for a two-parameter least-squares fit, y ≈ a·e^{bx}, plus Newton's
 * method in 1D. Pure TypeScript: every system here is 2×2 and solved in closed form.
 *
 * Notation (the lecture notes, corrected): residuals E(θ) = f_θ(x) − y ∈ ℝⁿ, loss
 * L(θ) = ‖E(θ)‖² = Σ rᵢ², Jacobian J_E = ∂E/∂θ ∈ ℝ^{n×2}, gradient ∇L = 2 J_Eᵀ E,
 * Hessian approximation H ≈ 2 J_Eᵀ J_E. The steps below all solve for δ = θ_{k+1} − θ_k.
 */
import { createRng } from './rng';

/** Parameters θ = (a, b) of the model a·e^{bx}. */
export interface Theta {
  a: number;
  b: number;
}

/** A data set of n points (x, y). */
export interface CurveData {
  xs: number[];
  ys: number[];
}

/** Symmetric 2×2 matrix [[p, q], [q, s]]. */
export interface Sym2 {
  p: number;
  q: number;
  s: number;
}

/** The model a·e^{bx}. */
export function expModel(t: Theta, x: number): number {
  return t.a * Math.exp(t.b * x);
}

/**
 * n points with x evenly spaced on [0, xMax] and y = a·e^{bx} + σ·ε, ε ~ N(0, 1) from `seed`.
 */
export function makeExpData(truth: Theta, noise: number, n: number, seed: number, xMax = 2): CurveData {
  const rng = createRng(seed);
  const xs = Array.from({ length: n }, (_, i) => (n === 1 ? 0 : (xMax * i) / (n - 1)));
  const ys = xs.map((x) => expModel(truth, x) + noise * rng.normal());
  return { xs, ys };
}

/** Residuals rᵢ = a·e^{b xᵢ} − yᵢ. */
export function residuals(t: Theta, d: CurveData): number[] {
  return d.xs.map((x, i) => expModel(t, x) - d.ys[i]);
}

/** Sum of squared residuals L(θ) = Σ rᵢ². */
export function sse(t: Theta, d: CurveData): number {
  return residuals(t, d).reduce((s, r) => s + r * r, 0);
}

/** Jacobian of the residuals: row i is (∂rᵢ/∂a, ∂rᵢ/∂b) = (e^{b xᵢ}, a xᵢ e^{b xᵢ}). */
export function jacobian(t: Theta, d: CurveData): [number, number][] {
  return d.xs.map((x) => {
    const e = Math.exp(t.b * x);
    return [e, t.a * x * e];
  });
}

/** J_Eᵀ J_E (2×2) and J_Eᵀ E (2-vector), the pieces of every step below. */
export function normalEquations(t: Theta, d: CurveData): { jtj: Sym2; jtr: [number, number] } {
  const J = jacobian(t, d);
  const r = residuals(t, d);
  let p = 0, q = 0, s = 0, g0 = 0, g1 = 0;
  J.forEach(([ja, jb], i) => {
    p += ja * ja; q += ja * jb; s += jb * jb;
    g0 += ja * r[i]; g1 += jb * r[i];
  });
  return { jtj: { p, q, s }, jtr: [g0, g1] };
}

/** Gradient ∇L(θ) = 2 J_Eᵀ E. */
export function gradient(t: Theta, d: CurveData): [number, number] {
  const { jtr } = normalEquations(t, d);
  return [2 * jtr[0], 2 * jtr[1]];
}

/** Solve the 2×2 system M z = v (Cramer's rule); null when M is (numerically) singular. */
export function solve2(m: Sym2, v: [number, number]): [number, number] | null {
  const det = m.p * m.s - m.q * m.q;
  const scale = Math.max(Math.abs(m.p * m.s), m.q * m.q, Number.MIN_VALUE);
  if (!Number.isFinite(det) || Math.abs(det) <= 1e-14 * scale) return null;
  return [(m.s * v[0] - m.q * v[1]) / det, (m.p * v[1] - m.q * v[0]) / det];
}

/** θ + δ. */
export function addStep(t: Theta, delta: [number, number]): Theta {
  return { a: t.a + delta[0], b: t.b + delta[1] };
}

/** Gradient descent: θ_{k+1} = θ_k − α ∇L(θ_k). */
export function gdStep(t: Theta, d: CurveData, alpha: number): Theta {
  const g = gradient(t, d);
  return { a: t.a - alpha * g[0], b: t.b - alpha * g[1] };
}

/**
 * Damped step δ from (J_EᵀJ_E + λ·D) δ = −J_Eᵀ E, i.e. (2J_EᵀJ_E + 2λD)(θ_k − θ_{k+1}) = ∇L(θ_k).
 * D = 0: Gauss–Newton; D = I: Levenberg; D = diag(J_EᵀJ_E): Levenberg–Marquardt.
 * Returns null when the system is singular.
 */
export function dampedStep(t: Theta, d: CurveData, lambda: number, damping: 'none' | 'identity' | 'diag'): [number, number] | null {
  const { jtj, jtr } = normalEquations(t, d);
  const dp = damping === 'none' ? 0 : damping === 'identity' ? lambda : lambda * jtj.p;
  const ds = damping === 'none' ? 0 : damping === 'identity' ? lambda : lambda * jtj.s;
  return solve2({ p: jtj.p + dp, q: jtj.q, s: jtj.s + ds }, [-jtr[0], -jtr[1]]);
}

/** Gauss–Newton step δ from J_EᵀJ_E δ = −J_Eᵀ E (null if J_EᵀJ_E is singular). */
export function gaussNewtonStep(t: Theta, d: CurveData): [number, number] | null {
  return dampedStep(t, d, 0, 'none');
}

/** Multiplier applied to λ after an accepted (÷) or rejected (×) step. */
export const LAMBDA_FACTOR = 10;
/** Bounds that keep λ finite and positive. */
export const LAMBDA_MIN = 1e-12;
export const LAMBDA_MAX = 1e12;

/** State of a damped (Levenberg or LM) iteration. */
export interface DampedState {
  theta: Theta;
  lambda: number;
  loss: number;
  /** Whether the last trial step was accepted. */
  accepted: boolean;
}

/**
 * λ update (trust region): a step that lowers the loss is accepted and λ ← λ / 10 (closer to
 * Gauss–Newton); otherwise it is rejected, θ stays and λ ← 10 λ (shorter, more gradient-like).
 */
export function updateLambda(lambda: number, accepted: boolean): number {
  const next = accepted ? lambda / LAMBDA_FACTOR : lambda * LAMBDA_FACTOR;
  return Math.min(LAMBDA_MAX, Math.max(LAMBDA_MIN, next));
}

/**
 * One Levenberg (`identity`) or Levenberg–Marquardt (`diag`) iteration. With `adaptive` false,
 * λ is fixed and every step is taken (plain Tikhonov-damped Gauss–Newton). A trial step that
 * changes the loss by less than rounding (relative 1e-13) counts as converged: θ and λ stay.
 */
export function dampedIterate(s: DampedState, d: CurveData, damping: 'identity' | 'diag', adaptive = true): DampedState {
  const delta = dampedStep(s.theta, d, s.lambda, damping);
  const trial = delta ? addStep(s.theta, delta) : s.theta;
  const trialLoss = sse(trial, d);
  if (!adaptive) return { theta: trial, lambda: s.lambda, loss: trialLoss, accepted: true };
  // At the minimum the trial loss only differs by rounding: keep θ and λ (no endless λ growth).
  if (Math.abs(trialLoss - s.loss) <= 1e-13 * s.loss) return { ...s, accepted: false };
  const accepted = delta !== null && Number.isFinite(trialLoss) && trialLoss < s.loss;
  return {
    theta: accepted ? trial : s.theta,
    lambda: updateLambda(s.lambda, accepted),
    loss: accepted ? trialLoss : s.loss,
    accepted,
  };
}

/** A 1D function with its first and second derivatives. */
export interface Fn1D {
  f: (x: number) => number;
  df: (x: number) => number;
  d2f: (x: number) => number;
}

/**
 * Newton's method in 1D: x_{k+1} = x_k − f'(x_k) / f''(x_k), the stationary point of the
 * quadratic model m(x) = f(x_k) + f'(x_k)(x − x_k) + ½ f''(x_k)(x − x_k)². Returns x_k when
 * f''(x_k) = 0 (the model has no stationary point).
 */
export function newton1DStep(fn: Fn1D, x: number): number {
  const h = fn.d2f(x);
  if (h === 0 || !Number.isFinite(h)) return x;
  return x - fn.df(x) / h;
}

/** The quadratic model of `fn` around xk, evaluated at x. */
export function quadraticModel(fn: Fn1D, xk: number, x: number): number {
  const dx = x - xk;
  return fn.f(xk) + fn.df(xk) * dx + 0.5 * fn.d2f(xk) * dx * dx;
}

/** The notes-style examples for Newton 1D. */
export const NEWTON_FUNCTIONS = {
  /** f(x) = x⁴ − 3x² + x: two minima, one maximum. */
  quartic: { f: (x: number) => x ** 4 - 3 * x * x + x, df: (x: number) => 4 * x ** 3 - 6 * x + 1, d2f: (x: number) => 12 * x * x - 6 },
  /** f(x) = √(1 + x²): convex, but Newton overshoots for |x₀| > 1 (x_{k+1} = −x_k³). */
  sqrt: { f: (x: number) => Math.sqrt(1 + x * x), df: (x: number) => x / Math.sqrt(1 + x * x), d2f: (x: number) => (1 + x * x) ** -1.5 },
} as const satisfies Record<string, Fn1D>;
