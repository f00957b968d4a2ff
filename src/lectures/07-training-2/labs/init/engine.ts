/**
 * The initialisation lab: the notes' deep-network experiment (tfjs, `src/ml/initExperiment.ts`) and,
 * alongside, two tiny 2 → 8 → 1 nets trained from all-zero and from random weights (plain TS,
 * `src/ml/symmetry.ts`). One step is one chunk of samples through one layer; the tiny nets train a
 * few epochs per step so both parts finish together.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { theoryPerLayer, type LayerTheory } from '../../../../ml/init';
import { InitExperiment, type LayerStats } from '../../../../ml/initExperiment';
import { createSymmetryRun, symmetryData, SYM_EPOCHS, trainSymmetry, unitRows, unitSpread, type SymInit, type SymmetryRun } from '../../../../ml/symmetry';
import type { INIT_PARAMS } from './params';

export type InitParams = Values<typeof INIT_PARAMS>;

export interface SymSummary {
  rows: number[][];
  spread: number;
  accuracy: number;
  loss: number;
}

export interface InitView {
  layers: LayerStats[];
  theory: LayerTheory[];
  forwardDone: number;
  backwardDone: number;
  done: boolean;
  computeMs: number;
  sym: Record<SymInit, SymSummary>;
  symEpochs: number;
}

/** Mean local slope E[f'(s)] of a layer: 1 − E[a²] for tanh, the share of positive s for ReLU, 1 for linear. */
export function meanSlope(act: InitParams['act'], s: LayerStats): number {
  if (act === 'tanh') return 1 - s.second;
  if (act === 'relu') return 1 - s.zero;
  return 1;
}

export function createInitEngine(p: InitParams): LabEngine<InitView> {
  const exp = new InitExperiment({ layers: p.layers, width: p.width, samples: p.samples, act: p.act, scheme: p.init, seed: p.seed });
  const theory = theoryPerLayer(p.init, p.act, p.width, p.layers);
  const data = symmetryData(p.seed);
  const sym: Record<SymInit, SymmetryRun> = { zero: createSymmetryRun('zero', p.seed, data), random: createSymmetryRun('random', p.seed, data) };
  const symPerStep = Math.ceil(SYM_EPOCHS / exp.totalSteps);

  const summary = (r: SymmetryRun): SymSummary => {
    const rows = unitRows(r.mlp);
    const e = r.mlp.evaluate(r.data);
    return { rows, spread: unitSpread(rows), accuracy: e.accuracy, loss: e.loss };
  };

  return {
    step() {
      exp.step();
      const k = Math.min(symPerStep, SYM_EPOCHS - sym.zero.epochs);
      if (k > 0) {
        trainSymmetry(sym.zero, k);
        trainSymmetry(sym.random, k);
      }
    },
    isDone: () => exp.done && sym.zero.epochs >= SYM_EPOCHS,
    async read(withView) {
      await exp.collect();
      const layers = exp.layerStats();
      const L = layers.length;
      const { forward, backward } = exp.progress;
      const metrics: Record<string, number> = {
        progress: exp.stepsDone / exp.totalSteps,
        layers_fwd: forward,
        layers_bwd: backward,
        compute_ms: exp.computeMs,
        std_first: layers[0].std,
        std_last: layers[L - 1].std,
        mean_last: layers[L - 1].mean,
        second_last: layers[L - 1].second,
        sat_last: layers[L - 1].saturated,
        zero_last: layers[L - 1].zero,
        theory_std_last: theory[L - 1].std,
        grad_first: layers[0].gradW,
        grad_last: layers[L - 1].gradW,
        sym_epochs: sym.zero.epochs,
        slope_last: meanSlope(p.act, layers[L - 1]),
      };
      layers.forEach((s, i) => {
        metrics[`std_l${i + 1}`] = s.std;
        metrics[`grad_l${i + 1}`] = s.gradW;
      });
      const zero = summary(sym.zero);
      const random = summary(sym.random);
      Object.assign(metrics, {
        sym_spread_zero: zero.spread, sym_spread_random: random.spread, sym_acc_zero: zero.accuracy, sym_acc_random: random.accuracy,
      });
      if (!withView) return { metrics };
      return {
        metrics,
        view: {
          layers, theory, forwardDone: forward, backwardDone: backward, done: exp.done, computeMs: exp.computeMs,
          sym: { zero, random }, symEpochs: sym.zero.epochs,
        },
      };
    },
    dispose: () => exp.dispose(),
  };
}
