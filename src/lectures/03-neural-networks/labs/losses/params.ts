import type { LossSpec, PredictionAxis } from '../../../../ml/losses';
import { defineParams, select, type Values } from '../../../../params/schema';

/**
 * No seed: nothing in this lab is random (one prediction, a fixed target, deterministic descent).
 */
export const LOSSES_PARAMS = defineParams({
  loss: select({
    label: 'Loss function', urlKey: 'loss', options: ['l1', 'mse', 'bce', 'ce'] as const, default: 'mse',
    optionLabels: { l1: 'L1 |y − ŷ|', mse: 'MSE (y − ŷ)²', bce: 'Binary cross-entropy', ce: 'Cross-entropy (C classes)' },
  }),
  axis: select({
    label: 'Prediction axis', urlKey: 'axis', options: ['prob', 'logit'] as const, default: 'prob',
    optionLabels: { prob: 'probability ŷ of the true label', logit: 'logit z (score before σ / softmax)' },
    help: 'What the horizontal axis and the descent move: the probability itself, or the score it is computed from.',
  }),
  target: { kind: 'number', label: 'Target', symbol: 'y', urlKey: 'y', min: -3, max: 3, step: 0.1, default: 1 },
  label: select({ label: 'Label', symbol: 'y', urlKey: 'lab', options: ['0', '1'] as const, default: '1', optionLabels: { 0: 'y = 0 (no)', 1: 'y = 1 (yes)' } }),
  classes: { kind: 'number', label: 'Classes', symbol: 'C', urlKey: 'c', min: 2, max: 10, step: 1, default: 3, help: 'The other C − 1 logits stay at 0.' },
  x0: { kind: 'number', label: 'Start prediction', urlKey: 'x0', min: -5, max: 5, step: 0.1, default: -2 },
  p0: { kind: 'number', label: 'Start probability', urlKey: 'p0', min: 0.01, max: 0.99, step: 0.01, default: 0.1 },
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.001, max: 5, step: 0, scale: 'log', default: 0.1 },
  steps: { kind: 'number', label: 'Gradient steps', urlKey: 'steps', min: 10, max: 2000, step: 10, default: 200 },
});

/** Horizontal range of the loss and derivative plots on each axis. */
export const AXIS_RANGE = { value: [-5, 5], logit: [-6, 6], prob: [0.01, 0.99] } as const;

export type LossesParams = Values<typeof LOSSES_PARAMS>;

/** The loss, axis, target and classes the parameters describe. */
export function lossSpecOf(p: LossesParams): LossSpec {
  const classification = p.loss === 'bce' || p.loss === 'ce';
  const axis: PredictionAxis = classification ? p.axis : 'value';
  return { kind: p.loss, axis, target: p.loss === 'bce' ? Number(p.label) : p.target, classes: p.classes };
}

/** The starting prediction: a probability on the probability axis, a real number otherwise. */
export function startOf(p: LossesParams): number {
  return lossSpecOf(p).axis === 'prob' ? p.p0 : p.x0;
}
