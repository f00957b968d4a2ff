/**
 * The computational graph as SVG: inputs on the left, gates as circles, every edge labelled with
 * the forward value of its source (green, above) and, once known, the gradient ∂f/∂(source)
 * (red, below). The gate of the current stage is outlined. Exports PNG/SVG/CSV.
 */
import { memo, useCallback, useRef } from 'react';
import { ChartFrame, composeExportSvg, toCsv } from '../../../../charts';
import { GATE_SYMBOL, type GateOp, type GraphNode } from '../../../../ml/backprop/graph';
import type { BackpropView } from './engine';
import { num } from './explain';

export const VALUE_COLOR = '#116329';
export const GRAD_COLOR = '#a40e26';
const COL = 104;
const ROW = 64;
const PAD = 34;
const R = 20;

const plain = (tex: string) => tex.replace(/_\{?(\w+)\}?/, (_m, s: string) => s.split('').map((c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)] ?? c).join(''));
const fmt = (v: number) => num(v).replace(/\\times10\^\{(-?\d+)\}/, 'e$1').replace('-', '−');

function pos(n: GraphNode): [number, number] {
  return [PAD + 20 + n.col * COL, PAD + n.row * ROW];
}

interface EdgeProps { from: [number, number]; to: [number, number]; value?: number; grad?: number }

function Edge({ from, to, value, grad }: EdgeProps) {
  const [mx, my] = [(from[0] + to[0]) / 2, (from[1] + to[1]) / 2];
  return (
    <g>
      <line x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} stroke="#57606a" strokeWidth={1.5} markerEnd="url(#bp-arrow)" />
      {value !== undefined ? <text x={mx} y={my - 6} fill={VALUE_COLOR} fontSize={13} fontWeight="bold" textAnchor="middle">{fmt(value)}</text> : null}
      {grad !== undefined ? <text x={mx} y={my + 16} fill={GRAD_COLOR} fontSize={13} fontWeight="bold" textAnchor="middle">{fmt(grad)}</text> : null}
    </g>
  );
}

function NodeShape({ n, current }: { n: GraphNode; current: boolean }) {
  const [x, y] = pos(n);
  const stroke = current ? '#0969da' : '#24292f';
  if (n.op === 'input') {
    return <text x={x - 8} y={y + 5} fill="#24292f" fontSize={15} textAnchor="end" fontStyle="italic">{plain(n.tex)}</text>;
  }
  return (
    <g>
      <circle cx={x} cy={y} r={R} fill={current ? '#ddf4ff' : '#ffffff'} stroke={stroke} strokeWidth={current ? 3 : 1.5} />
      <text x={x} y={y + 5} fill="#24292f" fontSize={n.op === 'add' || n.op === 'mul' ? 17 : 11} textAnchor="middle">{GATE_SYMBOL[n.op as GateOp]}</text>
      <text x={x} y={y - R - 4} fill="#57606a" fontSize={11} textAnchor="middle" fontStyle="italic">{plain(n.tex)}</text>
    </g>
  );
}

function csvOf(view: BackpropView): string {
  const shownV = new Set(view.values);
  const shownG = new Set(view.grads);
  const rows = view.spec.nodes.map((n) => [n.id, n.op, shownV.has(n.id) ? view.result.values[n.id] : '', shownG.has(n.id) ? view.result.grads[n.id] : '']);
  return toCsv(['node', 'op', 'value', 'df_dnode'], rows);
}

export const GraphView = memo(function GraphView({ view, fileBase }: { view: BackpropView; fileBase: string }) {
  const ref = useRef<SVGSVGElement>(null);
  const { spec, result } = view;
  const byId = new Map(spec.nodes.map((n) => [n.id, n]));
  const shownV = new Set(view.values);
  const shownG = new Set(view.grads);
  const current = view.done > 0 ? view.stages[view.done - 1].node : null;
  const out = spec.nodes[spec.nodes.length - 1];
  const width = PAD * 2 + 20 + Math.max(...spec.nodes.map((n) => n.col)) * COL + 70;
  const height = PAD * 2 + Math.max(...spec.nodes.map((n) => n.row)) * ROW;
  const at = (id: string) => ({ value: shownV.has(id) ? result.values[id] : undefined, grad: shownG.has(id) ? result.grads[id] : undefined });
  const title = 'Computational graph';
  const getSvg = useCallback(() => composeExportSvg({
    title, width, height, body: ref.current?.innerHTML ?? '',
    legend: [{ label: 'forward value', color: VALUE_COLOR }, { label: 'gradient ∂f/∂(node)', color: GRAD_COLOR }],
  }), [width, height]);
  const getCsv = useCallback(() => csvOf(view), [view]);
  const [ox, oy] = pos(out);
  return (
    <ChartFrame title={title} chartKey="graph" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <svg ref={ref} className="bp-graph" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img"
        aria-label={`Computational graph of ${spec.id === 'arith' ? 'f = (x + y)·z' : 'the sigmoid neuron'}: values in green above each edge, gradients in red below`}>
        <defs>
          <marker id="bp-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#57606a" />
          </marker>
        </defs>
        <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
        {spec.nodes.flatMap((n) => n.inputs.map((i) => {
          const src = byId.get(i);
          if (!src) return null;
          const [sx, sy] = pos(src);
          const [tx, ty] = pos(n);
          const dx = tx - sx;
          const dy = ty - sy;
          const len = Math.hypot(dx, dy);
          const start: [number, number] = src.op === 'input' ? [sx, sy] : [sx + (dx / len) * R, sy + (dy / len) * R];
          return <Edge key={`${i}-${n.id}`} from={start} to={[tx - (dx / len) * R, ty - (dy / len) * R]} {...at(i)} />;
        }))}
        <Edge from={[ox + R, oy]} to={[ox + R + 58, oy]} {...at(out.id)} />
        {spec.nodes.map((n) => <NodeShape key={n.id} n={n} current={n.id === current} />)}
      </svg>
    </ChartFrame>
  );
});
