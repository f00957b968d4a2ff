/**
 * The loss functions of Lecture 3 for a single prediction, each with its derivative with respect
 * to that prediction. Plain TypeScript: the loss explorer plots them and runs gradient descent on
 * one number, which needs no tensors.
 *
 * Regression losses take a real prediction ŷ and a real target y. Binary cross-entropy takes the
 * predicted probability ŷ ∈ (0, 1) or its logit z (ŷ = σ(z)). Cross-entropy over C classes is
 * reduced to one axis: the prediction is the true class's probability p, or its logit z with the
 * other C − 1 logits held at 0, so that p = eᶻ / (eᶻ + C − 1).
 */

export type LossKind = 'l1' | 'mse' | 'bce' | 'ce';
/** What the single prediction is: a real number (regression), a probability, or a logit. */
export type PredictionAxis = 'value' | 'prob' | 'logit';

/** Probabilities are kept in [EPS, 1 − EPS] so that log never sees 0. */
export const PROB_EPS = 1e-6;

export const clampProb = (p: number): number => Math.min(1 - PROB_EPS, Math.max(PROB_EPS, p));

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + eˣ) without overflow. */
export const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

/** L1 loss |y − ŷ| and its (sub)gradient sign(ŷ − y), taken as 0 at ŷ = y. */
export const l1 = (yhat: number, y: number): number => Math.abs(y - yhat);
export const l1Grad = (yhat: number, y: number): number => Math.sign(yhat - y);

/** Squared error (y − ŷ)² and its derivative 2(ŷ − y). */
export const mse = (yhat: number, y: number): number => (y - yhat) ** 2;
export const mseGrad = (yhat: number, y: number): number => 2 * (yhat - y);

/** Binary cross-entropy −[y log ŷ + (1 − y) log(1 − ŷ)] on a probability ŷ. */
export function bce(p: number, y: number): number {
  const q = clampProb(p);
  return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
}
/** ∂/∂ŷ of the binary cross-entropy: (ŷ − y) / (ŷ(1 − ŷ)). */
export function bceGrad(p: number, y: number): number {
  const q = clampProb(p);
  return (q - y) / (q * (1 - q));
}

/** Binary cross-entropy on the logit z, ŷ = σ(z): y·log(1 + e⁻ᶻ) + (1 − y)·log(1 + eᶻ). */
export const bceLogit = (z: number, y: number): number => y * softplus(-z) + (1 - y) * softplus(z);
/** ∂/∂z of the binary cross-entropy: σ(z) − y. */
export const bceLogitGrad = (z: number, y: number): number => sigmoid(z) - y;

/** Cross-entropy −log p of the true class's probability p, and its derivative −1/p. */
export const ceProb = (p: number): number => -Math.log(clampProb(p));
export const ceProbGrad = (p: number): number => -1 / clampProb(p);

/** Softmax probability of the true class when its logit is z and the other C − 1 logits are 0. */
export const softmaxTrue = (z: number, classes: number): number => 1 / (1 + (classes - 1) * Math.exp(-z));

/** Cross-entropy on the true class's logit: −log softmax = log(eᶻ + C − 1) − z. */
export function ceLogit(z: number, classes: number): number {
  const others = Math.log(classes - 1);
  return softplus(others - z);
}
/** ∂/∂z of the cross-entropy on the true logit: p − 1 (softmax minus one-hot). */
export const ceLogitGrad = (z: number, classes: number): number => softmaxTrue(z, classes) - 1;

/** General softmax cross-entropy −Σₖ yₖ log ŷₖ for one-hot y = e_true, used by the tests. */
export function softmaxCrossEntropy(logits: readonly number[], trueClass: number): number {
  const m = Math.max(...logits);
  const lse = m + Math.log(logits.reduce((s, z) => s + Math.exp(z - m), 0));
  return lse - logits[trueClass];
}

export interface LossSpec {
  kind: LossKind;
  axis: PredictionAxis;
  /** Regression target (any real) or binary label (0 or 1); unused by CE. */
  target: number;
  /** Number of classes C for cross-entropy (≥ 2). */
  classes: number;
}

export interface Loss1D {
  value(x: number): number;
  grad(x: number): number;
  /** Where the prediction lives: the whole line, or (0, 1) for probabilities. */
  bounds: [number, number];
  /** The prediction with the smallest loss, if attained (±∞ for a logit). */
  best: number;
}

function probLoss(spec: LossSpec): Loss1D {
  const bounds: [number, number] = [PROB_EPS, 1 - PROB_EPS];
  if (spec.kind === 'bce') return { value: (p) => bce(p, spec.target), grad: (p) => bceGrad(p, spec.target), bounds, best: spec.target };
  return { value: ceProb, grad: ceProbGrad, bounds, best: 1 };
}

function logitLoss(spec: LossSpec): Loss1D {
  const bounds: [number, number] = [-Infinity, Infinity];
  if (spec.kind === 'bce') {
    return { value: (z) => bceLogit(z, spec.target), grad: (z) => bceLogitGrad(z, spec.target), bounds, best: spec.target ? Infinity : -Infinity };
  }
  return { value: (z) => ceLogit(z, spec.classes), grad: (z) => ceLogitGrad(z, spec.classes), bounds, best: Infinity };
}

/** The loss as a function of the one prediction, for the chosen loss, axis and target. */
export function loss1D(spec: LossSpec): Loss1D {
  const whole: [number, number] = [-Infinity, Infinity];
  if (spec.kind === 'l1') return { value: (x) => l1(x, spec.target), grad: (x) => l1Grad(x, spec.target), bounds: whole, best: spec.target };
  if (spec.kind === 'mse') return { value: (x) => mse(x, spec.target), grad: (x) => mseGrad(x, spec.target), bounds: whole, best: spec.target };
  return spec.axis === 'prob' ? probLoss(spec) : logitLoss(spec);
}

/** One gradient step x ← x − α·L′(x), projected back into the prediction's bounds. */
export function descentStep(loss: Loss1D, x: number, lr: number): number {
  const next = x - lr * loss.grad(x);
  return Math.min(loss.bounds[1], Math.max(loss.bounds[0], next));
}

/** n + 1 evenly spaced samples of f on [a, b]. */
export function sampleCurve(f: (x: number) => number, a: number, b: number, n: number): { x: number; y: number }[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const x = a + ((b - a) * i) / n;
    return { x, y: f(x) };
  });
}
