/**
 * Gradient check while training a 2-h-2 perceptron: the weights train by gradient descent with tfjs
 * autodiff; every read compares autodiff, the notes' hand-derived formulas and central finite
 * differences at the current weights. One GPU→CPU transfer per read.
 */
import { handGradients } from '../../../../ml/backprop/handGradients';
import { initMlp, makeSamples, numericGradients, relError, weightNames, type MlpConfig } from '../../../../ml/backprop/mlp';
import { TfMlp } from '../../../../ml/backprop/mlpTf';
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { FLAG_AT, N_IN, N_OUT, type GRADCHECK_PARAMS } from './params';

export type GradcheckParams = Values<typeof GRADCHECK_PARAMS>;

export interface GradRow {
  name: string;
  layer: 1 | 2;
  autodiff: number;
  hand: number;
  numeric: number;
  /** relError(hand, numeric) and relError(autodiff, numeric). */
  errHand: number;
  errAuto: number;
}

export interface GradcheckView {
  rows: GradRow[];
}

/** Build the comparison table at weights `w` from the autodiff gradients read back. */
export function compareRows(autodiff: number[], hand: number[], numeric: number[], nHidden: number): GradRow[] {
  const names = weightNames(N_IN, nHidden, N_OUT);
  const firstLayer = N_IN * nHidden + nHidden;
  return names.map((name, i) => ({
    name, layer: i < firstLayer ? 1 : 2,
    autodiff: autodiff[i], hand: hand[i], numeric: numeric[i],
    errHand: relError(hand[i], numeric[i]), errAuto: relError(autodiff[i], numeric[i]),
  }));
}

export function createGradcheckEngine(p: GradcheckParams): LabEngine<GradcheckView> {
  const cfg: MlpConfig = { act: p.act, loss: p.loss };
  const samples = makeSamples(p.n, p.loss, p.seed);
  const model = new TfMlp(initMlp(N_IN, p.hidden, N_OUT, p.seed), samples, cfg, p.lr);
  return {
    step: () => model.step(),
    async read(withView) {
      const snap = await model.snapshot();
      const finite = snap.autodiff.every(Number.isFinite) && Number.isFinite(snap.loss);
      const hand = handGradients(snap.weights, samples, cfg, p.broken);
      const numeric = finite ? numericGradients(snap.weights, samples, cfg) : hand.map(() => NaN);
      const rows = compareRows(snap.autodiff, hand, numeric, p.hidden);
      const maxErrHand = Math.max(...rows.map((r) => r.errHand));
      const maxErrAuto = Math.max(...rows.map((r) => r.errAuto));
      const metrics = { loss: snap.loss, maxErrHand, maxErrAuto, flagged: rows.filter((r) => r.errHand > FLAG_AT).length };
      return withView ? { metrics, view: { rows } } : { metrics };
    },
    dispose: () => model.dispose(),
  };
}
