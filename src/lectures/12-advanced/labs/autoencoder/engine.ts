/**
 * The autoencoder lab's engine: an AE and a VAE (src/ml/vae.ts, tfjs) with 2-D latent spaces trained
 * side by side on the same minibatches of 4,000 MNIST digits (400 per class), Adam.
 *
 * step() queues one Adam step and keeps its loss tensor (no read). read() averages the queued losses
 * (one data()); at most every ~0.5 s (slower when it is slow) and at the end it also runs the heavy
 * probe on 400 held-out digits — AE codes, VAE μ and log σ², reconstructions, the K × K grids of
 * decodings, both decoders' weights (for sampling in the view) — concatenated into one tensor and
 * read with the same single data().
 */
import type { LabEngine } from '../../../../labs/types';
import { MNIST_PIXELS, pixelsAsFloat, labelsOf, stratifiedSplit, type MnistSet } from '../../../../ml/data/mnist';
import { createRng, shuffleInPlace } from '../../../../ml/rng';
import * as tf from '../../../../ml/tf';
import {
  AeVaeTrainer, LATENT, decoderSize, initWeights, latentGrid, quantileAxis,
} from '../../../../ml/vae';
import { GRID_K, HELD_PER_CLASS, RECON_N, TRAIN_PER_CLASS, type AutoencoderParams } from './params';

export interface AutoencoderView {
  hidden: number;
  beta: number;
  /** Step at which the heavy part of the view was computed. */
  probeStep: number;
  /** Held-out labels and codes: AE z, VAE μ and log σ² (n × 2 each). */
  labels: Int32Array;
  aeZ: Float32Array;
  vaeMu: Float32Array;
  vaeLogvar: Float32Array;
  /** The RECON_N digits shown (one per class), their AE and VAE (z = μ) reconstructions, RECON_N × 784 each. */
  reconInput: Float32Array;
  reconLabels: number[];
  aeRecon: Float32Array;
  vaeRecon: Float32Array;
  /** K × K decodings, row-major, row 0 at the top; the axes' values (z₁ left → right, z₂ bottom → top). */
  gridK: number;
  aeGrid: Float32Array;
  vaeGrid: Float32Array;
  aeAxis: { z1: number[]; z2: number[] };
  vaeAxis: number[];
  /** Decoder weights (see decodePlain) for sampling in the view. */
  aeDecoder: Float32Array;
  vaeDecoder: Float32Array;
  /** One held-out digit's reparameterisation, with a fresh ε: z = μ + σ ⊙ ε. */
  featured: { index: number; label: number; mu: [number, number]; logvar: [number, number]; eps: [number, number] };
  msPerStep: number;
}

export interface Data {
  train: Float32Array;
  nTrain: number;
  held: Float32Array;
  heldLabels: Int32Array;
  nHeld: number;
  pixelMean: Float32Array;
  /** Held-out positions of one digit per class, 0–9. */
  showcase: number[];
}

export function prepareData(set: MnistSet, seed: number): Data {
  const { train, val } = stratifiedSplit(set, TRAIN_PER_CLASS, HELD_PER_CLASS, seed);
  const tr = pixelsAsFloat(set, train);
  const pixelMean = new Float32Array(MNIST_PIXELS);
  for (let i = 0; i < train.length; i++) for (let p = 0; p < MNIST_PIXELS; p++) pixelMean[p] += tr[i * MNIST_PIXELS + p];
  for (let p = 0; p < MNIST_PIXELS; p++) pixelMean[p] /= train.length;
  const heldLabels = labelsOf(set, val);
  const showcase: number[] = [];
  for (let d = 0; d < 10; d++) showcase.push(heldLabels.indexOf(d));
  return { train: tr, nTrain: train.length, held: pixelsAsFloat(set, val), heldLabels, nHeld: val.length, pixelMean, showcase };
}

/** Metrics latched from the last heavy probe. */
interface Latched {
  valAeRecon: number;
  valVaeRecon: number;
  valKl: number;
  /** RMS of the VAE's μ and of the AE's z over the held-out digits (how wide each latent cloud is). */
  vaeSpread: number;
  aeSpread: number;
  /** Mean σ of the VAE's posteriors over the held-out digits. */
  meanSigma: number;
  probeStep: number;
}

const HEAVY_MIN_MS = 500;

export function createAutoencoderEngineFrom(data: Data, p: AutoencoderParams): LabEngine<AutoencoderView> {
  const H = Number(p.hidden);
  const B = Math.round(p.batch);
  const steps = Math.round(p.steps);
  const beta = p.beta;
  if (!(beta >= 0) || !(p.lr > 0)) throw new Error('β must be ≥ 0 and the learning rate > 0');
  const model = new AeVaeTrainer(H, initWeights(H, createRng(p.seed), data.pixelMean));
  const rng = createRng(p.seed * 7919 + 5);
  const viewRng = createRng(p.seed * 104729 + 17);
  const order = Array.from({ length: data.nTrain }, (_, i) => i);
  let cursor = data.nTrain; // forces a shuffle before the first batch
  const x = new Float32Array(B * MNIST_PIXELS);
  const eps = new Float32Array(B * LATENT);
  // The held-out probe's ε (for the held-out VAE reconstruction loss) is fixed per run.
  const heldRng = createRng(p.seed * 31 + 7);
  const heldEps = Float32Array.from({ length: data.nHeld * LATENT }, () => heldRng.normal());
  // Showcase digits first (reconstructed), then the rest of the held-out set.
  const probeOrder = [...data.showcase, ...Array.from({ length: data.nHeld }, (_, i) => i).filter((i) => !data.showcase.includes(i))];
  const probeX = new Float32Array(data.nHeld * MNIST_PIXELS);
  const probeLabels = new Int32Array(data.nHeld);
  probeOrder.forEach((src, k) => {
    probeX.set(data.held.subarray(src * MNIST_PIXELS, (src + 1) * MNIST_PIXELS), k * MNIST_PIXELS);
    probeLabels[k] = data.heldLabels[src];
  });
  const reconInput = probeX.slice(0, RECON_N * MNIST_PIXELS);
  const reconLabels = Array.from(probeLabels.subarray(0, RECON_N));
  const vaeAxis = quantileAxis(GRID_K);
  const vaeGridZ = tf.tensor2d(latentGrid(GRID_K, vaeAxis), [GRID_K * GRID_K, LATENT]);
  // Fractions in [−1, 1] for the AE grid over mean ± 2·std of its codes (computed on the device).
  const unit = Array.from({ length: GRID_K }, (_, i) => -1 + (2 * i) / (GRID_K - 1));
  const aeGridU = tf.tensor2d(latentGrid(GRID_K, unit), [GRID_K * GRID_K, LATENT]);

  let t = 0;
  let pending: tf.Tensor1D[] = [];
  let last = { aeRecon: NaN, vaeRecon: NaN, vaeKl: NaN };
  let latched: Latched | null = null;
  let view: AutoencoderView | null = null;
  let lastHeavyAt = -Infinity;
  let heavyMs = 0;
  let busyMs = 0;
  const decSize = decoderSize(H);

  function nextBatch(): void {
    for (let i = 0; i < B; i++) {
      if (cursor >= data.nTrain) {
        shuffleInPlace(order, rng);
        cursor = 0;
      }
      const k = order[cursor++];
      x.set(data.train.subarray(k * MNIST_PIXELS, (k + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
    }
    for (let i = 0; i < eps.length; i++) eps[i] = rng.normal();
  }

  /** Everything the heavy view needs, flattened into one tensor (and the offsets to cut it). */
  function heavyTensor(): { all: tf.Tensor1D; sizes: number[] } {
    return tf.tidy(() => {
      const pr = model.probe(probeX, data.nHeld, heldEps, RECON_N);
      const { mean, variance } = tf.moments(pr.aeZ, 0);
      const std = tf.sqrt(tf.add(variance, 1e-12));
      const aeZGrid = tf.add(mean, tf.mul(tf.mul(aeGridU, std), 2)) as tf.Tensor2D;
      const pieces: tf.Tensor[] = [
        pr.losses, mean, std, pr.aeZ, pr.vaeMu, pr.vaeLogvar, pr.aeRecon, pr.vaeRecon,
        model.decodeTensor('ae', aeZGrid), model.decodeTensor('vae', vaeGridZ), model.decoderWeights(),
      ];
      return { all: tf.concat(pieces.map((q) => tf.reshape(q, [-1]))) as tf.Tensor1D, sizes: pieces.map((q) => q.size) };
    });
  }

  function unpackHeavy(d: Float32Array, sizes: number[]): void {
    let o = 0;
    const cut = (i: number) => {
      const s = d.slice(o, o + sizes[i]);
      o += sizes[i];
      return s;
    };
    const [losses, mean, std, aeZ, vaeMu, vaeLogvar, aeRecon, vaeRecon, aeGrid, vaeGrid, dec] = sizes.map((_, i) => cut(i));
    const n = data.nHeld;
    let s2v = 0;
    let s2a = 0;
    let sig = 0;
    for (let i = 0; i < 2 * n; i++) {
      s2v += vaeMu[i] ** 2;
      s2a += aeZ[i] ** 2;
      sig += Math.exp(0.5 * vaeLogvar[i]);
    }
    latched = {
      valAeRecon: losses[0], valVaeRecon: losses[1], valKl: losses[2],
      vaeSpread: Math.sqrt(s2v / (2 * n)), aeSpread: Math.sqrt(s2a / (2 * n)), meanSigma: sig / (2 * n), probeStep: t,
    };
    const axisOf = (j: number) => unit.map((u) => mean[j] + 2 * u * std[j]);
    // One showcase digit (cycling through the classes as training goes on), with a fresh ε.
    const f = Math.floor(t / 100) % RECON_N;
    view = {
      hidden: H, beta, probeStep: t, labels: probeLabels, aeZ, vaeMu, vaeLogvar,
      reconInput, reconLabels, aeRecon, vaeRecon,
      gridK: GRID_K, aeGrid, vaeGrid, aeAxis: { z1: axisOf(0), z2: axisOf(1) }, vaeAxis,
      aeDecoder: dec.slice(0, decSize), vaeDecoder: dec.slice(decSize, 2 * decSize),
      featured: {
        index: f, label: reconLabels[f], mu: [vaeMu[2 * f], vaeMu[2 * f + 1]], logvar: [vaeLogvar[2 * f], vaeLogvar[2 * f + 1]],
        eps: [viewRng.normal(), viewRng.normal()],
      },
      msPerStep: t > 0 ? busyMs / t : 0,
    };
  }

  return {
    step() {
      if (t >= steps) return;
      const t0 = performance.now();
      t++;
      nextBatch();
      pending.push(model.step(x, eps, B, p.lr, beta));
      busyMs += performance.now() - t0;
    },
    async read(withView) {
      const now = performance.now();
      // Heavy probe: first read; then with a view, when stale, at most every ~0.5 s (or 4× its own
      // cost when that is longer), and always after the last step.
      const stale = (latched?.probeStep ?? -1) !== t;
      const paced = now - lastHeavyAt >= Math.max(HEAVY_MIN_MS, 4 * heavyMs) || t >= steps;
      const heavy = !view || (withView && stale && paced);
      const queued = pending;
      pending = [];
      let sizes: number[] = [];
      const all = queued.length || heavy ? tf.tidy(() => {
        const parts: tf.Tensor[] = [];
        if (queued.length) parts.push(tf.mean(tf.stack(queued), 0));
        if (heavy) {
          const h = heavyTensor();
          sizes = h.sizes;
          parts.push(h.all);
        }
        return tf.concat(parts);
      }) : null;
      for (const q of queued) q.dispose();
      if (all) {
        const h0 = performance.now();
        const d = (await all.data()) as Float32Array;
        all.dispose();
        let o = 0;
        if (queued.length) {
          last = { aeRecon: d[0], vaeRecon: d[1], vaeKl: d[2] };
          o = 3;
        }
        if (heavy) {
          unpackHeavy(d.subarray(o), sizes);
          lastHeavyAt = performance.now();
          heavyMs = lastHeavyAt - h0 + (h0 - now);
        }
      }
      const L = latched!;
      // Before any step, the "training" numbers are the held-out ones.
      const tr = Number.isFinite(last.aeRecon) ? last : { aeRecon: L.valAeRecon, vaeRecon: L.valVaeRecon, vaeKl: L.valKl };
      const metrics: Record<string, number> = {
        aeRecon: tr.aeRecon, vaeRecon: tr.vaeRecon, vaeKl: tr.vaeKl, vaeLoss: tr.vaeRecon + beta * tr.vaeKl,
        valAeRecon: L.valAeRecon, valVaeRecon: L.valVaeRecon, valKl: L.valKl,
        vaeSpread: L.vaeSpread, aeSpread: L.aeSpread, meanSigma: L.meanSigma, probeStep: L.probeStep,
      };
      if (t > 0) metrics.msPerStep = busyMs / t;
      if (!withView || !view) return { metrics };
      return { metrics, view };
    },
    isDone: () => t >= steps,
    dispose() {
      for (const q of pending) q.dispose();
      pending = [];
      vaeGridZ.dispose();
      aeGridU.dispose();
      model.dispose();
    },
  };
}

/** The last prepared split (a reset or a β change reuses it; only the seed changes the split). */
let cached: { set: MnistSet; seed: number; data: Data } | null = null;

export async function createAutoencoderEngine(p: AutoencoderParams): Promise<LabEngine<AutoencoderView>> {
  const { loadMnist } = await import('../../../../labs/mnist');
  const set = await loadMnist();
  if (!cached || cached.set !== set || cached.seed !== p.seed) cached = { set, seed: p.seed, data: prepareData(set, p.seed) };
  return createAutoencoderEngineFrom(cached.data, p);
}
