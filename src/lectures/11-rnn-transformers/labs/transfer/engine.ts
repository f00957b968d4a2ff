/**
 * The transfer-learning lab's engine: a thin wrapper over src/ml/transferExperiment.ts (the step
 * machine: source training on 0–4, then three strategies per n on 5–9) that loads the shared MNIST
 * digits and turns its state into probe metrics and the view.
 */
import type { LabEngine } from '../../../../labs/types';
import type { MnistSet } from '../../../../ml/data/mnist';
import { STRATEGIES, TransferExperiment, type RunResult, type Strategy, type TransferState } from '../../../../ml/transferExperiment';
import { configOf, type TransferParams } from './params';

export interface TransferView extends TransferState {
  ns: readonly number[];
  /** Source weights (flat, see transferNet.ts) once phase 1 is over. */
  sourceWeights: Float32Array | null;
  sourceTrainSize: number;
  /** MNIST indices of the labelled digits at the smallest n (interleaved by class 5–9). */
  smallest: number[];
  msPerStep: number;
}

export function metricsOf(s: TransferState, ns: readonly number[], msPerStep: number): Record<string, number> {
  const m: Record<string, number> = {
    progress: s.progress,
    srcStep: s.srcStep,
    srcSteps: s.srcSteps,
    sourceFromCache: s.sourceFromCache ? 1 : 0,
    sourceDone: s.source ? 1 : 0,
    runsDone: s.results.length,
    runs: ns.length * STRATEGIES.length,
  };
  if (s.source) Object.assign(m, { srcAcc: s.source.valAcc, srcLoss: s.source.valLoss });
  if (Number.isFinite(msPerStep)) m.msPerStep = msPerStep;
  for (const r of s.results) {
    m[`acc_${r.strategy}_${r.n}`] = r.valAcc;
    m[`loss_${r.strategy}_${r.n}`] = r.valLoss;
  }
  // The last finished run's loss, for the kit's divergence check.
  const last: RunResult | undefined = s.results[s.results.length - 1];
  m.lastLoss = last ? last.valLoss : 0;
  return m;
}

export function createTransferEngineFrom(set: MnistSet, p: TransferParams): LabEngine<TransferView> {
  const c = configOf(p);
  const exp = new TransferExperiment(set, c);
  const smallest = exp.examples(c.ns[0]);
  return {
    step: () => exp.step(),
    async read(withView) {
      const s = await exp.read();
      const metrics = metricsOf(s, c.ns, exp.msPerTrainStep);
      if (!withView) return { metrics };
      return {
        metrics,
        view: { ...s, ns: c.ns, sourceWeights: s.source?.weights ?? null, sourceTrainSize: exp.sourceTrainSize, smallest, msPerStep: exp.msPerTrainStep },
      };
    },
    isDone: () => exp.isDone,
    dispose: () => exp.dispose(),
  };
}

export async function createTransferEngine(p: TransferParams): Promise<LabEngine<TransferView>> {
  const { loadMnist } = await import('../../../../labs/mnist');
  return createTransferEngineFrom(await loadMnist(), p);
}

export type { Strategy };
