/**
 * Two copies of the same MLP on an MNIST subset, one trained with dropout (drop probability p) and
 * one without, from the same initial weights and the same minibatch order; and, alongside, the
 * notes' weight-scaling rule checked by Monte Carlo on one unit z = Σ θᵢxᵢ.
 *
 * One step = one minibatch for each network plus a few sampled masks for the unit. At the end of an
 * epoch the step queues an evaluation (eval mode, plus the dropout network in train mode, plus the
 * example digit's outputs) as a tensor; `read()` reads every queued evaluation with one `data()`.
 */
import { loadMnist } from '../../../../labs/mnist';
import type { LabEngine } from '../../../../labs/types';
import { labelsOf, MNIST_PIXELS, pixelsAsFloat, stratifiedSplit, type MnistSet } from '../../../../ml/data/mnist';
import { UnitMonteCarlo } from '../../../../ml/dropout';
import { digitTensors, disposeDigitTensors, DropoutMlp, EVAL_FIELDS } from '../../../../ml/dropoutMlpTf';
import { createRng, shuffleInPlace, type Rng } from '../../../../ml/rng';
import * as tf from '../../../../ml/tf';
import type { Values } from '../../../../params/schema';
import { BATCH, MASKS_PER_STEP, TRAIN_PASSES, VAL_PER_CLASS, type DROPOUT_PARAMS } from './params';

export type DropoutParams = Values<typeof DROPOUT_PARAMS>;
type EvalFields = Record<(typeof EVAL_FIELDS)[number], number>;

export interface EpochRecord {
  epoch: number;
  withDrop: EvalFields;
  plain: EvalFields;
}

export interface McPoint {
  masks: number;
  plain: number;
  inverted: number;
}

export interface DropoutView {
  history: EpochRecord[];
  mc: McPoint[];
  unit: { theta: number[]; x: number[]; z: number; zScaled: number; q: number; lastMask: number[]; sampleStd: number };
  /** Units of the first minibatch row's masks per hidden layer (1 kept, 0 dropped), the first few. */
  netMasks: [number[], number[]];
  example: { pixels: Float32Array; label: number; evalProbs: number[]; trainProbs: number[][] };
}

/** Units per hidden layer drawn in the network sketch. */
export const DRAWN_UNITS = 8;

/** Seeded weights and inputs of the single unit: values with one decimal, |z| not tiny. */
export function unitValues(n: number, rng: Rng): { theta: number[]; x: number[] } {
  for (;;) {
    const theta = Array.from({ length: n }, () => Math.round(rng.normal() * 10) / 10 || 0.5);
    const x = Array.from({ length: n }, () => Math.round((0.5 + 1.5 * rng.next()) * 10) / 10);
    const z = theta.reduce((s, t, i) => s + t * x[i], 0);
    if (Math.abs(z) >= 0.5) return { theta, x };
  }
}

function record(f: Float32Array, off: number): EvalFields {
  return Object.fromEntries(EVAL_FIELDS.map((k, i) => [k, f[off + i]])) as EvalFields;
}

export function createDropoutEngineFromSet(p: DropoutParams, set: MnistSet, valPerClass = VAL_PER_CLASS): LabEngine<DropoutView> {
  const split = stratifiedSplit(set, p.perClass, valPerClass, p.seed);
  const classes = 10;
  const data = digitTensors(
    { x: pixelsAsFloat(set, split.train), labels: labelsOf(set, split.train) },
    { x: pixelsAsFloat(set, split.val), labels: labelsOf(set, split.val) },
    MNIST_PIXELS, classes,
  );
  const exampleRow = 0;
  const example = { pixels: pixelsAsFloat(set, [split.val[exampleRow]]), label: set.labels[split.val[exampleRow]] };
  let nets: [DropoutMlp, DropoutMlp];
  try {
    const base = { hidden: p.hidden, lr: p.lr, initSeed: p.seed * 7919 + 1, maskSeed: p.seed * 104729 + 3 };
    nets = [new DropoutMlp(data, { ...base, drop: p.drop }), new DropoutMlp(data, { ...base, drop: 0 })];
  } catch (e) {
    disposeDigitTensors(data);
    throw e;
  }
  const unitRng = createRng(p.seed * 31 + 7);
  const { theta, x } = unitValues(p.inputs, unitRng);
  const mc = new UnitMonteCarlo(theta, x, p.drop, unitRng);
  const mcHistory: McPoint[] = [];
  const orderRng = createRng(p.seed * 65537 + 11);
  let order: number[] = [];
  let cursor = 0;
  let epoch = 0;
  const pending: { epoch: number; t: tf.Tensor }[] = [];
  let inflight: tf.Tensor | null = null;
  const history: EpochRecord[] = [];
  let exampleOut = { evalProbs: [] as number[], trainProbs: [] as number[][] };
  let disposed = false;

  function queueEvaluation() {
    const t = tf.tidy(() => tf.concat([nets[0].evaluate(), nets[1].evaluate(), nets[0].probabilities(exampleRow, TRAIN_PASSES)]));
    pending.push({ epoch, t });
  }
  queueEvaluation();

  return {
    step() {
      if (cursor === 0) order = shuffleInPlace(Array.from({ length: data.nTrain }, (_, i) => i), orderRng);
      const idx = order.slice(cursor, cursor + BATCH);
      cursor += idx.length;
      for (const net of nets) net.trainBatch(idx);
      mc.sample(MASKS_PER_STEP);
      mcHistory.push({ masks: mc.count, plain: mc.meanPlain, inverted: mc.meanInverted });
      if (cursor >= data.nTrain) {
        cursor = 0;
        epoch++;
        queueEvaluation();
      }
    },
    async read(withView) {
      if (pending.length) {
        const batch = pending.splice(0);
        const all = tf.concat(batch.map((b) => b.t));
        tf.dispose(batch.map((b) => b.t));
        inflight = all;
        const f = (await all.data()) as Float32Array;
        all.dispose();
        inflight = null;
        if (disposed) return { metrics: {} };
        const F = EVAL_FIELDS.length;
        const stride = 2 * F + classes * (1 + TRAIN_PASSES);
        batch.forEach((b, k) => {
          const off = k * stride;
          history.push({ epoch: b.epoch, withDrop: record(f, off), plain: record(f, off + F) });
          if (k === batch.length - 1) {
            const probs = Array.from(f.subarray(off + 2 * F, off + stride));
            exampleOut = {
              evalProbs: probs.slice(0, classes),
              trainProbs: Array.from({ length: TRAIN_PASSES }, (_, j) => probs.slice(classes * (j + 1), classes * (j + 2))),
            };
          }
        });
      }
      const last = history[history.length - 1];
      const d = last.withDrop;
      const n = last.plain;
      const metrics: Record<string, number> = {
        epoch: last.epoch,
        do_train_loss: d.trainLoss, do_val_loss: d.valLoss, do_train_acc: d.trainAcc, do_val_acc: d.valAcc,
        do_val_acc_trainmode: d.valAccTrainMode, do_val_loss_trainmode: d.valLossTrainMode,
        plain_train_loss: n.trainLoss, plain_val_loss: n.valLoss, plain_train_acc: n.trainAcc, plain_val_acc: n.valAcc,
        gap_loss_do: d.valLoss - d.trainLoss, gap_loss_plain: n.valLoss - n.trainLoss,
        gap_acc_do: d.trainAcc - d.valAcc, gap_acc_plain: n.trainAcc - n.valAcc,
        mc_masks: mc.count, mc_target: mc.zScaled, z: mc.z,
      };
      if (mc.count > 0) {
        Object.assign(metrics, {
          mc_mean: mc.meanPlain, mc_diff: Math.abs(mc.meanPlain - mc.zScaled), mc_se: mc.standardError,
          // 4 standard errors of the exact per-mask spread: the mean lands inside with probability > 0.9999.
          mc_tol: (4 * mc.sampleStd) / Math.sqrt(mc.count),
          inv_mean: mc.meanInverted, inv_diff: Math.abs(mc.meanInverted - mc.z),
        });
      }
      if (!withView) return { metrics };
      const netMasks = nets[0].lastMasks.map((m) => Array.from(m.subarray(0, DRAWN_UNITS), (v) => (v > 0 ? 1 : 0))) as [number[], number[]];
      return {
        metrics,
        view: {
          history: history.slice(),
          mc: mcHistory.slice(),
          unit: { theta, x, z: mc.z, zScaled: mc.zScaled, q: mc.q, lastMask: mc.lastMask.slice(), sampleStd: mc.sampleStd },
          netMasks,
          example: { ...example, ...exampleOut },
        },
      };
    },
    dispose() {
      disposed = true;
      tf.dispose(pending.splice(0).map((b) => b.t));
      inflight?.dispose();
      for (const net of nets) net.dispose();
      disposeDigitTensors(data);
    },
  };
}

export async function createDropoutEngine(p: DropoutParams): Promise<LabEngine<DropoutView>> {
  const set = await loadMnist();
  return createDropoutEngineFromSet(p, set);
}

export function stepsPerEpoch(p: DropoutParams): number {
  return Math.ceil((p.perClass * 10) / BATCH);
}
