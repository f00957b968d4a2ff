/**
 * Trains ε_θ on the swiss roll with the simple DDPM loss (one Adam step per engine step) and runs
 * the reverse process when asked (and once more when training ends), a slice of points at a time,
 * so the learner watches x_T ~ N(0, I) turn into the roll step by step.
 *
 * Plain TypeScript (src/ml/diffusion.ts), not tfjs: see the measurement in that file's header.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import {
  chamfer, Denoiser, gaussian2d, makeSchedule, makeTrainBatch, ReverseSampler, sampleNoisedBatch, swissRoll, trainStep, type Schedule,
} from '../../../../ml/diffusion';
import { createRng } from '../../../../ml/rng';
import { N_DATA, N_SAMPLES, type DIFFUSION_PARAMS } from './params';

export type DiffusionParams = Values<typeof DIFFUSION_PARAMS>;

/** Points denoised per slice; a step keeps slicing until SAMPLE_MS have passed. */
const SAMPLE_CHUNK = 50;
const SAMPLE_MS = 4;
/** Loss curve: one point per this many iterations (the mean minibatch loss over them). */
const CURVE_EVERY = 25;
/** Fixed evaluation minibatch for the loss before any training. */
const EVAL_BATCH = 512;

export interface LossPoint {
  x: number;
  loss: number;
}

export interface DiffusionView {
  losses: LossPoint[];
  /** Current or last samples (n × 2), null before the first sampling. */
  samples: Float64Array | null;
  /** The step the samples are at (T … 0), −1 before any sampling. */
  sampleT: number;
  /** The model the samples came from was trained this many iterations. */
  sampleIter: number;
  sampling: boolean;
  quality: number;
  qualityNoise: number;
  iter: number;
  iters: number;
  /** Start a reverse-process run from the current model (the component drives it when paused). */
  requestSample: () => void;
}

export function createDiffusionEngine(p: DiffusionParams): LabEngine<DiffusionView> {
  const T = Math.round(p.T);
  const sched: Schedule = makeSchedule(p.schedule, T);
  const data = swissRoll(N_DATA, createRng(p.seed));
  const ref = swissRoll(N_SAMPLES, createRng(p.seed * 7 + 3));
  const qualityNoise = chamfer(gaussian2d(N_SAMPLES, createRng(p.seed * 11 + 5)), ref);
  const rng = createRng(p.seed * 13 + 1);
  const hidden = Array.from({ length: Math.round(p.layers) }, () => Number(p.width));
  const model = new Denoiser(hidden, rng, T);
  const B = Math.round(p.batch);
  const batch = makeTrainBatch(B);
  const iters = Math.round(p.iters);

  // Loss on a fixed batch before training, so step 0 has a loss to compare with.
  const evalRng = createRng(p.seed * 17 + 9);
  const evalBatch = makeTrainBatch(EVAL_BATCH);
  sampleNoisedBatch(data, sched, evalRng, evalBatch, EVAL_BATCH);
  model.forward(evalBatch.xt, evalBatch.ts, EVAL_BATCH);
  const loss0 = model.backward(evalBatch.eps, EVAL_BATCH);

  let iter = 0;
  let loss = loss0;
  const losses: LossPoint[] = [{ x: 0, loss: loss0 }];
  let curveSum = 0;
  let curveN = 0;
  let readSum = 0;
  let readN = 0;
  let sampler: ReverseSampler | null = null;
  let samplerIter = 0;
  let samplings = 0;
  let lastSamples: Float64Array | null = null;
  let lastSampleIter = 0;
  let quality = NaN;
  let finalDone = false;

  const startSampling = () => {
    if (sampler) return;
    samplings++;
    sampler = new ReverseSampler(N_SAMPLES, sched, createRng(p.seed * 1009 + samplings), SAMPLE_CHUNK);
    samplerIter = iter;
  };

  const sampleSome = () => {
    const s = sampler!;
    const t0 = performance.now();
    do s.advance(model);
    while (!s.finished && performance.now() - t0 < SAMPLE_MS);
    if (s.finished) {
      quality = chamfer(s.x, ref);
      lastSamples = s.x;
      lastSampleIter = samplerIter;
      sampler = null;
      if (iter >= iters) finalDone = true;
    }
  };

  return {
    step() {
      if (sampler) {
        sampleSome();
        return;
      }
      if (iter >= iters) {
        if (!finalDone) startSampling();
        return;
      }
      const l = trainStep(model, data, sched, rng, batch, B, p.lr);
      iter++;
      curveSum += l;
      curveN++;
      readSum += l;
      readN++;
      if (curveN === CURVE_EVERY || iter === iters) {
        losses.push({ x: iter, loss: curveSum / curveN });
        curveSum = 0;
        curveN = 0;
      }
      if (iter === iters) startSampling();
    },
    read(withView) {
      if (readN > 0) {
        loss = readSum / readN;
        readSum = 0;
        readN = 0;
      }
      const s = sampler as ReverseSampler | null;
      const metrics: Record<string, number> = {
        loss,
        loss0,
        iter,
        sampling: s ? 1 : 0,
        sample_t: s ? s.t : lastSamples ? 0 : -1,
        samplings: samplings - (s ? 1 : 0),
        quality,
        quality_noise: qualityNoise,
        sample_iter: lastSampleIter,
      };
      if (!withView) return { metrics };
      const shown = s ? s.x : lastSamples;
      return {
        metrics,
        view: {
          losses: losses.slice(),
          samples: shown ? shown.slice() : null,
          sampleT: s ? s.t : lastSamples ? 0 : -1,
          sampleIter: s ? samplerIter : lastSampleIter,
          sampling: s !== null,
          quality,
          qualityNoise,
          iter,
          iters,
          requestSample: startSampling,
        },
      };
    },
    isDone: () => iter >= iters && finalDone && sampler === null,
    dispose: () => undefined,
  };
}
