/** The data (training and validation points), the true function and the fitted curve, as SVG. */
import { memo, useCallback, useMemo } from 'react';
import { ChartFrame, ChartLegend, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import { markerSvg } from '../../../../charts/markers';
import { plotFrameSvg } from '../../../../charts/plotFrame';
import { svgEl } from '../../../../charts/svgText';
import type { Samples } from '../../../../ml/fitting';

export interface CurveSpec {
  label: string;
  color: string;
  dashed?: boolean;
  ys: readonly number[];
}

interface Props {
  title: string;
  chartKey: string;
  fileBase: string;
  train: Samples;
  val: Samples;
  gridX: readonly number[];
  curves: readonly CurveSpec[];
  trainColor: string;
  valColor: string;
}

const W = 420;
const H = 280;
const M = { left: 34, right: 8, top: 8, bottom: 24 };
const Y_MIN = -2.5;
const Y_MAX = 2.5;

function build(p: Props): string {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (x: number) => M.left + ((x + 1) / 2) * pw;
  const sy = (y: number) => M.top + ((Y_MAX - y) / (Y_MAX - Y_MIN)) * ph;
  const parts: string[] = [];
  parts.push(plotFrameSvg({ width: W, height: H, margin: M, sx, sy, xTicks: [-1, -0.5, 0, 0.5, 1], yTicks: [-2, -1, 0, 1, 2] }));
  const clip = `<clipPath id="fitting-clip-${p.chartKey}"><rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}"/></clipPath>`;
  const inner: string[] = [];
  for (let i = 0; i < p.val.x.length; i++) inner.push(markerSvg('ring', sx(p.val.x[i]), sy(p.val.y[i]), 6, p.valColor));
  for (const c of p.curves) {
    // Clamp far outside the plot so the path stays finite; the clip path hides the excess.
    const d = c.ys.map((y, i) => `${i ? 'L' : 'M'}${sx(p.gridX[i]).toFixed(2)} ${sy(Math.max(-50, Math.min(50, Number.isFinite(y) ? y : 0))).toFixed(2)}`).join('');
    inner.push(svgEl('path', { d, fill: 'none', stroke: c.color, 'stroke-width': c.dashed ? 1.5 : 2.5, 'stroke-dasharray': c.dashed ? '6 4' : undefined }));
  }
  for (let i = 0; i < p.train.x.length; i++) inner.push(markerSvg('circle', sx(p.train.x[i]), sy(p.train.y[i]), 8, p.trainColor));
  return clip + parts.join('') + svgEl('g', { 'clip-path': `url(#fitting-clip-${p.chartKey})` }, inner.join(''));
}

export const DataFitChart = memo(function DataFitChart(props: Props) {
  const { title, chartKey, fileBase, train, val, gridX, curves, trainColor, valColor } = props;
  const body = useMemo(() => build(props), [props]);
  const legend = useMemo<LegendItem[]>(
    () => [
      { label: `training (${train.x.length})`, color: trainColor, marker: 'circle' },
      { label: `validation (${val.x.length})`, color: valColor, marker: 'ring' },
      ...curves.map((c): LegendItem => ({ label: c.label, color: c.color, marker: c.dashed ? 'dashed' : 'line' })),
    ],
    [train, val, curves, trainColor, valColor],
  );
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body, legend }), [title, body, legend]);
  const getCsv = useCallback(() => {
    const rows: (string | number)[][] = [];
    for (let i = 0; i < train.x.length; i++) rows.push(['training', train.x[i], train.y[i]]);
    for (let i = 0; i < val.x.length; i++) rows.push(['validation', val.x[i], val.y[i]]);
    for (const c of curves) for (let i = 0; i < gridX.length; i++) rows.push([c.label, gridX[i], c.ys[i]]);
    return toCsv(['series', 'x', 'y'], rows);
  }, [train, val, curves, gridX]);
  const summary = `${title}: ${train.x.length} training and ${val.x.length} validation points on x from −1 to 1, with ${curves.map((c) => c.label).join(', ')}.`;
  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="chart-plot">
        <svg className="fitting-data" role="img" aria-label={summary} viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }}
          // Built by svgEl/markerSvg from numbers and escaped labels only.
          dangerouslySetInnerHTML={{ __html: body }} />
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
