import { memo, useCallback, useMemo, useRef } from 'react';
import { CHART_AXIS, CHART_FG, CHART_GRID, CHART_MUTED, ChartFrame, ChartLegend, composeExportSvg, formatNumber, toCsv, type LegendItem } from '../../../../charts';
import { niceTicks } from '../../../../charts/ticks';
import { expModel, type Theta } from '../../../../ml/secondOrder';
import { METHOD_KEYS, type MethodKey, type SecondOrderView } from './engine';

const W = 520;
const H = 260;
const M = { l: 48, r: 12, t: 8, b: 34 };
const SAMPLES = 120;

export const METHOD_NAMES: Record<MethodKey, string> = { gd: 'Gradient descent', gn: 'Gauss–Newton', lev: 'Levenberg', lm: 'Levenberg–Marquardt' };

interface Scale { x: (v: number) => number; y: (v: number) => number; xTicks: number[]; yTicks: number[] }

function makeScale(xs: number[], ys: number[]): Scale {
  const xMin = Math.min(...xs), xMax = Math.max(...xs);
  const lo = Math.min(...ys), hi = Math.max(...ys);
  const pad = 0.1 * (hi - lo || 1);
  const yMin = lo - pad, yMax = hi + pad;
  return {
    x: (v) => M.l + ((v - xMin) / (xMax - xMin || 1)) * (W - M.l - M.r),
    y: (v) => H - M.b - ((v - yMin) / (yMax - yMin)) * (H - M.t - M.b),
    xTicks: niceTicks(xMin, xMax, 5).filter((t) => t >= xMin && t <= xMax),
    yTicks: niceTicks(yMin, yMax, 5).filter((t) => t >= yMin && t <= yMax),
  };
}

function curvePath(theta: Theta, xMin: number, xMax: number, s: Scale): string {
  const pts: string[] = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const x = xMin + ((xMax - xMin) * i) / SAMPLES;
    const y = s.y(expModel(theta, x));
    // Keep far-off values drawable; the clip path hides what leaves the plot.
    if (Number.isFinite(y)) pts.push(`${s.x(x).toFixed(1)},${Math.max(-1e4, Math.min(1e4, y)).toFixed(1)}`);
  }
  return pts.length > 1 ? `M${pts.join('L')}` : '';
}

function Axes({ s }: { s: Scale }) {
  return (
    <g fontSize={11} fill={CHART_MUTED}>
      {s.yTicks.map((t) => (
        <g key={`y${t}`}>
          <line x1={M.l} x2={W - M.r} y1={s.y(t)} y2={s.y(t)} stroke={CHART_GRID} strokeDasharray="3 3" />
          <text x={M.l - 6} y={s.y(t) + 4} textAnchor="end">{formatNumber(t)}</text>
        </g>
      ))}
      {s.xTicks.map((t) => (
        <text key={`x${t}`} x={s.x(t)} y={H - M.b + 16} textAnchor="middle">{formatNumber(t)}</text>
      ))}
      <line x1={M.l} x2={W - M.r} y1={H - M.b} y2={H - M.b} stroke={CHART_AXIS} />
      <line x1={M.l} x2={M.l} y1={M.t} y2={H - M.b} stroke={CHART_AXIS} />
      <text x={(M.l + W - M.r) / 2} y={H - 4} textAnchor="middle" fill={CHART_FG}>x</text>
      <text x={12} y={(M.t + H - M.b) / 2} textAnchor="middle" fill={CHART_FG} transform={`rotate(-90 12 ${(M.t + H - M.b) / 2})`}>y</text>
    </g>
  );
}

interface Props { view: SecondOrderView; colors: Record<MethodKey, string>; fileBase: string; step: number }

/** The data, the true curve and each method's current fit a·e^{bx}, drawn as SVG. */
export const FitPlot = memo(function FitPlot({ view, colors, fileBase, step }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const { data, truth, methods } = view;
  const title = 'Data and current fits';
  const s = useMemo(() => makeScale(data.xs, [...data.ys, ...data.xs.map((x) => expModel(truth, x))]), [data, truth]);
  const xMin = data.xs[0], xMax = data.xs[data.xs.length - 1];
  const legend = useMemo<LegendItem[]>(() => [
    { label: 'data', color: CHART_FG, marker: 'circle' },
    { label: `true curve ${formatNumber(truth.a)}·e^(${formatNumber(truth.b)}x)`, color: CHART_MUTED, marker: 'dashed' },
    ...METHOD_KEYS.map((k) => ({ label: METHOD_NAMES[k], color: colors[k], marker: 'line' as const })),
  ], [truth, colors]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body: ref.current?.innerHTML ?? '', legend }), [legend]);
  const getCsv = useCallback(() => toCsv(
    ['x', 'y', ...METHOD_KEYS.map((k) => `fit ${METHOD_NAMES[k]}`)],
    data.xs.map((x, i) => [x, data.ys[i], ...METHOD_KEYS.map((k) => expModel(methods[k].theta, x))]),
  ), [data, methods]);
  const fits = METHOD_KEYS.map((k) => `${METHOD_NAMES[k]} a = ${formatNumber(methods[k].theta.a)}, b = ${formatNumber(methods[k].theta.b)}`).join('; ');
  const label = `${data.xs.length} data points from ${formatNumber(truth.a)}·e^(${formatNumber(truth.b)}x) plus noise. After ${step} iterations: ${fits}.`;
  return (
    <ChartFrame title={title} chartKey="fit" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <svg ref={ref} viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ maxWidth: W * 1.4, display: 'block' }}>
        <defs>
          <clipPath id="so-fit-clip"><rect x={M.l} y={M.t} width={W - M.l - M.r} height={H - M.t - M.b} /></clipPath>
        </defs>
        <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
        <Axes s={s} />
        <g clipPath="url(#so-fit-clip)" fill="none" strokeWidth={2}>
          <path d={curvePath(truth, xMin, xMax, s)} stroke={CHART_MUTED} strokeDasharray="6 4" />
          {METHOD_KEYS.map((k) => <path key={k} d={curvePath(methods[k].theta, xMin, xMax, s)} stroke={colors[k]} />)}
        </g>
        <g fill={CHART_FG} fillOpacity={0.75}>
          {data.xs.map((x, i) => <circle key={i} cx={s.x(x)} cy={s.y(data.ys[i])} r={3} />)}
        </g>
      </svg>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
