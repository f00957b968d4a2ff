import { memo, useCallback, useMemo, useRef } from 'react';
import { CHART_AXIS, CHART_FG, CHART_GRID, CHART_MUTED, ChartFrame, ChartLegend, composeExportSvg, formatNumber, toCsv, type LegendItem } from '../../../../charts';
import { niceTicks } from '../../../../charts/ticks';
import type { CrossvalView } from './engine';

export const CV_COLOR = '#0072B2';
export const BAND_COLOR = '#9ec5e8';
export const PICK_COLOR = '#D55E00';

/** Below this width the chart scrolls sideways instead of shrinking its text. */
const MIN_W = 440;
const W = 540;
const H = 260;
const M = { l: 52, r: 16, t: 12, b: 36 };

interface Props {
  view: CrossvalView;
  fileBase: string;
}

/** Mean validation accuracy with a ±1 standard deviation band against k_NN; the selected value marked. */
export const CvCurve = memo(function CvCurve({ view, fileBase }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const title = 'Cross-validation accuracy against the number of neighbours';
  const { rows, best, current } = view;
  const done = rows.filter((r) => Number.isFinite(r.mean));
  const xMax = rows.length ? rows[rows.length - 1].kNN : 1;
  const lo = done.length ? Math.min(...done.map((r) => r.mean - (Number.isFinite(r.std) ? r.std : 0))) : 0.5;
  const hi = done.length ? Math.max(...done.map((r) => r.mean + (Number.isFinite(r.std) ? r.std : 0))) : 1;
  const pad = 0.05 * (hi - lo || 0.1);
  const yMin = Math.max(0, lo - pad);
  const yMax = Math.min(1, hi + pad);
  const x = (v: number) => M.l + ((v - 0) / (xMax || 1)) * (W - M.l - M.r);
  const y = (v: number) => H - M.b - ((v - yMin) / (yMax - yMin || 1)) * (H - M.t - M.b);
  const xTicks = niceTicks(0, xMax, 6).filter((t) => t >= 0 && t <= xMax);
  const yTicks = niceTicks(yMin, yMax, 5).filter((t) => t >= yMin && t <= yMax);
  const band = done.length > 1
    ? `M${done.map((r) => `${x(r.kNN).toFixed(1)},${y(r.mean + r.std).toFixed(1)}`).join('L')}L${[...done].reverse().map((r) => `${x(r.kNN).toFixed(1)},${y(r.mean - r.std).toFixed(1)}`).join('L')}Z`
    : '';
  const line = done.length > 1 ? `M${done.map((r) => `${x(r.kNN).toFixed(1)},${y(r.mean).toFixed(1)}`).join('L')}` : '';
  const pick = best >= 0 ? rows[best] : null;
  const inProgress = best < 0 && current.cand >= 0 ? rows[current.cand] : null;
  const legend = useMemo<LegendItem[]>(() => [
    { label: 'mean validation accuracy', color: CV_COLOR, marker: 'line' },
    { label: '±1 standard deviation (sample, k − 1)', color: BAND_COLOR },
    ...(pick ? [{ label: `selected: ${pick.kNN} neighbours`, color: PICK_COLOR, marker: 'dashed' as const }] : []),
  ], [pick]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body: ref.current?.innerHTML ?? '', legend }), [legend]);
  const getCsv = useCallback(() => toCsv(
    ['neighbours k_NN', 'mean accuracy', 'std (k - 1)', ...rows[0]?.scores.map((_, i) => `fold ${i + 1}`) ?? [], 'selected'],
    rows.map((r, i) => [r.kNN, r.mean, r.std, ...r.scores, i === best ? 1 : 0]),
  ), [rows, best]);
  const label = `${title}. ${done.length} of ${rows.length} numbers of neighbours cross-validated: ` +
    done.map((r) => `${r.kNN} neighbours: ${formatNumber(r.mean)} ± ${formatNumber(r.std)}`).join('; ') +
    (pick ? `. Selected: ${pick.kNN} neighbours.` : '.');
  return (
    <ChartFrame title={title} chartKey="cv-curve" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="crossval-scroll" tabIndex={0} role="region" aria-label={`${title} (scrolls sideways on narrow screens)`}>
      <svg ref={ref} viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ maxWidth: W * 1.3, minWidth: MIN_W, display: 'block' }} data-testid="crossval-curve">
        <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
        <g fontSize={11} fill={CHART_MUTED}>
          {yTicks.map((t) => (
            <g key={`y${t}`}>
              <line x1={M.l} x2={W - M.r} y1={y(t)} y2={y(t)} stroke={CHART_GRID} strokeDasharray="3 3" />
              <text x={M.l - 6} y={y(t) + 4} textAnchor="end">{formatNumber(t)}</text>
            </g>
          ))}
          {xTicks.map((t) => <text key={`x${t}`} x={x(t)} y={H - M.b + 16} textAnchor="middle">{formatNumber(t)}</text>)}
          <line x1={M.l} x2={W - M.r} y1={H - M.b} y2={H - M.b} stroke={CHART_AXIS} />
          <line x1={M.l} x2={M.l} y1={M.t} y2={H - M.b} stroke={CHART_AXIS} />
          <text x={(M.l + W - M.r) / 2} y={H - 4} textAnchor="middle" fill={CHART_FG}>neighbours k<tspan baselineShift="sub" fontSize={8}>NN</tspan></text>
          <text x={12} y={(M.t + H - M.b) / 2} textAnchor="middle" fill={CHART_FG} transform={`rotate(-90 12 ${(M.t + H - M.b) / 2})`}>validation accuracy</text>
        </g>
        {band ? <path d={band} fill={BAND_COLOR} fillOpacity={0.55} stroke="none" /> : null}
        {line ? <path d={line} fill="none" stroke={CV_COLOR} strokeWidth={2} /> : null}
        {done.map((r) => <circle key={r.kNN} cx={x(r.kNN)} cy={y(r.mean)} r={3.5} fill={CV_COLOR} />)}
        {inProgress ? <line x1={x(inProgress.kNN)} x2={x(inProgress.kNN)} y1={M.t} y2={H - M.b} stroke={CHART_AXIS} strokeDasharray="2 3" /> : null}
        {pick ? (
          <g data-testid="crossval-pick">
            <line x1={x(pick.kNN)} x2={x(pick.kNN)} y1={M.t} y2={H - M.b} stroke={PICK_COLOR} strokeWidth={1.5} strokeDasharray="5 4" />
            <circle cx={x(pick.kNN)} cy={y(pick.mean)} r={6} fill="none" stroke={PICK_COLOR} strokeWidth={2} />
            <text x={x(pick.kNN) + (x(pick.kNN) > W / 2 ? -6 : 6)} y={M.t + 12} fontSize={11} fill={PICK_COLOR} textAnchor={x(pick.kNN) > W / 2 ? 'end' : 'start'}>
              CV picks {pick.kNN} neighbours
            </text>
          </g>
        ) : null}
      </svg>
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
