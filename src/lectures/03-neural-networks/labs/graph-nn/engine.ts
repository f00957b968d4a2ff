/**
 * A forward pass through the computational graph, one compute node per step: the input and the
 * target are drawn at random (seeded), the weights from N(0, 1/n_{l−1}). No training, no tfjs.
 */
import { buildGraph, evaluateNode, initWeights, totalParameters } from '../../../../ml/mlpGraph';
import { createRng } from '../../../../ml/rng';
import type { LabEngine } from '../../../../labs/types';
import { architectureOf, type GraphParams } from './params';

export interface GraphView {
  /** Value of every node evaluated so far, by node id. */
  values: Record<string, number[]>;
  /** Id of the node evaluated last (the input before the first step). */
  current: string;
}

export function createGraphEngine(p: GraphParams): LabEngine<GraphView> {
  const arch = architectureOf(p);
  const { nodes } = buildGraph(arch);
  const rng = createRng(p.seed);
  const weights = initWeights(arch, rng);
  const x = Array.from({ length: arch.inputs }, () => rng.normal());
  const target = Array.from({ length: arch.outputs }, () => rng.normal());
  const order = nodes.filter((n) => n.kind !== 'input' && n.kind !== 'target');
  let values: Record<string, number[]> = { x, y: target };
  let done = 0;
  let prev = x;

  return {
    step() {
      if (done >= order.length) return;
      const node = order[done];
      prev = evaluateNode(node, prev, weights, target);
      values = { ...values, [node.id]: prev };
      done++;
    },
    isDone: () => done >= order.length,
    read(withView) {
      const current = done === 0 ? 'x' : order[done - 1].id;
      const metrics: Record<string, number> = { evaluated: done, parameters: totalParameters(arch) };
      if (done === order.length) metrics.loss = prev[0];
      return withView ? { metrics, view: { values, current } } : { metrics };
    },
    dispose() {},
  };
}
