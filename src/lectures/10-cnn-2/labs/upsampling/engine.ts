/**
 * Upsampling lab: an MNIST digit, max-pooled f×f (remembering the switches), then brought back up
 * by interpolation, unpooling and a transposed convolution. The engine's training is the
 * transposed-convolution kernel: gradient descent on the mean squared error between
 * convT(pooled digit) and the original digit (resized to the output size when that is not 28).
 * Plain TypeScript (src/ml/upsampling.ts): one 14×14 image and ≤ 49 kernel weights.
 */
import type { LabEngine } from '../../../../labs/types';
import { indicesOfClass, MNIST_PIXELS, MNIST_SIDE, type MnistSet } from '../../../../ml/data/mnist';
import {
  convTransposeOutSize, createKernelFit, kernelFitLoss, kernelFitStep, makeGray, maxPool, resizeBilinear, type Gray, type KernelFit,
} from '../../../../ml/upsampling';
import { effectiveOutPad, type UpsamplingParams } from './params';

/** Larger outputs are refused (the sliders cannot reach them from 14×14, but a link could try). */
export const MAX_OUT = 128;

export interface UpsamplingView {
  original: Gray;
  pooled: Gray;
  switches: Int32Array;
  f: number;
  /** Input and output sizes of the transposed convolution (outSize < 1 or > MAX_OUT: nothing to learn). */
  inSize: number;
  outSize: number;
  outPad: number;
  /** The target of the fit (the original, resized to outSize × outSize when needed). */
  target: Gray | null;
  /** The learned kernel now (K×K, row-major) and the least-squares optimum. */
  learned: Float64Array | null;
  optimum: Float64Array | null;
  lossOpt: number | null;
  lr: number | null;
}

export function digitImage(set: MnistSet, digit: number, seed: number): Gray {
  const idx = indicesOfClass(set, Math.round(digit));
  if (idx.length === 0) throw new Error(`no digit ${digit} in the MNIST subset`);
  const i = idx[(Math.max(1, Math.round(seed)) - 1) % idx.length];
  return makeGray(MNIST_SIDE, MNIST_SIDE, Array.from(set.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), (v) => v / 255));
}

export function createUpsamplingEngineFrom(original: Gray, p: UpsamplingParams): LabEngine<UpsamplingView> {
  const f = Math.round(p.f);
  const K = Math.round(p.K);
  const S = Math.round(p.S);
  const P = Math.round(p.P);
  const outPad = effectiveOutPad(p);
  const { out: pooled, switches } = maxPool(original, f);
  const n = pooled.width;
  const m = convTransposeOutSize(n, K, S, P, outPad);
  const valid = m >= 1 && m <= MAX_OUT;
  const target = valid ? (m === original.width ? original : resizeBilinear(original, m, m)) : null;
  const fit: KernelFit | null = target ? createKernelFit(pooled, target, K, S, P, outPad) : null;
  let loss = fit ? kernelFitLoss(fit) : NaN;
  let steps = 0;
  const iters = Math.round(p.iters);

  return {
    step() {
      if (!fit || steps >= iters) return;
      kernelFitStep(fit);
      steps++;
      loss = kernelFitLoss(fit);
    },
    read(withView) {
      const metrics: Record<string, number> = { in_size: n, out_size: m, out_pad: outPad, steps };
      if (fit) {
        metrics.loss = loss;
        metrics.loss_opt = fit.optimum;
        metrics.lr = fit.lr;
      }
      if (!withView) return { metrics };
      return {
        metrics,
        view: {
          original, pooled, switches, f, inSize: n, outSize: m, outPad, target,
          learned: fit ? fit.kernel.data.slice() : null,
          optimum: fit ? fit.optimumKernel.data : null,
          lossOpt: fit ? fit.optimum : null,
          lr: fit ? fit.lr : null,
        },
      };
    },
    isDone: () => !fit || steps >= iters,
    dispose: () => undefined,
  };
}

export async function createUpsamplingEngine(p: UpsamplingParams): Promise<LabEngine<UpsamplingView>> {
  const { loadMnist } = await import('../../../../labs/mnist');
  const set = await loadMnist();
  return createUpsamplingEngineFrom(digitImage(set, p.digit, p.seed), p);
}
