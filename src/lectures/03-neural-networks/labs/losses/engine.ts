/**
 * Gradient descent on a single prediction with the chosen loss: x ← x − α·∂L/∂x, one step per
 * lab step. Plain TypeScript (src/ml/losses); the curves depend on the parameters only and are
 * computed once per run.
 */
import { descentStep, loss1D, sampleCurve, type PredictionAxis } from '../../../../ml/losses';
import type { LabEngine } from '../../../../labs/types';
import { AXIS_RANGE, lossSpecOf, startOf, type LossesParams } from './params';

export type { LossesParams } from './params';

export interface LossesView {
  axis: PredictionAxis;
  lossCurve: { x: number; y: number }[];
  gradCurve: { x: number; y: number }[];
  pred: number;
  loss: number;
  grad: number;
  /** Where the loss is smallest (±∞ when only approached, as for a logit). */
  best: number;
}

const CURVE_SAMPLES = 240;

export function createLossesEngine(p: LossesParams): LabEngine<LossesView> {
  const spec = lossSpecOf(p);
  const loss = loss1D(spec);
  const [a, b] = AXIS_RANGE[spec.axis];
  const lossCurve = sampleCurve(loss.value, a, b, CURVE_SAMPLES);
  const gradCurve = sampleCurve(loss.grad, a, b, CURVE_SAMPLES);
  let x = startOf(p);
  let stalled = false;

  return {
    step() {
      const next = descentStep(loss, x, p.lr);
      stalled = next === x;
      x = next;
    },
    isDone: () => stalled,
    read(withView) {
      const value = loss.value(x);
      const grad = loss.grad(x);
      const metrics = { loss: value, grad, pred: x };
      if (!withView) return { metrics };
      return { metrics, view: { axis: spec.axis, lossCurve, gradCurve, pred: x, loss: value, grad, best: loss.best } };
    },
    dispose() {},
  };
}
