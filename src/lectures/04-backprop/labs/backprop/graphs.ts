/** Which graph and which input values the parameters select (light: no engine code). */
import { ARITH_GRAPH, SIGMOID_GRAPH, graphStages, type GraphSpec } from '../../../../ml/backprop/graph';
import type { Values } from '../../../../params/schema';
import type { BACKPROP_PARAMS } from './params';

export type BackpropParams = Values<typeof BACKPROP_PARAMS>;

export function graphOf(p: BackpropParams): { spec: GraphSpec; inputs: Record<string, number> } {
  return p.graph === 'arith'
    ? { spec: ARITH_GRAPH, inputs: { x: p.x, y: p.y, z: p.z } }
    : { spec: SIGMOID_GRAPH, inputs: { w0: p.w0, x0: p.x0, w1: p.w1, x1: p.x1, b: p.b } };
}

/** Number of stages of the chosen graph (the lab's maxSteps). */
export function stageCount(p: BackpropParams): number {
  return graphStages(graphOf(p).spec).length;
}
