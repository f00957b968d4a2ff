/**
 * Geometry of the scatter/heatmap chart as a renderer-independent "scene", so the canvas
 * drawing and the SVG export place every tick, line and point identically. Pure.
 */
import { formatNumber } from './format';
import { niceTicks } from './ticks';
import { SET_MARKER, SET_NAMES, type MarkerKind, type PointSet } from './markers';

export interface Domain {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface ScatterPoint {
  x: number;
  y: number;
  /** Class index into classColors / classNames. */
  label: number;
  set?: PointSet;
}

/** Line a·x + b·y + c = 0 in data coordinates. */
export interface Boundary {
  a: number;
  b: number;
  c: number;
}

/** An extra straight line a·x + b·y + c = 0 with its own style and legend entry. */
export interface ScatterLine extends Boundary {
  color: string;
  label: string;
  dashed?: boolean;
}

export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Tick {
  value: number;
  text: string;
  /** Pixel position along the axis. */
  pos: number;
}

export interface ScenePoint {
  px: number;
  py: number;
  kind: MarkerKind;
  color: string;
  /** Diameter in CSS px. */
  size: number;
}

export interface SceneLine {
  from: [number, number];
  to: [number, number];
  color: string;
  dashed: boolean;
}

export interface Scene {
  size: number;
  rect: PlotRect;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Visible segments, in pixels; lines entirely outside the domain are left out. */
  lines: SceneLine[];
  points: ScenePoint[];
}

const MARGIN = { left: 36, top: 8, right: 10, bottom: 24 };
const POINT_SIZE = 8;
const UNKNOWN_CLASS_COLOR = '#8c959f';
// Later sets are drawn on top: a user's own point must never hide under training data.
const DRAW_ORDER: Record<PointSet, number> = { train: 0, val: 1, test: 2, user: 3 };

export function plotRect(size: number): PlotRect {
  return {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(1, size - MARGIN.left - MARGIN.right),
    height: Math.max(1, size - MARGIN.top - MARGIN.bottom),
  };
}

export function dataToPixel(domain: Domain, rect: PlotRect, x: number, y: number): [number, number] {
  const px = rect.left + ((x - domain.xMin) / (domain.xMax - domain.xMin)) * rect.width;
  const py = rect.top + ((domain.yMax - y) / (domain.yMax - domain.yMin)) * rect.height;
  return [px, py];
}

export function pixelToData(domain: Domain, rect: PlotRect, px: number, py: number): [number, number] {
  const x = domain.xMin + ((px - rect.left) / rect.width) * (domain.xMax - domain.xMin);
  const y = domain.yMax - ((py - rect.top) / rect.height) * (domain.yMax - domain.yMin);
  return [x, y];
}

/** Liang–Barsky clip of segment p0→p1 to the domain box. */
function clipSegment(p0: [number, number], p1: [number, number], d: Domain): [[number, number], [number, number]] | null {
  const dx = p1[0] - p0[0];
  const dy = p1[1] - p0[1];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, p0[0] - d.xMin], [dx, d.xMax - p0[0]], [-dy, p0[1] - d.yMin], [dy, d.yMax - p0[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      t0 = Math.max(t0, r);
    } else {
      if (r < t0) return null;
      t1 = Math.min(t1, r);
    }
  }
  if (t1 <= t0) return null;
  return [[p0[0] + t0 * dx, p0[1] + t0 * dy], [p0[0] + t1 * dx, p0[1] + t1 * dy]];
}

/** The visible part of the line a·x + b·y + c = 0 inside the domain, in data coordinates. */
export function clipLineToDomain(line: Boundary, d: Domain): [[number, number], [number, number]] | null {
  const { a, b, c } = line;
  if (![a, b, c].every(Number.isFinite)) return null;
  // Solve for the variable with the larger coefficient to stay numerically stable.
  if (Math.abs(b) >= Math.abs(a)) {
    if (b === 0) return null;
    return clipSegment([d.xMin, -(a * d.xMin + c) / b], [d.xMax, -(a * d.xMax + c) / b], d);
  }
  return clipSegment([-(b * d.yMin + c) / a, d.yMin], [-(b * d.yMax + c) / a, d.yMax], d);
}

function scenePoints(points: readonly ScatterPoint[], d: Domain, rect: PlotRect, colors: readonly string[]): ScenePoint[] {
  return points
    .filter((p) => p.x >= d.xMin && p.x <= d.xMax && p.y >= d.yMin && p.y <= d.yMax)
    .sort((p, q) => DRAW_ORDER[p.set ?? 'train'] - DRAW_ORDER[q.set ?? 'train'])
    .map((p) => {
      const [px, py] = dataToPixel(d, rect, p.x, p.y);
      return { px, py, kind: SET_MARKER[p.set ?? 'train'], color: colors[p.label] ?? UNKNOWN_CLASS_COLOR, size: POINT_SIZE };
    });
}

export function buildScene(opts: {
  size: number;
  domain: Domain;
  points: readonly ScatterPoint[];
  classColors: readonly string[];
  lines?: readonly ScatterLine[];
}): Scene {
  const { size, domain: d } = opts;
  const rect = plotRect(size);
  const xTicks = niceTicks(d.xMin, d.xMax).map((value) => ({
    value, text: formatNumber(value), pos: dataToPixel(d, rect, value, d.yMin)[0],
  }));
  const yTicks = niceTicks(d.yMin, d.yMax).map((value) => ({
    value, text: formatNumber(value), pos: dataToPixel(d, rect, d.xMin, value)[1],
  }));
  const lines: SceneLine[] = [];
  for (const line of opts.lines ?? []) {
    const seg = clipLineToDomain(line, d);
    if (!seg) continue;
    const [from, to] = [dataToPixel(d, rect, ...seg[0]), dataToPixel(d, rect, ...seg[1])];
    lines.push({ from, to, color: line.color, dashed: !!line.dashed });
  }
  return {
    size,
    rect,
    xTicks,
    yTicks,
    lines,
    points: scenePoints(opts.points, d, rect, opts.classColors),
  };
}

/** Sets present in the data, in legend order. */
export function presentSets(points: readonly ScatterPoint[]): PointSet[] {
  const seen = new Set(points.map((p) => p.set ?? 'train'));
  return (Object.keys(DRAW_ORDER) as PointSet[]).filter((s) => seen.has(s));
}

/** Screen-reader summary: counts per class and set, ranges, and what the shading means. */
export function describeScatter(opts: {
  title: string;
  domain: Domain;
  points: readonly ScatterPoint[];
  classNames: readonly string[];
  heatmapKind?: 'class' | 'probability';
  lineLabels: readonly string[];
}): string {
  const { title, domain: d, points, classNames } = opts;
  const perClass = classNames
    .map((name, i) => `${points.filter((p) => p.label === i).length} ${name}`)
    .join(', ');
  const perSet = presentSets(points)
    .map((s) => `${points.filter((p) => (p.set ?? 'train') === s).length} ${SET_NAMES[s]}`)
    .join(', ');
  const shading = opts.heatmapKind === 'class'
    ? ' Background shaded by predicted class.'
    : opts.heatmapKind === 'probability' ? ' Background shaded by predicted probability.' : '';
  const lines = opts.lineLabels.length ? ` Straight lines drawn: ${opts.lineLabels.join(', ')}.` : '';
  return `${title}. Scatter plot of ${points.length} points (${perClass || 'no classes'}${perSet ? `; ${perSet}` : ''}) ` +
    `over x from ${formatNumber(d.xMin)} to ${formatNumber(d.xMax)} and y from ${formatNumber(d.yMin)} ` +
    `to ${formatNumber(d.yMax)}.${shading}${lines}`;
}
