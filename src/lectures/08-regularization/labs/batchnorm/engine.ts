/**
 * Batch normalisation lab: two deep ReLU MLPs on 2,000 MNIST digits (pooled to 14 × 14), one plain
 * and one with BN before every ReLU, from the same weights, on the same minibatches, at the same
 * learning rate (tfjs, src/ml/bnMlp.ts). Then a learning-rate sweep of short runs of both.
 *
 * One step = one minibatch for both networks (main phase), then one minibatch of one sweep run.
 * Losses and batch statistics stay tensors until `read()`, which reads everything queued (and, every
 * SNAP_EVERY iterations, a snapshot: per-layer activations on a probe batch, γ/β, running statistics
 * and one digit in train mode within a batch, train mode alone and test mode) with one `data()`.
 */
import { loadMnist } from '../../../../labs/mnist';
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { bnApply, quantiles, updateRunning } from '../../../../ml/batchnorm';
import { BnMlp, pool2x2, type BnTrace } from '../../../../ml/bnMlp';
import { labelsOf, MNIST_SIDE, pixelsAsFloat, stratifiedSplit, type MnistSet } from '../../../../ml/data/mnist';
import { createRng, type Rng } from '../../../../ml/rng';
import * as tf from '../../../../ml/tf';
import {
  CLASSES, LOSS_WINDOW, PER_CLASS, PROBE, QS, SHOWN_UNITS, SNAP_EVERY, SWEEP_ITERS, SWEEP_LRS, SWEEP_SEEDS, SWEEP_TAIL, WIDTH,
  type BATCHNORM_PARAMS,
} from './params';

export type BatchnormParams = Values<typeof BATCHNORM_PARAMS>;

export const SIDE = MNIST_SIDE / 2;
export const INPUTS = SIDE * SIDE;

/** Quantiles (at QS), mean and standard deviation of one layer's ReLU inputs over the probe batch. */
export interface LayerBand {
  q: number[];
  mean: number;
  std: number;
}

export interface ActSnapshot {
  /** Iteration of each network's snapshot (the plain one freezes at its last finite state if it diverged). */
  plainIter: number;
  bnIter: number;
  plain: LayerBand[];
  bn: LayerBand[];
}

/** Histories of the chosen quantities, per hidden layer. */
export interface Traces {
  /** Snapshot iterations (x of γ/β and of the model's running statistics). */
  snapIters: number[];
  gMean: number[][];
  bMean: number[][];
  /** γ and β of unit 1. */
  g1: number[][];
  b1: number[][];
  /** The model's running mean and variance of unit 1, at the snapshots. */
  runMean: number[][];
  runVar: number[][];
  /** Unit 1's batch mean and variance at every iteration (x = 1, 2, …). */
  batchMean: number[][];
  batchVar: number[][];
}

/** The first SHOWN_UNITS units of one layer in one mode. */
export interface ModeRow {
  z: number[];
  mean: number[];
  variance: number[];
  y: number[];
}

export interface SingleSample {
  iter: number;
  label: number;
  otherLabel: number;
  pixels: Float32Array;
  layers: { batch: ModeRow; alone: ModeRow; eval: ModeRow; gamma: number[]; beta: number[] }[];
  probs: { batch: number[]; alone: number[]; aloneOther: number[]; eval: number[]; plain: number[] };
}

export interface SweepPoint {
  lr: number;
  /** Final losses per seed (NaN = diverged), filled as runs finish. */
  plain: number[];
  bn: number[];
}

export interface BatchnormView {
  iter: number;
  iters: number;
  phase: 'main' | 'sweep' | 'done';
  plainDivergedAt: number | null;
  bnDivergedAt: number | null;
  acts: ActSnapshot | null;
  traces: Traces;
  single: SingleSample | null;
  sweep: SweepPoint[];
  sweepDone: number;
  sweepTotal: number;
}

interface SweepRun {
  lrIndex: number;
  lr: number;
  seed: number;
  bn: boolean;
}

export function sweepRuns(): SweepRun[] {
  const runs: SweepRun[] = [];
  SWEEP_LRS.forEach((lr, lrIndex) => {
    for (let seed = 0; seed < SWEEP_SEEDS; seed++) for (const bn of [false, true]) runs.push({ lrIndex, lr, seed, bn });
  });
  return runs;
}

export { totalSteps } from './params';

/** Mean of the last n values; NaN if any of them is not finite (or there are none). */
function tailMean(xs: readonly number[], n: number): number {
  const t = xs.slice(-n);
  if (!t.length || t.some((v) => !Number.isFinite(v))) return NaN;
  return t.reduce((a, b) => a + b, 0) / t.length;
}

function band(values: Float32Array): LayerBand {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < values.length; i++) {
    s += values[i];
    s2 += values[i] * values[i];
  }
  const mean = s / values.length;
  return { q: quantiles(values, QS), mean, std: Math.sqrt(Math.max(0, s2 / values.length - mean * mean)) };
}

const softmaxRow = (logits: tf.Tensor2D) => tf.softmax(tf.slice(logits, [0, 0], [1, CLASSES])).reshape([CLASSES]);

/** [depth, 4·S]: per layer z (row 0), μ, σ², y (row 0) of the first S units. */
function modeRows(trace: BnTrace, S: number): tf.Tensor2D {
  return tf.stack(trace.pre.map((pre, l) => tf.concat([
    tf.slice(trace.z[l], [0, 0], [1, S]).reshape([S]),
    tf.slice(trace.mean[l], [0], [S]),
    tf.slice(trace.variance[l], [0], [S]),
    tf.slice(pre, [0, 0], [1, S]).reshape([S]),
  ]))) as tf.Tensor2D;
}

function parseRows(v: Float32Array, depth: number, S: number): ModeRow[] {
  return Array.from({ length: depth }, (_, l) => {
    const o = l * 4 * S;
    const part = (k: number) => Array.from(v.subarray(o + k * S, o + (k + 1) * S));
    return { z: part(0), mean: part(1), variance: part(2), y: part(3) };
  });
}

const newTrace = (): BnTrace => ({ pre: [], z: [], mean: [], variance: [] });

interface Pending {
  it: number;
  plain?: tf.Scalar;
  bn?: tf.Scalar;
  stats?: tf.Tensor2D | null;
}

/** The engine on an already loaded MNIST set (tests call this directly). */
export function createBatchnormEngineFrom(set: MnistSet, p: BatchnormParams): LabEngine<BatchnormView> {
  const depth = Math.round(p.depth);
  const iters = Math.round(p.iters);
  const B = Math.round(p.batch);
  const { lr, betaM } = p;
  if (!(lr > 0)) throw new Error(`the learning rate must be positive (got ${lr})`);
  const split = stratifiedSplit(set, PER_CLASS, 1, p.seed);
  const N = split.train.length;
  const X = tf.tensor2d(pool2x2(pixelsAsFloat(set, split.train), N, MNIST_SIDE), [N, INPUTS]);
  const Y = tf.tidy(() => tf.oneHot(tf.tensor1d(labelsOf(set, split.train), 'int32'), CLASSES).toFloat() as tf.Tensor2D);
  const probe = tf.slice(X, [0, 0], [PROBE, INPUTS]);
  const samplePixels = pool2x2(pixelsAsFloat(set, split.val.slice(0, 2)), 2, MNIST_SIDE);
  const sampleLabels = labelsOf(set, split.val.slice(0, 2));
  const x0 = tf.tensor2d(samplePixels.slice(0, INPUTS), [1, INPUTS]);
  const x1 = tf.tensor2d(samplePixels.slice(INPUTS), [1, INPUTS]);

  const cfg = { inputs: INPUTS, width: WIDTH, depth, classes: CLASSES, betaM, seed: p.seed };
  const plain = new BnMlp({ ...cfg, bn: false });
  const bn = new BnMlp({ ...cfg, bn: true });
  const batchRng = createRng(p.seed * 7919 + 5);
  const runs = sweepRuns();

  let iter = 0;
  let plainDead = false;
  let bnDead = false;
  let plainDivergedAt: number | null = null;
  let bnDivergedAt: number | null = null;
  let pending: Pending[] = [];
  const lossPlain: number[] = [];
  const lossBn: number[] = [];
  const runHost = { mean: new Array<number>(depth).fill(0), variance: new Array<number>(depth).fill(1) };
  const tr: Traces = {
    snapIters: [], gMean: [], bMean: [], g1: [], b1: [], runMean: [], runVar: [], batchMean: [], batchVar: [],
  };
  for (const k of ['gMean', 'bMean', 'g1', 'b1', 'runMean', 'runVar', 'batchMean', 'batchVar'] as const) {
    tr[k] = Array.from({ length: depth }, () => []);
  }
  let traces: Traces = tr;
  let acts: ActSnapshot | null = null;
  let single: SingleSample | null = null;
  let lastSnap = -1;
  let checks: Record<string, number> = {};

  // Sweep state.
  let sweepIndex = 0;
  let cur: { run: SweepRun; model: BnMlp; rng: Rng; it: number; tail: tf.Scalar[] } | null = null;
  let sweepPending: { run: SweepRun; loss: tf.Scalar }[] = [];
  let sweep: SweepPoint[] = SWEEP_LRS.map((l) => ({ lr: l, plain: [], bn: [] }));
  let sweepDone = 0;
  let disposed = false;

  function minibatch(rng: Rng): [tf.Tensor2D, tf.Tensor2D] {
    const idx = new Int32Array(B);
    for (let i = 0; i < B; i++) idx[i] = rng.int(N);
    return tf.tidy(() => {
      const t = tf.tensor1d(idx, 'int32');
      return [tf.gather(X, t) as tf.Tensor2D, tf.gather(Y, t) as tf.Tensor2D];
    });
  }

  function mainStep() {
    const entry: Pending = { it: iter };
    if (!plainDead || !bnDead) {
      const [xb, yb] = minibatch(batchRng);
      if (!plainDead) entry.plain = plain.trainStep(xb, yb, lr).loss;
      if (!bnDead) {
        const r = bn.trainStep(xb, yb, lr);
        entry.bn = r.loss;
        entry.stats = r.stats;
      }
      tf.dispose([xb, yb]);
    }
    pending.push(entry);
    iter++;
  }

  function sweepStep() {
    if (sweepIndex >= runs.length) return;
    if (!cur) {
      const run = runs[sweepIndex];
      const seed = p.seed * 31 + run.seed + 1;
      cur = { run, model: new BnMlp({ ...cfg, seed, bn: run.bn }), rng: createRng(seed * 7919 + 5), it: 0, tail: [] };
    }
    const [xb, yb] = minibatch(cur.rng);
    const r = cur.model.trainStep(xb, yb, cur.run.lr);
    tf.dispose([xb, yb]);
    r.stats?.dispose();
    if (cur.it >= SWEEP_ITERS - SWEEP_TAIL) cur.tail.push(r.loss);
    else r.loss.dispose();
    cur.it++;
    if (cur.it >= SWEEP_ITERS) {
      const tail = cur.tail;
      sweepPending.push({ run: cur.run, loss: tf.tidy(() => tf.mean(tf.stack(tail))) as tf.Scalar });
      tf.dispose(tail);
      cur.model.dispose();
      cur = null;
      sweepIndex++;
    }
  }

  /** Tensors of a snapshot and how to use their values; all created here are read (and freed) by `read`. */
  function snapshotParts(parts: { t: tf.Tensor; use: (v: Float32Array) => void }[]) {
    const at = iter;
    lastSnap = at;
    if (!plainDead) {
      const t = tf.tidy(() => {
        const trace = newTrace();
        plain.forward(probe, 'train', trace);
        return tf.stack(trace.pre);
      });
      parts.push({ t, use: (v) => {
        const per = PROBE * WIDTH;
        const layers = Array.from({ length: depth }, (_, l) => band(v.subarray(l * per, (l + 1) * per)));
        if (layers.every((b) => Number.isFinite(b.std))) acts = { ...(acts ?? { bn: [], bnIter: at }), plain: layers, plainIter: at };
      } });
    }
    if (bnDead) return;
    const act = tf.tidy(() => {
      const trace = newTrace();
      bn.forward(probe, 'train', trace);
      return tf.stack(trace.pre);
    });
    parts.push({ t: act, use: (v) => {
      const per = PROBE * WIDTH;
      const layers = Array.from({ length: depth }, (_, l) => band(v.subarray(l * per, (l + 1) * per)));
      if (layers.every((b) => Number.isFinite(b.std))) acts = { ...(acts ?? { plain: [], plainIter: at }), bn: layers, bnIter: at };
    } });
    const gb = bn.gammaBeta()!;
    const run = bn.running()!;
    const S = SHOWN_UNITS;
    const singles = tf.tidy(() => {
      const tb = newTrace();
      const lb = bn.forward(tf.concat([x0, tf.slice(probe, [1, 0], [PROBE - 1, INPUTS])]), 'train', tb);
      const ta = newTrace();
      const la = bn.forward(x0, 'train', ta);
      const lo = bn.forward(x1, 'train');
      const te = newTrace();
      const le = bn.forward(x0, 'eval', te);
      const lp = plain.forward(x0, 'train');
      return tf.concat([
        modeRows(tb, S).reshape([-1]), modeRows(ta, S).reshape([-1]), modeRows(te, S).reshape([-1]),
        softmaxRow(lb), softmaxRow(la), softmaxRow(lo), softmaxRow(le), softmaxRow(lp),
      ]);
    });
    let gbv: Float32Array | null = null;
    parts.push({ t: gb, use: (v) => {
      gbv = v;
      tr.snapIters.push(at);
      for (let l = 0; l < depth; l++) {
        const g = v.subarray(l * WIDTH, (l + 1) * WIDTH);
        const b = v.subarray((depth + l) * WIDTH, (depth + l + 1) * WIDTH);
        tr.gMean[l].push(g.reduce((a, x) => a + x, 0) / WIDTH);
        tr.bMean[l].push(b.reduce((a, x) => a + x, 0) / WIDTH);
        tr.g1[l].push(g[0]);
        tr.b1[l].push(b[0]);
      }
    } });
    parts.push({ t: run, use: (v) => {
      let err = 0;
      for (let l = 0; l < depth; l++) {
        const m = v[l * WIDTH];
        const s2 = v[(depth + l) * WIDTH];
        tr.runMean[l].push(m);
        tr.runVar[l].push(s2);
        err = Math.max(err, Math.abs(m - runHost.mean[l]) / (1 + Math.abs(m)), Math.abs(s2 - runHost.variance[l]) / (1 + Math.abs(s2)));
      }
      checks.running_err = err;
    } });
    parts.push({ t: singles, use: (v) => {
      const rowLen = depth * 4 * S;
      const batchRows = parseRows(v.subarray(0, rowLen), depth, S);
      const aloneRows = parseRows(v.subarray(rowLen, 2 * rowLen), depth, S);
      const evalRows = parseRows(v.subarray(2 * rowLen, 3 * rowLen), depth, S);
      const probs = (k: number) => Array.from(v.subarray(3 * rowLen + k * CLASSES, 3 * rowLen + (k + 1) * CLASSES));
      const g = gbv!;
      const layers = batchRows.map((b, l) => ({
        batch: b, alone: aloneRows[l], eval: evalRows[l],
        gamma: Array.from(g.subarray(l * WIDTH, l * WIDTH + S)),
        beta: Array.from(g.subarray((depth + l) * WIDTH, (depth + l) * WIDTH + S)),
      }));
      single = {
        iter: at, label: sampleLabels[0], otherLabel: sampleLabels[1], pixels: samplePixels.slice(0, INPUTS), layers,
        probs: { batch: probs(0), alone: probs(1), aloneOther: probs(2), eval: probs(3), plain: probs(4) },
      };
      // Checks against the plain-TS formulas: y = γ (z − μ)/√(σ² + ε) + β with the statistics each mode used.
      let evalErr = 0;
      let batchErr = 0;
      let aloneBeta = 0;
      let aloneVar = 0;
      for (const L of layers) {
        const ye = bnApply(L.eval.z, 1, S, L.eval.mean, L.eval.variance, L.gamma, L.beta).y;
        const yb = bnApply(L.batch.z, 1, S, L.batch.mean, L.batch.variance, L.gamma, L.beta).y;
        for (let k = 0; k < S; k++) {
          evalErr = Math.max(evalErr, Math.abs(ye[k] - L.eval.y[k]));
          batchErr = Math.max(batchErr, Math.abs(yb[k] - L.batch.y[k]));
          aloneBeta = Math.max(aloneBeta, Math.abs(L.alone.y[k] - L.beta[k]));
          aloneVar = Math.max(aloneVar, Math.abs(L.alone.variance[k]));
        }
      }
      const same = single.probs.alone.reduce((m, q, k) => Math.max(m, Math.abs(q - single!.probs.aloneOther[k])), 0);
      checks = { ...checks, eval_check_err: evalErr, batch_check_err: batchErr, alone_minus_beta: aloneBeta, alone_var: aloneVar, alone_same: same };
    } });
  }

  function consumePending(entries: Pending[], values: Float32Array[]) {
    let k = 0;
    for (const e of entries) {
      if (e.plain) {
        const v = values[k++][0];
        lossPlain[e.it] = v;
        if (!Number.isFinite(v) && plainDivergedAt === null) {
          plainDivergedAt = e.it + 1;
          plainDead = true;
        }
      }
      if (e.bn) {
        const v = values[k++][0];
        lossBn[e.it] = v;
        if (!Number.isFinite(v) && bnDivergedAt === null) {
          bnDivergedAt = e.it + 1;
          bnDead = true;
        }
      }
      if (e.stats) {
        const s = values[k++];
        for (let l = 0; l < depth; l++) {
          const m = s[l * WIDTH];
          const v2 = s[(depth + l) * WIDTH];
          tr.batchMean[l][e.it] = m;
          tr.batchVar[l][e.it] = v2;
          runHost.mean[l] = updateRunning([runHost.mean[l]], [m], betaM)[0];
          runHost.variance[l] = updateRunning([runHost.variance[l]], [v2], betaM)[0];
        }
      }
    }
  }

  const phase = (): BatchnormView['phase'] => (iter < iters ? 'main' : sweepIndex < runs.length || cur ? 'sweep' : 'done');

  return {
    step() {
      if (disposed) return;
      if (iter < iters) mainStep();
      else sweepStep();
    },
    isDone: () => iter >= iters && sweepIndex >= runs.length && !cur,
    async read(withView) {
      const parts: { t: tf.Tensor; use: (v: Float32Array) => void }[] = [];
      const entries = pending;
      pending = [];
      const pendingValues: Float32Array[] = [];
      for (const e of entries) {
        for (const t of [e.plain, e.bn, e.stats]) if (t) parts.push({ t, use: (v) => pendingValues.push(v) });
      }
      const finals = sweepPending;
      sweepPending = [];
      for (const f of finals) {
        parts.push({ t: f.loss, use: (v) => {
          const pt = sweep[f.run.lrIndex];
          (f.run.bn ? pt.bn : pt.plain).push(v[0]);
        } });
      }
      const snapDue = withView && iter <= iters && (lastSnap < 0 || iter - lastSnap >= SNAP_EVERY || (iter === iters && lastSnap !== iter));
      // Batch statistics must be folded into the host's running averages before the snapshot's check reads them.
      const snapStart = parts.length;
      if (snapDue) snapshotParts(parts);
      if (parts.length) {
        const packed = tf.tidy(() => tf.concat(parts.map((q) => tf.reshape(q.t, [-1]))));
        tf.dispose(parts.map((q) => q.t));
        let all: Float32Array;
        try {
          all = (await packed.data()) as Float32Array;
        } finally {
          packed.dispose();
        }
        let off = 0;
        const views = parts.map((q) => {
          const n = q.t.size;
          const v = all.subarray(off, off + n);
          off += n;
          return v;
        });
        parts.slice(0, snapStart).forEach((q, i) => q.use(views[i]));
        consumePending(entries, pendingValues);
        parts.slice(snapStart).forEach((q, i) => q.use(views[snapStart + i]));
        if (finals.length) {
          sweep = sweep.map((s) => ({ ...s }));
          sweepDone += finals.length;
        }
        if (snapDue) {
          traces = {
            snapIters: tr.snapIters.slice(), gMean: tr.gMean.map((a) => a.slice()), bMean: tr.bMean.map((a) => a.slice()),
            g1: tr.g1.map((a) => a.slice()), b1: tr.b1.map((a) => a.slice()), runMean: tr.runMean.map((a) => a.slice()),
            runVar: tr.runVar.map((a) => a.slice()), batchMean: tr.batchMean.map((a) => a.slice()), batchVar: tr.batchVar.map((a) => a.slice()),
          };
        }
      }
      const metrics: Record<string, number> = {
        iter, sweep_done: sweepDone, sweep_total: runs.length, sweep_progress: sweepDone / runs.length,
        plain_diverged_at: plainDivergedAt ?? 0, bn_diverged_at: bnDivergedAt ?? 0, ...checks,
      };
      const lp = tailMean(lossPlain, LOSS_WINDOW);
      const lb = tailMean(lossBn, LOSS_WINDOW);
      // The curves: only while the main runs train (the sweep's steps would extend them flat).
      if (entries.some((e) => e.plain || e.bn)) {
        if (Number.isFinite(lp)) metrics.loss_plain = lp;
        if (Number.isFinite(lb)) metrics.loss_bn = lb;
      }
      if (iter >= iters) {
        if (Number.isFinite(lp)) metrics.final_loss_plain = lp;
        if (Number.isFinite(lb)) metrics.final_loss_bn = lb;
      }
      if (acts) {
        acts.plain.forEach((b, l) => (metrics[`std_plain_l${l + 1}`] = b.std));
        acts.bn.forEach((b, l) => (metrics[`std_bn_l${l + 1}`] = b.std));
      }
      const s = single as SingleSample | null;
      if (s) {
        const L = s.layers[0];
        Object.assign(metrics, {
          single_batch_y: L.batch.y[0], single_alone_y: L.alone.y[0], single_eval_y: L.eval.y[0], single_beta: L.beta[0], single_gamma: L.gamma[0],
          single_batch_var: L.batch.variance[0], single_eval_var: L.eval.variance[0],
        });
      }
      const finished = sweep.filter((q) => q.plain.length === SWEEP_SEEDS && q.bn.length === SWEEP_SEEDS);
      const ok = (xs: number[]) => xs.every((v) => Number.isFinite(v) && v < 1);
      metrics.sweep_ok_plain = finished.filter((q) => ok(q.plain)).length;
      metrics.sweep_ok_bn = finished.filter((q) => ok(q.bn)).length;
      if (!withView) return { metrics };
      return {
        metrics,
        view: {
          iter, iters, phase: phase(), plainDivergedAt, bnDivergedAt, acts, traces, single: s, sweep, sweepDone, sweepTotal: runs.length,
        },
      };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const e of pending) for (const t of [e.plain, e.bn, e.stats]) t?.dispose();
      pending = [];
      tf.dispose(sweepPending.map((f) => f.loss));
      sweepPending = [];
      if (cur) {
        tf.dispose(cur.tail);
        cur.model.dispose();
        cur = null;
      }
      plain.dispose();
      bn.dispose();
      tf.dispose([X, Y, probe, x0, x1]);
    },
  };
}

export async function createBatchnormEngine(p: BatchnormParams): Promise<LabEngine<BatchnormView>> {
  const set = await loadMnist();
  return createBatchnormEngineFrom(set, p);
}
