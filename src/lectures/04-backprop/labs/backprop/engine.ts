/**
 * Step-through back-propagation: each step reveals one stage — a gate's forward value, then (in
 * reverse order) a gate's backward pass, which hands ∂f/∂(gate) on to the gate's inputs.
 * Pure TypeScript; everything is computed up front, the steps only reveal it.
 */
import { evaluateGraph, graphStages, revealedAfter, type GraphResult, type GraphSpec, type Stage } from '../../../../ml/backprop/graph';
import type { LabEngine } from '../../../../labs/types';
import { graphOf, type BackpropParams } from './graphs';

export type { BackpropParams };

export interface BackpropView {
  spec: GraphSpec;
  result: GraphResult;
  stages: Stage[];
  /** Stages done so far (0 … stages.length). */
  done: number;
  /** Ids whose forward value / gradient is revealed. */
  values: string[];
  grads: string[];
}

export function createBackpropEngine(p: BackpropParams): LabEngine<BackpropView> {
  const { spec, inputs } = graphOf(p);
  const result = evaluateGraph(spec, inputs);
  const stages = graphStages(spec);
  const inputIds = Object.keys(inputs);
  let done = 0;
  return {
    step: () => {
      if (done < stages.length) done++;
    },
    isDone: () => done >= stages.length,
    read(withView) {
      const shown = revealedAfter(spec, done);
      const metrics: Record<string, number> = { stage: done };
      if (shown.values.has('f')) metrics.f = result.values.f;
      for (const id of inputIds) if (shown.grads.has(id)) metrics[`dfd${id}`] = result.grads[id];
      if (!withView) return { metrics };
      return { metrics, view: { spec, result, stages, done, values: [...shown.values], grads: [...shown.grads] } };
    },
    dispose: () => undefined,
  };
}
