/** Data preparation for LineChart: cleaning, min/max downsampling, merging and CSV. Pure. */
import { toCsv } from './export';
import { formatNumber } from './format';

export interface XY {
  x: number;
  y: number;
}

export interface LineSeries {
  /** Stable identifier (React key). */
  key: string;
  /** Shown in the legend, tooltip and CSV header. */
  label: string;
  color: string;
  points: XY[];
  dashed?: boolean;
}

/** Row of the merged recharts data array: `x` plus `s0`, `s1`, … per series index. */
export type LineRow = { x: number } & Record<string, number>;

export const MAX_RENDER_POINTS = 400;

function isSortedByX(points: readonly XY[]): boolean {
  for (let i = 1; i < points.length; i++) if (points[i].x < points[i - 1].x) return false;
  return true;
}

/** Drop non-finite points (and non-positive y on a log axis) and sort by x. */
export function cleanPoints(points: readonly XY[], logY: boolean): XY[] {
  const kept = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!logY || p.y > 0));
  return isSortedByX(kept) ? kept : kept.sort((a, b) => a.x - b.x);
}

/**
 * Keep first and last point and, for each of ⌊(max−2)/2⌋ equal-count buckets in between,
 * the minimum and maximum y in x order. Unlike striding, this preserves spikes (a loss
 * blow-up must stay visible) while bounding the SVG path length.
 */
export function downsampleMinMax(points: readonly XY[], maxPoints = MAX_RENDER_POINTS): XY[] {
  const limit = Math.max(4, Math.floor(maxPoints));
  const n = points.length;
  if (n <= limit) return points.slice();
  const buckets = Math.floor((limit - 2) / 2);
  const inner = n - 2;
  const out: XY[] = [points[0]];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (end <= start) continue;
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (points[i].y < points[lo].y) lo = i;
      if (points[i].y > points[hi].y) hi = i;
    }
    if (lo === hi) out.push(points[lo]);
    else out.push(points[Math.min(lo, hi)], points[Math.max(lo, hi)]);
  }
  out.push(points[n - 1]);
  return out;
}

interface CacheEntry {
  length: number;
  lastX: number;
  lastY: number;
  linear?: XY[];
  log?: XY[];
}

// Keyed on the points array so unchanged series are not re-processed when a sibling
// series updates. Length/last-point checks catch callers that push into the same array.
const renderCache = new WeakMap<readonly XY[], CacheEntry>();

/** Cleaned + downsampled points for rendering, cached per points array. */
export function renderPoints(points: readonly XY[], logY: boolean, maxPoints = MAX_RENDER_POINTS): XY[] {
  const last = points[points.length - 1];
  let entry = renderCache.get(points);
  if (!entry || entry.length !== points.length || entry.lastX !== last?.x || entry.lastY !== last?.y) {
    entry = { length: points.length, lastX: last?.x ?? NaN, lastY: last?.y ?? NaN };
    renderCache.set(points, entry);
  }
  const slot = logY ? 'log' : 'linear';
  entry[slot] ??= downsampleMinMax(cleanPoints(points, logY), maxPoints);
  return entry[slot];
}

/** Merge per-series points into recharts rows keyed by x (series i → field `s${i}`). */
export function mergeSeries(perSeries: readonly (readonly XY[])[]): LineRow[] {
  const rows = new Map<number, LineRow>();
  perSeries.forEach((points, i) => {
    for (const p of points) {
      let row = rows.get(p.x);
      if (!row) {
        row = { x: p.x } as LineRow;
        rows.set(p.x, row);
      }
      row[`s${i}`] = p.y;
    }
  });
  return Array.from(rows.values()).sort((a, b) => a.x - b.x);
}

/** Full-resolution CSV: x, then one column per series (blank where a series has no point at x). */
export function lineCsv(series: readonly LineSeries[]): string {
  const byX = new Map<number, (number | string)[]>();
  series.forEach((s, i) => {
    for (const p of s.points) {
      if (!Number.isFinite(p.x)) continue;
      let row = byX.get(p.x);
      if (!row) {
        row = new Array<number | string>(series.length).fill('');
        byX.set(p.x, row);
      }
      row[i] = Number.isFinite(p.y) ? p.y : '';
    }
  });
  const xs = Array.from(byX.keys()).sort((a, b) => a - b);
  return toCsv(['x', ...series.map((s) => s.label)], xs.map((x) => [x, ...(byX.get(x) ?? [])]));
}

/** Screen-reader summary: title, axes and each series' extent. */
export function describeLineChart(
  title: string, xLabel: string, yLabel: string, series: readonly LineSeries[], logY: boolean,
): string {
  const parts = series.map((s) => {
    const pts = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (!pts.length) return `${s.label}: no data`;
    const first = pts[0];
    const last = pts[pts.length - 1];
    return `${s.label}: ${pts.length} points, from ${formatNumber(first.y)} at ${formatNumber(first.x)} ` +
      `to ${formatNumber(last.y)} at ${formatNumber(last.x)}`;
  });
  const scale = logY ? ' (log scale)' : '';
  return `${title}. Line chart of ${yLabel}${scale} against ${xLabel}. ${parts.join('; ') || 'No data'}.`;
}
