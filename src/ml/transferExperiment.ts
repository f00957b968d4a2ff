/**
 * The transfer-learning experiment of Lecture 11 as a step machine (pure: tfjs and data, no DOM).
 *
 * Phase 1 (source task T₁): train the CNN of transferNet.ts on digits 0–4 (SRC_PER_CLASS per class),
 * then score it on held-out 0–4 digits. The trained weights are cached (host arrays, keyed by the
 * source's own settings) so a new run with other target settings skips phase 1.
 *
 * Phase 2 (target task T₂): digits 5–9, relabelled 0–4. For each n (labelled examples per class) the
 * same n·5 seeded examples and the same minibatch order train three networks for the same number
 * of steps, each then scored on a fixed validation set of 5–9 digits (never trained on):
 *   frozen   — the source's conv1, conv2, fc reused and frozen; only a new head trains;
 *   finetune — the new head at rate α plus the last K reused layers at rate ρ·α (the rest frozen);
 *   scratch  — the same architecture, freshly initialised, every layer at rate α.
 *
 * One `step()` is one minibatch or one scoring chunk (a few ms on wasm). Nothing is read in
 * `step()`: scores and the source's weights wait as tensors until `read()` reads them at once.
 */
import { labelsOf, pixelsAsFloat, stratifiedSplit, type MnistSet } from './data/mnist';
import { createRng, shuffleInPlace } from './rng';
import * as tf from './tf';
import { freshWeights, LAYER_NAMES, REUSED_LAYERS, TNET, TransferNet, withNewHead, withNewHeadTensor } from './transferNet';

export const SOURCE_DIGITS = [0, 1, 2, 3, 4] as const;
export const TARGET_DIGITS = [5, 6, 7, 8, 9] as const;
/** Source training digits per class (4,000 in all) and held-out source digits per class. */
export const SRC_PER_CLASS = 800;
export const SRC_VAL_PER_CLASS = 100;
/** Target validation digits per class (500 in all), disjoint from every labelled pool. */
export const TGT_VAL_PER_CLASS = 100;
/** Largest n: the labelled pool per class the n-example sets are nested prefixes of. */
export const TGT_POOL_PER_CLASS = 100;
export const BATCH = 25;
export const EVAL_CHUNK = 100;
/** Adam learning rate of the source network. */
export const SRC_LR = 0.002;

export const STRATEGIES = ['frozen', 'finetune', 'scratch'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface TransferConfig {
  srcEpochs: number;
  /** Training steps of every target network. */
  steps: number;
  /** Adam learning rate of the new head (and of every layer when training from scratch). */
  lr: number;
  /** Reused layers fine-tuned below the head (0–3). */
  fineK: number;
  /** Their learning rate is ratio·lr. */
  ratio: number;
  /** Labelled examples per class, ascending. */
  ns: readonly number[];
  seed: number;
  /** Layers reused from the source (default REUSED_LAYERS); the rest form the new head. */
  reuse?: number;
  /** Source training digits per class (default SRC_PER_CLASS). */
  srcPerClass?: number;
}

export interface SourceModel {
  weights: Float32Array;
  valAcc: number;
  valLoss: number;
  trainedSteps: number;
}

const cache = new Map<string, SourceModel>();
const CACHE_MAX = 4;

export function sourceKey(c: Pick<TransferConfig, 'srcEpochs' | 'seed'>): string {
  return `${Math.round(c.srcEpochs)}|${c.seed}`;
}
export function cachedSource(c: Pick<TransferConfig, 'srcEpochs' | 'seed'>): SourceModel | undefined {
  return cache.get(sourceKey(c));
}
export function clearSourceCache(): void {
  cache.clear();
}
function remember(key: string, m: SourceModel) {
  cache.delete(key);
  cache.set(key, m);
  while (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
}

/** Source minibatch steps: epochs · ⌈4,000 / 25⌉. */
export function sourceSteps(srcEpochs: number): number {
  return Math.round(srcEpochs) * Math.ceil((SRC_PER_CLASS * SOURCE_DIGITS.length) / BATCH);
}
const SRC_EVAL_STEPS = Math.ceil((SRC_VAL_PER_CLASS * SOURCE_DIGITS.length) / EVAL_CHUNK);
const TGT_EVAL_STEPS = Math.ceil((TGT_VAL_PER_CLASS * TARGET_DIGITS.length) / EVAL_CHUNK);

/** Digits per engine step when a run caches the activations of its frozen layers. */
export const PREP_CHUNK = 50;

/** Engine steps of one run: caching the frozen layers' outputs (when there are any), training, scoring. */
export function runSteps(s: Strategy, n: number, c: Pick<TransferConfig, 'steps' | 'lr' | 'fineK' | 'ratio' | 'reuse'>): number {
  const prep = layerRates(s, c)[0] > 0 ? 0 : Math.ceil((n * TARGET_DIGITS.length) / PREP_CHUNK);
  return prep + Math.round(c.steps) + TGT_EVAL_STEPS;
}
/** Engine steps of phase 2. */
export function targetSteps(c: Pick<TransferConfig, 'steps' | 'ns' | 'lr' | 'fineK' | 'ratio' | 'reuse'>): number {
  return c.ns.reduce((t, n) => t + STRATEGIES.reduce((u, s) => u + runSteps(s, n, c), 0), 0);
}
/** Engine steps with phase 1 (an upper bound: a cached source skips it). */
export function totalSteps(c: Pick<TransferConfig, 'srcEpochs' | 'steps' | 'ns' | 'lr' | 'fineK' | 'ratio' | 'reuse'>): number {
  return sourceSteps(c.srcEpochs) + SRC_EVAL_STEPS + targetSteps(c);
}

/** Per-layer rates [conv1, conv2, fc, head] of a strategy. */
export function layerRates(s: Strategy, c: Pick<TransferConfig, 'lr' | 'fineK' | 'ratio' | 'reuse'>): number[] {
  if (s === 'scratch') return LAYER_NAMES.map(() => c.lr);
  const R = c.reuse ?? REUSED_LAYERS;
  const k = s === 'frozen' ? 0 : Math.max(0, Math.min(R, Math.round(c.fineK)));
  return LAYER_NAMES.map((_, l) => (l >= R ? c.lr : l >= R - k ? c.lr * c.ratio : 0));
}

export interface TargetData {
  /** Labelled pool: per class (0–4 after relabelling) the MNIST indices, in seeded order (n examples = the first n). */
  pool: number[][];
  val: number[];
}

/** The seed's data: 2,500 + 500 source digits, the labelled 5–9 pool and the fixed 5–9 validation set. */
export function transferData(set: MnistSet, seed: number, perClass = SRC_PER_CLASS) {
  const src = stratifiedSplit(set, perClass, SRC_VAL_PER_CLASS, seed * 31 + 1, SOURCE_DIGITS);
  const tgt = stratifiedSplit(set, TGT_POOL_PER_CLASS, TGT_VAL_PER_CLASS, seed * 31 + 2, TARGET_DIGITS);
  // stratifiedSplit shuffles the train list; per class, keep that (seeded) order.
  const pool: number[][] = TARGET_DIGITS.map(() => []);
  for (const i of tgt.train) pool[set.labels[i] - TARGET_DIGITS[0]].push(i);
  return { srcTrain: src.train, srcVal: src.val, target: { pool, val: tgt.val } as TargetData };
}

/** The labelled target examples for n per class (interleaved by class), and their labels 0–4. */
export function labelledSet(set: MnistSet, data: TargetData, n: number): { rows: number[]; labels: Int32Array } {
  const rows: number[] = [];
  for (let k = 0; k < n; k++) for (const c of data.pool) rows.push(c[k]);
  return { rows, labels: Int32Array.from(rows, (r) => set.labels[r] - TARGET_DIGITS[0]) };
}

export interface RunResult {
  n: number;
  strategy: Strategy;
  valAcc: number;
  valLoss: number;
}

export interface TransferState {
  phase: 'source' | 'source-eval' | 'target' | 'done';
  /** 0–1 over the whole planned work of this run. */
  progress: number;
  /** Source: steps done / planned; target: index of the current run. */
  srcStep: number;
  srcSteps: number;
  sourceFromCache: boolean;
  source: SourceModel | null;
  results: RunResult[];
  current: { n: number; strategy: Strategy; step: number } | null;
}

interface Pending {
  kind: 'src' | 'run';
  n?: number;
  strategy?: Strategy;
  stats: tf.Tensor1D;
  weights?: tf.Tensor1D;
}

function chunked(set: MnistSet, rows: number[], offset: number) {
  const out: { x: tf.Tensor4D; y: tf.Tensor1D }[] = [];
  for (let a = 0; a < rows.length; a += EVAL_CHUNK) {
    const r = rows.slice(a, a + EVAL_CHUNK);
    out.push({
      x: tf.tensor4d(pixelsAsFloat(set, r), [r.length, TNET.side, TNET.side, 1]),
      y: tf.tensor1d(Int32Array.from(labelsOf(set, r), (l) => l - offset), 'int32'),
    });
  }
  return out;
}

/** Minibatch rows: epochs through a seeded shuffle of `rows` (the whole set when it is smaller than a batch). */
function batcher(rows: number[], seed: number) {
  const rng = createRng(seed);
  const b = Math.min(BATCH, rows.length);
  let order: number[] = [];
  let at = rows.length;
  return () => {
    const out: number[] = [];
    while (out.length < b) {
      if (at >= order.length) {
        order = shuffleInPlace(rows.slice(), rng);
        at = 0;
      }
      out.push(order[at++]);
    }
    return out;
  };
}

export class TransferExperiment {
  private readonly data: ReturnType<typeof transferData>;
  private readonly srcKey: string;
  private srcTotal: number;
  private readonly planned: number;
  private srcNet: TransferNet | null = null;
  private srcBatch: () => number[];
  private srcChunks: { x: tf.Tensor4D; y: tf.Tensor1D }[] = [];
  private readonly valChunks: { x: tf.Tensor4D; y: tf.Tensor1D }[];
  private srcT = 0;
  private chunk = 0;
  private evalStats: tf.Tensor1D | null = null;
  /** The source network's weights on the device, reused by every transferred network of phase 2. */
  private srcDevice: tf.Tensor1D | null = null;
  private phase: TransferState['phase'];
  private run = 0;
  private runNet: TransferNet | null = null;
  private runBatch: (() => number[]) | null = null;
  private runT = 0;
  /** Labelled digits whose frozen-layer activations are cached so far. */
  private prepped = 0;
  private runSet: { rows: number[]; labels: Int32Array } | null = null;
  private pending: Pending[] = [];
  private readonly results: RunResult[] = [];
  private source: SourceModel | null = null;
  readonly sourceFromCache: boolean;
  private done = 0;
  private disposed = false;
  private msTrain = 0;
  private trainSteps = 0;

  constructor(private readonly set: MnistSet, private readonly c: TransferConfig) {
    if (!(c.lr > 0) || !(c.ratio > 0)) throw new Error(`learning rates must be positive (got α = ${c.lr}, ratio ${c.ratio})`);
    if (!c.ns.length || c.ns.some((n) => !Number.isInteger(n) || n < 1 || n > TGT_POOL_PER_CLASS)) {
      throw new Error(`labelled examples per class must be integers 1–${TGT_POOL_PER_CLASS}`);
    }
    this.data = transferData(set, c.seed, c.srcPerClass);
    this.srcTotal = Math.round(c.srcEpochs) * Math.ceil(this.data.srcTrain.length / BATCH);
    this.srcKey = sourceKey(c);
    this.srcBatch = batcher(this.data.srcTrain, c.seed * 7 + 3);
    this.valChunks = chunked(set, this.data.target.val, TARGET_DIGITS[0]);
    const hit = cache.get(this.srcKey);
    this.sourceFromCache = Boolean(hit);
    if (hit) {
      this.source = hit;
      this.srcDevice = tf.tensor1d(hit.weights);
      this.phase = 'target';
      this.planned = targetSteps(c);
    } else {
      this.srcNet = new TransferNet(freshWeights(c.seed * 1009 + 7), { layerLr: [SRC_LR, SRC_LR, SRC_LR, SRC_LR] });
      this.srcChunks = chunked(set, this.data.srcVal, SOURCE_DIGITS[0]);
      this.phase = this.srcTotal > 0 ? 'source' : 'source-eval';
      this.planned = totalSteps(c);
    }
  }

  get isDone(): boolean {
    return this.phase === 'done' && this.pending.length === 0;
  }

  step(): void {
    if (this.disposed || this.phase === 'done') return;
    this.done++;
    if (this.phase === 'source') this.sourceStep();
    else if (this.phase === 'source-eval') this.sourceEvalStep();
    else this.targetStep();
  }

  private sourceStep() {
    const rows = this.srcBatch();
    const t0 = performance.now();
    this.srcNet!.trainBatch(pixelsAsFloat(this.set, rows), Int32Array.from(rows, (r) => this.set.labels[r] - SOURCE_DIGITS[0]));
    this.msTrain += performance.now() - t0;
    this.trainSteps++;
    this.srcT++;
    if (this.srcT >= this.srcTotal) this.phase = 'source-eval';
  }

  private addStats(s: tf.Tensor1D) {
    if (!this.evalStats) {
      this.evalStats = s;
      return;
    }
    const sum = tf.add(this.evalStats, s) as tf.Tensor1D;
    tf.dispose([this.evalStats, s]);
    this.evalStats = sum;
  }

  private sourceEvalStep() {
    const ch = this.srcChunks[this.chunk++];
    this.addStats(this.srcNet!.score(ch.x, ch.y));
    if (this.chunk < this.srcChunks.length) return;
    const weights = this.srcNet!.packWeights();
    this.srcDevice = tf.clone(weights);
    this.pending.push({ kind: 'src', stats: this.evalStats!, weights });
    this.evalStats = null;
    this.chunk = 0;
    this.srcNet!.dispose();
    this.srcNet = null;
    tf.dispose(this.srcChunks.flatMap((ch2) => [ch2.x, ch2.y]));
    this.srcChunks = [];
    this.phase = 'target';
  }

  private currentRun() {
    const n = this.c.ns[Math.floor(this.run / STRATEGIES.length)];
    const strategy = STRATEGIES[this.run % STRATEGIES.length];
    return { n, strategy };
  }

  private startRun() {
    const { n, strategy } = this.currentRun();
    const seed = this.c.seed * 100_003 + n * 17;
    const rates = layerRates(strategy, this.c);
    if (strategy === 'scratch') {
      // Fresh reused layers, and the same new head as the transferred nets.
      this.runNet = new TransferNet(withNewHead(freshWeights(seed + 5), seed + 1, this.c.reuse), { layerLr: rates });
    } else {
      const init = withNewHeadTensor(this.srcDevice!, seed + 1, this.c.reuse);
      this.runNet = new TransferNet(init, { layerLr: rates });
      init.dispose();
    }
    this.runSet = labelledSet(this.set, this.data.target, n);
    // The same minibatch order for the three strategies of this n.
    const index = new Map(this.runSet.rows.map((r, i) => [r, i]));
    const next = batcher(this.runSet.rows, seed + 3);
    this.runBatch = () => next().map((r) => index.get(r)!);
    this.runT = 0;
    this.chunk = 0;
    this.prepped = this.runNet.cachedLayers > 0 ? 0 : this.runSet.rows.length;
  }

  private targetStep() {
    if (!this.runNet) this.startRun();
    const net = this.runNet!;
    const all = this.runSet!;
    if (this.prepped < all.rows.length) {
      const rows = all.rows.slice(this.prepped, this.prepped + PREP_CHUNK);
      net.cacheInputs(pixelsAsFloat(this.set, rows), rows.length);
      this.prepped += rows.length;
      return;
    }
    if (this.runT < Math.round(this.c.steps)) {
      const idx = this.runBatch!();
      const labels = Int32Array.from(idx, (i) => all.labels[i]);
      const t0 = performance.now();
      if (net.cachedLayers > 0) net.trainCached(Int32Array.from(idx), labels);
      else net.trainBatch(pixelsAsFloat(this.set, idx.map((i) => all.rows[i])), labels);
      this.msTrain += performance.now() - t0;
      this.trainSteps++;
      this.runT++;
      return;
    }
    const ch = this.valChunks[this.chunk++];
    this.addStats(net.score(ch.x, ch.y));
    if (this.chunk < this.valChunks.length) return;
    const { n, strategy } = this.currentRun();
    this.pending.push({ kind: 'run', n, strategy, stats: this.evalStats! });
    this.evalStats = null;
    net.dispose();
    this.runNet = null;
    this.run++;
    if (this.run >= this.c.ns.length * STRATEGIES.length) {
      this.phase = 'done';
      if (this.srcDevice) {
        this.srcDevice.dispose();
        this.srcDevice = null;
      }
    }
  }

  /** Read everything queued (one `data()`), then report the state. */
  async read(): Promise<TransferState> {
    const batch = this.pending;
    if (batch.length) {
      this.pending = [];
      const parts = batch.flatMap((b) => (b.weights ? [b.stats, b.weights] : [b.stats]));
      const packed = parts.length === 1 ? parts[0] : tf.concat(parts);
      let v: Float32Array;
      try {
        v = (await packed.data()) as Float32Array;
      } finally {
        if (parts.length > 1) packed.dispose();
        tf.dispose(parts);
      }
      let o = 0;
      const nSrcVal = SRC_VAL_PER_CLASS * SOURCE_DIGITS.length;
      const nVal = this.data.target.val.length;
      for (const b of batch) {
        const [correct, loss] = [v[o], v[o + 1]];
        o += 2;
        if (b.kind === 'src') {
          const weights = Float32Array.from(v.subarray(o, o + b.weights!.size));
          o += b.weights!.size;
          this.source = { weights, valAcc: correct / nSrcVal, valLoss: loss / nSrcVal, trainedSteps: this.srcTotal };
          if (!this.disposed) remember(this.srcKey, this.source);
        } else {
          this.results.push({ n: b.n!, strategy: b.strategy!, valAcc: correct / nVal, valLoss: loss / nVal });
        }
      }
    }
    return this.state();
  }

  state(): TransferState {
    const cur = this.phase === 'target' && this.run < this.c.ns.length * STRATEGIES.length ? this.currentRun() : null;
    return {
      phase: this.phase,
      progress: this.planned ? Math.min(1, this.done / this.planned) : 1,
      srcStep: this.srcT,
      srcSteps: this.srcTotal,
      sourceFromCache: this.sourceFromCache,
      source: this.source,
      results: this.results.slice(),
      current: cur ? { ...cur, step: this.runNet ? this.runT : 0 } : null,
    };
  }

  get msPerTrainStep(): number {
    return this.trainSteps ? this.msTrain / this.trainSteps : NaN;
  }

  /** The labelled target examples of n per class (MNIST indices, interleaved by class). */
  examples(n: number): number[] {
    return labelledSet(this.set, this.data.target, n).rows;
  }

  get sourceTrainSize(): number {
    return this.data.srcTrain.length;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.srcNet?.dispose();
    this.runNet?.dispose();
    tf.dispose([...this.srcChunks, ...this.valChunks].flatMap((ch) => [ch.x, ch.y]));
    if (this.evalStats) this.evalStats.dispose();
    if (this.srcDevice) this.srcDevice.dispose();
    tf.dispose(this.pending.flatMap((b) => (b.weights ? [b.stats, b.weights] : [b.stats])));
    this.pending = [];
  }
}

