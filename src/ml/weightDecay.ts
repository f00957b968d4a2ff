/**
 * L2 regularisation against decoupled weight decay (Lecture 8, "Advanced Regularization"), as plain
 * update rules on parameter vectors. Pure TypeScript (float64): the reference the tfjs lab is
 * checked against, and the unit tests' worked numbers.
 *
 * - L2 regularisation adds (λ₂/2)‖θ‖² to the loss, so the optimiser sees g + λ₂θ.
 * - Weight decay, in the notes' form θ_{k+1} = (1 − λ)θ_k − α∇f_k: λ is the "learning rate of
 *   weight decay", α the optimiser's learning rate.
 * With SGD the two are the same update when λ = α·λ₂; inside Adam the L2 part of the gradient is
 * divided by √v̂ like the rest, so they differ (AdamW = Adam + the decoupled decay).
 *
 * A mask (1 = decayed, 0 = not, e.g. biases) may restrict the regulariser to some entries.
 */

export type Vec = Float64Array | number[];

/** Decay per step λ that matches an L2 penalty (λ₂/2)‖θ‖² under SGD with learning rate α: λ = α·λ₂. */
export function l2ToDecay(l2: number, lr: number): number {
  return lr * l2;
}

/** The L2 coefficient λ₂ = λ/α whose SGD update equals weight decay λ at learning rate α. */
export function decayToL2(decay: number, lr: number): number {
  return decay / lr;
}

const maskAt = (mask: Vec | undefined, i: number) => (mask ? mask[i] : 1);

/** SGD on L + (λ₂/2)‖θ‖²: θ ← θ − α(g + λ₂θ). Returns a new vector. */
export function sgdL2Step(theta: Vec, grad: Vec, lr: number, l2: number, mask?: Vec): Float64Array {
  const out = new Float64Array(theta.length);
  for (let i = 0; i < theta.length; i++) out[i] = theta[i] - lr * (grad[i] + l2 * maskAt(mask, i) * theta[i]);
  return out;
}

/** SGD with decoupled weight decay, the notes' form: θ ← (1 − λ)θ − α g. Returns a new vector. */
export function sgdDecayStep(theta: Vec, grad: Vec, lr: number, decay: number, mask?: Vec): Float64Array {
  const out = new Float64Array(theta.length);
  for (let i = 0; i < theta.length; i++) out[i] = (1 - decay * maskAt(mask, i)) * theta[i] - lr * grad[i];
  return out;
}

export interface AdamHyper {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
}

export const ADAM_DEFAULTS: Omit<AdamHyper, 'lr'> = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/** Adam's moment estimates and step counter (t = updates done). */
export interface AdamState {
  m: Float64Array;
  v: Float64Array;
  t: number;
}

export function adamState(n: number): AdamState {
  return { m: new Float64Array(n), v: new Float64Array(n), t: 0 };
}

/**
 * One Adam update with the gradient g (moments updated in place), returning the step
 * α·m̂/(√v̂ + ε) per entry (to be subtracted).
 */
function adamDirection(grad: Vec, s: AdamState, h: AdamHyper): Float64Array {
  s.t++;
  const c1 = 1 - h.beta1 ** s.t;
  const c2 = 1 - h.beta2 ** s.t;
  const out = new Float64Array(grad.length);
  for (let i = 0; i < grad.length; i++) {
    s.m[i] = h.beta1 * s.m[i] + (1 - h.beta1) * grad[i];
    s.v[i] = h.beta2 * s.v[i] + (1 - h.beta2) * grad[i] * grad[i];
    out[i] = (h.lr * (s.m[i] / c1)) / (Math.sqrt(s.v[i] / c2) + h.eps);
  }
  return out;
}

/** Adam on L + (λ₂/2)‖θ‖²: the L2 gradient λ₂θ goes through the moments and the √v̂ division. */
export function adamL2Step(theta: Vec, grad: Vec, s: AdamState, h: AdamHyper, l2: number, mask?: Vec): Float64Array {
  const g = Array.from(grad, (gi, i) => gi + l2 * maskAt(mask, i) * theta[i]);
  const d = adamDirection(g, s, h);
  return Float64Array.from(theta, (ti, i) => ti - d[i]);
}

/** AdamW (decoupled): θ ← (1 − λ)θ − α·m̂/(√v̂ + ε), the moments seeing the loss gradient only. */
export function adamWStep(theta: Vec, grad: Vec, s: AdamState, h: AdamHyper, decay: number, mask?: Vec): Float64Array {
  const d = adamDirection(grad, s, h);
  return Float64Array.from(theta, (ti, i) => (1 - decay * maskAt(mask, i)) * ti - d[i]);
}

/** ‖a − b‖ / ‖a‖ (0 when both are zero): the relative gap between two parameter vectors. */
export function relativeDifference(a: Vec, b: Vec): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += a[i] ** 2;
  }
  return den === 0 ? (num === 0 ? 0 : Infinity) : Math.sqrt(num / den);
}
