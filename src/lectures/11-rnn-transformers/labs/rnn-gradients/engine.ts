/**
 * A vanilla RNN and an LSTM learn "remember the first symbol after T steps" side by side: the same
 * seeded batches, the same softmax read-out on the last hidden state, the same optimiser, optional
 * global-norm clipping. Plain TypeScript (src/ml/rnnGradients.ts and src/ml/lstm.ts): the models
 * are tiny and sequential, so tfjs would only add per-op dispatch.
 *
 * One engine step is one RNN training step, or one micro-batch (LSTM_MICRO sequences) of the
 * LSTM's forward and backward pass; the LSTM updates after BATCH/LSTM_MICRO micro-batches, so
 * both models take the same number of training steps and every engine step stays short.
 */
import type { LabEngine } from '../../../../labs/types';
import { createLstmWeights, lstmBackward, lstmForward, type LstmWeights } from '../../../../ml/lstm';
import { createRng } from '../../../../ml/rng';
import {
  adamUpdate, clipGlobalNorm, createAdamState, createReadout, createRnnWeights, firstSymbolBatch, readoutLoss, rnnBackward, rnnForward, sgdUpdate,
  type AdamState, type Readout, type RnnWeights, type TaskBatch, type TaskSpec,
} from '../../../../ml/rnnGradients';
import { BATCH, CURVE_EVERY, K_SYMBOLS, LSTM_MICRO, M_DISTRACTORS, type RnnGradParams } from './params';

export interface ModelView {
  /** RMS over the batch of ‖∂ℓ/∂h_t‖, t = 1 … T, at the first training step. */
  gradInit: number[] | null;
  /** The same at the latest training step. */
  gradNow: number[] | null;
  /** LSTM only: RMS ‖∂ℓ/∂C_t‖ (first and latest step). */
  cellInit?: number[] | null;
  cellNow?: number[] | null;
  /** (step, accuracy on the fresh training batches, mean of CURVE_EVERY steps). */
  acc: { x: number; y: number }[];
  loss: { x: number; y: number }[];
  /** (step, largest global gradient norm before clipping over the last CURVE_EVERY steps). */
  gnorm: { x: number; y: number }[];
}

export interface RnnGradView {
  T: number;
  rnn: ModelView;
  lstm: ModelView;
}

interface Stats {
  iter: number;
  winAcc: number;
  winLoss: number;
  winN: number;
  winMax: number;
  lastAcc: number;
  lastLoss: number;
  lastNorm: number;
  lastApplied: number;
  maxApplied: number;
  maxNorm: number;
  /** Mean accuracy of the last 50 steps (ring buffer). */
  recent: number[];
}

const newStats = (): Stats => ({
  iter: 0, winAcc: 0, winLoss: 0, winN: 0, winMax: 0, lastAcc: NaN, lastLoss: NaN, lastNorm: NaN, lastApplied: NaN, maxApplied: 0, maxNorm: 0, recent: [],
});
const newView = (): ModelView => ({ gradInit: null, gradNow: null, acc: [], loss: [], gnorm: [] });

export function createRnnGradEngine(p: RnnGradParams): LabEngine<RnnGradView> {
  const T = Math.round(p.T);
  const H = Math.round(p.H);
  const iters = Math.round(p.iters);
  const spec: TaskSpec = { T, K: K_SYMBOLS, M: M_DISTRACTORS };
  const D = K_SYMBOLS + M_DISTRACTORS;
  const rngRnn = createRng(p.seed * 101 + 1);
  const rngLstm = createRng(p.seed * 101 + 2);
  const rngData = createRng(p.seed * 101 + 3);

  const rnn: RnnWeights = createRnnWeights(D, H, rngRnn, p.scale, p.act, p.init);
  const rnnOut: Readout = createReadout(H, K_SYMBOLS, rngRnn);
  const lstm: LstmWeights = createLstmWeights(D, H, () => rngLstm.next(), { forgetBias: p.fb });
  const lstmOut: Readout = createReadout(H, K_SYMBOLS, rngLstm);
  const rnnParams = [rnn.Wx, rnn.Wh, rnn.b, rnnOut.W, rnnOut.b];
  const lstmParams = [lstm.Wx, lstm.Wh, lstm.b, lstmOut.W, lstmOut.b];
  const rnnAdam: AdamState = createAdamState(rnnParams);
  const lstmAdam: AdamState = createAdamState(lstmParams);

  const view: RnnGradView = { T, rnn: newView(), lstm: { ...newView(), cellInit: null, cellNow: null } };
  const st = { rnn: newStats(), lstm: newStats() };

  let batch: TaskBatch | null = null;
  /** Which micro-batch of the LSTM comes next; −1: the RNN's turn (with a new batch). */
  let micro = -1;
  const nMicro = BATCH / LSTM_MICRO;
  // The LSTM's accumulators over its micro-batches.
  let lg: Float64Array[] = [];
  let ldh = new Float64Array(T);
  let ldc = new Float64Array(T);
  let lLoss = 0;
  let lCorrect = 0;
  const zeros = new Float64Array(LSTM_MICRO * H);
  const noGrad = new Float64Array(LSTM_MICRO * H);

  /** Clip (if on) and update; returns the norms before and after clipping. */
  function update(params: Float64Array[], grads: Float64Array[], adam: AdamState) {
    const n = clipGlobalNorm(grads, p.clip ? p.tau : Infinity);
    if (p.opt === 'adam') adamUpdate(params, grads, adam, p.lr);
    else sgdUpdate(params, grads, p.lr);
    return n;
  }

  function record(s: Stats, v: ModelView, loss: number, correct: number, norm: { before: number; after: number }) {
    s.iter++;
    const acc = correct / BATCH;
    s.winAcc += acc;
    s.winLoss += loss;
    s.winN++;
    s.lastLoss = loss;
    s.lastNorm = norm.before;
    s.lastApplied = norm.after;
    s.maxApplied = Math.max(s.maxApplied, norm.after);
    s.maxNorm = Math.max(s.maxNorm, norm.before);
    s.recent.push(acc);
    if (s.recent.length > 50) s.recent.shift();
    s.lastAcc = s.recent.reduce((a, b) => a + b, 0) / s.recent.length;
    s.winMax = Math.max(s.winMax, norm.before);
    if (s.winN === CURVE_EVERY || s.iter === iters) {
      v.acc.push({ x: s.iter, y: s.winAcc / s.winN });
      v.loss.push({ x: s.iter, y: s.winLoss / s.winN });
      v.gnorm.push({ x: s.iter, y: s.winMax });
      s.winMax = 0;
      s.winAcc = 0;
      s.winLoss = 0;
      s.winN = 0;
    }
  }

  /** Frobenius norm of ∂L/∂H_t for the batch-mean loss, times √B: the RMS of one sequence's ‖∂ℓ/∂h_t‖. */
  const rms = (frob: number) => frob * Math.sqrt(BATCH);

  function rnnStep() {
    batch = firstSymbolBatch(spec, BATCH, rngData);
    const c = rnnForward(rnn, batch.xs, BATCH);
    const r = readoutLoss(rnnOut, c.hs[T], batch.labels);
    const g = rnnBackward(rnn, c, r.dh);
    const norms = g.dhNorms.map(rms);
    if (!view.rnn.gradInit) view.rnn.gradInit = norms;
    view.rnn.gradNow = norms;
    const n = update(rnnParams, [g.dWx, g.dWh, g.db, r.dW, r.db], rnnAdam);
    record(st.rnn, view.rnn, r.loss, r.correct, n);
  }

  function lstmMicro(k: number) {
    const b = batch!;
    const m = LSTM_MICRO;
    const xs = b.xs.map((x) => x.subarray(k * m * D, (k + 1) * m * D));
    const labels = b.labels.subarray(k * m, (k + 1) * m);
    const f = lstmForward(xs, zeros, zeros, lstm, m);
    const r = readoutLoss(lstmOut, f.hs[T - 1], labels);
    // The micro-batch's mean loss is m/B of its share in the batch-mean loss.
    const w = m / BATCH;
    for (const a of [r.dh, r.dW, r.db]) for (let i = 0; i < a.length; i++) a[i] *= w;
    const dhs: Float64Array[] = xs.map(() => noGrad);
    dhs[T - 1] = r.dh;
    const g = lstmBackward(dhs, f.caches);
    const parts = [g.dWx, g.dWh, g.db, r.dW, r.db];
    if (k === 0) {
      lg = parts;
      ldh = new Float64Array(T);
      ldc = new Float64Array(T);
      lLoss = 0;
      lCorrect = 0;
    } else {
      parts.forEach((a, j) => {
        const acc = lg[j];
        for (let i = 0; i < a.length; i++) acc[i] += a[i];
      });
    }
    for (let t = 0; t < T; t++) {
      ldh[t] += g.dhNorms[t] ** 2;
      ldc[t] += g.dcNorms[t] ** 2;
    }
    lLoss += r.loss * w;
    lCorrect += r.correct;
    if (k < nMicro - 1) return;
    const dh = [...ldh].map((q) => rms(Math.sqrt(q)));
    const dc = [...ldc].map((q) => rms(Math.sqrt(q)));
    if (!view.lstm.gradInit) {
      view.lstm.gradInit = dh;
      view.lstm.cellInit = dc;
    }
    view.lstm.gradNow = dh;
    view.lstm.cellNow = dc;
    const n = update(lstmParams, lg, lstmAdam);
    record(st.lstm, view.lstm, lLoss, lCorrect, n);
  }

  const isDone = () => st.lstm.iter >= iters;

  return {
    step() {
      if (isDone()) return;
      if (micro < 0) {
        rnnStep();
        micro = 0;
      } else {
        lstmMicro(micro);
        micro = micro + 1 >= nMicro ? -1 : micro + 1;
      }
    },
    read(withView) {
      const metrics: Record<string, number> = { T };
      for (const key of ['rnn', 'lstm'] as const) {
        const s = st[key];
        const v = view[key];
        metrics[`iter_${key}`] = s.iter;
        if (s.iter > 0) {
          metrics[`acc_${key}`] = s.lastAcc;
          metrics[`loss_${key}`] = s.lastLoss;
          metrics[`gnorm_${key}`] = s.lastNorm;
          metrics[`gapplied_${key}`] = s.lastApplied;
          metrics[`max_applied_${key}`] = s.maxApplied;
          metrics[`max_gnorm_${key}`] = s.maxNorm;
        }
        // How much of the gradient at the last step reaches the first one: ≪ 1 when it vanishes.
        if (v.gradInit) metrics[`gratio_${key}_init`] = v.gradInit[0] / v.gradInit[T - 1];
        if (v.gradNow) metrics[`gratio_${key}`] = v.gradNow[0] / v.gradNow[T - 1];
      }
      if (!withView) return { metrics };
      const copy = (v: ModelView): ModelView => ({ ...v, acc: v.acc.slice(), loss: v.loss.slice(), gnorm: v.gnorm.slice() });
      return { metrics, view: { T, rnn: copy(view.rnn), lstm: copy(view.lstm) } };
    },
    isDone,
    dispose() {
      batch = null;
      lg = [];
    },
  };
}
