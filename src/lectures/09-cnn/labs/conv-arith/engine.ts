/**
 * Convolution arithmetic: the zero-padded input, the filter, every window position and its sum of
 * products, computed once per parameter set (a few hundred multiplications, plain TypeScript; no
 * tfjs). The sliding-window animation is the component's: one engine step per window would run at
 * the trainer's 60 steps a second, too fast to follow, and a scrubber needs to jump back and forth.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { outputSize, seededGrid, windowPositions, windowTerms, zeroPad, type OutputSize, type WindowPos } from '../../../../ml/convArith';
import { INPUT_HI, INPUT_LO, KERNEL_HI, KERNEL_LO, type CONV_ARITH_PARAMS } from './params';

export type ConvArithParams = Values<typeof CONV_ARITH_PARAMS>;

export interface ConvWindow extends WindowPos {
  terms: { x: number; w: number }[];
  sum: number;
}

export interface ConvArithView {
  n: number;
  f: number;
  s: number;
  p: number;
  /** Side of the padded input, N + 2P. */
  m: number;
  input: number[];
  padded: number[];
  kernel: number[];
  size: OutputSize;
  windows: ConvWindow[];
  /** Row-major size×size output. */
  output: number[];
}

export function computeConvArith(q: ConvArithParams): ConvArithView {
  const n = Math.round(q.n);
  const f = Math.round(q.f);
  const s = Math.round(q.s);
  const p = Math.round(q.p);
  const m = n + 2 * p;
  const input = seededGrid(n, q.seed, INPUT_LO, INPUT_HI);
  const kernel = seededGrid(f, q.seed * 7919 + 17, KERNEL_LO, KERNEL_HI);
  const padded = zeroPad(input, n, p);
  const size = outputSize(n, f, s, p);
  const windows = size.fits
    ? windowPositions(m, f, s).map((w) => ({ ...w, ...windowTerms(padded, m, kernel, f, w.top, w.left) }))
    : [];
  return { n, f, s, p, m, input, padded, kernel, size, windows, output: windows.map((w) => w.sum) };
}

export function createConvArithEngine(q: ConvArithParams): LabEngine<ConvArithView> {
  const view = computeConvArith(q);
  const { size } = view;
  const metrics = {
    out: size.size,
    exact: size.exact,
    legal: size.legal ? 1 : 0,
    fits: size.fits ? 1 : 0,
    padded: view.m,
    windows: view.windows.length,
    remainder: size.remainder,
    outSum: view.output.reduce((a, b) => a + b, 0),
  };
  return {
    step: () => undefined,
    read: (withView) => (withView ? { metrics, view } : { metrics }),
    isDone: () => true,
    dispose: () => undefined,
  };
}
