/** The computational graph as an SVG diagram, exportable like every chart (PNG, SVG, CSV). */
import { memo, useCallback, useId, useRef } from 'react';
import { ChartFrame, composeExportSvg, inlineSvgStyles, serializeSvg, toCsv, type LegendItem } from '../../../../charts';
import type { GraphNode, NodeKind } from '../../../../ml/mlpGraph';
import { NODE_H, NODE_W, type GraphLayout } from './layout';

const KIND_COLOR: Record<NodeKind, string> = {
  input: '#8c959f', target: '#8c959f', matmul: '#0969da', bias: '#1a7f37', act: '#bc4c00', loss: '#cf222e',
};

const LEGEND: LegendItem[] = [
  { label: 'data (x, y)', color: KIND_COLOR.input },
  { label: 'matrix product Wₗ·', color: KIND_COLOR.matmul },
  { label: 'bias add + bₗ', color: KIND_COLOR.bias },
  { label: 'activation', color: KIND_COLOR.act },
  { label: 'loss', color: KIND_COLOR.loss },
];

export const shapeText = (s: [number, number]): string => `${s[0]}×${s[1]}`;

export function valueText(v: number[] | undefined, max = 1): string {
  if (!v) return '';
  const shown = v.slice(0, max).map((x) => x.toFixed(2).replace('-', '−'));
  return `[${shown.join(', ')}${v.length > max ? ', …' : ''}]`;
}

/** One sentence per node: what it does, its parameter's shape and its output's shape. */
export function describeNode(n: GraphNode): string {
  const out = `output ${shapeText(n.shape)}`;
  if (n.kind === 'input') return `input x: ${out}`;
  if (n.kind === 'target') return `target y: ${out}`;
  if (n.kind === 'loss') return `loss ‖y − ŷ‖²: ${out}`;
  if (n.param) return `${n.label} (${n.param.name}: ${shapeText(n.param.shape)}), ${out}`;
  return `activation ${n.label}: ${out}`;
}

interface Props {
  layout: GraphLayout;
  values: Record<string, number[]>;
  current: string;
  selected: string | null;
  onHover: (id: string | null) => void;
  fileBase: string;
  summary: string;
}

function csvOf(layout: GraphLayout, values: Record<string, number[]>): string {
  const rows = layout.nodes.map((n) => [
    n.id, n.layer, n.label, n.param?.name ?? '', n.param ? shapeText(n.param.shape) : '', shapeText(n.shape), (values[n.id] ?? []).join(' '),
  ]);
  return toCsv(['node', 'layer', 'operation', 'parameter', 'parameter shape', 'output shape', 'value'], rows);
}

export const GraphDiagram = memo(function GraphDiagram({ layout, values, current, selected, onHover, fileBase, summary }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const arrow = `arrow-${useId().replace(/:/g, '')}`;
  const title = 'Computational graph';
  const getSvg = useCallback(() => {
    if (!ref.current) throw new Error('The diagram is not on the page');
    const clone = inlineSvgStyles(ref.current);
    clone.setAttribute('width', String(layout.width));
    clone.setAttribute('height', String(layout.height));
    return composeExportSvg({ title, width: layout.width, height: layout.height, body: serializeSvg(clone), legend: LEGEND });
  }, [layout]);
  const getCsv = useCallback(() => csvOf(layout, values), [layout, values]);
  return (
    <ChartFrame title={title} chartKey="graph" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <svg ref={ref} className="nn-graph" style={{ maxWidth: `${Math.round(layout.width * 1.2)}px` }} viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={summary} onMouseLeave={() => onHover(null)}>
        <defs>
          <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#57606a" />
          </marker>
        </defs>
        {layout.layers.map((b) => (
          <g key={b.layer}>
            <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={8} fill="#f6f8fa" stroke="#d0d7de" />
            <text x={b.x + b.width / 2} y={b.y + 16} textAnchor="middle" fontSize={11.5} fontWeight={600} fill="#57606a">{b.label}</text>
          </g>
        ))}
        {layout.edges.map((e) => (
          <path key={`${e.from.id}-${e.to.id}`} d={e.path} fill="none" stroke="#57606a" strokeWidth={1.5} markerEnd={`url(#${arrow})`} opacity={values[e.from.id] ? 1 : 0.45} />
        ))}
        {layout.nodes.map((n) => {
          const v = values[n.id];
          const isCurrent = n.id === current;
          const isSelected = n.id === selected;
          return (
            <g key={n.id} onMouseEnter={() => onHover(n.id)} data-node={n.id} style={{ cursor: 'default' }}>
              <title>{describeNode(n)}</title>
              <rect x={n.x} y={n.y} width={NODE_W} height={NODE_H} rx={6} fill={v ? KIND_COLOR[n.kind] : '#ffffff'} fillOpacity={v ? 0.16 : 1}
                stroke={KIND_COLOR[n.kind]} strokeWidth={isCurrent || isSelected ? 3 : 1.5} strokeDasharray={v ? undefined : '4 3'} />
              <text x={n.x + NODE_W / 2} y={n.y + 16} textAnchor="middle" fontSize={13} fontWeight={600} fill="#1f2328">{n.label}</text>
              <text x={n.x + NODE_W / 2} y={n.y + 32} textAnchor="middle" fontSize={10.5} fill="#424a53">
                {v ? valueText(v) : n.param ? `${n.param.name}: ${shapeText(n.param.shape)}` : shapeText(n.shape)}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
});
