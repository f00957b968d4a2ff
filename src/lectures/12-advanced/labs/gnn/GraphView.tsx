import { memo, useCallback, useMemo, useRef } from 'react';
import { CHART_FG, CHART_GRID, CHART_MUTED, CLASS_COLORS, ChartFrame, ChartLegend, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import { FACTION_NAMES, KARATE_EDGES, KARATE_FACTION, KARATE_NODES } from '../../../../ml/data/karate';

const W = 420;
const H = 360;
const PAD = 18;
const R = 9;
const LIT = '#D55E00';

export interface GraphHighlight {
  /** Undirected edges drawn lit, as "a-b" with a < b. */
  edges: ReadonlySet<string>;
  /** The directed edge (i, j) shown in the formula. */
  edge: readonly [number, number] | null;
  node: number | null;
}

export const edgeKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

interface Props {
  title: string;
  fileBase: string;
  pos: readonly { x: number; y: number }[];
  /** Predicted faction per node (null: not trained yet). */
  pred: Int32Array | null;
  labelled: readonly number[];
  highlight: GraphHighlight;
  onNodeClick: (i: number) => void;
}

const px = (p: { x: number; y: number }) => [PAD + p.x * (W - 2 * PAD), PAD + p.y * (H - 2 * PAD)] as const;

export const GraphView = memo(function GraphView({ title, fileBase, pos, pred, labelled, highlight, onNodeClick }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const legend = useMemo<LegendItem[]>(() => [
    { label: `fill: predicted ${FACTION_NAMES[0]}`, color: CLASS_COLORS[0] },
    { label: `fill: predicted ${FACTION_NAMES[1]}`, color: CLASS_COLORS[1] },
    { label: `border: true faction (${FACTION_NAMES[0]})`, color: CLASS_COLORS[0], marker: 'ring' },
    { label: `border: true faction (${FACTION_NAMES[1]})`, color: CLASS_COLORS[1], marker: 'ring' },
    { label: 'labelled (double ring)', color: CHART_FG, marker: 'ring' },
  ], []);
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body: ref.current?.innerHTML ?? '', legend }), [title, legend]);
  const getCsv = useCallback(() => toCsv(['node', 'x', 'y', 'faction', 'predicted', 'labelled'], pos.map((p, i) => [
    i, p.x, p.y, FACTION_NAMES[KARATE_FACTION[i]], pred ? FACTION_NAMES[pred[i]] : '', labelled.includes(i) ? 1 : 0,
  ])), [pos, pred, labelled]);
  const correct = pred ? KARATE_FACTION.filter((f, i) => pred[i] === f).length : 0;
  return (
    <ChartFrame title={title} chartKey="graph" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv} className="gnn-graph">
      <svg ref={ref} viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W, display: 'block' }} role="img" data-testid="gnn-graph"
        data-lit={highlight.edges.size}
        aria-label={`${title}: ${KARATE_NODES} members, ${KARATE_EDGES.length} friendships${pred ? `; ${correct} of 34 predicted correctly` : ''}.`}>
        <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
        {KARATE_EDGES.map(([a, b]) => {
          const lit = highlight.edges.has(edgeKey(a, b));
          const chosen = highlight.edge !== null && edgeKey(...highlight.edge) === edgeKey(a, b);
          const [x1, y1] = px(pos[a]);
          const [x2, y2] = px(pos[b]);
          return (
            <line key={`${a}-${b}`} x1={x1} y1={y1} x2={x2} y2={y2} stroke={lit || chosen ? LIT : CHART_GRID}
              strokeWidth={chosen ? 4 : lit ? 2.2 : 1.2} data-edge={`${a}-${b}`} data-lit={lit ? 'true' : undefined} />
          );
        })}
        {highlight.edge ? (() => {
          // Arrowhead from j to i: the message h_(i,j) goes to node i.
          const [i, j] = highlight.edge;
          const [xi, yi] = px(pos[i]);
          const [xj, yj] = px(pos[j]);
          const d = Math.hypot(xi - xj, yi - yj) || 1;
          const ux = (xi - xj) / d;
          const uy = (yi - yj) / d;
          const tx = xi - ux * (R + 3);
          const ty = yi - uy * (R + 3);
          return <polygon points={`${tx},${ty} ${tx - ux * 10 - uy * 5},${ty - uy * 10 + ux * 5} ${tx - ux * 10 + uy * 5},${ty - uy * 10 - ux * 5}`} fill={LIT} />;
        })() : null}
        {pos.map((p, i) => {
          const [x, y] = px(p);
          const isLab = labelled.includes(i);
          const focus = highlight.node === i;
          return (
            <g key={i} data-node={i} data-pred={pred ? pred[i] : undefined} onClick={() => onNodeClick(i)} style={{ cursor: 'pointer' }}>
              {focus ? <circle cx={x} cy={y} r={R + 7} fill="none" stroke={LIT} strokeWidth={3} /> : null}
              {isLab ? <circle cx={x} cy={y} r={R + 3.5} fill="none" stroke={CHART_FG} strokeWidth={1.5} /> : null}
              <circle cx={x} cy={y} r={R} fill={pred ? CLASS_COLORS[pred[i]] : '#ffffff'} stroke={CLASS_COLORS[KARATE_FACTION[i]]} strokeWidth={3} />
              <circle cx={x} cy={y} r={R - 1.6} fill="none" stroke="#ffffff" strokeWidth={1} />
              <text x={x} y={y + 3.5} fontSize={9} textAnchor="middle" fill={pred ? (pred[i] === 0 ? '#ffffff' : CHART_FG) : CHART_MUTED} fontWeight={600}
                style={{ pointerEvents: 'none' }}>{i}</text>
            </g>
          );
        })}
      </svg>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
