/**
 * Learning-rate schedules of Lecture 6 (pure functions of the epoch; epochs count from 0).
 *
 * - constant      α = α₀
 * - inverse time  α = α₀ / (1 + decay·epoch)            (the notes' α₀ = 0.1, decay 1: 0.1, 0.05, 0.033, 0.025, …)
 * - step          α ← α − t·α every n epochs, i.e. α = α₀ (1 − t)^⌊epoch/n⌋   (0 < t < 1, often 0.5)
 * - exponential   α = t^epoch · α₀                      (0 < t < 1)
 * - inverse sqrt  α = t/√epoch · α₀ is undefined at epoch 0, so this rule counts epochs from 1:
 *                 α = t/√(epoch + 1) · α₀
 *
 * Warm-up: over the first w epochs α rises linearly, α = α₀ (e + 1)/(w + 1) for e < w; from epoch w
 * on the decay runs with its own counter e − w (so it starts at its epoch-0 value).
 */

export type ScheduleKind = 'constant' | 'inverse' | 'step' | 'exponential' | 'invsqrt';

export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['inverse', 'step', 'exponential', 'invsqrt', 'constant'];

export interface ScheduleSpec {
  kind: ScheduleKind;
  /** Initial learning rate α₀ > 0. */
  alpha0: number;
  /** The rule's decay rate: decay (inverse), t (step: fraction removed; exponential: factor; inverse sqrt: t). */
  rate: number;
  /** Step decay: epochs between two cuts, n ≥ 1. */
  every: number;
  /** Warm-up epochs w ≥ 0 (0: none). */
  warmup: number;
}

/** The decay rate each rule uses when it is not the chosen one (the notes' examples where they give one). */
export const DEFAULT_RATE: Record<ScheduleKind, number> = {
  inverse: 1,
  step: 0.5,
  exponential: 0.95,
  invsqrt: 1,
  constant: 0,
};

/** Largest t accepted by the rules that need t < 1 (step and exponential). */
export const MAX_FACTOR = 0.99;

/** Whether the rule needs its rate strictly below 1. */
export function needsRateBelowOne(kind: ScheduleKind): boolean {
  return kind === 'step' || kind === 'exponential';
}

/** The rate actually used: step and exponential need 0 < t < 1, the others t ≥ 0. */
export function effectiveRate(kind: ScheduleKind, rate: number): number {
  const r = Math.max(0, rate);
  return needsRateBelowOne(kind) ? Math.min(r, MAX_FACTOR) : r;
}

/** α of the decay rule alone at epoch e ≥ 0 (no warm-up). */
export function decayAlpha(kind: ScheduleKind, e: number, alpha0: number, rate: number, every = 1): number {
  if (!(e >= 0)) throw new Error(`epoch must be ≥ 0, got ${e}`);
  const t = effectiveRate(kind, rate);
  switch (kind) {
    case 'constant':
      return alpha0;
    case 'inverse':
      return alpha0 / (1 + t * e);
    case 'step':
      return alpha0 * Math.pow(1 - t, Math.floor(e / Math.max(1, Math.floor(every))));
    case 'exponential':
      return Math.pow(t, e) * alpha0;
    case 'invsqrt':
      // t/√epoch is infinite at epoch 0: this rule counts epochs from 1.
      return (t / Math.sqrt(e + 1)) * alpha0;
  }
}

/** α at epoch e ≥ 0 of a full schedule, warm-up included. */
export function scheduleAlpha(s: ScheduleSpec, e: number): number {
  const w = Math.max(0, Math.floor(s.warmup));
  if (e < w) return (s.alpha0 * (e + 1)) / (w + 1);
  return decayAlpha(s.kind, e - w, s.alpha0, s.rate, s.every);
}

/** α for epochs 0 … epochs−1. */
export function scheduleCurve(s: ScheduleSpec, epochs: number): number[] {
  return Array.from({ length: Math.max(0, Math.floor(epochs)) }, (_, e) => scheduleAlpha(s, e));
}
