import { useCallback, useMemo, useRef, memo } from 'react';
import {
  CartesianGrid, Legend, Line, LineChart as RLineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';
import { ChartFrame } from './ChartFrame';
import type { LegendItem } from './export';
import { formatNumber } from './format';
import { describeLineChart, lineCsv, mergeSeries, renderPoints, type LineSeries } from './lineData';
import { exportRechartsSvg } from './rechartsExport';
import { axisLabel, referenceLabel } from './rechartsStyle';
import { niceTicks } from './ticks';

export type { LineSeries, XY } from './lineData';

export interface ReferenceLineSpec {
  /** Horizontal line at this y (give either y or x). */
  y?: number;
  /** Vertical line at this x. */
  x?: number;
  label: string;
  color: string;
}

export interface LineChartProps {
  title: string;
  chartKey: string;
  fileBase: string;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  /** Log-scaled y axis; points with y ≤ 0 are not drawn (they stay in the CSV). */
  logY?: boolean;
  /** Plot height in CSS px (default 220). */
  height?: number;
  yDomain?: [number, number] | 'auto';
  referenceLines?: ReferenceLineSpec[];
}

type AxisDomain = [number | 'auto', number | 'auto'];

function resolveYDomain(yDomain: LineChartProps['yDomain'], logY: boolean): AxisDomain {
  if (!yDomain || yDomain === 'auto') return ['auto', 'auto'];
  // A log axis cannot show a non-positive bound; fall back to automatic limits.
  if (logY && (yDomain[0] <= 0 || yDomain[1] <= 0)) return ['auto', 'auto'];
  return yDomain;
}

function renderReferenceLines(lines: ReferenceLineSpec[], logY: boolean) {
  return lines
    .filter((r) => r.x !== undefined || (r.y !== undefined && (!logY || r.y > 0)))
    .map((r, i) => (
      <ReferenceLine
        key={`ref-${i}`}
        x={r.x}
        y={r.x === undefined ? r.y : undefined}
        stroke={r.color}
        strokeWidth={1.5}
        strokeDasharray="4 4"
        label={referenceLabel(r.label, r.x === undefined ? 'insideTopRight' : 'insideTopLeft')}
      />
    ));
}

function renderSeriesLines(series: readonly LineSeries[]) {
  // dataKey `s${i}` matches the fields written by mergeSeries.
  return series.map((s, i) => (
    <Line
      key={s.key}
      type="linear"
      dataKey={`s${i}`}
      name={s.label}
      stroke={s.color}
      strokeWidth={2}
      strokeDasharray={s.dashed ? '6 4' : undefined}
      dot={false}
      activeDot={{ r: 3 }}
      connectNulls
      isAnimationActive={false}
    />
  ));
}

function renderTooltip(xLabel: string) {
  const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v));
  return <Tooltip isAnimationActive={false} labelFormatter={(x) => `${xLabel}: ${fmt(x)}`} formatter={fmt} />;
}

/** Numeric x/y line chart (recharts) with downsampled rendering and PNG/SVG/CSV export. */
/** Memoised: pass stable arrays (useMemo) so unchanged charts skip re-rendering while a lab trains. */
export const LineChart = memo(function LineChart(props: LineChartProps) {
  const { title, chartKey, fileBase, xLabel, yLabel, series, logY = false, height = 220 } = props;
  const { yDomain = 'auto', referenceLines } = props;
  const plotRef = useRef<HTMLDivElement>(null);

  const data = useMemo(() => mergeSeries(series.map((s) => renderPoints(s.points, logY))), [series, logY]);
  // Round tick values (500, 1000, …) instead of recharts' even split of [dataMin, dataMax].
  const xTicks = useMemo(() => (data.length > 1 ? niceTicks(data[0].x, data[data.length - 1].x, 5) : undefined), [data]);
  const legend = useMemo<LegendItem[]>(
    () => series.map((s) => ({ label: s.label, color: s.color, marker: s.dashed ? 'dashed' : 'line' })),
    [series],
  );
  const getSvg = useCallback(() => exportRechartsSvg(plotRef.current, title, legend), [title, legend]);
  const getCsv = useCallback(() => lineCsv(series), [series]);
  const summary = useMemo(
    () => describeLineChart(title, xLabel, yLabel, series, logY),
    [title, xLabel, yLabel, series, logY],
  );

  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div ref={plotRef} className="chart-plot" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={height}>
          {/* accessibilityLayer off: a focusable surface must not sit inside role="img". */}
          <RLineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              domain={['dataMin', 'dataMax']}
              ticks={xTicks}
              tickFormatter={formatNumber}
              height={38}
              label={axisLabel(xLabel, 'insideBottom')}
            />
            <YAxis
              scale={logY ? 'log' : 'auto'}
              domain={resolveYDomain(yDomain, logY)}
              allowDataOverflow={false}
              tickFormatter={formatNumber}
              width={60}
              label={axisLabel(yLabel, 'insideLeft', true)}
            />
            {renderTooltip(xLabel)}
            {series.length > 1 && <Legend verticalAlign="bottom" iconType="plainline" />}
            {renderReferenceLines(referenceLines ?? [], logY)}
            {renderSeriesLines(series)}
          </RLineChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
});
