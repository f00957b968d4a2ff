/**
 * The notes' "How to start" recipe and common mistakes on a C-class spiral, in tfjs.
 * The correct run trains through the stages n = 1, 4, 10, 100, 1000 (or one chosen stage), a fresh
 * initialisation per stage from the same seed; each mistake toggled on adds a run with the same
 * seed, data, initialisation and dropout masks that differs in one line of the training loop.
 * Mistake (c) needs no second run: it is the correct model validated with dropout still on.
 * One GPU→CPU read per `read()`; stage summaries are computed as tensors in `step()` and read later.
 */
import * as tf from '../../../../ml/tf';
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import {
  accuracy, crossEntropy, disposeData, initialLossTensor, initWeights, prefix, SanityNet, softmaxMistakeFloor, spiralC, toTensors,
  type ClassData, type DataTensors, type TrainMistake,
} from '../../../../ml/sanity';
import { C_RANGE, HIDDEN, POOL_SIZE, STAGES, TRAIN_MODE_PASSES, VAL_SIZE, type SANITY_PARAMS } from './params';

export type SanityParams = Values<typeof SANITY_PARAMS>;
export type RunKey = 'correct' | 'softmax' | 'zerograd';
/** A mistaken run whose loss passes this is stopped (the correct run is left to the trainer). */
const BLOW_UP = 1e4;

export interface StageResult {
  n: number;
  trainLoss: number;
  trainAcc: number;
  valAcc: number;
  /** Global step at which the stage ended. */
  endStep: number;
}

export interface SanityView {
  stages: StageResult[];
  /** Training-set sizes of this run, in order, with their first global step. */
  schedule: { n: number; start: number }[];
  /** Measured initial loss for C = 2…10 with the small and the large initialisation. */
  initCurve: { c: number; small: number; large: number }[];
  diverged: Partial<Record<RunKey, number>>;
}

/** Initial-loss curves already measured, by data and initialisation seed (plain numbers, no tensors). */
const INIT_CACHE = new Map<string, SanityView['initCurve']>();

export function stageSizes(p: SanityParams): number[] {
  return p.stage === 'all' ? [...STAGES] : [Number(p.stage)];
}

const seedsFor = (p: SanityParams) => ({ pool: p.seed, val: p.seed + 50_000, init: p.seed, dropout: p.seed * 1_000 });

export function makeData(p: SanityParams): { pool: ClassData; val: ClassData } {
  const s = seedsFor(p);
  return { pool: spiralC(POOL_SIZE, p.classes, s.pool), val: spiralC(VAL_SIZE, p.classes, s.val) };
}

export function createSanityEngine(p: SanityParams): LabEngine<SanityView> {
  const C = p.classes;
  const seeds = seedsFor(p);
  const { pool, val } = makeData(p);
  const sizes = stageSizes(p);
  const total = sizes.length * p.steps;
  const keys: RunKey[] = ['correct', ...(p.mkSoftmax ? ['softmax' as const] : []), ...(p.mkZeroGrad ? ['zerograd' as const] : [])];
  const mistakeOf: Record<RunKey, TrainMistake> = { correct: 'none', softmax: 'softmax', zerograd: 'zerograd' };

  const valT = toTensors(val);
  let trainT: DataTensors = toTensors(prefix(pool, sizes[0]));
  let nets = new Map<RunKey, SanityNet>();
  const diverged: Partial<Record<RunKey, number>> = {};
  const lastLoss: Partial<Record<RunKey, number>> = {};

  const buildNets = () => {
    nets.forEach((n) => n.dispose());
    nets = new Map(keys.map((k) => [k, new SanityNet(initWeights(C, HIDDEN, p.init, seeds.init), {
      lr: p.lr, dropout: p.dropout, mistake: mistakeOf[k], dropoutSeed: seeds.dropout,
    })]));
    for (const k of keys) delete diverged[k];
  };
  buildNets();

  // The initial-loss check, for every C in the chart and both initialisations, on that C's full
  // training pool; read once, with the first read(), and remembered per seed (it depends on nothing else).
  const cacheKey = `${seeds.pool}/${seeds.init}`;
  let initCurve: SanityView['initCurve'] = INIT_CACHE.get(cacheKey) ?? [];
  let initPending: tf.Tensor1D | null = initCurve.length ? null : tf.tidy(() => {
    const losses: tf.Scalar[] = [];
    for (const init of ['small', 'large'] as const) {
      for (const c of C_RANGE) {
        const d = toTensors(c === C ? pool : spiralC(POOL_SIZE, c, seeds.pool));
        losses.push(initialLossTensor(d, initWeights(c, HIDDEN, init, seeds.init)));
      }
    }
    return tf.stack(losses) as tf.Tensor1D;
  });

  let step = 0;
  let msPerStep = 0;
  let stageIdx = 0;
  let inStage = 0;
  /** Stage summaries waiting to be read: [trainLoss, trainAcc, valAcc] of the correct run. */
  const stagePending: { n: number; endStep: number; t: tf.Tensor1D }[] = [];
  const stages: StageResult[] = [];

  const summary = (): tf.Tensor1D => tf.tidy(() => {
    const net = nets.get('correct')!;
    const lt = net.forward(trainT.x, false);
    const lv = net.forward(valT.x, false);
    return tf.stack([crossEntropy(lt, trainT.onehot), accuracy(lt, trainT.labels), accuracy(lv, valT.labels)]) as tf.Tensor1D;
  });

  return {
    step() {
      if (step >= total) return;
      // On wasm/cpu a step runs synchronously, so this is its real cost (on WebGL only the dispatch).
      const t0 = performance.now();
      for (const k of keys) if (diverged[k] === undefined) nets.get(k)!.trainStep(trainT.x, trainT.onehot);
      const dt = performance.now() - t0;
      msPerStep = msPerStep === 0 ? dt : 0.9 * msPerStep + 0.1 * dt;
      step++;
      inStage++;
      if (inStage === p.steps) {
        stagePending.push({ n: sizes[stageIdx], endStep: step, t: summary() });
        if (stageIdx + 1 < sizes.length) {
          stageIdx++;
          inStage = 0;
          disposeData(trainT);
          trainT = toTensors(prefix(pool, sizes[stageIdx]));
          buildNets();
        }
      }
    },
    isDone: () => step >= total,
    async read(withView) {
      const n = sizes[stageIdx];
      if (!withView) {
        // Between views (~10 Hz) only the training loss, for the curve and the divergence check.
        const l = tf.tidy(() => crossEntropy(nets.get('correct')!.forward(trainT.x, false), trainT.onehot));
        try {
          return { metrics: { loss: (await l.data())[0], n } };
        } finally {
          l.dispose();
        }
      }
      // Every number of this read in one tensor, so one await data().
      const parts: string[] = [];
      const packed = tf.tidy(() => {
        const vals: tf.Scalar[] = [];
        const put = (name: string, s: tf.Scalar) => {
          parts.push(name);
          vals.push(s);
        };
        const net = nets.get('correct')!;
        const lt = net.forward(trainT.x, false);
        const lv = net.forward(valT.x, false);
        put('loss', crossEntropy(lt, trainT.onehot));
        put('acc_train', accuracy(lt, trainT.labels));
        put('loss_val', crossEntropy(lv, valT.onehot));
        put('acc_val', accuracy(lv, valT.labels));
        if (p.mkEval) {
          // Validation with dropout still on: each pass draws a different mask.
          for (let i = 0; i < TRAIN_MODE_PASSES; i++) put(`tm${i}`, accuracy(net.forward(valT.x, true, 7_000_003 + step * TRAIN_MODE_PASSES + i), valT.labels));
        }
        const sm = nets.get('softmax');
        if (sm) {
          const l = sm.forward(trainT.x, false);
          put('loss_softmax', sm.loss(l, trainT.onehot));
          put('ce_softmax', crossEntropy(l, trainT.onehot));
          put('acc_softmax', accuracy(l, trainT.labels));
        }
        const zg = nets.get('zerograd');
        if (zg) {
          const l = zg.forward(trainT.x, false);
          put('loss_zerograd', crossEntropy(l, trainT.onehot));
          put('acc_zerograd', accuracy(l, trainT.labels));
        }
        const all = [tf.stack(vals) as tf.Tensor1D];
        for (const s of stagePending) all.push(s.t);
        if (initPending) all.push(initPending);
        return tf.concat(all);
      });
      let data: Float32Array;
      try {
        data = (await packed.data()) as Float32Array;
      } finally {
        packed.dispose();
      }
      const m: Record<string, number> = {};
      parts.forEach((name, i) => (m[name] = data[i]));
      let at = parts.length;
      for (const s of stagePending.splice(0)) {
        stages.push({ n: s.n, endStep: s.endStep, trainLoss: data[at], trainAcc: data[at + 1], valAcc: data[at + 2] });
        s.t.dispose();
        at += 3;
      }
      if (initPending) {
        initCurve = C_RANGE.map((c, i) => ({ c, small: data[at + i], large: data[at + C_RANGE.length + i] }));
        initPending.dispose();
        initPending = null;
        if (INIT_CACHE.size > 20) INIT_CACHE.clear();
        INIT_CACHE.set(cacheKey, initCurve);
      }
      for (const k of ['softmax', 'zerograd'] as const) {
        const l = m[`loss_${k}`];
        if (l === undefined || diverged[k] !== undefined) continue;
        if (!Number.isFinite(l) || l > BLOW_UP) {
          diverged[k] = step;
          if (lastLoss[k] !== undefined) m[`loss_${k}`] = lastLoss[k]!;
        } else lastLoss[k] = l;
      }
      if (p.mkEval) {
        const accs = Array.from({ length: TRAIN_MODE_PASSES }, (_, i) => m[`tm${i}`]);
        for (let i = 0; i < TRAIN_MODE_PASSES; i++) delete m[`tm${i}`];
        const mean = accs.reduce((a, b) => a + b, 0) / accs.length;
        m.acc_val_trainmode = mean;
        m.acc_val_trainmode_sd = Math.sqrt(accs.reduce((a, b) => a + (b - mean) ** 2, 0) / accs.length);
      }
      if (p.mkSoftmax) m.floor_softmax = softmaxMistakeFloor(C);
      if (p.mkZeroGrad) m.zerograd_diverged = diverged.zerograd ?? 0;
      m.n = n;
      if (msPerStep > 0) m.ms_per_step = msPerStep;
      m.log_c = Math.log(C);
      const own = initCurve.find((r) => r.c === C);
      if (own) {
        m.init_loss_small = own.small;
        m.init_loss_large = own.large;
        m.init_loss = p.init === 'small' ? own.small : own.large;
      }
      for (const s of stages) {
        m[`stage_acc_train_${s.n}`] = s.trainAcc;
        m[`stage_acc_val_${s.n}`] = s.valAcc;
      }
      return {
        metrics: m,
        view: {
          stages: stages.slice(),
          schedule: sizes.map((s, i) => ({ n: s, start: i * p.steps })),
          initCurve,
          diverged: { ...diverged },
        },
      };
    },
    dispose() {
      nets.forEach((n) => n.dispose());
      nets.clear();
      disposeData(trainT);
      disposeData(valT);
      stagePending.splice(0).forEach((s) => s.t.dispose());
      initPending?.dispose();
      initPending = null;
    },
  };
}
