/** Width × height shrink while channels grow: two log-scale bar panels, one bar per layer or stage. */
import { memo, useCallback, useMemo, useRef } from 'react';
import {
  CHART_AXIS, CHART_FG, CHART_GRID, CHART_MUTED, ChartFrame, ChartLegend, composeExportSvg, SERIES_COLORS, toCsv, type LegendItem,
} from '../../../../charts';
import type { ArchTable } from '../../../../ml/architectures';

const SIDE_COLOR = SERIES_COLORS[0];
const CHAN_COLOR = SERIES_COLORS[1];
const LEFT = 52;
const RIGHT = 10;
const TOP = 14;
const PANEL = 104;
const GAP = 30;
const NAMES = 70;
const SIDE_MAX = 9; // log2 512
const CHAN_MAX = 12; // log2 4096

interface Props {
  table: ArchTable;
  walk: number;
  fileBase: string;
}

export const ShapeFigure = memo(function ShapeFigure({ table, walk, fileBase }: Props) {
  const ref = useRef<SVGGElement>(null);
  const rows = useMemo(() => table.top.map((i) => table.rows[i]), [table]);
  const n = rows.length;
  const pitch = Math.max(27, Math.min(64, 600 / n));
  const W = LEFT + n * pitch + RIGHT;
  const H = TOP + 2 * PANEL + GAP + NAMES;
  const title = 'Width × height shrink, channels grow';
  const legend = useMemo<LegendItem[]>(() => [
    { label: 'spatial side H = W (log scale)', color: SIDE_COLOR },
    { label: 'channels C (log scale)', color: CHAN_COLOR },
  ], []);
  const getSvg = useCallback(() => composeExportSvg({ title: `${title} — ${table.net.name}`, width: W, height: H, body: ref.current?.innerHTML ?? '', legend }), [W, H, legend, table]);
  const getCsv = useCallback(() => toCsv(
    ['layer', 'kind', 'H', 'W', 'C', 'parameters', 'multiply_adds'],
    rows.map((r) => [r.name, r.kind, r.out.h, r.out.w, r.out.c, r.params, r.macs]),
  ), [rows]);
  const label = `${table.net.name}, output of each layer: ${rows.map((r) => `${r.name} ${r.out.h}×${r.out.w}×${r.out.c}`).join(', ')}.`;
  const panelTop = [TOP, TOP + PANEL + GAP];
  const bar = (v: number, max: number) => Math.max(2, (Math.log2(Math.max(1, v)) / max) * (PANEL - 12));
  const state = (i: number) => (walk === 0 || i <= walk ? (i === walk ? 'current' : 'done') : 'ahead');
  return (
    <ChartFrame className="wide" title={title} chartKey="shapes" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="architectures-scroll" tabIndex={0} role="region" aria-label={`${title} (scrolls sideways on narrow screens)`}>
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} data-testid="architectures-shapes"
          style={{ maxWidth: W * 1.25, minWidth: Math.min(W, Math.max(340, n * 24 + LEFT)), display: 'block' }}>
          <g ref={ref}>
            <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
            {[{ max: SIDE_MAX, name: 'H = W', ticks: [1, 8, 64, 512] }, { max: CHAN_MAX, name: 'C', ticks: [1, 16, 256, 4096] }].map((p, k) => {
              const y0 = panelTop[k] + PANEL;
              return (
                <g key={p.name}>
                  {p.ticks.map((t) => {
                    const y = y0 - bar(t, p.max);
                    return (
                      <g key={t}>
                        <line x1={LEFT} x2={W - RIGHT} y1={y} y2={y} stroke={CHART_GRID} strokeDasharray="3 3" />
                        <text x={LEFT - 6} y={y + 3} fontSize={10} fill={CHART_MUTED} textAnchor="end">{t}</text>
                      </g>
                    );
                  })}
                  <line x1={LEFT} x2={W - RIGHT} y1={y0} y2={y0} stroke={CHART_AXIS} />
                  <text x={4} y={panelTop[k] - 3} fontSize={11} fill={CHART_FG} fontWeight={600}>{k === 0 ? 'spatial side H = W' : 'channels C'}</text>
                </g>
              );
            })}
            {rows.map((r, i) => {
              const x = LEFT + i * pitch + pitch * 0.18;
              const bw = pitch * 0.64;
              const st = state(i);
              const opacity = st === 'ahead' ? 0.25 : 1;
              const hs = bar(r.out.h, SIDE_MAX);
              const hc = bar(r.out.c, CHAN_MAX);
              const y1 = panelTop[0] + PANEL;
              const y2 = panelTop[1] + PANEL;
              const stroke = st === 'current' ? CHART_FG : 'none';
              return (
                <g key={r.id} data-layer={r.name} data-state={st} opacity={opacity}>
                  <rect x={x} y={y1 - hs} width={bw} height={hs} fill={SIDE_COLOR} stroke={stroke} strokeWidth={2} />
                  <text x={x + bw / 2} y={y1 - hs - 3} fontSize={10} fill={CHART_FG} textAnchor="middle">{r.out.h}</text>
                  <rect x={x} y={y2 - hc} width={bw} height={hc} fill={CHAN_COLOR} stroke={stroke} strokeWidth={2} />
                  <text x={x + bw / 2} y={y2 - hc - 3} fontSize={10} fill={CHART_FG} textAnchor="middle">{r.out.c}</text>
                  <text x={x + bw / 2} y={y2 + 10} fontSize={11} fill={CHART_FG} fontWeight={st === 'current' ? 700 : 400}
                    textAnchor="end" transform={`rotate(-40 ${x + bw / 2} ${y2 + 10})`}>{r.name}</text>
                </g>
              );
            })}
          </g>
        </svg>
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
