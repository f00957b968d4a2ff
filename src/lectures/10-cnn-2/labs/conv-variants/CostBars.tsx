/** Parameters and multiply-adds of every variant as bars on one log scale. */
import { memo, useCallback, useMemo, useRef } from 'react';
import {
  CHART_AXIS, CHART_FG, CHART_GRID, CHART_MUTED, ChartFrame, ChartLegend, composeExportSvg, SERIES_COLORS, toCsv, type LegendItem,
} from '../../../../charts';
import { fmtShort } from '../architectures/tableExport';
import { VARIANTS, type ConvVariantView, type VariantKey } from './engine';

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number) => String(n).split('').map((c) => SUP[Number(c)]).join('');
const PARAM_COLOR = SERIES_COLORS[0];
const MAC_COLOR = SERIES_COLORS[1];
const W = 660;
const LEFT = 206;
const RIGHT = 56;
const TOP = 8;
const ROW = 42;
const BAR = 14;
const AXIS = 26;

interface Props {
  view: ConvVariantView;
  labels: Record<VariantKey, string>;
  fileBase: string;
}

export const CostBars = memo(function CostBars({ view, labels, fileBase }: Props) {
  const ref = useRef<SVGGElement>(null);
  const title = 'Parameters and multiply-adds (log scale)';
  const H = TOP + VARIANTS.length * ROW + AXIS;
  const values = VARIANTS.flatMap((k) => (view.costs[k] ? [view.costs[k]!.params, view.costs[k]!.macs] : []));
  const decades = Math.max(1, Math.ceil(Math.log10(Math.max(10, ...values))));
  const plotW = W - LEFT - RIGHT;
  const xOf = (v: number) => LEFT + (Math.log10(Math.max(1, v)) / decades) * plotW;
  const legend = useMemo<LegendItem[]>(() => [
    { label: 'parameters', color: PARAM_COLOR },
    { label: 'multiply-adds per image', color: MAC_COLOR },
  ], []);
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body: ref.current?.innerHTML ?? '', legend }), [H, legend]);
  const getCsv = useCallback(() => toCsv(['variant', 'parameters', 'multiply_adds', 'output_H', 'output_W', 'output_C'],
    VARIANTS.map((k) => {
      const c = view.costs[k];
      return [labels[k], c?.params ?? NaN, c?.macs ?? NaN, view.sizes.h, view.sizes.w, c?.outC ?? NaN];
    })), [view, labels]);
  const summary = VARIANTS.map((k) => {
    const c = view.costs[k];
    return c ? `${labels[k]}: ${fmtShort(c.params)} parameters, ${fmtShort(c.macs)} multiply-adds` : `${labels[k]}: not possible`;
  }).join('; ');
  const tickStep = decades > 8 ? 2 : 1;
  return (
    <ChartFrame className="wide" title={title} chartKey="costs" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="conv-variants-scroll" tabIndex={0} role="region" aria-label={`${title} (scrolls sideways on narrow screens)`}>
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary} data-testid="conv-variants-bars" style={{ maxWidth: W * 1.25, minWidth: 420, display: 'block' }}>
          <g ref={ref}>
            <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
            {Array.from({ length: decades + 1 }, (_, d) => d).filter((d) => d % tickStep === 0).map((d) => {
              const x = LEFT + (d / decades) * plotW;
              return (
                <g key={d}>
                  <line x1={x} x2={x} y1={TOP} y2={H - AXIS} stroke={CHART_GRID} strokeDasharray="3 3" />
                  <text x={x} y={H - AXIS + 14} fontSize={10} fill={CHART_MUTED} textAnchor="middle">{d === 0 ? '1' : `10${sup(d)}`}</text>
                </g>
              );
            })}
            <line x1={LEFT} x2={LEFT} y1={TOP} y2={H - AXIS} stroke={CHART_AXIS} />
            {VARIANTS.map((k, i) => {
              const c = view.costs[k];
              const y = TOP + i * ROW;
              const focus = view.focus === i;
              return (
                <g key={k} data-variant={k} data-focus={focus ? 'true' : undefined}>
                  {focus ? <rect x={2} y={y + 1} width={W - 4} height={ROW - 4} fill="#fff8c5" /> : null}
                  <text x={LEFT - 8} y={y + ROW / 2 + 4} fontSize={11} fill={CHART_FG} textAnchor="end" fontWeight={focus ? 700 : 400}>{labels[k]}</text>
                  {c ? (
                    <>
                      <rect x={LEFT} y={y + 5} width={Math.max(1, xOf(c.params) - LEFT)} height={BAR} fill={PARAM_COLOR} />
                      <text x={xOf(c.params) + 4} y={y + 5 + BAR - 3} fontSize={10} fill={CHART_FG}>{fmtShort(c.params)}</text>
                      <rect x={LEFT} y={y + 6 + BAR} width={Math.max(1, xOf(c.macs) - LEFT)} height={BAR} fill={MAC_COLOR} />
                      <text x={xOf(c.macs) + 4} y={y + 6 + 2 * BAR - 3} fontSize={10} fill={CHART_FG}>{fmtShort(c.macs)}</text>
                    </>
                  ) : (
                    <text x={LEFT + 8} y={y + ROW / 2 + 4} fontSize={11} fill="#b2182b">not possible: g must divide C_in and C_out</text>
                  )}
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
