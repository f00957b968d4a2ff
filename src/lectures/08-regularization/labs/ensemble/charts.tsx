/** The two SVG views of the ensemble lab: member curves against their average, and the members' validation errors as bars. */
import { memo, useCallback, useMemo } from 'react';
import { ChartFrame, ChartLegend, CHART_AXIS, CHART_FG, CHART_GRID, CHART_MUTED, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import { markerSvg } from '../../../../charts/markers';
import { plotFrameSvg } from '../../../../charts/plotFrame';
import { svgEl } from '../../../../charts/svgText';
import type { EnsembleView } from './engine';

export const MEMBER_COLOR = '#0072B2';
export const HIGHLIGHT_COLOR = '#009E73';
export const EXTRA_COLOR = '#CC79A7';
export const ENSEMBLE_COLOR = '#D55E00';
export const TRUTH_COLOR = '#444444';
const POINT_COLOR = '#1b1f24';

const W = 440;
const H = 290;
const M = { left: 34, right: 8, top: 8, bottom: 24 };
const Y_MIN = -2.5;
const Y_MAX = 2.5;

interface CurvesProps {
  title: string;
  fileBase: string;
  view: EnsembleView;
  /** Highlighted member, 0-based. */
  show: number;
  bagging: boolean;
}

function path(xs: ArrayLike<number>, ys: ArrayLike<number>, sx: (x: number) => number, sy: (y: number) => number): string {
  let d = '';
  for (let i = 0; i < xs.length; i++) {
    const y = Number.isFinite(ys[i]) ? Math.max(-50, Math.min(50, ys[i])) : 0;
    d += `${i ? 'L' : 'M'}${sx(xs[i]).toFixed(2)} ${sy(y).toFixed(2)}`;
  }
  return d;
}

function buildCurves({ view, show }: CurvesProps): string {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (x: number) => M.left + ((x + 1) / 2) * pw;
  const sy = (y: number) => M.top + ((Y_MAX - y) / (Y_MAX - Y_MIN)) * ph;
  const parts: string[] = [];
  parts.push(plotFrameSvg({ width: W, height: H, margin: M, sx, sy, xTicks: [-1, -0.5, 0, 0.5, 1], yTicks: [-2, -1, 0, 1, 2] }));
  const inner: string[] = [];
  const { gridX } = view;
  view.members.forEach((c, i) => {
    if (i !== show) inner.push(svgEl('path', { d: path(gridX, c, sx, sy), fill: 'none', stroke: MEMBER_COLOR, 'stroke-width': 1.2, 'stroke-opacity': 0.35 }));
  });
  inner.push(svgEl('path', { d: path(gridX, view.truth, sx, sy), fill: 'none', stroke: TRUTH_COLOR, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }));
  if (view.members[show]) inner.push(svgEl('path', { d: path(gridX, view.members[show], sx, sy), fill: 'none', stroke: HIGHLIGHT_COLOR, 'stroke-width': 2 }));
  inner.push(svgEl('path', { d: path(gridX, view.ensemble, sx, sy), fill: 'none', stroke: ENSEMBLE_COLOR, 'stroke-width': 3.2 }));
  const counts = view.counts[show];
  const { x, y } = view.train;
  for (let j = 0; j < x.length; j++) {
    const c = counts ? counts[j] : 1;
    if (c === 0) inner.push(markerSvg('ring', sx(x[j]), sy(y[j]), 8, POINT_COLOR));
    else {
      inner.push(markerSvg('circle', sx(x[j]), sy(y[j]), 6 + 2 * Math.min(c - 1, 4), POINT_COLOR));
      if (c > 1) inner.push(svgEl('text', { x: sx(x[j]) + 6, y: sy(y[j]) - 6, 'font-size': 10, fill: CHART_FG }, `×${c}`));
    }
  }
  const clip = `<clipPath id="ensemble-clip"><rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}"/></clipPath>`;
  return clip + parts.join('') + svgEl('g', { 'clip-path': 'url(#ensemble-clip)' }, inner.join(''));
}

/** Training points (size = how often member i drew them, rings = out of bag), member curves, their average and f(x). */
export const CurvesChart = memo(function CurvesChart(props: CurvesProps) {
  const { title, fileBase, view, show, bagging } = props;
  const body = useMemo(() => buildCurves(props), [props]);
  const k = view.members.length;
  const legend = useMemo<LegendItem[]>(() => [
    { label: bagging ? `training point drawn by member ${show + 1} (×count)` : 'training point', color: POINT_COLOR, marker: 'circle' },
    ...(bagging ? [{ label: `out of bag for member ${show + 1}`, color: POINT_COLOR, marker: 'ring' as const }] : []),
    { label: `the other ${k - 1} members`, color: MEMBER_COLOR, marker: 'line' },
    { label: `member ${show + 1}`, color: HIGHLIGHT_COLOR, marker: 'line' },
    { label: `ensemble average of ${k}`, color: ENSEMBLE_COLOR, marker: 'line' },
    { label: 'true function f(x)', color: TRUTH_COLOR, marker: 'dashed' },
  ], [bagging, show, k]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body, legend }), [title, body, legend]);
  const getCsv = useCallback(() => {
    const rows: (string | number)[][] = [];
    const { x, y } = view.train;
    for (let j = 0; j < x.length; j++) rows.push(['training', x[j], y[j], view.counts[show]?.[j] ?? 1]);
    const curve = (name: string, ys: ArrayLike<number>) => {
      for (let i = 0; i < view.gridX.length; i++) rows.push([name, view.gridX[i], ys[i], '']);
    };
    curve('true function', view.truth);
    curve('ensemble', view.ensemble);
    view.members.forEach((c, i) => curve(`member ${i + 1}`, c));
    return toCsv(['series', 'x', 'y', `draws by member ${show + 1}`], rows);
  }, [view, show]);
  const oob = view.counts[show] ? view.counts[show].filter((c) => c === 0).length : 0;
  const summary = `${title}: ${view.train.x.length} training points (${oob} out of bag for member ${show + 1}), ${k} member curves and their average, on x from −1 to 1.`;
  return (
    <ChartFrame title={title} chartKey="members" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="chart-plot">
        <svg className="ensemble-svg" role="img" aria-label={summary} viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W }}
          // Built by svgEl/markerSvg from numbers and escaped labels only.
          dangerouslySetInnerHTML={{ __html: body }} />
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});

const BW = 440;
const BH = 230;
const BM = { left: 44, right: 8, top: 14, bottom: 40 };

interface BarsProps {
  title: string;
  fileBase: string;
  memberVal: readonly number[];
  ensemble: number;
  floor: number;
  show: number;
}

function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function buildBars({ memberVal, ensemble, floor, show }: BarsProps): string {
  const k = memberVal.length;
  const mean = memberVal.reduce((a, b) => a + b, 0) / k;
  const sorted = [...memberVal].sort((a, b) => a - b);
  const median = sorted[Math.floor(k / 2)];
  // A single wild member must not flatten the rest: cap the axis, mark the clipped bars.
  const top = niceMax(Math.min(Math.max(...memberVal, ensemble, floor), Math.max(3 * median, 1.3 * mean, 1.3 * ensemble, 1.2 * floor)));
  const pw = BW - BM.left - BM.right;
  const ph = BH - BM.top - BM.bottom;
  const slots = k + 3; // members, a gap, mean member, ensemble
  const slot = pw / slots;
  const bw = Math.max(2, slot * 0.7);
  const sy = (v: number) => BM.top + ph - (Math.min(v, top) / top) * ph;
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (top * i) / 4;
    parts.push(svgEl('line', { x1: BM.left, x2: BM.left + pw, y1: sy(v), y2: sy(v), stroke: CHART_GRID, 'stroke-width': 1 }));
    parts.push(svgEl('text', { x: BM.left - 6, y: sy(v) + 4, 'font-size': 11, fill: CHART_MUTED, 'text-anchor': 'end' }, Number(v.toPrecision(3)).toString()));
  }
  const bar = (slotIdx: number, v: number, color: string, label: string) => {
    const x = BM.left + slot * slotIdx + (slot - bw) / 2;
    parts.push(svgEl('rect', { x, y: sy(v), width: bw, height: BM.top + ph - sy(v), fill: color }));
    if (v > top) parts.push(svgEl('text', { x: x + bw / 2, y: BM.top - 3, 'font-size': 9, fill: CHART_FG, 'text-anchor': 'middle' }, `▲${v.toPrecision(2)}`));
    if (label) parts.push(svgEl('text', { x: x + bw / 2, y: BM.top + ph + 13, 'font-size': 10, fill: CHART_MUTED, 'text-anchor': 'middle' }, label));
  };
  const every = k > 15 ? 5 : k > 8 ? 2 : 1;
  memberVal.forEach((v, i) => bar(i, v, i === show ? HIGHLIGHT_COLOR : MEMBER_COLOR, i === show || (i + 1) % every === 0 || i === 0 ? String(i + 1) : ''));
  bar(k + 1, mean, '#8c959f', 'mean');
  bar(k + 2, ensemble, ENSEMBLE_COLOR, 'ens.');
  if (floor > 0 && floor <= top) {
    parts.push(svgEl('line', { x1: BM.left, x2: BM.left + pw, y1: sy(floor), y2: sy(floor), stroke: TRUTH_COLOR, 'stroke-width': 1.5, 'stroke-dasharray': '5 4' }));
  }
  parts.push(svgEl('line', { x1: BM.left, x2: BM.left + pw, y1: sy(mean), y2: sy(mean), stroke: '#57606a', 'stroke-width': 1, 'stroke-dasharray': '2 3' }));
  parts.push(svgEl('line', { x1: BM.left, x2: BM.left + pw, y1: BM.top + ph, y2: BM.top + ph, stroke: CHART_AXIS, 'stroke-width': 1 }));
  parts.push(svgEl('text', { x: BM.left + pw / 2, y: BH - 6, 'font-size': 11, fill: CHART_MUTED, 'text-anchor': 'middle' }, 'member'));
  parts.push(svgEl('text', { x: 12, y: BM.top + ph / 2, 'font-size': 11, fill: CHART_MUTED, 'text-anchor': 'middle', transform: `rotate(-90 12 ${BM.top + ph / 2})` }, 'validation MSE'));
  return parts.join('');
}

/** Validation MSE of every member, their mean and the ensemble's, with the noise floor σ². */
export const MemberBars = memo(function MemberBars(props: BarsProps) {
  const { title, fileBase, memberVal, ensemble, floor, show } = props;
  const body = useMemo(() => buildBars(props), [props]);
  const k = memberVal.length;
  const mean = memberVal.reduce((a, b) => a + b, 0) / k;
  const legend = useMemo<LegendItem[]>(() => [
    { label: 'members', color: MEMBER_COLOR },
    { label: `member ${show + 1}`, color: HIGHLIGHT_COLOR },
    { label: 'mean of the members (dotted)', color: '#8c959f' },
    { label: 'ensemble average', color: ENSEMBLE_COLOR },
    ...(floor > 0 ? [{ label: 'noise floor σ²', color: TRUTH_COLOR, marker: 'dashed' as const }] : []),
  ], [show, floor]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: BW, height: BH, body, legend }), [title, body, legend]);
  const getCsv = useCallback(() => toCsv(['model', 'validation MSE'], [
    ...memberVal.map((v, i) => [`member ${i + 1}`, v]),
    ['mean of the members', mean],
    ['ensemble', ensemble],
    ['noise floor', floor],
  ]), [memberVal, mean, ensemble, floor]);
  const summary = `${title}: ${k} members with validation MSE from ${Math.min(...memberVal).toPrecision(3)} to ${Math.max(...memberVal).toPrecision(3)}, mean ${mean.toPrecision(3)}; the ensemble ${ensemble.toPrecision(3)}.`;
  return (
    <ChartFrame title={title} chartKey="bars" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="chart-plot">
        <svg className="ensemble-svg" role="img" aria-label={summary} viewBox={`0 0 ${BW} ${BH}`} width="100%" style={{ maxWidth: BW }}
          data-testid="ensemble-bars" data-members={k}
          dangerouslySetInnerHTML={{ __html: body }} />
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
