/** Validation accuracy against the number of labelled examples per class (log x axis), one line per strategy; SVG with PNG/SVG/CSV export. */
import { memo, useCallback, useMemo } from 'react';
import { ChartFrame, ChartLegend, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import { markerSvg } from '../../../../charts/markers';
import { plotFrameSvg } from '../../../../charts/plotFrame';
import { svgEl } from '../../../../charts/svgText';

export interface AccSeries {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
  /** (n, accuracy 0–1) pairs, ascending n. */
  points: readonly { n: number; acc: number }[];
}

interface Props {
  title: string;
  chartKey: string;
  fileBase: string;
  ns: readonly number[];
  series: readonly AccSeries[];
}

const W = 460;
const H = 280;
const M = { left: 40, right: 14, top: 10, bottom: 26 };

function build(ns: readonly number[], series: readonly AccSeries[]): string {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const lo = Math.log(ns[0]);
  const hi = Math.log(ns[ns.length - 1]);
  const span = hi - lo || 1;
  const sx = (n: number) => M.left + 12 + ((Math.log(n) - lo) / span) * (pw - 24);
  const sy = (pct: number) => M.top + ((100 - pct) / 100) * ph;
  const parts: string[] = [plotFrameSvg({
    width: W, height: H, margin: M, sx, sy, xTicks: ns, yTicks: [0, 20, 40, 60, 80, 100],
    xName: 'labelled examples per class (log scale)', yName: 'validation accuracy (%)',
  })];
  // Chance level for 5 classes.
  parts.push(svgEl('line', { x1: M.left, x2: M.left + pw, y1: sy(20), y2: sy(20), stroke: '#8c959f', 'stroke-dasharray': '3 4', 'stroke-width': 1 }));
  parts.push(svgEl('text', { x: M.left + pw - 4, y: sy(20) - 4, 'font-size': 10, fill: '#57606a', 'text-anchor': 'end' }, 'chance (20 %)'));
  for (const s of series) {
    if (!s.points.length) continue;
    const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.n).toFixed(2)} ${sy(100 * p.acc).toFixed(2)}`).join('');
    parts.push(svgEl('path', { d, fill: 'none', stroke: s.color, 'stroke-width': 2.5, 'stroke-dasharray': s.dashed ? '6 4' : undefined }));
    for (const p of s.points) parts.push(markerSvg('circle', sx(p.n), sy(100 * p.acc), 8, s.color));
  }
  return parts.join('');
}

export const AccuracyChart = memo(function AccuracyChart({ title, chartKey, fileBase, ns, series }: Props) {
  const body = useMemo(() => build(ns, series), [ns, series]);
  const legend = useMemo<LegendItem[]>(() => series.map((s) => ({ label: s.label, color: s.color, marker: s.dashed ? 'dashed' : 'line' })), [series]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body, legend }), [title, body, legend]);
  const getCsv = useCallback(() => {
    const rows: (string | number)[][] = [];
    for (const n of ns) rows.push([n, ...series.map((s) => s.points.find((p) => p.n === n)?.acc ?? '')]);
    return toCsv(['examples per class', ...series.map((s) => `${s.label} accuracy`)], rows);
  }, [ns, series]);
  const summary = `${title}: ${series.map((s) => `${s.label}: ${s.points.map((p) => `${p.n} → ${(100 * p.acc).toFixed(1)} %`).join(', ') || 'not run yet'}`).join('; ')}.`;
  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="chart-plot">
        <svg className="transfer-chart" role="img" aria-label={summary} viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }}
          // Built by svgEl/markerSvg from numbers and escaped labels only.
          dangerouslySetInnerHTML={{ __html: body }} />
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
