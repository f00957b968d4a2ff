/**
 * L2 regularisation against decoupled weight decay, trained for real: four copies of one MLP
 * (784 → 32 → 10 on 500 MNIST digits), same initial weights, same minibatch order:
 *
 *   SGD + L2            θ ← θ − α(∇L + λ₂θ)                    λ₂ = λ/α_SGD
 *   SGD + weight decay  θ ← (1 − λ)θ − α∇L                     (the notes' form)
 *   Adam + L2           Adam on the gradient ∇L + λ₂θ          λ₂ = λ/α_Adam
 *   AdamW               θ ← (1 − λ)θ − α·m̂/(√v̂ + ε)           (moments of ∇L only)
 *
 * Biases are not regularised. tfjs: the matrices are real and autodiff gives ∇L; the updates are
 * written out (src/ml/weightDecay.ts has the same rules in float64, which the unit tests compare).
 *
 * One engine step = one minibatch for all four runs, plus the relative gap ‖θ_a − θ_b‖/‖θ_a‖ of
 * each pair, kept as a tensor. At the end of an epoch the four models are scored. `read()` reads
 * everything pending with one `data()` call.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import * as tf from '../../../../ml/tf';
import type { MnistSet } from '../../../../ml/data/mnist';
import { MNIST_PIXELS } from '../../../../ml/data/mnist';
import { mnistSubset } from '../../../../ml/data/mnistSubset';
import { BatchOrder, classData, disposeClassData, FlatMlp, type ClassData } from '../../../../ml/models/flatMlpTf';
import { ADAM_DEFAULTS, decayToL2 } from '../../../../ml/weightDecay';
import { BATCH_SIZE, HIDDEN, PER_CLASS_TRAIN, PER_CLASS_VAL, RUN_KEYS, type RunKey, type WEIGHT_DECAY_PARAMS } from './params';

export type WeightDecayParams = Values<typeof WEIGHT_DECAY_PARAMS>;

export interface RunHistory {
  trainLoss: number[];
  valLoss: number[];
  valAcc: number[];
  /** ‖W‖ over the weight entries (biases excluded). */
  norm: number[];
}

export interface WeightDecayView {
  /** Epochs scored so far (0 = the initial weights). */
  epochs: number[];
  runs: Record<RunKey, RunHistory>;
  /** Update counts and the pairs' relative gaps after each update. */
  steps: number[];
  diffSgd: number[];
  diffAdam: number[];
  /**
   * Adam + L2: the L2 part of a step removes about λ/(√v̂ + ε) of a weight (AdamW: exactly λ).
   * Mean of 1/(√v̂ + ε) over the 10 % weights with the largest √v̂, and over the 10 % smallest.
   */
  shrinkLarge: number;
  shrinkSmall: number;
  l2Sgd: number;
  l2Adam: number;
  nTrain: number;
  nVal: number;
}

/** One run's score: [mean training loss, validation loss, validation accuracy, ‖W‖, 2 × Adam + L2 shrink stats]. */
const EVAL_SIZE = 6;

interface Run {
  theta: tf.Variable<tf.Rank.R1>;
  m: tf.Variable<tf.Rank.R1> | null;
  v: tf.Variable<tf.Rank.R1> | null;
}

type Pending = { kind: 'diff'; step: number; t: tf.Tensor } | { kind: 'eval'; epoch: number; run: RunKey; t: tf.Tensor };

/** What one update needs besides θ, g and the moments. `keep` = 1 − λ on weights, 1 on biases. */
export interface UpdateConsts {
  lrSgd: number;
  lrAdam: number;
  l2Sgd: number;
  l2Adam: number;
  decay: number;
  mask: tf.Tensor1D;
  keep: tf.Tensor1D;
  /** Update number, from 1 (Adam's bias correction). */
  t: number;
}

/**
 * One update of run `k` in tfjs (call inside tf.tidy): the new θ and, for the Adam runs, the new
 * moments. The same rules as src/ml/weightDecay.ts, which the unit tests compare it with.
 */
export function updateRun(k: RunKey, th: tf.Tensor1D, g: tf.Tensor1D, m: tf.Tensor1D | null, v: tf.Tensor1D | null, c: UpdateConsts): { theta: tf.Tensor1D; m?: tf.Tensor1D; v?: tf.Tensor1D } {
  const { beta1, beta2, eps } = ADAM_DEFAULTS;
  switch (k) {
    case 'sgdL2': // θ − α(g + λ₂θ)
      return { theta: tf.sub(th, tf.mul(c.lrSgd, tf.add(g, tf.mul(tf.mul(c.mask, c.l2Sgd), th)))) };
    case 'sgdWd': // (1 − λ)θ − αg
      return { theta: tf.sub(tf.mul(c.keep, th), tf.mul(c.lrSgd, g)) };
    case 'adamL2':
    case 'adamW': {
      const grad = k === 'adamL2' ? tf.add(g, tf.mul(tf.mul(c.mask, c.l2Adam), th)) : g;
      const m2 = tf.add(tf.mul(beta1, m!), tf.mul(1 - beta1, grad)) as tf.Tensor1D;
      const v2 = tf.add(tf.mul(beta2, v!), tf.mul(1 - beta2, tf.square(grad))) as tf.Tensor1D;
      const dir = tf.div(tf.mul(c.lrAdam / (1 - beta1 ** c.t), m2), tf.add(tf.sqrt(tf.div(v2, 1 - beta2 ** c.t)), eps));
      return { theta: tf.sub(k === 'adamW' ? tf.mul(c.keep, th) : th, dir), m: m2, v: v2 };
    }
  }
}

/** Builds the engine on an already loaded digit set (the lab's factory loads MNIST first). */
export function createWeightDecayEngineFrom(p: WeightDecayParams, set: MnistSet, perClassTrain = PER_CLASS_TRAIN, perClassVal = PER_CLASS_VAL): LabEngine<WeightDecayView> {
  const { decay, lrSgd, lrAdam } = p;
  if (!(decay > 0 && decay < 1) || !(lrSgd > 0) || !(lrAdam > 0)) throw new Error(`need 0 < λ < 1 and α > 0 (got λ = ${decay}, α = ${lrSgd}, ${lrAdam})`);
  const sub = mnistSubset(set, perClassTrain, perClassVal, p.seed);
  const train: ClassData = classData(sub.xTrain, sub.yTrain, MNIST_PIXELS, 10);
  const val: ClassData = classData(sub.xVal, sub.yVal, MNIST_PIXELS, 10);
  const model = new FlatMlp({ inputs: MNIST_PIXELS, hidden: HIDDEN, classes: 10 });
  const init = model.initialTheta(p.seed * 31 + 7);
  const maskArr = model.weightMask();
  const mask = tf.tensor1d(maskArr);
  const weightIdx = tf.tensor1d(Int32Array.from(Array.from(maskArr).flatMap((m, i) => (m ? [i] : []))), 'int32');
  // (1 − λ) on weights, 1 on biases: the notes' decay factor.
  const keep = tf.tidy(() => tf.sub(1, tf.mul(mask, decay)) as tf.Tensor1D);
  const l2Sgd = decayToL2(decay, lrSgd);
  const l2Adam = decayToL2(decay, lrAdam);
  const { beta2, eps } = ADAM_DEFAULTS;
  const zeros = () => tf.tidy(() => tf.variable(tf.zeros([model.size]) as tf.Tensor1D));
  const makeRun = (adam: boolean): Run => {
    const start = tf.tensor1d(init);
    const run = { theta: tf.variable(start), m: adam ? zeros() : null, v: adam ? zeros() : null };
    start.dispose();
    return run;
  };
  const runs: Record<RunKey, Run> = { sgdL2: makeRun(false), sgdWd: makeRun(false), adamL2: makeRun(true), adamW: makeRun(true) };
  const order = new BatchOrder(train.n, BATCH_SIZE, p.seed * 7919 + 1);
  /** Minibatch updates done (each run has done t, or t − 1 mid-minibatch). */
  let t = 0;
  let pending: Pending[] = [];
  let disposed = false;

  const hist = (): RunHistory => ({ trainLoss: [], valLoss: [], valAcc: [], norm: [] });
  const view: WeightDecayView = {
    epochs: [], runs: { sgdL2: hist(), sgdWd: hist(), adamL2: hist(), adamW: hist() }, steps: [], diffSgd: [], diffAdam: [],
    shrinkLarge: NaN, shrinkSmall: NaN, l2Sgd, l2Adam, nTrain: train.n, nVal: val.n,
  };

  const relDiff = (a: tf.Tensor1D, b: tf.Tensor1D) => tf.div(tf.norm(tf.sub(a, b)), tf.norm(a));
  const normW = (th: tf.Tensor1D) => tf.norm(tf.mul(th, mask));

  /** Adam + L2: mean 1/(√v̂ + ε) over the 10 % of weights with the largest and with the smallest √v̂. */
  function shrinkStats(): tf.Tensor {
    const { v } = runs.adamL2;
    const sv = tf.sqrt(tf.div(tf.gather(v!, weightIdx), 1 - beta2 ** t)) as tf.Tensor1D;
    const k = Math.max(1, Math.floor(sv.size / 10));
    const inv = (x: tf.Tensor) => tf.mean(tf.div(1, tf.add(x, eps)));
    return tf.stack([inv(tf.topk(sv, k).values), inv(tf.neg(tf.topk(tf.neg(sv), k).values))]);
  }

  // Epoch 0: the four runs start from the same weights, so score them once.
  {
    const e0 = tf.tidy(() => {
      const th = runs.sgdL2.theta as tf.Tensor1D;
      return tf.concat([model.loss(train.x, train.y, th).reshape([1]), model.evaluate(val, th), normW(th).reshape([1]), tf.tensor1d([NaN, NaN])]);
    });
    RUN_KEYS.forEach((k) => pending.push({ kind: 'eval', epoch: 0, run: k, t: tf.clone(e0) }));
    e0.dispose();
  }

  // The work of an epoch as engine steps: every minibatch is four steps (one per run; the fourth
  // also measures the pairs' gaps), then four scoring steps (one per run).
  let runIdx = 0;
  let batch: number[] = [];
  let batchClosesEpoch = false;
  let evalIdx = -1;
  let batchesInEpoch = 0;
  const lossSum: Record<RunKey, tf.Scalar | null> = { sgdL2: null, sgdWd: null, adamL2: null, adamW: null };

  function trainStep(k: RunKey) {
    const r = runs[k];
    const loss = tf.tidy(() => {
      const it = tf.tensor1d(batch, 'int32');
      const xb = tf.gather(train.x, it) as tf.Tensor2D;
      const yb = tf.gather(train.y, it) as tf.Tensor2D;
      const { value, grad } = model.valueAndGradient(xb, yb, r.theta as tf.Tensor1D);
      const next = updateRun(k, r.theta as tf.Tensor1D, grad, r.m, r.v, { lrSgd, lrAdam, l2Sgd, l2Adam, decay, mask, keep, t });
      r.theta.assign(next.theta);
      if (next.m && next.v) {
        r.m!.assign(next.m);
        r.v!.assign(next.v);
      }
      return lossSum[k] ? tf.add(lossSum[k]!, value) : tf.clone(value);
    }) as tf.Scalar;
    lossSum[k]?.dispose();
    lossSum[k] = loss;
  }

  function scoreStep(k: RunKey) {
    const th = runs[k].theta as tf.Tensor1D;
    const sum = lossSum[k];
    const scores = tf.tidy(() => tf.concat([
      // training loss: the mean of this epoch's minibatch losses (as Keras reports it)
      tf.reshape(sum ? tf.div(sum, batchesInEpoch) : tf.scalar(NaN), [1]),
      model.evaluate(val, th),
      tf.reshape(normW(th), [1]),
      k === 'adamL2' ? shrinkStats() : tf.tensor1d([NaN, NaN]),
    ]));
    sum?.dispose();
    lossSum[k] = null;
    pending.push({ kind: 'eval', epoch: order.epoch, run: k, t: scores });
  }

  return {
    step() {
      if (disposed) return;
      if (evalIdx >= 0) {
        scoreStep(RUN_KEYS[evalIdx]);
        evalIdx++;
        if (evalIdx === RUN_KEYS.length) {
          evalIdx = -1;
          batchesInEpoch = 0;
        }
        return;
      }
      if (runIdx === 0) {
        const next = order.next();
        batch = next.idx;
        batchClosesEpoch = next.endOfEpoch;
        batchesInEpoch++;
        t++;
      }
      trainStep(RUN_KEYS[runIdx]);
      runIdx++;
      if (runIdx < RUN_KEYS.length) return;
      runIdx = 0;
      const th = (k: RunKey) => runs[k].theta as tf.Tensor1D;
      pending.push({ kind: 'diff', step: t, t: tf.tidy(() => tf.stack([relDiff(th('sgdL2'), th('sgdWd')), relDiff(th('adamL2'), th('adamW'))])) });
      if (batchClosesEpoch) evalIdx = 0;
    },

    async read(withView) {
      if (pending.length) {
        const batch = pending;
        pending = [];
        const packed = tf.tidy(() => tf.concat(batch.map((b) => tf.reshape(b.t, [-1]))));
        tf.dispose(batch.map((b) => b.t));
        let vals: Float32Array | Int32Array | Uint8Array;
        try {
          vals = await packed.data();
        } finally {
          packed.dispose();
        }
        let o = 0;
        for (const b of batch) {
          if (b.kind === 'diff') {
            view.steps.push(b.step);
            view.diffSgd.push(vals[o]);
            view.diffAdam.push(vals[o + 1]);
            o += 2;
          } else {
            const h = view.runs[b.run];
            if (b.run === RUN_KEYS[0]) view.epochs.push(b.epoch);
            h.trainLoss.push(vals[o]);
            h.valLoss.push(vals[o + 1]);
            h.valAcc.push(vals[o + 2]);
            h.norm.push(vals[o + 3]);
            if (b.run === 'adamL2' && b.epoch > 0) {
              view.shrinkLarge = vals[o + 4];
              view.shrinkSmall = vals[o + 5];
            }
            o += EVAL_SIZE;
          }
        }
      }
      const last = <T>(a: T[]) => a[a.length - 1];
      const metrics: Record<string, number> = {
        epoch: last(view.epochs) ?? 0,
        diff_sgd: last(view.diffSgd) ?? 0,
        diff_adam: last(view.diffAdam) ?? 0,
        max_diff_sgd: view.diffSgd.reduce((a, b) => Math.max(a, b), 0),
        shrink_large: view.shrinkLarge,
        shrink_small: view.shrinkSmall,
      };
      for (const k of RUN_KEYS) {
        const h = view.runs[k];
        metrics[`train_loss_${k}`] = last(h.trainLoss);
        metrics[`val_loss_${k}`] = last(h.valLoss);
        metrics[`val_acc_${k}`] = last(h.valAcc);
        metrics[`norm_${k}`] = last(h.norm);
      }
      if (!withView) return { metrics };
      const copyRun = (h: RunHistory): RunHistory => ({ trainLoss: h.trainLoss.slice(), valLoss: h.valLoss.slice(), valAcc: h.valAcc.slice(), norm: h.norm.slice() });
      return {
        metrics,
        view: {
          ...view,
          epochs: view.epochs.slice(),
          runs: Object.fromEntries(RUN_KEYS.map((k) => [k, copyRun(view.runs[k])])) as Record<RunKey, RunHistory>,
          steps: view.steps.slice(),
          diffSgd: view.diffSgd.slice(),
          diffAdam: view.diffAdam.slice(),
        },
      };
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      tf.dispose(pending.map((b) => b.t));
      pending = [];
      tf.dispose(RUN_KEYS.flatMap((k) => (lossSum[k] ? [lossSum[k]!] : [])));
      for (const k of RUN_KEYS) tf.dispose([runs[k].theta, ...(runs[k].m ? [runs[k].m!, runs[k].v!] : [])]);
      tf.dispose([mask, weightIdx, keep]);
      disposeClassData(train);
      disposeClassData(val);
    },
  };
}

/** The lab's factory: loads the MNIST digits (cached after the first lab), then builds the engine. */
export async function createWeightDecayEngine(p: WeightDecayParams): Promise<LabEngine<WeightDecayView>> {
  const { loadMnist } = await import('../../../../labs/mnist');
  return createWeightDecayEngineFrom(p, await loadMnist());
}
