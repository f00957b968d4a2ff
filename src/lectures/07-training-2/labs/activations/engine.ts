/**
 * Activation gallery engine. The curves are a pure function of the parameters (sampled on every
 * read); the training part is the zero-centring demo: one neuron s = w₁x₁ + w₂x₂, per-sample SGD
 * on ½(s − w*ᵀx)², once with all-positive inputs σ(z) and once with the same inputs centred,
 * σ(z) − ½, from the same start and on the same draws z. Plain TypeScript (two weights).
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { activation, sampleActivation, saturatedIntervals, type Activation } from '../../../../ml/activations';
import { createRng } from '../../../../ml/rng';
import { createNeuronRun, distance, drawZ, neuronStep, type NeuronRun, type Vec2 } from '../../../../ml/zeroCentring';
import { SAT_THRESHOLD, START, TOLERANCE, X_RANGE, Z_SPREAD, type ACT_PARAMS } from './params';

export type ActParams = Values<typeof ACT_PARAMS>;


export interface CurveView {
  points: { x: number; f: number; df: number }[];
  saturated: [number, number][];
}

export interface ActView {
  curve: CurveView;
  target: Vec2;
  runs: { positive: NeuronRun; centred: NeuronRun };
}

export function makeActivation(p: ActParams): Activation {
  return activation(p.act, p);
}

export function curveView(p: ActParams): CurveView {
  const a = makeActivation(p);
  return { points: sampleActivation(a, -X_RANGE, X_RANGE, 240), saturated: saturatedIntervals(a, -X_RANGE, X_RANGE, SAT_THRESHOLD) };
}

const copyRun = (r: NeuronRun): NeuronRun => ({ ...r, w: [...r.w], path: r.path.slice() });

export function createActivationsEngine(p: ActParams): LabEngine<ActView> {
  const curve = curveView(p);
  const a = makeActivation(p);
  const target: Vec2 = [p.t1, p.t2];
  const rng = createRng(p.seed);
  const runs = { positive: createNeuronRun('positive', START), centred: createNeuronRun('centred', START) };
  const satLength = curve.saturated.reduce((s, [u, v]) => s + (v - u), 0);
  const done = () => runs.positive.reachedAt !== null && runs.centred.reachedAt !== null;

  return {
    step() {
      const z = drawZ(rng, Z_SPREAD);
      for (const r of [runs.positive, runs.centred]) neuronStep(r, target, z, p.lr, TOLERANCE);
    },
    isDone: done,
    read(withView) {
      const metrics: Record<string, number> = {
        f_m2: a.f(-2), f_p2: a.f(2), df_m2: a.df(-2), df_p2: a.df(2), sat_frac: satLength / (2 * X_RANGE),
      };
      for (const [key, r] of [['pos', runs.positive], ['cen', runs.centred]] as const) {
        metrics[`${key}_dist`] = distance(r.w, target);
        metrics[`${key}_len`] = r.length;
        metrics[`${key}_same`] = r.counted ? r.sameSign / r.counted : 0;
        metrics[`${key}_reached`] = r.reachedAt ?? -1;
        metrics[`${key}_w1`] = r.w[0];
        metrics[`${key}_w2`] = r.w[1];
      }
      if (!withView) return { metrics };
      return { metrics, view: { curve, target, runs: { positive: copyRun(runs.positive), centred: copyRun(runs.centred) } } };
    },
    dispose: () => undefined,
  };
}
