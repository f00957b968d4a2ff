/**
 * A small bar chart of class probabilities, drawn as SVG markup that is both shown and exported
 * (the kit has no categorical bar chart; this uses the kit's ChartFrame and export helpers).
 */
import { memo, useCallback, useMemo } from 'react';
import { CHART_AXIS, CHART_FG, CHART_GRID, CHART_MUTED, ChartFrame, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import { svgEl } from '../../../../charts/svgText';

export interface Bar {
  label: string;
  value: number;
  color: string;
  /** Extra CSV columns for this bar (e.g. the score), in the order of `csvExtra`. */
  extra?: number[];
}

const W = 360;
const H = 190;
const LEFT = 36;
const RIGHT = 8;
const TOP = 18;
const BOTTOM = 30;

const fmt = (v: number) => (Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? v.toFixed(3) : v > 0 ? '∞' : '−∞');

export function barsSvgBody(bars: readonly Bar[]): string {
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH * (1 - v);
  const parts: string[] = [];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(svgEl('line', { x1: LEFT, x2: W - RIGHT, y1: y(t), y2: y(t), stroke: CHART_GRID, 'stroke-width': 1 }));
    parts.push(svgEl('text', { x: LEFT - 6, y: y(t) + 4, 'font-size': 11, fill: CHART_MUTED, 'text-anchor': 'end' }, String(t)));
  }
  const slot = plotW / Math.max(1, bars.length);
  bars.forEach((b, i) => {
    const x = LEFT + i * slot + slot * 0.18;
    const bw = slot * 0.64;
    const ok = Number.isFinite(b.value);
    const v = ok ? Math.min(1, Math.max(0, b.value)) : 0;
    if (ok) parts.push(svgEl('rect', { x, y: y(v), width: bw, height: Math.max(0.5, plotH * v), fill: b.color }));
    parts.push(svgEl('text', { x: x + bw / 2, y: y(v) - 4, 'font-size': 11, fill: ok ? CHART_FG : '#b2182b', 'text-anchor': 'middle' }, fmt(b.value)));
    parts.push(svgEl('text', { x: x + bw / 2, y: H - BOTTOM + 16, 'font-size': 11, fill: CHART_FG, 'text-anchor': 'middle' }, b.label));
  });
  parts.push(svgEl('line', { x1: LEFT, x2: W - RIGHT, y1: y(0), y2: y(0), stroke: CHART_AXIS, 'stroke-width': 1 }));
  return parts.join('');
}

interface Props {
  title: string;
  chartKey: string;
  fileBase: string;
  bars: readonly Bar[];
  legend: LegendItem[];
  /** Headers of the bars' extra CSV columns. */
  csvExtra?: string[];
}

export const ProbBars = memo(function ProbBars({ title, chartKey, fileBase, bars, legend, csvExtra }: Props) {
  const body = useMemo(() => barsSvgBody(bars), [bars]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body, legend }), [title, body, legend]);
  const getCsv = useCallback(
    () => toCsv(['class', 'probability', ...(csvExtra ?? [])], bars.map((b) => [b.label, b.value, ...(b.extra ?? [])])),
    [bars, csvExtra],
  );
  const summary = `${title}: ${bars.map((b) => `${b.label} ${fmt(b.value)}`).join(', ')}.`;
  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <svg className="softmax-bars" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} dangerouslySetInnerHTML={{ __html: body }} />
    </ChartFrame>
  );
});
