/** TeX for the stage the stepper has just done: the forward computation or the chain-rule products. */
import { texNum } from '../../../../components/Tex';
import { gateLocal, type GateOp, type GraphNode, type GraphResult, type GraphSpec, type Stage } from '../../../../ml/backprop/graph';

/** Integers as they are ("4", "−8"), other values with 4 significant digits. */
export function num(v: number): string {
  return Number.isInteger(v) ? String(v) : texNum(v, 4);
}

/** A factor in a product: negatives in parentheses. */
const factor = (v: number) => (v < 0 ? `(${num(v)})` : num(v));

const d = (top: string, bottom: string) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;

function forwardTex(n: GraphNode, ins: GraphNode[], r: GraphResult): string {
  const [a, b] = ins.map((i) => i.tex);
  const [va, vb] = ins.map((i) => factor(r.values[i.id]));
  const out = num(r.values[n.id]);
  switch (n.op as GateOp) {
    case 'add': return `${n.tex} = ${a} + ${b} = ${va} + ${vb} = ${out}`;
    case 'mul': return `${n.tex} = ${a} \\cdot ${b} = ${va} \\cdot ${vb} = ${out}`;
    case 'neg': return `${n.tex} = -${a} = -${va} = ${out}`;
    case 'exp': return `${n.tex} = e^{${a}} = e^{${num(r.values[ins[0].id])}} = ${out}`;
    case 'addOne': return `${n.tex} = 1 + ${a} = 1 + ${va} = ${out}`;
    case 'inv': return `${n.tex} = 1/${a} = 1/${va} = ${out}`;
  }
}

function backwardTex(spec: GraphSpec, n: GraphNode, ins: GraphNode[], r: GraphResult): string[] {
  const isOutput = spec.nodes[spec.nodes.length - 1].id === n.id;
  const vals = ins.map((i) => r.values[i.id]);
  return ins.map((input, k) => {
    const local = gateLocal(n.op as GateOp, k, vals, r.values[n.id], ins.map((i) => i.tex));
    const lhs = d('f', input.tex);
    const symbolic = local.tex === num(local.value) ? '' : ` = ${local.tex}`;
    if (isOutput) return `${lhs}${symbolic} = ${num(r.grads[input.id])}`;
    const localNum = factor(local.value);
    const chain = `${d('f', n.tex)} \\cdot ${d(n.tex, input.tex)}`;
    const symbolicProduct = symbolic ? ` = ${factor(r.grads[n.id])} \\cdot ${local.tex}` : '';
    return `${lhs} = ${chain}${symbolicProduct} = ${factor(r.grads[n.id])} \\cdot ${localNum} = ${num(r.grads[n.id] * local.value)}`;
  });
}

/** The formulas for one stage: one line forward, one per input of the gate backward. */
export function stageTex(spec: GraphSpec, stage: Stage, r: GraphResult): { title: string; lines: string[] } {
  const byId = new Map(spec.nodes.map((n) => [n.id, n]));
  const n = byId.get(stage.node);
  if (!n) return { title: '', lines: [] };
  const ins = n.inputs.map((i) => byId.get(i)).filter((i): i is GraphNode => i !== undefined);
  if (stage.pass === 'forward') return { title: `Forward: evaluate the gate ${n.tex}`, lines: [forwardTex(n, ins, r)] };
  const isOutput = spec.nodes[spec.nodes.length - 1].id === n.id;
  const lead = isOutput ? [`${d('f', 'f')} = 1`] : [];
  return { title: `Backward: through the gate ${n.tex}`, lines: [...lead, ...backwardTex(spec, n, ins, r)] };
}
