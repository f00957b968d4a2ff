/**
 * Early stopping on a model that overfits: a 784 → 32 → 10 MLP trained with Adam on 200 MNIST
 * digits for many epochs, scored on 300 validation digits after every epoch. The rule of
 * src/ml/earlyStopping.ts watches the validation loss; the weights of every improving epoch are
 * kept as a snapshot (a device-side copy of θ); when the rule fires (or the epochs run out) the
 * snapshot is copied into a second model and scored again: the restored model.
 *
 * Training goes on after the stop, to show what would have happened (drawn greyed out).
 *
 * tfjs: real matrices and autodiff (src/ml/models/flatMlpTf.ts); tfjs' own Adam does the update.
 * One engine step = one minibatch, or the scoring after an epoch. Epoch scores are tensors until `read()`, which reads them with
 * one `data()`; the restored model's score is read once per run, right after the rule fires.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import * as tf from '../../../../ml/tf';
import type { MnistSet } from '../../../../ml/data/mnist';
import { MNIST_PIXELS } from '../../../../ml/data/mnist';
import { mnistSubset } from '../../../../ml/data/mnistSubset';
import { checkEarlyStopConfig, earlyStopState, earlyStopUpdate, type EarlyStopState } from '../../../../ml/earlyStopping';
import { BatchOrder, classData, disposeClassData, FlatMlp, type ClassData } from '../../../../ml/models/flatMlpTf';
import { BATCH_SIZE, HIDDEN, PER_CLASS_TRAIN, PER_CLASS_VAL, type EARLY_STOP_PARAMS } from './params';

export type EarlyStopParams = Values<typeof EARLY_STOP_PARAMS>;

export interface Restored {
  /** Epoch whose weights were restored. */
  epoch: number;
  /** Epoch at which they were restored (the stop epoch, or the last epoch if the rule never fired). */
  at: number;
  valLoss: number;
  valAcc: number;
}

export interface EarlyStopView {
  /** Epochs scored (0 = initial weights). */
  epochs: number[];
  trainLoss: number[];
  trainAcc: number[];
  valLoss: number[];
  valAcc: number[];
  /** The rule's state: best epoch and value, epochs since the last improvement, stop epoch (−1 = not yet). */
  rule: EarlyStopState;
  restored: Restored | null;
  totalEpochs: number;
  nTrain: number;
  nVal: number;
}

interface Pending {
  epoch: number;
  /** [trainLoss, trainAcc, valLoss, valAcc] */
  scores: tf.Tensor1D;
  /** θ after this epoch (kept if the epoch improves). */
  theta: tf.Tensor1D;
}

export interface EarlyStopEngine extends LabEngine<EarlyStopView> {
  /** For tests: the best snapshot's θ and the restored model's θ (null before there is one). */
  weights(): Promise<{ snapshot: Float32Array | null; restored: Float32Array }>;
}

export function createEarlyStopEngineFrom(p: EarlyStopParams, set: MnistSet, perClassTrain = PER_CLASS_TRAIN, perClassVal = PER_CLASS_VAL): EarlyStopEngine {
  const cfg = { patience: Math.round(p.patience), minDelta: p.minDelta };
  checkEarlyStopConfig(cfg);
  if (!(p.lr > 0)) throw new Error(`learning rate must be > 0 (got ${p.lr})`);
  const totalEpochs = Math.round(p.epochs);
  const sub = mnistSubset(set, perClassTrain, perClassVal, p.seed);
  const train: ClassData = classData(sub.xTrain, sub.yTrain, MNIST_PIXELS, 10);
  const val: ClassData = classData(sub.xVal, sub.yVal, MNIST_PIXELS, 10);
  const model = new FlatMlp({ inputs: MNIST_PIXELS, hidden: HIDDEN, classes: 10 });
  const init = model.initialTheta(p.seed * 31 + 11);
  const theta = tf.tidy(() => tf.variable(tf.tensor1d(init)));
  const restoredTheta = tf.tidy(() => tf.variable(tf.zeros([model.size]) as tf.Tensor1D));
  const opt = tf.train.adam(p.lr);
  const order = new BatchOrder(train.n, BATCH_SIZE, p.seed * 7919 + 3);
  const rule = earlyStopState();
  let snapshot: tf.Tensor1D | null = null;
  let restored: Restored | null = null;
  let pending: Pending[] = [];
  let disposed = false;
  let scoreNext = false;
  const view: Omit<EarlyStopView, 'rule' | 'restored'> = {
    epochs: [], trainLoss: [], trainAcc: [], valLoss: [], valAcc: [], totalEpochs, nTrain: train.n, nVal: val.n,
  };

  const score = () => tf.tidy(() => tf.concat([model.evaluate(train, theta as tf.Tensor1D), model.evaluate(val, theta as tf.Tensor1D)]) as tf.Tensor1D);
  // Epoch 0 is drawn but not judged (the rule starts after the first epoch, as Keras does).
  pending.push({ epoch: 0, scores: score(), theta: tf.clone(theta as tf.Tensor1D) });

  /** Copy the best snapshot into the second model and score that model on the validation set. */
  async function restore(at: number): Promise<void> {
    if (!snapshot) return;
    restoredTheta.assign(snapshot);
    const s = model.evaluate(val, restoredTheta as tf.Tensor1D);
    try {
      const [valLoss, valAcc] = await s.data();
      restored = { epoch: rule.bestEpoch, at, valLoss, valAcc };
    } finally {
      s.dispose();
    }
  }

  return {
    step() {
      if (disposed) return;
      if (scoreNext) {
        // A step of its own: scoring 500 digits costs about as much as a few minibatches.
        scoreNext = false;
        pending.push({ epoch: order.epoch, scores: score(), theta: tf.clone(theta as tf.Tensor1D) });
        return;
      }
      if (order.epoch >= totalEpochs) return;
      const { idx, endOfEpoch } = order.next();
      tf.tidy(() => {
        const it = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(train.x, it) as tf.Tensor2D;
        const yb = tf.gather(train.y, it) as tf.Tensor2D;
        opt.minimize(() => model.loss(xb, yb, theta as tf.Tensor1D), false, [theta]);
      });
      scoreNext = endOfEpoch;
    },

    async read(withView) {
      if (pending.length) {
        const batch = pending;
        pending = [];
        const packed = tf.concat(batch.map((b) => b.scores));
        tf.dispose(batch.map((b) => b.scores));
        let vals: Float32Array | Int32Array | Uint8Array;
        try {
          vals = await packed.data();
        } catch (e) {
          tf.dispose(batch.map((b) => b.theta));
          throw e;
        } finally {
          packed.dispose();
        }
        let fired = -1;
        batch.forEach((b, i) => {
          const [trL, trA, vL, vA] = [vals[4 * i], vals[4 * i + 1], vals[4 * i + 2], vals[4 * i + 3]];
          view.epochs.push(b.epoch);
          view.trainLoss.push(trL);
          view.trainAcc.push(trA);
          view.valLoss.push(vL);
          view.valAcc.push(vA);
          const u = b.epoch === 0 ? { improved: false, stopNow: false } : earlyStopUpdate(rule, cfg, b.epoch, vL);
          if (u.improved) {
            snapshot?.dispose();
            snapshot = b.theta;
          } else b.theta.dispose();
          if (u.stopNow) fired = b.epoch;
        });
        const lastEpoch = batch[batch.length - 1].epoch;
        if (fired >= 0) await restore(fired);
        else if (!restored && rule.stopEpoch < 0 && lastEpoch >= totalEpochs) await restore(lastEpoch);
      }
      const n = view.epochs.length;
      const r = restored as Restored | null;
      const metrics: Record<string, number> = {
        epoch: view.epochs[n - 1] ?? 0,
        train_loss: view.trainLoss[n - 1],
        val_loss: view.valLoss[n - 1],
        val_acc: view.valAcc[n - 1],
        best_epoch: rule.bestEpoch,
        best_val_loss: rule.bestEpoch >= 0 ? view.valLoss[rule.bestEpoch] : NaN,
        best_val_acc: rule.bestEpoch >= 0 ? view.valAcc[rule.bestEpoch] : NaN,
        stop_epoch: rule.stopEpoch,
        wait: rule.wait,
        restored_epoch: r ? r.epoch : -1,
        restored_val_loss: r ? r.valLoss : NaN,
        restored_val_acc: r ? r.valAcc : NaN,
      };
      if (!withView) return { metrics };
      return {
        metrics,
        view: {
          ...view,
          epochs: view.epochs.slice(),
          trainLoss: view.trainLoss.slice(),
          trainAcc: view.trainAcc.slice(),
          valLoss: view.valLoss.slice(),
          valAcc: view.valAcc.slice(),
          rule: { ...rule },
          restored: r ? { ...r } : null,
        },
      };
    },

    async weights() {
      return {
        snapshot: snapshot ? ((await snapshot.data()) as Float32Array) : null,
        restored: (await restoredTheta.data()) as Float32Array,
      };
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      for (const b of pending) tf.dispose([b.scores, b.theta]);
      pending = [];
      snapshot?.dispose();
      snapshot = null;
      tf.dispose([theta, restoredTheta]);
      opt.dispose();
      disposeClassData(train);
      disposeClassData(val);
    },
  };
}

/** The lab's factory: loads the MNIST digits (cached after the first lab), then builds the engine. */
export async function createEarlyStopEngine(p: EarlyStopParams): Promise<LabEngine<EarlyStopView>> {
  const { loadMnist } = await import('../../../../labs/mnist');
  return createEarlyStopEngineFrom(p, await loadMnist());
}
