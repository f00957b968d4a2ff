/**
 * Training with and without data augmentation, side by side. Two copies of the same MLP (same
 * initial weights, same minibatch order) train on the same small stratified MNIST subset; one sees
 * the digits as they are, the other a freshly augmented version of every digit in every batch
 * (seeded). Both are scored once per epoch on held-out validation digits that are never augmented —
 * except that the augmented model may use the notes' fixed test crops (its own test pipeline).
 *
 * One engine step is one minibatch for both models, or one chunk of the validation scoring, so a
 * step stays at a few milliseconds. Per-epoch scores stay on the device until `read()`.
 */
import type { LabEngine } from '../../../../labs/types';
import * as tf from '../../../../ml/tf';
import { applyAugment, drawAugment, IDENTITY_DRAW, type AugmentConfig, type AugmentDraw, type Img } from '../../../../ml/augment';
import { labelsOf, MNIST_PIXELS, MNIST_SIDE, pixelsAsFloat, stratifiedSplit, type MnistSet } from '../../../../ml/data/mnist';
import { createRng, shuffleInPlace } from '../../../../ml/rng';
import { DigitMlp } from './model';
import { BATCH_SIZE, EVAL_CHUNK, HIDDEN, LEARNING_RATE, VAL_PER_CLASS } from './params';
import { augmentConfig, testViews, type AugmentParams, type AugmentView, type EpochScores } from './plan';

export { augmentConfig, stepsPerEpoch, testViews, totalSteps, type AugmentParams, type AugmentView, type EpochScores } from './plan';

/** Augment the digits at rows `rows` of `pixels` (n×784) into one B×784 batch. */
export function augmentBatch(pixels: Float32Array, rows: readonly number[], cfg: AugmentConfig, rng: ReturnType<typeof createRng>): Float32Array {
  const out = new Float32Array(rows.length * MNIST_PIXELS);
  for (let k = 0; k < rows.length; k++) {
    const img: Img = { width: MNIST_SIDE, height: MNIST_SIDE, channels: 1, data: pixels.subarray(rows[k] * MNIST_PIXELS, (rows[k] + 1) * MNIST_PIXELS) };
    const d = drawAugment(cfg, MNIST_SIDE, MNIST_SIDE, MNIST_SIDE, rng);
    applyAugment(img, d, MNIST_SIDE, out.subarray(k * MNIST_PIXELS, (k + 1) * MNIST_PIXELS));
  }
  return out;
}

/** Every validation digit through every view, image-major (row i·k + j is view j of digit i). */
export function viewedPixels(pixels: Float32Array, n: number, views: readonly AugmentDraw[]): Float32Array {
  const k = views.length;
  const out = new Float32Array(n * k * MNIST_PIXELS);
  for (let i = 0; i < n; i++) {
    const img: Img = { width: MNIST_SIDE, height: MNIST_SIDE, channels: 1, data: pixels.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS) };
    for (let j = 0; j < k; j++) {
      const row = i * k + j;
      applyAugment(img, views[j], MNIST_SIDE, out.subarray(row * MNIST_PIXELS, (row + 1) * MNIST_PIXELS));
    }
  }
  return out;
}

/** Build the experiment on an already loaded set (node tests pass a synthetic one). */
export function createAugmentEngineFrom(set: MnistSet, p: AugmentParams): LabEngine<AugmentView> {
  const perClass = Math.max(1, Math.round(p.nTrain / 10));
  const { train, val } = stratifiedSplit(set, perClass, VAL_PER_CLASS, p.seed);
  const xTrain = pixelsAsFloat(set, train);
  const yTrain = labelsOf(set, train);
  const nTrain = train.length;
  const nVal = val.length;
  const cfg = augmentConfig(p);
  const views = testViews(p);
  const k = views.length;
  const epochs = Math.round(p.epochs);
  const batchesPerEpoch = Math.ceil(nTrain / BATCH_SIZE);
  const chunks = Math.ceil(nVal / EVAL_CHUNK);
  const planned = (batchesPerEpoch + chunks) * epochs;

  const valPixels = pixelsAsFloat(set, val);
  const xValPlain = tf.tensor2d(valPixels, [nVal, MNIST_PIXELS]);
  const xValAug = k === 1 && views[0] === IDENTITY_DRAW ? null : tf.tensor2d(viewedPixels(valPixels, nVal, views), [nVal * k, MNIST_PIXELS]);
  const yVal = tf.tensor1d(labelsOf(set, val), 'int32');

  // Same seed for both: identical initial weights; one batch order drives both.
  const plain = new DigitMlp(HIDDEN, LEARNING_RATE, p.seed * 101 + 7);
  const aug = new DigitMlp(HIDDEN, LEARNING_RATE, p.seed * 101 + 7);
  const orderRng = createRng(p.seed * 7919 + 13);
  const augRng = createRng(p.seed * 104729 + 29);
  let order: number[] = [];

  let steps = 0;
  let epoch = 0;
  let batch = 0;
  let chunk = 0;
  let valSums: { plain: tf.Tensor1D; aug: tf.Tensor1D } | null = null;
  let trainStats: { plain: tf.Tensor1D; aug: tf.Tensor1D } | null = null;
  let pending: { epoch: number; scores: tf.Tensor1D }[] = [];
  const history: EpochScores[] = [];
  let historyView: EpochScores[] = [];
  let batchMs = 0;
  let batchCount = 0;
  let disposed = false;

  function trainStep() {
    if (batch === 0) order = shuffleInPlace(Array.from({ length: nTrain }, (_, i) => i), orderRng);
    const rows = order.slice(batch * BATCH_SIZE, (batch + 1) * BATCH_SIZE);
    const t0 = performance.now();
    const xb = new Float32Array(rows.length * MNIST_PIXELS);
    rows.forEach((r, i) => xb.set(xTrain.subarray(r * MNIST_PIXELS, (r + 1) * MNIST_PIXELS), i * MNIST_PIXELS));
    const yb = Int32Array.from(rows, (r) => yTrain[r]);
    plain.trainBatch(xb, yb);
    aug.trainBatch(augmentBatch(xTrain, rows, cfg, augRng), yb);
    batchMs += performance.now() - t0;
    batchCount++;
    batch++;
    if (batch >= batchesPerEpoch) {
      batch = 0;
      trainStats = { plain: plain.takeTrainStats(), aug: aug.takeTrainStats() };
    }
  }

  function evalStep() {
    const a = chunk * EVAL_CHUNK;
    const m = Math.min(EVAL_CHUNK, nVal - a);
    const next = tf.tidy(() => {
      const y = tf.slice(yVal, [a], [m]) as tf.Tensor1D;
      const sp = plain.score(tf.slice(xValPlain, [a, 0], [m, MNIST_PIXELS]) as tf.Tensor2D, y, 1);
      const xa = xValAug ? (tf.slice(xValAug, [a * k, 0], [m * k, MNIST_PIXELS]) as tf.Tensor2D) : (tf.slice(xValPlain, [a, 0], [m, MNIST_PIXELS]) as tf.Tensor2D);
      const sa = aug.score(xa, y, xValAug ? k : 1);
      return valSums ? { plain: tf.add(valSums.plain, sp) as tf.Tensor1D, aug: tf.add(valSums.aug, sa) as tf.Tensor1D } : { plain: sp, aug: sa };
    });
    if (valSums) tf.dispose([valSums.plain, valSums.aug]);
    valSums = next;
    chunk++;
    if (chunk >= chunks) {
      chunk = 0;
      epoch++;
      const v = valSums;
      const t = trainStats!;
      // [train plain (correct, loss, n), train aug (…), val plain (correct, loss), val aug (…)]
      pending.push({ epoch, scores: tf.concat([t.plain, t.aug, v.plain, v.aug]) as tf.Tensor1D });
      tf.dispose([t.plain, t.aug, v.plain, v.aug]);
      valSums = null;
      trainStats = null;
    }
  }

  return {
    step() {
      if (disposed || steps >= planned) return;
      if (trainStats === null) trainStep();
      else evalStep();
      steps++;
    },

    async read(withView) {
      if (pending.length) {
        const batchOf = pending;
        pending = [];
        const packed = tf.concat(batchOf.map((b) => b.scores));
        tf.dispose(batchOf.map((b) => b.scores));
        let v: Float32Array | Int32Array | Uint8Array;
        try {
          v = await packed.data();
        } finally {
          packed.dispose();
        }
        batchOf.forEach((b, i) => {
          const o = i * 10;
          history.push({
            epoch: b.epoch,
            trainPlain: v[o] / v[o + 2],
            trainAug: v[o + 3] / v[o + 5],
            valPlain: v[o + 6] / nVal,
            lossPlain: v[o + 7] / nVal,
            valAug: v[o + 8] / nVal,
            lossAug: v[o + 9] / nVal,
          });
        });
        historyView = history.slice();
      }
      const last = history[history.length - 1];
      const metrics: Record<string, number> = {
        epoch: last?.epoch ?? 0,
        progress: planned ? steps / planned : 1,
        n_train: nTrain,
        n_val: nVal,
        test_views: k,
      };
      if (last) {
        Object.assign(metrics, {
          acc_plain: last.valPlain,
          acc_aug: last.valAug,
          gain: last.valAug - last.valPlain,
          train_plain: last.trainPlain,
          train_aug: last.trainAug,
          loss_plain: last.lossPlain,
          loss_aug: last.lossAug,
          best_plain: Math.max(...history.map((h) => h.valPlain)),
          best_aug: Math.max(...history.map((h) => h.valAug)),
        });
      }
      if (batchCount) metrics.ms_per_batch = batchMs / batchCount;
      if (!withView) return { metrics };
      return {
        metrics,
        view: { history: historyView, progress: metrics.progress, nTrain, nVal, views: k, msPerBatch: metrics.ms_per_batch ?? NaN },
      };
    },

    isDone: () => steps >= planned && pending.length === 0,

    dispose() {
      if (disposed) return;
      disposed = true;
      plain.dispose();
      aug.dispose();
      tf.dispose([xValPlain, yVal]);
      if (xValAug) xValAug.dispose();
      if (valSums) tf.dispose([valSums.plain, valSums.aug]);
      if (trainStats) tf.dispose([trainStats.plain, trainStats.aug]);
      tf.dispose(pending.map((b) => b.scores));
      pending = [];
    },
  };
}

/** The lab's factory: loads the shared MNIST digits (cached after the first call), then builds the run. */
export async function createAugmentEngine(p: AugmentParams): Promise<LabEngine<AugmentView>> {
  const { loadMnist } = await import('../../../../labs/mnist');
  return createAugmentEngineFrom(await loadMnist(), p);
}
