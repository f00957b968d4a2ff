/**
 * First-order update rules of Lecture 5 on a 2-D parameter θ = (x, y), in the notes' notation.
 * Each optimizer has a state (θ, the step count k and its accumulators) and a pure step function
 * that returns the next state; the gradient comes from an {@link Objective2D}. Second-order
 * rules (Newton, L-BFGS) are in ./secondOrder and re-exported here.
 */
import type { Rng } from '../rng';

export type Vec2 = [number, number];

/** What the rules may ask of the function being minimised. */
export interface Objective2D {
  f(x: number, y: number): number;
  grad(x: number, y: number): Vec2;
  hess(x: number, y: number): [number, number, number];
}

export interface BaseState {
  /** Current parameter θᵏ. */
  theta: Vec2;
  /** Steps taken so far (k). */
  k: number;
  /** The gradient used by the last step (zero before the first). */
  g: Vec2;
}

const ZERO: Vec2 = [0, 0];
const gradAt = (o: Objective2D, p: Vec2): Vec2 => o.grad(p[0], p[1]);

/** Initial state shared by the first-order rules: θ⁰ and zero accumulators. */
export function initBase(theta0: Vec2): BaseState {
  return { theta: [theta0[0], theta0[1]], k: 0, g: ZERO };
}

/** Gradient descent: θᵏ⁺¹ = θᵏ − α ∇L(θᵏ). */
export function stepGd(s: BaseState, o: Objective2D, alpha: number): BaseState {
  const g = gradAt(o, s.theta);
  return { theta: [s.theta[0] - alpha * g[0], s.theta[1] - alpha * g[1]], k: s.k + 1, g };
}

/**
 * SGD as gradient descent on a noisy, unbiased gradient estimate H(θ, X) = ∇L(θ) + σ z,
 * z ~ N(0, I) drawn from `rng` (stands in for the minibatch noise of the notes).
 */
export function stepSgd(s: BaseState, o: Objective2D, alpha: number, sigma: number, rng: Rng): BaseState {
  const t = gradAt(o, s.theta);
  const g: Vec2 = [t[0] + sigma * rng.normal(), t[1] + sigma * rng.normal()];
  return { theta: [s.theta[0] - alpha * g[0], s.theta[1] - alpha * g[1]], k: s.k + 1, g };
}

export interface MomentumState extends BaseState {
  /** Velocity vᵏ. */
  v: Vec2;
}

export function initMomentum(theta0: Vec2): MomentumState {
  return { ...initBase(theta0), v: ZERO };
}

/** Momentum as in the notes: vᵏ⁺¹ = β vᵏ − α ∇L(θᵏ); θᵏ⁺¹ = θᵏ + vᵏ⁺¹. */
export function stepMomentum(s: MomentumState, o: Objective2D, alpha: number, beta: number): MomentumState {
  const g = gradAt(o, s.theta);
  const v: Vec2 = [beta * s.v[0] - alpha * g[0], beta * s.v[1] - alpha * g[1]];
  return { theta: [s.theta[0] + v[0], s.theta[1] + v[1]], k: s.k + 1, g, v };
}

export interface NesterovState extends MomentumState {
  /** The look-ahead point θ̃ᵏ⁺¹ = θᵏ + β vᵏ where the last gradient was taken. */
  lookahead: Vec2;
}

export function initNesterov(theta0: Vec2): NesterovState {
  return { ...initMomentum(theta0), lookahead: [theta0[0], theta0[1]] };
}

/** Nesterov momentum as in the notes: θ̃ = θᵏ + β vᵏ; vᵏ⁺¹ = β vᵏ − α ∇L(θ̃); θᵏ⁺¹ = θᵏ + vᵏ⁺¹. */
export function stepNesterov(s: NesterovState, o: Objective2D, alpha: number, beta: number): NesterovState {
  const lookahead: Vec2 = [s.theta[0] + beta * s.v[0], s.theta[1] + beta * s.v[1]];
  const g = gradAt(o, lookahead);
  const v: Vec2 = [beta * s.v[0] - alpha * g[0], beta * s.v[1] - alpha * g[1]];
  return { theta: [s.theta[0] + v[0], s.theta[1] + v[1]], k: s.k + 1, g, v, lookahead };
}

export interface RmsPropState extends BaseState {
  /** Running mean of squared gradients sᵏ. */
  s: Vec2;
}

export function initRmsProp(theta0: Vec2): RmsPropState {
  return { ...initBase(theta0), s: ZERO };
}

/** RMSProp as in the notes: sᵏ⁺¹ = β sᵏ + (1 − β) ∇L∘∇L; θᵏ⁺¹ = θᵏ − α ∇L / (√sᵏ⁺¹ + ε). */
export function stepRmsProp(st: RmsPropState, o: Objective2D, alpha: number, beta: number, eps: number): RmsPropState {
  const g = gradAt(o, st.theta);
  const s: Vec2 = [beta * st.s[0] + (1 - beta) * g[0] * g[0], beta * st.s[1] + (1 - beta) * g[1] * g[1]];
  const theta: Vec2 = [
    st.theta[0] - (alpha * g[0]) / (Math.sqrt(s[0]) + eps),
    st.theta[1] - (alpha * g[1]) / (Math.sqrt(s[1]) + eps),
  ];
  return { theta, k: st.k + 1, g, s };
}

export interface AdamState extends BaseState {
  /** First moment mᵏ. */
  m: Vec2;
  /** Second moment vᵏ. */
  v: Vec2;
  /** The moments the last step divided: m̂, v̂ (equal to m, v without bias correction). */
  mHat: Vec2;
  vHat: Vec2;
}

export function initAdam(theta0: Vec2): AdamState {
  return { ...initBase(theta0), m: ZERO, v: ZERO, mHat: ZERO, vHat: ZERO };
}

export interface AdamHyper {
  alpha: number;
  beta1: number;
  beta2: number;
  eps: number;
  /** Divide m, v by (1 − βᵏ⁺¹) (Adam); false gives the notes' "not the update rule of Adam". */
  biasCorrection: boolean;
}

/**
 * Adam: mᵏ⁺¹ = β₁ mᵏ + (1 − β₁) ∇L, vᵏ⁺¹ = β₂ vᵏ + (1 − β₂) ∇L∘∇L, m̂ = mᵏ⁺¹ / (1 − β₁ᵏ⁺¹),
 * v̂ = vᵏ⁺¹ / (1 − β₂ᵏ⁺¹), θᵏ⁺¹ = θᵏ − α m̂ / (√v̂ + ε).
 * ε sits outside the root as in Kingma & Ba (2015) and the notes' own RMSProp; the notes'
 * √(v̂ + ε) is an erratum.
 */
export function stepAdam(st: AdamState, o: Objective2D, h: AdamHyper): AdamState {
  const g = gradAt(o, st.theta);
  const k = st.k + 1;
  const m: Vec2 = [h.beta1 * st.m[0] + (1 - h.beta1) * g[0], h.beta1 * st.m[1] + (1 - h.beta1) * g[1]];
  const v: Vec2 = [h.beta2 * st.v[0] + (1 - h.beta2) * g[0] * g[0], h.beta2 * st.v[1] + (1 - h.beta2) * g[1] * g[1]];
  const c1 = h.biasCorrection ? 1 - h.beta1 ** k : 1;
  const c2 = h.biasCorrection ? 1 - h.beta2 ** k : 1;
  const mHat: Vec2 = [m[0] / c1, m[1] / c1];
  const vHat: Vec2 = [v[0] / c2, v[1] / c2];
  const theta: Vec2 = [
    st.theta[0] - (h.alpha * mHat[0]) / (Math.sqrt(vHat[0]) + h.eps),
    st.theta[1] - (h.alpha * mHat[1]) / (Math.sqrt(vHat[1]) + h.eps),
  ];
  return { theta, k, g, m, v, mHat, vHat };
}

export {
  initLbfgs, initNewton, stepLbfgs, stepNewton, type LbfgsState, type NewtonState,
} from './secondOrder';
