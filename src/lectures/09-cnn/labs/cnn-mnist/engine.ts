/**
 * The CNN trained live on MNIST. One engine step is one minibatch (random 24×24 crops of the
 * training digits) or, EVALS_PER_EPOCH times an epoch, one chunk of the validation scoring (centre
 * crops of the 2,000 held-out digits), so a step stays short and the page responsive.
 *
 * Nothing is read from the device in `step()`: training statistics (every TRAIN_POINT_EVERY
 * batches), validation scores and predictions wait as tensors until `read()`, which packs them,
 * and the weights when the view is asked for, into ONE tensor and reads it once.
 */
import type { LabEngine } from '../../../../labs/types';
import * as tf from '../../../../ml/tf';
import { labelsOf, type MnistSet } from '../../../../ml/data/mnist';
import { createRng, shuffleInPlace } from '../../../../ml/rng';
import { INPUT_SIDE, weightSizes, type CnnArch } from './arch';
import { centreCrops, confusionMatrix, proportionalSplit, randomCrops } from './data';
import { TfCnn } from './model';
import { EVAL_CHUNK, EXAMPLES_PER_CLASS, MAX_WRONG, TRAIN_POINT_EVERY, type CnnMnistParams } from './params';
import { evalPoints } from './plan';

export { evalPoints, stepsPerEpoch, totalSteps } from './plan';

export interface CurvePoint {
  epoch: number;
  step: number;
  loss: number;
  acc: number;
}

export interface Wrong {
  /** Index into the MNIST set. */
  index: number;
  truth: number;
  pred: number;
}

export interface CnnMnistView {
  arch: CnnArch;
  train: CurvePoint[];
  val: CurvePoint[];
  /** Flat weights [w1, b1, w2, b2, w3, b3] (see forward.ts). */
  weights: Float32Array | null;
  /** counts[true][predicted] on the validation digits at the last scoring. */
  confusion: number[][] | null;
  /** Epoch of the last scoring. */
  confusionEpoch: number;
  wrong: Wrong[];
  wrongTotal: number;
  /** MNIST indices of the first validation digits of each class (for the activation maps). */
  examples: number[][];
  nTrain: number;
  nVal: number;
  progress: number;
  stepsPerEpoch: number;
}

interface PendingTrain {
  kind: 'train';
  step: number;
  stats: tf.Tensor1D;
}
interface PendingVal {
  kind: 'val';
  step: number;
  stats: tf.Tensor1D;
  preds: tf.Tensor1D;
}
type Pending = PendingTrain | PendingVal;

/** Build the run on an already loaded set (node tests pass the digits read from disk). */
export function createCnnMnistEngineFrom(set: MnistSet, p: CnnMnistParams): LabEngine<CnnMnistView> {
  const arch: CnnArch = { f1: Math.round(p.f1), f2: Math.round(p.f2) };
  const B = Math.round(p.batch);
  const { train, val } = proportionalSplit(set, p.nTrain, p.seed);
  const nTrain = train.length;
  const nVal = val.length;
  const spe = Math.ceil(nTrain / B);
  const points = evalPoints({ nTrain, batch: B, epochs: p.epochs });
  const totalTrain = spe * Math.round(p.epochs);
  const planned = totalTrain + points.length * Math.ceil(nVal / EVAL_CHUNK);
  const yValHost = labelsOf(set, val);

  const examples: number[][] = Array.from({ length: 10 }, () => []);
  for (const i of val) if (examples[set.labels[i]].length < EXAMPLES_PER_CLASS) examples[set.labels[i]].push(i);

  // The validation digits are uploaded once, already cut into chunks: slicing one big tensor on
  // wasm copies it through the CPU (readSync of all of it) on every slice.
  const valCrops = centreCrops(set, val);
  const px = INPUT_SIDE * INPUT_SIDE;
  const valChunks = Array.from({ length: Math.ceil(nVal / EVAL_CHUNK) }, (_, k) => {
    const a = k * EVAL_CHUNK;
    const m = Math.min(EVAL_CHUNK, nVal - a);
    return {
      x: tf.tensor4d(valCrops.subarray(a * px, (a + m) * px), [m, INPUT_SIDE, INPUT_SIDE, 1]),
      y: tf.tensor1d(yValHost.subarray(a, a + m), 'int32'),
    };
  });
  const model = new TfCnn(arch, p.lr, p.seed * 131 + 17);
  const orderRng = createRng(p.seed * 7919 + 5);
  const cropRng = createRng(p.seed * 104729 + 3);
  let order: number[] = [];

  let engineSteps = 0;
  let t = 0; // training steps done
  let nextPoint = 0; // index into `points`
  let chunk = -1; // ≥ 0 while scoring
  let valStats: tf.Tensor1D | null = null;
  let valPreds: tf.Tensor1D[] = [];
  let sinceTrainPoint = 0;
  let pending: Pending[] = [];
  const trainCurve: CurvePoint[] = [];
  const valCurve: CurvePoint[] = [];
  let confusion: number[][] | null = null;
  let confusionEpoch = 0;
  let wrong: Wrong[] = [];
  let wrongTotal = 0;
  let weights: Float32Array | null = null;
  let weightsStep = -1;
  let trainMs = 0;
  let disposed = false;

  const epochOf = (step: number) => step / spe;

  function trainStep() {
    const b = t % spe;
    if (b === 0) order = shuffleInPlace(Array.from({ length: nTrain }, (_, i) => train[i]), orderRng);
    const rows = order.slice(b * B, (b + 1) * B);
    const t0 = performance.now();
    model.trainBatch(randomCrops(set, rows, cropRng), Int32Array.from(rows, (r) => set.labels[r]));
    trainMs += performance.now() - t0;
    t++;
    sinceTrainPoint++;
    if (sinceTrainPoint >= TRAIN_POINT_EVERY || t === points[nextPoint]) {
      pending.push({ kind: 'train', step: t, stats: model.takeTrainStats() });
      sinceTrainPoint = 0;
    }
    if (t === points[nextPoint]) {
      chunk = 0;
      nextPoint++;
    }
  }

  function evalStep() {
    const { preds, stats } = model.score(valChunks[chunk].x, valChunks[chunk].y);
    valPreds.push(preds);
    if (valStats) {
      const s = tf.add(valStats, stats) as tf.Tensor1D;
      tf.dispose([valStats, stats]);
      valStats = s;
    } else {
      valStats = stats;
    }
    chunk++;
    if (chunk >= valChunks.length) {
      const all = tf.concat(valPreds) as tf.Tensor1D;
      tf.dispose(valPreds);
      valPreds = [];
      pending.push({ kind: 'val', step: t, stats: valStats, preds: all });
      valStats = null;
      chunk = -1;
    }
  }

  function digest(packed: Float32Array | Int32Array | Uint8Array, batch: Pending[]): number {
    let o = 0;
    const lastVal = batch.reduce((k, b, i) => (b.kind === 'val' ? i : k), -1);
    batch.forEach((b, i) => {
      if (b.kind === 'train') {
        const [c, l, n] = [packed[o], packed[o + 1], packed[o + 2]];
        o += 3;
        if (n > 0) trainCurve.push({ epoch: epochOf(b.step), step: b.step, loss: l / n, acc: c / n });
      } else {
        const [c, l] = [packed[o], packed[o + 1]];
        o += 2;
        valCurve.push({ epoch: epochOf(b.step), step: b.step, loss: l / nVal, acc: c / nVal });
        if (i === lastVal) {
          const preds = Array.from(packed.subarray(o, o + nVal), Math.round);
          confusion = confusionMatrix(yValHost, preds);
          confusionEpoch = epochOf(b.step);
          wrong = [];
          wrongTotal = 0;
          for (let k = 0; k < nVal; k++) {
            if (preds[k] === yValHost[k]) continue;
            wrongTotal++;
            if (wrong.length < MAX_WRONG) wrong.push({ index: val[k], truth: yValHost[k], pred: preds[k] });
          }
          o += nVal;
        }
      }
    });
    return o;
  }

  return {
    step() {
      if (disposed || engineSteps >= planned) return;
      if (chunk >= 0) evalStep();
      else trainStep();
      engineSteps++;
    },

    async read(withView) {
      const needWeights = withView && weightsStep !== t;
      const batch = pending;
      if (batch.length || needWeights) {
        pending = [];
        const lastVal = batch.reduce((k, b, i) => (b.kind === 'val' ? i : k), -1);
        const parts: tf.Tensor1D[] = [];
        batch.forEach((b, i) => {
          parts.push(b.stats);
          if (b.kind === 'val' && i === lastVal) parts.push(b.preds);
        });
        const w = needWeights ? model.packWeights() : null;
        if (w) parts.push(w);
        const packed = parts.length === 1 ? parts[0] : tf.concat(parts);
        let v: Float32Array | Int32Array | Uint8Array;
        try {
          v = await packed.data();
        } finally {
          if (parts.length > 1) packed.dispose();
          tf.dispose(parts);
          tf.dispose(batch.flatMap((b) => (b.kind === 'val' ? [b.stats, b.preds] : [b.stats])));
        }
        if (disposed) return { metrics: {} };
        const o = digest(v, batch);
        if (w) {
          weights = Float32Array.from(v.subarray(o));
          weightsStep = t;
        }
      }
      const lastT = trainCurve[trainCurve.length - 1];
      const lastV = valCurve[valCurve.length - 1];
      const metrics: Record<string, number> = {
        epoch: epochOf(t),
        step: t,
        progress: planned ? engineSteps / planned : 1,
        nTrain,
        nVal,
        stepsPerEpoch: spe,
        params: weightSizes(arch).reduce((s, n) => s + n, 0),
      };
      if (lastT) Object.assign(metrics, { trainLoss: lastT.loss, trainAcc: lastT.acc });
      if (lastV) {
        Object.assign(metrics, { valAcc: lastV.acc, valLoss: lastV.loss, valEpoch: lastV.epoch, bestValAcc: Math.max(...valCurve.map((c) => c.acc)) });
        const hit = valCurve.find((c) => c.acc >= 0.95);
        if (hit) Object.assign(metrics, { epochTo95: hit.epoch, stepTo95: hit.step });
        metrics.wrong = wrongTotal;
      }
      if (t > 0) metrics.msPerStep = trainMs / t;
      if (!withView) return { metrics };
      return {
        metrics,
        view: {
          arch,
          train: trainCurve.slice(),
          val: valCurve.slice(),
          weights,
          confusion,
          confusionEpoch,
          wrong,
          wrongTotal,
          examples,
          nTrain,
          nVal,
          progress: metrics.progress,
          stepsPerEpoch: spe,
        },
      };
    },

    isDone: () => engineSteps >= planned && pending.length === 0,

    dispose() {
      if (disposed) return;
      disposed = true;
      model.dispose();
      tf.dispose([...valChunks.flatMap((c) => [c.x, c.y]), ...valPreds]);
      if (valStats) valStats.dispose();
      tf.dispose(pending.flatMap((b) => (b.kind === 'val' ? [b.stats, b.preds] : [b.stats])));
      pending = [];
      valPreds = [];
    },
  };
}

/** The lab's factory: loads the shared MNIST digits (cached after the first call), then builds the run. */
export async function createCnnMnistEngine(p: CnnMnistParams): Promise<LabEngine<CnnMnistView>> {
  const { loadMnist } = await import('../../../../labs/mnist');
  return createCnnMnistEngineFrom(await loadMnist(), p);
}
