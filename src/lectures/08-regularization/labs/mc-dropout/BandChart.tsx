/** The data, the gap, the Monte Carlo mean with its ±2 std band and a few single passes, as SVG. */
import { memo, useCallback, useMemo } from 'react';
import { ChartFrame, ChartLegend, CHART_MUTED, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import { markerSvg } from '../../../../charts/markers';
import { plotFrameSvg } from '../../../../charts/plotFrame';
import { svgEl } from '../../../../charts/svgText';
import { truth } from '../../../../ml/mcDropout';
import type { McView } from './engine';
import { GAP, PLOT_MAX, PLOT_MIN } from './params';

interface Props {
  title: string;
  chartKey: string;
  fileBase: string;
  view: McView;
  passes: number;
}

const W = 460;
const H = 300;
const M = { left: 34, right: 8, top: 8, bottom: 24 };
const Y_MIN = -2;
const Y_MAX = 2.5;
export const BAND_COLORS = { band: '#56B4E9', mean: '#0072B2', evalPred: '#D55E00', data: '#E69F00', curve: '#8c959f', truth: '#1b1f24', gap: '#f6f8fa' };

function build(p: Props): string {
  const { view } = p;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (x: number) => M.left + ((x - PLOT_MIN) / (PLOT_MAX - PLOT_MIN)) * pw;
  const sy = (y: number) => M.top + ((Y_MAX - Math.max(Y_MIN - 5, Math.min(Y_MAX + 5, Number.isFinite(y) ? y : 0))) / (Y_MAX - Y_MIN)) * ph;
  const parts: string[] = [];
  parts.push(svgEl('rect', { x: sx(GAP.lo), y: M.top, width: sx(GAP.hi) - sx(GAP.lo), height: ph, fill: '#eef1f4' }));
  parts.push(svgEl('text', { x: (sx(GAP.lo) + sx(GAP.hi)) / 2, y: M.top + 14, 'font-size': 11, fill: CHART_MUTED, 'text-anchor': 'middle' }, 'no data'));
  parts.push(plotFrameSvg({ width: W, height: H, margin: M, sx, sy, xTicks: [-1, -0.5, 0, 0.5, 1], yTicks: [-2, -1, 0, 1, 2] }));
  const inner: string[] = [];
  const g = view.grid;
  const upper = g.map((x, i) => `${sx(x).toFixed(2)},${sy(view.mean[i] + 2 * view.std[i]).toFixed(2)}`);
  const lower = g.map((x, i) => `${sx(x).toFixed(2)},${sy(view.mean[i] - 2 * view.std[i]).toFixed(2)}`).reverse();
  inner.push(svgEl('polygon', { points: [...upper, ...lower].join(' '), fill: BAND_COLORS.band, 'fill-opacity': 0.35, stroke: 'none' }));
  const path = (ys: readonly number[]) => ys.map((y, i) => `${i ? 'L' : 'M'}${sx(g[i]).toFixed(2)} ${sy(y).toFixed(2)}`).join('');
  for (const c of view.curves) inner.push(svgEl('path', { d: path(c), fill: 'none', stroke: BAND_COLORS.curve, 'stroke-width': 1, 'stroke-opacity': 0.8 }));
  inner.push(svgEl('path', { d: path(g.map(truth)), fill: 'none', stroke: BAND_COLORS.truth, 'stroke-width': 1.2, 'stroke-dasharray': '2 3' }));
  inner.push(svgEl('path', { d: path(view.evalPred), fill: 'none', stroke: BAND_COLORS.evalPred, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }));
  inner.push(svgEl('path', { d: path(view.mean), fill: 'none', stroke: BAND_COLORS.mean, 'stroke-width': 2.5 }));
  for (let i = 0; i < view.data.x.length; i++) inner.push(markerSvg('circle', sx(view.data.x[i]), sy(view.data.y[i]), 7, BAND_COLORS.data));
  const clip = `<clipPath id="mc-dropout-clip-${p.chartKey}"><rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}"/></clipPath>`;
  return clip + parts.join('') + svgEl('g', { 'clip-path': `url(#mc-dropout-clip-${p.chartKey})` }, inner.join(''));
}

export const BandChart = memo(function BandChart(props: Props) {
  const { title, chartKey, fileBase, view, passes } = props;
  const body = useMemo(() => build(props), [props]);
  const legend = useMemo<LegendItem[]>(
    () => [
      { label: `training data (${view.data.x.length})`, color: BAND_COLORS.data, marker: 'circle' },
      { label: `MC mean of T = ${passes} passes`, color: BAND_COLORS.mean, marker: 'line' },
      { label: 'mean ± 2 std', color: BAND_COLORS.band, marker: 'square' },
      { label: 'single passes (dropout on)', color: BAND_COLORS.curve, marker: 'line' },
      { label: 'eval mode (dropout off)', color: BAND_COLORS.evalPred, marker: 'dashed' },
      { label: 'true function', color: BAND_COLORS.truth, marker: 'dashed' },
    ],
    [view, passes],
  );
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body, legend }), [title, body, legend]);
  const getCsv = useCallback(() => {
    const rows: (string | number)[][] = view.grid.map((x, i) => [x, view.mean[i], view.std[i], view.mean[i] - 2 * view.std[i], view.mean[i] + 2 * view.std[i], view.evalPred[i], truth(x)]);
    return toCsv(['x', 'mc_mean', 'mc_std', 'lower_2std', 'upper_2std', 'eval_mode', 'truth'], rows);
  }, [view]);
  const summary = `${title}: ${view.data.x.length} training points with no data for x between ${GAP.lo} and ${GAP.hi}; the Monte Carlo mean and its ±2 standard deviation band over ${passes} passes.`;
  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="chart-plot">
        <svg className="mc-dropout-plot" role="img" aria-label={summary} viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }}
          // Built by svgEl/markerSvg from numbers and fixed labels only.
          dangerouslySetInnerHTML={{ __html: body }} />
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
