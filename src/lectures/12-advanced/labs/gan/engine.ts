/**
 * GAN lab engine: one step = k discriminator steps then one generator step (src/ml/gan.ts, plain
 * TypeScript: tiny networks, where tfjs's per-op dispatch would dominate). Real samples are drawn
 * fresh every step from the seeded target; the views use fixed noise z, so the generated points
 * move smoothly as G learns.
 */
import type { LabEngine } from '../../../../labs/types';
import {
  drawnProblem, makeTarget, ringCoverage, sampleQuality, type GanDistribution, type Pt, type Target2d,
} from '../../../../ml/data/gan2d';
import { createGan, sampleNoise, type Gan } from '../../../../ml/gan';
import { createRng } from '../../../../ml/rng';
import { HEAT_N, PLANE, type GanParams } from './params';

export { HEAT_N };

/** Points used for the quality metrics, points drawn, arrows drawn, heatmap resolution. */
export const EVAL_N = 500;
export const SHOW_REAL = 300;
export const SHOW_FAKE = 300;
export const SHOW_ARROWS = 80;

export interface GanView {
  dist: GanDistribution;
  /** Why nothing trains (a bad drawing), or null. */
  problem: string | null;
  real: Float64Array;
  fake: Float64Array;
  /** −∂J^(G)/∂x at the first SHOW_ARROWS generated points (per point). */
  push: Float64Array;
  /** D(x) on a HEAT_N × HEAT_N grid over PLANE, row 0 at the top. */
  heat: Float32Array;
  modes: readonly Pt[];
  modeRadius: number;
}

/** Grid centres of the heatmap cells (row 0 at yMax). */
export function heatGrid(): Float64Array {
  const g = new Float64Array(2 * HEAT_N * HEAT_N);
  for (let r = 0; r < HEAT_N; r++) {
    for (let c = 0; c < HEAT_N; c++) {
      const i = r * HEAT_N + c;
      g[2 * i] = PLANE.xMin + ((c + 0.5) * (PLANE.xMax - PLANE.xMin)) / HEAT_N;
      g[2 * i + 1] = PLANE.yMax - ((r + 0.5) * (PLANE.yMax - PLANE.yMin)) / HEAT_N;
    }
  }
  return g;
}

function emptyEngine(p: GanParams, problem: string): LabEngine<GanView> {
  const view: GanView = {
    dist: p.dist, problem, real: new Float64Array(0), fake: new Float64Array(0), push: new Float64Array(0),
    heat: new Float32Array(0), modes: p.points.map(({ x, y }) => ({ x, y })), modeRadius: 0,
  };
  return {
    step: () => undefined,
    read: (withView) => ({ metrics: { drawn: p.points.length }, view: withView ? view : undefined }),
    isDone: () => true,
    dispose: () => undefined,
  };
}

export function createGanEngine(p: GanParams): LabEngine<GanView> {
  const points = p.points.map(({ x, y }) => ({ x, y }));
  const target: Target2d | null = makeTarget(p.dist, points);
  if (!target) return emptyEngine(p, drawnProblem(points) ?? 'This drawing cannot be learnt.');
  const seed = Math.round(p.seed);
  const gan: Gan = createGan({
    hidden: Math.round(p.hidden), lrD: p.lrD, lrG: p.lrG, k: Math.round(p.k), batch: Math.round(p.batch), loss: p.loss,
    sampleReal: target.sample,
  }, createRng(seed));
  const zEval = sampleNoise(createRng(seed * 7919 + 13), EVAL_N);
  const real = new Float64Array(2 * SHOW_REAL);
  target.sample(createRng(seed * 104729 + 7), SHOW_REAL, real);
  const grid = heatGrid();

  let steps = 0;
  let sumD = 0;
  let sumG = 0;
  let since = 0;
  let lastD = NaN;
  let lastG = NaN;
  let evalAt = -1;
  let quality: Record<string, number> = {};

  /** Quality metrics of G(z) for the fixed noise; recomputed only with a view (~10 Hz), cached in between. */
  const evaluate = (fresh: boolean): Record<string, number> => {
    if (evalAt === steps || (!fresh && evalAt >= 0)) return quality;
    evalAt = steps;
    const x = gan.generate(zEval, EVAL_N);
    const q = sampleQuality(target, x, EVAL_N);
    const m: Record<string, number> = { dist: q.meanDist, distRel: q.meanDist / target.scale };
    if (target.modes.length) {
      m.modes = q.modesCovered;
      m.modesTotal = target.modes.length;
      m.highQuality = q.highQuality;
    }
    if (target.kind === 'ring') m.coverage = ringCoverage(x, EVAL_N);
    let dFake = 0;
    for (const v of gan.discriminate(x, EVAL_N)) dFake += v;
    let dReal = 0;
    for (const v of gan.discriminate(real, SHOW_REAL)) dReal += v;
    m.dFake = dFake / EVAL_N;
    m.dReal = dReal / SHOW_REAL;
    quality = m;
    return m;
  };

  return {
    step() {
      const l = gan.step();
      steps++;
      sumD += l.lossD;
      sumG += l.lossG;
      since++;
    },
    read(withView) {
      if (since > 0) {
        lastD = sumD / since;
        lastG = sumG / since;
        sumD = 0;
        sumG = 0;
        since = 0;
      }
      const metrics: Record<string, number> = { ...evaluate(withView), step: steps };
      if (steps > 0) {
        metrics.lossD = lastD;
        metrics.lossG = lastG;
      }
      if (!withView) return { metrics };
      const fake = gan.generate(zEval.subarray(0, 2 * SHOW_FAKE), SHOW_FAKE);
      const { push } = gan.pushAt(zEval.subarray(0, 2 * SHOW_ARROWS), SHOW_ARROWS);
      const heat = Float32Array.from(gan.discriminate(grid, HEAT_N * HEAT_N));
      return {
        metrics,
        view: { dist: p.dist, problem: null, real, fake, push, heat, modes: target.modes, modeRadius: target.modeRadius },
      };
    },
    dispose: () => undefined,
  };
}
