/**
 * Segmentation with and without skip connections, side by side. Two mini U-Nets (src/ml/models/unet.ts),
 * the same but for the skip connections, start from the same seed and train on the same minibatches
 * of generated shapes images (src/ml/data/shapes.ts). Every EVAL_EVERY iterations both are scored on
 * the validation images (per-pixel accuracy, IoU per class, mean IoU) and predict SHOW of them.
 *
 * One engine step is one minibatch for both networks, or one chunk of the scoring. Nothing is read in
 * `step()`: losses, confusion matrices and predicted maps stay on the device until `read()`, which
 * reads everything queued with one `data()`.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { generateShapes, SHAPES_CHANNELS, SHAPES_NUM_CLASSES, SHAPES_SIDE, type ShapesSet } from '../../../../ml/data/shapes';
import { MiniUNet, unetParamCount } from '../../../../ml/models/unet';
import { createRng, shuffleInPlace } from '../../../../ml/rng';
import { iouPerClass, meanIoU, pixelAccuracy } from '../../../../ml/segMetrics';
import * as tf from '../../../../ml/tf';
import { BATCH, EVAL_CHUNK, EVAL_EVERY, N_TRAIN, N_VAL, SHOW, totalSteps, type SEGMENTATION_PARAMS } from './params';

export type SegmentationParams = Values<typeof SEGMENTATION_PARAMS>;

const K = SHAPES_NUM_CLASSES;
const S = SHAPES_SIDE;
const PX = S * S;

export interface EvalPoint {
  iter: number;
  accSkip: number;
  accPlain: number;
  miouSkip: number;
  miouPlain: number;
  iouSkip: number[];
  iouPlain: number[];
}

export interface LossPoint {
  iter: number;
  skip: number;
  plain: number;
}

export interface SegmentationView {
  iter: number;
  iters: number;
  width: number;
  progress: number;
  history: EvalPoint[];
  losses: LossPoint[];
  /** The first SHOW validation images (NHWC, 0–1) and their true class maps. */
  images: Float32Array;
  truth: Uint8Array;
  /** Predicted class maps of those images at the last scoring (null before the first). */
  predSkip: Uint8Array | null;
  predPlain: Uint8Array | null;
  predIter: number;
  paramsSkip: number;
  paramsPlain: number;
  msPerIter: number;
}

/** The data sets of a seed (the lab and the tests use the same). */
export function segmentationData(seed: number): { train: ShapesSet; val: ShapesSet } {
  return { train: generateShapes(N_TRAIN, seed * 2 + 1), val: generateShapes(N_VAL, seed * 2 + 2) };
}

interface PendingEval {
  iter: number;
  confSkip: tf.Tensor2D;
  confPlain: tf.Tensor2D;
  preds: tf.Tensor | null;
}

export function createSegmentationEngine(p: SegmentationParams): LabEngine<SegmentationView> {
  const width = Math.round(p.width);
  const iters = Math.round(p.iters);
  if (!(p.lr > 0)) throw new Error(`the learning rate must be positive (got ${p.lr})`);
  const planned = totalSteps(p);
  const { train, val } = segmentationData(p.seed);
  const X = tf.tensor4d(train.images, [N_TRAIN, S, S, SHAPES_CHANNELS]);
  const Y = tf.tensor3d(Int32Array.from(train.labels), [N_TRAIN, S, S], 'int32');
  const Xv = tf.tensor4d(val.images, [N_VAL, S, S, SHAPES_CHANNELS]);
  const Yv = tf.tensor3d(Int32Array.from(val.labels), [N_VAL, S, S], 'int32');
  const images = val.images.slice(0, SHOW * PX * SHAPES_CHANNELS);
  const truth = val.labels.slice(0, SHOW * PX);

  const cfg = { inChannels: SHAPES_CHANNELS, width, classes: K, bn: true, seed: p.seed * 101 + 7 };
  const skip = new MiniUNet({ ...cfg, skips: true }, p.lr);
  const plain = new MiniUNet({ ...cfg, skips: false }, p.lr);
  const orderRng = createRng(p.seed * 7919 + 13);
  let order: number[] = [];
  let cursor = N_TRAIN;

  let steps = 0;
  let iter = 0;
  let nextEval = 0;
  let chunk = 0;
  let evalDone = false;
  let acc: PendingEval | null = null;
  let pendingLoss: { iter: number; skip: tf.Scalar; plain: tf.Scalar }[] = [];
  let pendingEval: PendingEval[] = [];
  const history: EvalPoint[] = [];
  const losses: LossPoint[] = [];
  let historyView: EvalPoint[] = [];
  let lossView: LossPoint[] = [];
  let lossViewIter = 0;
  let predSkip: Uint8Array | null = null;
  let predPlain: Uint8Array | null = null;
  let predIter = -1;
  let trainMs = 0;
  let disposed = false;

  function trainStep() {
    const t0 = performance.now();
    if (cursor + BATCH > N_TRAIN) {
      order = shuffleInPlace(Array.from({ length: N_TRAIN }, (_, i) => i), orderRng);
      cursor = 0;
    }
    const rows = order.slice(cursor, cursor + BATCH);
    cursor += BATCH;
    const [xb, yb] = tf.tidy(() => {
      const idx = tf.tensor1d(rows, 'int32');
      return [tf.gather(X, idx) as tf.Tensor4D, tf.gather(Y, idx) as tf.Tensor3D];
    });
    const ls = skip.trainStep(xb, yb);
    const lp = plain.trainStep(xb, yb);
    tf.dispose([xb, yb]);
    iter++;
    pendingLoss.push({ iter, skip: ls, plain: lp });
    trainMs += performance.now() - t0;
  }

  function evalStep() {
    const a = chunk * EVAL_CHUNK;
    const m = Math.min(EVAL_CHUNK, N_VAL - a);
    const prev = acc;
    const [confSkip, confPlain, preds] = tf.tidy(() => {
      const x = tf.slice(Xv, [a, 0, 0, 0], [m, S, S, SHAPES_CHANNELS]) as tf.Tensor4D;
      const y = tf.slice(Yv, [a, 0, 0], [m, S, S]) as tf.Tensor3D;
      const es = skip.evaluate(x, y);
      const ep = plain.evaluate(x, y);
      // The maps of the first SHOW images (SHOW ≤ EVAL_CHUNK: all in the first chunk), skips first.
      const shown = a === 0 ? Math.min(SHOW, m) : 0;
      const p = shown ? tf.concat([tf.slice(es.pred, [0, 0, 0], [shown, S, S]), tf.slice(ep.pred, [0, 0, 0], [shown, S, S])]) : tf.zeros([0]);
      return [
        prev ? tf.add(prev.confSkip, es.confusion) : es.confusion,
        prev ? tf.add(prev.confPlain, ep.confusion) : ep.confusion,
        p,
      ];
    });
    const next: PendingEval = { iter, confSkip: confSkip as tf.Tensor2D, confPlain: confPlain as tf.Tensor2D, preds: prev?.preds ?? null };
    if (a === 0) next.preds = preds;
    else preds.dispose();
    if (acc) tf.dispose([acc.confSkip, acc.confPlain]);
    acc = next;
    chunk++;
    if (chunk * EVAL_CHUNK >= N_VAL) {
      chunk = 0;
      pendingEval.push(acc);
      acc = null;
      if (iter >= iters) evalDone = true;
      else nextEval = Math.min(iter + EVAL_EVERY, iters);
    }
  }

  return {
    step() {
      if (disposed || steps >= planned || evalDone) return;
      if (iter === nextEval) evalStep();
      else trainStep();
      steps++;
    },

    async read(withView) {
      const ls = pendingLoss;
      const es = pendingEval;
      pendingLoss = [];
      pendingEval = [];
      if (ls.length || es.length) {
        // Only the newest scoring's maps are drawn: older ones are dropped unread.
        const lastPreds = es.length ? es[es.length - 1].preds : null;
        const packed = tf.tidy(() => {
          const parts: tf.Tensor[] = [
            ...ls.flatMap((l) => [l.skip, l.plain]).map((t) => tf.reshape(t, [1])),
            ...es.flatMap((e) => [tf.reshape(e.confSkip, [K * K]), tf.reshape(e.confPlain, [K * K])]),
          ];
          if (lastPreds) parts.push(tf.cast(tf.reshape(lastPreds, [-1]), 'float32'));
          return tf.concat(parts);
        });
        tf.dispose(ls.flatMap((l) => [l.skip, l.plain]));
        tf.dispose(es.flatMap((e) => [e.confSkip, e.confPlain, ...(e.preds ? [e.preds] : [])]));
        let v: Float32Array | Int32Array | Uint8Array;
        try {
          v = await packed.data();
        } finally {
          packed.dispose();
        }
        let o = 0;
        for (const l of ls) {
          losses.push({ iter: l.iter, skip: v[o], plain: v[o + 1] });
          o += 2;
        }
        for (const e of es) {
          const cs = v.slice(o, o + K * K);
          const cp = v.slice(o + K * K, o + 2 * K * K);
          o += 2 * K * K;
          history.push({
            iter: e.iter,
            accSkip: pixelAccuracy(cs, K),
            accPlain: pixelAccuracy(cp, K),
            miouSkip: meanIoU(cs, K),
            miouPlain: meanIoU(cp, K),
            iouSkip: iouPerClass(cs, K),
            iouPlain: iouPerClass(cp, K),
          });
        }
        if (lastPreds) {
          predSkip = Uint8Array.from(v.subarray(o, o + SHOW * PX));
          predPlain = Uint8Array.from(v.subarray(o + SHOW * PX, o + 2 * SHOW * PX));
          predIter = es[es.length - 1].iter;
        }
        // New arrays (so charts redraw) at each scoring and every 10 iterations, not at every frame.
        if (es.length) historyView = history.slice();
        if (es.length || iter - lossViewIter >= 10 || iter >= iters) {
          lossView = losses.slice();
          lossViewIter = iter;
        }
      }
      const last = history[history.length - 1];
      const lastLoss = losses[losses.length - 1];
      const metrics: Record<string, number> = {
        iter,
        progress: steps / planned,
        evals: history.length,
        params_skip: unetParamCount({ ...cfg, skips: true }),
        params_plain: unetParamCount({ ...cfg, skips: false }),
      };
      if (lastLoss) Object.assign(metrics, { loss_skip: lastLoss.skip, loss_plain: lastLoss.plain });
      if (last) {
        Object.assign(metrics, {
          eval_iter: last.iter,
          acc_skip: last.accSkip,
          acc_plain: last.accPlain,
          miou_skip: last.miouSkip,
          miou_plain: last.miouPlain,
        });
      }
      if (iter) metrics.ms_per_iter = trainMs / iter;
      if (!withView) return { metrics };
      return {
        metrics,
        view: {
          iter, iters, width, progress: metrics.progress, history: historyView, losses: lossView, images, truth,
          predSkip, predPlain, predIter, paramsSkip: metrics.params_skip, paramsPlain: metrics.params_plain,
          msPerIter: metrics.ms_per_iter ?? NaN,
        },
      };
    },

    isDone: () => (evalDone || steps >= planned) && pendingLoss.length === 0 && pendingEval.length === 0,

    dispose() {
      if (disposed) return;
      disposed = true;
      skip.dispose();
      plain.dispose();
      tf.dispose([X, Y, Xv, Yv]);
      if (acc) tf.dispose([acc.confSkip, acc.confPlain, ...(acc.preds ? [acc.preds] : [])]);
      tf.dispose(pendingLoss.flatMap((l) => [l.skip, l.plain]));
      tf.dispose(pendingEval.flatMap((e) => [e.confSkip, e.confPlain, ...(e.preds ? [e.preds] : [])]));
      pendingLoss = [];
      pendingEval = [];
    },
  };
}
