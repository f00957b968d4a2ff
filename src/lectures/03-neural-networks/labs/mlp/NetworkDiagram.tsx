/**
 * The network as a diagram: every unit is a small canvas showing its output over the input plane,
 * every weight an edge whose colour is its sign and whose thickness its size. Hovering or focusing
 * (Tab) an edge or a unit shows its value.
 */
import { memo, useMemo, useState } from 'react';
import { FEATURE_TEXT } from '../../../../ml/data/features2d';
import type { Activation } from '../../../../ml/models/mlp';
import type { MlpView } from './engine';
import { UnitCanvas, NEG_COLOR, POS_COLOR, POS_TEXT } from './UnitCanvas';
import { UNIT_GRID } from './params';

const UNIT = 40;
const ROW = 52;
const COL = 118;
const PAD = 14;
const LABEL_W = 62;

interface Tip {
  x: number;
  y: number;
  text: string;
}

interface EdgeGeom {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  label: string;
}

export function layerName(l: number, depth: number): string {
  if (l === 0) return 'input';
  return l === depth ? 'output' : `hidden layer ${l}`;
}

function unitName(view: MlpView, l: number, j: number): string {
  if (l === 0) return FEATURE_TEXT[view.features[j]];
  const depth = view.sizes.length - 1;
  return l === depth ? 'the output ŷ' : `unit ${j + 1} of hidden layer ${l}`;
}

/** Centre of unit j of layer l in diagram pixels. */
function unitPos(sizes: readonly number[], height: number, l: number, j: number): [number, number] {
  const top = (height - sizes[l] * ROW) / 2;
  return [LABEL_W + PAD + l * COL + UNIT / 2, top + j * ROW + ROW / 2];
}

function edgesOf(view: MlpView, height: number): EdgeGeom[] {
  const { sizes, weights } = view;
  const out: EdgeGeom[] = [];
  weights.forEach((w, li) => {
    const l = li + 1;
    for (let j = 0; j < sizes[l]; j++) {
      for (let k = 0; k < sizes[li]; k++) {
        const [x1, y1] = unitPos(sizes, height, li, k);
        const [x2, y2] = unitPos(sizes, height, l, j);
        const value = w[j * sizes[li] + k];
        const label = `Weight from ${unitName(view, li, k)} to ${unitName(view, l, j)}: ${value.toFixed(3)}`;
        out.push({ id: `${l}-${j}-${k}`, x1: x1 + UNIT / 2, y1, x2: x2 - UNIT / 2, y2, w: value, label });
      }
    }
  });
  return out;
}

const strokeWidth = (w: number) => Math.min(7, 0.6 + 2.2 * Math.abs(w));

/** Offset and scale that map a unit's output onto [−1, 1] for colouring. */
function unitRange(view: MlpView, l: number, activation: Activation): { centre: number; scale: number } {
  const depth = view.sizes.length - 1;
  const sigmoidLike = (l === depth && view.problem === 'classification') || (l > 0 && l < depth && activation === 'sigmoid');
  return sigmoidLike ? { centre: 0.5, scale: 2 } : { centre: 0, scale: 1 };
}

interface Props {
  view: MlpView;
  activation: Activation;
}

export const NetworkDiagram = memo(function NetworkDiagram({ view, activation }: Props) {
  const [tip, setTip] = useState<Tip | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const { sizes } = view;
  const depth = sizes.length - 1;
  const height = Math.max(...sizes) * ROW + 2 * PAD;
  const width = LABEL_W + 2 * PAD + depth * COL + UNIT;
  const edges = useMemo(() => edgesOf(view, height), [view, height]);
  const show = (x: number, y: number, text: string) => setTip({ x, y, text });
  const hide = () => setTip(null);
  return (
    <figure className="chart wide mlp-diagram">
      <figcaption className="chart-title">The network: each unit’s output over the input plane, each weight as an edge</figcaption>
      <div className="chart-body">
        <div className="mlp-diagram-scroll">
          <div className="mlp-diagram-canvas" style={{ width, height }}>
            <svg width={width} height={height} role="group" aria-label={`Weights of the ${sizes.join('–')} network; Tab through the edges to read them`}>
              {sizes.map((_, l) => (
                <text key={l} x={unitPos(sizes, height, l, 0)[0]} y={11} textAnchor="middle" className="mlp-layer-label">
                  {l === 0 ? 'inputs' : l === depth ? 'output' : `layer ${l}`}
                </text>
              ))}
              {edges.map((e) => (
                <line
                  key={e.id}
                  x1={e.x1} y1={e.y1} x2={e.x2} y2={e.y2}
                  stroke={e.w >= 0 ? POS_COLOR : NEG_COLOR}
                  strokeWidth={strokeWidth(e.w) + (focused === e.id ? 2 : 0)}
                  strokeOpacity={focused === e.id ? 1 : 0.75}
                  className="mlp-edge"
                  tabIndex={0}
                  role="img"
                  aria-label={e.label}
                  onMouseEnter={() => show((e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2, e.label)}
                  onMouseLeave={hide}
                  onFocus={() => { setFocused(e.id); show((e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2, e.label); }}
                  onBlur={() => { setFocused(null); hide(); }}
                />
              ))}
            </svg>
            {sizes.map((n, l) => Array.from({ length: n }, (_, j) => {
              const [cx, cy] = unitPos(sizes, height, l, j);
              const bias = l > 0 ? view.biases[l - 1][j] : null;
              const label = `${unitName(view, l, j)}${bias !== null ? `, bias ${bias.toFixed(3)}` : ''}`;
              const { centre, scale } = unitRange(view, l, activation);
              return (
                <div key={`${l}-${j}`} className="mlp-unit" style={{ left: cx - UNIT / 2, top: cy - UNIT / 2 }}
                  onMouseEnter={() => show(cx, cy - UNIT / 2, label)} onMouseLeave={hide}>
                  <UnitCanvas values={view.unitMaps[l][j]} stamp={view} nx={UNIT_GRID.nx} ny={UNIT_GRID.ny} size={UNIT} centre={centre} scale={scale} label={label} />
                  {l === 0 ? <span className="mlp-input-label" aria-hidden="true">{FEATURE_TEXT[view.features[j]]}</span> : null}
                </div>
              );
            }))}
            {tip ? <div className="mlp-tip" style={{ left: tip.x, top: tip.y }} aria-hidden="true">{tip.text}</div> : null}
          </div>
        </div>
        <p className="muted mlp-legend">
          Colour: <span style={{ color: POS_TEXT, fontWeight: 600 }}>orange = positive</span>,{' '}
          <span style={{ color: NEG_COLOR, fontWeight: 600 }}>blue = negative</span>; an edge’s thickness is the size of its weight.
          Each square plots its unit’s output over x₁ ∈ [−1.2, 1.2] (right) and x₂ (up).
        </p>
      </div>
    </figure>
  );
});
