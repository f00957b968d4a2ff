/**
 * Computational graphs for step-through back-propagation. A graph is a list of nodes in
 * topological order; {@link evaluateGraph} runs the forward pass (values) and the backward pass
 * (gradients of the output with respect to every node, by the chain rule), and
 * {@link graphStages} cuts both passes into the stages a learner steps through: one per gate
 * forward, then one per gate backward in reverse order.
 */

/** A gate of the graph: its operation and the ids of its inputs. */
export type GateOp = 'add' | 'mul' | 'neg' | 'exp' | 'addOne' | 'inv';

export interface GraphNode {
  id: string;
  /** 'input' for a leaf (a value the user sets), otherwise a gate. */
  op: 'input' | GateOp;
  inputs: readonly string[];
  /** TeX name of the node's value, e.g. "d" or "w_0". */
  tex: string;
  /** Layout position in graph units (column, row). */
  col: number;
  row: number;
}

export interface GraphSpec {
  id: 'arith' | 'sigmoid';
  nodes: readonly GraphNode[];
  /** TeX of the whole function. */
  formula: string;
}

/** Symbol drawn inside a gate's circle. */
export const GATE_SYMBOL: Record<GateOp, string> = { add: '+', mul: '×', neg: '×−1', exp: 'exp', addOne: '+1', inv: '1/x' };

/** The notes' example f(x, y, z) = (x + y)·z with the intermediate d = x + y. */
export const ARITH_GRAPH: GraphSpec = {
  id: 'arith',
  formula: 'f(x, y, z) = (x + y)\\cdot z',
  nodes: [
    { id: 'x', op: 'input', inputs: [], tex: 'x', col: 0, row: 0 },
    { id: 'y', op: 'input', inputs: [], tex: 'y', col: 0, row: 1 },
    { id: 'z', op: 'input', inputs: [], tex: 'z', col: 0, row: 2 },
    { id: 'd', op: 'add', inputs: ['x', 'y'], tex: 'd', col: 1, row: 0.5 },
    { id: 'f', op: 'mul', inputs: ['d', 'z'], tex: 'f', col: 2, row: 1.25 },
  ],
};

/** The sigmoid neuron f(w, x) = 1 / (1 + e^{−(b + w₀x₀ + w₁x₁)}) split into its gates. */
export const SIGMOID_GRAPH: GraphSpec = {
  id: 'sigmoid',
  formula: 'f(\\mathbf{w}, \\mathbf{x}) = \\frac{1}{1 + e^{-(b + w_0x_0 + w_1x_1)}}',
  nodes: [
    { id: 'w0', op: 'input', inputs: [], tex: 'w_0', col: 0, row: 0 },
    { id: 'x0', op: 'input', inputs: [], tex: 'x_0', col: 0, row: 1 },
    { id: 'w1', op: 'input', inputs: [], tex: 'w_1', col: 0, row: 2 },
    { id: 'x1', op: 'input', inputs: [], tex: 'x_1', col: 0, row: 3 },
    { id: 'b', op: 'input', inputs: [], tex: 'b', col: 0, row: 4 },
    { id: 'm0', op: 'mul', inputs: ['w0', 'x0'], tex: 'a_0', col: 1, row: 0.5 },
    { id: 'm1', op: 'mul', inputs: ['w1', 'x1'], tex: 'a_1', col: 1, row: 2.5 },
    { id: 's1', op: 'add', inputs: ['m0', 'm1'], tex: 'a_2', col: 2, row: 1.5 },
    { id: 's', op: 'add', inputs: ['s1', 'b'], tex: 's', col: 3, row: 2.75 },
    { id: 'n', op: 'neg', inputs: ['s'], tex: 'u', col: 4, row: 2.75 },
    { id: 'e', op: 'exp', inputs: ['n'], tex: 'v', col: 5, row: 2.75 },
    { id: 'p', op: 'addOne', inputs: ['e'], tex: 'r', col: 6, row: 2.75 },
    { id: 'f', op: 'inv', inputs: ['p'], tex: 'f', col: 7, row: 2.75 },
  ],
};

/** Forward value of a gate from its input values. */
export function gateForward(op: GateOp, a: number, b = 0): number {
  switch (op) {
    case 'add': return a + b;
    case 'mul': return a * b;
    case 'neg': return -a;
    case 'exp': return Math.exp(a);
    case 'addOne': return a + 1;
    case 'inv': return 1 / a;
  }
}

/**
 * Local gradient ∂out/∂(input k) of a gate, given its input values and output value.
 * Also returns the TeX of the local derivative in symbols (e.g. "z" for ∂f/∂d of f = d·z).
 */
export function gateLocal(op: GateOp, k: number, ins: readonly number[], out: number, texIns: readonly string[]): { value: number; tex: string } {
  switch (op) {
    case 'add': return { value: 1, tex: '1' };
    case 'mul': return { value: ins[1 - k], tex: texIns[1 - k] };
    case 'neg': return { value: -1, tex: '-1' };
    case 'exp': return { value: out, tex: `e^{${texIns[0]}}` };
    case 'addOne': return { value: 1, tex: '1' };
    case 'inv': return { value: -1 / (ins[0] * ins[0]), tex: `-1/${texIns[0]}^2` };
  }
}

export interface GraphResult {
  values: Record<string, number>;
  /** ∂f/∂node for every node (f is the last node). */
  grads: Record<string, number>;
}

/** Full forward and backward pass. `inputs` gives a value for every input node. */
export function evaluateGraph(spec: GraphSpec, inputs: Readonly<Record<string, number>>): GraphResult {
  const values: Record<string, number> = {};
  for (const n of spec.nodes) {
    values[n.id] = n.op === 'input' ? inputs[n.id] : gateForward(n.op, values[n.inputs[0]], values[n.inputs[1]]);
  }
  const grads: Record<string, number> = Object.fromEntries(spec.nodes.map((n) => [n.id, 0]));
  const out = spec.nodes[spec.nodes.length - 1];
  grads[out.id] = 1;
  for (const n of [...spec.nodes].reverse()) {
    if (n.op === 'input') continue;
    const ins = n.inputs.map((i) => values[i]);
    n.inputs.forEach((id, k) => {
      grads[id] += grads[n.id] * gateLocal(n.op as GateOp, k, ins, values[n.id], []).value;
    });
  }
  return { values, grads };
}

/** One stage of the stepper: a gate evaluated forward, or a gate back-propagated. */
export interface Stage {
  pass: 'forward' | 'backward';
  node: string;
}

/** Forward: gates in topological order; backward: the same gates in reverse. */
export function graphStages(spec: GraphSpec): Stage[] {
  const gates = spec.nodes.filter((n) => n.op !== 'input').map((n) => n.id);
  return [
    ...gates.map((node): Stage => ({ pass: 'forward', node })),
    ...[...gates].reverse().map((node): Stage => ({ pass: 'backward', node })),
  ];
}

/** Which values and gradients are known after `done` stages. */
export function revealedAfter(spec: GraphSpec, done: number): { values: Set<string>; grads: Set<string> } {
  const values = new Set(spec.nodes.filter((n) => n.op === 'input').map((n) => n.id));
  const grads = new Set<string>();
  const byId = new Map(spec.nodes.map((n) => [n.id, n]));
  for (const s of graphStages(spec).slice(0, done)) {
    if (s.pass === 'forward') values.add(s.node);
    else {
      grads.add(s.node);
      for (const i of byId.get(s.node)?.inputs ?? []) grads.add(i);
    }
  }
  return { values, grads };
}
