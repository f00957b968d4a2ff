/**
 * Trains the marked-digit LSTM (model.ts) with Adam, one minibatch of BATCH sequences per step.
 * The held-out loss and accuracy are recomputed every EVAL_EVERY steps (and at step 0); the view is
 * a copy of the weights, from which the component recomputes the gates of the sequence it shows.
 * Plain TypeScript, see model.ts for why.
 */
import type { LabEngine } from '../../../../labs/types';
import { cloneLstmWeights } from '../../../../ml/lstm';
import { createRng } from '../../../../ml/rng';
import {
  adamUpdate, createAdam, createSeqModel, evaluate, lossAndGrads, randomBatch, validationSet, type SeqModel,
} from './model';
import { BATCH, EVAL_EVERY, N_VAL, type LstmParams } from './params';

export interface LstmView {
  /** A copy of the weights after `step` steps. */
  model: SeqModel;
  step: number;
}

export function createLstmEngine(p: LstmParams): LabEngine<LstmView> {
  const T = Math.round(p.T);
  const K = Math.round(p.K);
  const H = Math.round(p.H);
  const rng = createRng(p.seed);
  const model = createSeqModel(K, H, rng, p.fb);
  const adam = createAdam(model);
  const val = validationSet(N_VAL, T, K, p.seed);
  let steps = 0;
  let trainLoss = NaN;
  let trainAcc = NaN;
  let gradNorm = NaN;
  let ev = evaluate(model, val, T);
  const ema = (old: number, v: number) => (Number.isFinite(old) ? 0.9 * old + 0.1 * v : v);
  return {
    step() {
      const batch = randomBatch(BATCH, T, K, rng);
      const r = lossAndGrads(model, batch, T);
      gradNorm = adamUpdate(model, r.grads, adam, p.lr);
      trainLoss = ema(trainLoss, r.loss);
      trainAcc = ema(trainAcc, r.accuracy);
      steps++;
      if (steps % EVAL_EVERY === 0 || steps === Math.round(p.iters)) ev = evaluate(model, val, T);
    },
    read(withView) {
      const metrics: Record<string, number> = { loss: ev.loss, acc: ev.accuracy };
      if (Number.isFinite(trainLoss)) {
        metrics.train_loss = trainLoss;
        metrics.train_acc = trainAcc;
        metrics.grad_norm = gradNorm;
      }
      return {
        metrics,
        view: withView
          ? { model: { K, lstm: cloneLstmWeights(model.lstm), Wy: model.Wy.slice(), by: model.by.slice() }, step: steps }
          : undefined,
      };
    },
    dispose() {},
  };
}
