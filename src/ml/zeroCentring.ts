/**
 * Why zero-centred inputs matter (Lecture 7, "Sigmoid output not zero-centred"): a neuron
 * s = w₁x₁ + w₂x₂ trained by per-sample gradient descent on L = ½(s − t)², where the target comes
 * from a teacher t = w*ᵀx. The gradient is ∂L/∂wᵢ = (s − t)·xᵢ: one common scalar times xᵢ, so
 * when every xᵢ > 0 (e.g. sigmoid outputs of a previous layer) both components always share a
 * sign and w₁, w₂ can only rise or fall together — the path zig-zags towards a w* whose
 * components have opposite signs. Shifting the same inputs to zero mean (σ(z) − ½ = ½·tanh(z/2))
 * lets the components take either sign and the path goes more directly.
 */
import { sigmoid } from './losses';
import type { Rng } from './rng';

export type Vec2 = [number, number];
export type InputKind = 'positive' | 'centred';

/** The input for a pre-activation z: σ(z) ∈ (0, 1), or its zero-centred shift σ(z) − ½. */
export function neuronInput(z: number, kind: InputKind): number {
  return kind === 'positive' ? sigmoid(z) : sigmoid(z) - 0.5;
}

/** ∂L/∂w for L = ½(wᵀx − w*ᵀx)²: (s − t)·x. */
export function neuronGrad(w: Vec2, target: Vec2, x: Vec2): Vec2 {
  const r = (w[0] - target[0]) * x[0] + (w[1] - target[1]) * x[1];
  return [r * x[0], r * x[1]];
}

export interface NeuronRun {
  kind: InputKind;
  w: Vec2;
  path: Vec2[];
  steps: number;
  /** Steps whose two gradient components were both non-zero and had the same sign. */
  sameSign: number;
  /** Steps with a non-zero gradient in both components. */
  counted: number;
  length: number;
  /** First step at which ‖w − w*‖ < tolerance, or null. */
  reachedAt: number | null;
}

export function createNeuronRun(kind: InputKind, w0: Vec2): NeuronRun {
  return { kind, w: [...w0], path: [[...w0]], steps: 0, sameSign: 0, counted: 0, length: 0, reachedAt: null };
}

export const distance = (a: Vec2, b: Vec2): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** One SGD step on the sample with pre-activations z = (z₁, z₂). */
export function neuronStep(run: NeuronRun, target: Vec2, z: Vec2, lr: number, tolerance: number): void {
  const x: Vec2 = [neuronInput(z[0], run.kind), neuronInput(z[1], run.kind)];
  const g = neuronGrad(run.w, target, x);
  if (g[0] !== 0 && g[1] !== 0) {
    run.counted++;
    if (Math.sign(g[0]) === Math.sign(g[1])) run.sameSign++;
  }
  const next: Vec2 = [run.w[0] - lr * g[0], run.w[1] - lr * g[1]];
  run.length += distance(run.w, next);
  run.w = next;
  run.steps++;
  run.path.push([...next]);
  if (run.reachedAt === null && distance(next, target) < tolerance) run.reachedAt = run.steps;
}

/** The pair of pre-activations for one step; both runs see the same draws. */
export function drawZ(rng: Rng, spread: number): Vec2 {
  return [spread * rng.normal(), spread * rng.normal()];
}
