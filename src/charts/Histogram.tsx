import { useCallback, useMemo, useRef, memo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import { SERIES_COLORS } from './colors';
import { toCsv } from './export';
import { formatNumber } from './format';
import { histogram, type HistogramBin } from './histogram';
import { exportRechartsSvg } from './rechartsExport';
import { axisLabel } from './rechartsStyle';
import { niceTicks } from './ticks';

export interface HistogramProps {
  title: string;
  chartKey: string;
  fileBase: string;
  xLabel: string;
  values: ArrayLike<number>;
  /** Number of equal-width bins (default 20). */
  bins?: number;
  /** Binning range; default the data's extent. Values outside are not counted. */
  range?: [number, number];
  color?: string;
  /** Plot height in CSS px (default 220). */
  height?: number;
}

interface BarRow extends HistogramBin {
  mid: number;
}

function describe(title: string, xLabel: string, total: number, rows: BarRow[]): string {
  if (!rows.length) return `${title}. Histogram of ${xLabel}: no data.`;
  const counted = rows.reduce((s, r) => s + r.count, 0);
  const peak = rows.reduce((best, r) => (r.count > best.count ? r : best), rows[0]);
  const lo = formatNumber(rows[0].x0);
  const hi = formatNumber(rows[rows.length - 1].x1);
  return `${title}. Histogram of ${xLabel}: ${counted} of ${total} values in ${rows.length} bins from ${lo} ` +
    `to ${hi}; the fullest bin, ${formatNumber(peak.x0)} to ${formatNumber(peak.x1)}, holds ${peak.count}.`;
}

/** Histogram of raw values (binned here) as a recharts bar chart, with PNG/SVG/CSV export. */
/** Memoised: pass stable arrays (useMemo) so unchanged charts skip re-rendering while a lab trains. */
export const Histogram = memo(function Histogram(props: HistogramProps) {
  const { title, chartKey, fileBase, xLabel, values, bins = 20, range, height = 220 } = props;
  const color = props.color ?? SERIES_COLORS[0];
  const plotRef = useRef<HTMLDivElement>(null);
  const lo = range?.[0];
  const hi = range?.[1];

  const rows = useMemo<BarRow[]>(() => {
    const r: [number, number] | undefined = lo !== undefined && hi !== undefined ? [lo, hi] : undefined;
    return histogram(values, bins, r).map((b) => ({ ...b, mid: (b.x0 + b.x1) / 2 }));
  }, [values, bins, lo, hi]);

  const getSvg = useCallback(() => exportRechartsSvg(plotRef.current, title, []), [title]);
  const getCsv = useCallback(() => toCsv(['x0', 'x1', 'count'], rows.map((r) => [r.x0, r.x1, r.count])), [rows]);
  const summary = useMemo(() => describe(title, xLabel, values.length, rows), [title, xLabel, values, rows]);
  const domain: [number, number] = [rows[0].x0, rows[rows.length - 1].x1];

  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div ref={plotRef} className="chart-plot" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={rows}
            margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
            barCategoryGap={1}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              type="number"
              dataKey="mid"
              domain={domain}
              ticks={niceTicks(domain[0], domain[1], 5)}
              tickFormatter={formatNumber}
              height={38}
              label={axisLabel(xLabel, 'insideBottom')}
            />
            <YAxis
              allowDecimals={false}
              width={60}
              label={axisLabel('count', 'insideLeft', true)}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(_, payload) => {
                const row = payload?.[0]?.payload as BarRow | undefined;
                return row ? `${formatNumber(row.x0)} to ${formatNumber(row.x1)}` : '';
              }}
            />
            <Bar dataKey="count" name="count" fill={color} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
});
