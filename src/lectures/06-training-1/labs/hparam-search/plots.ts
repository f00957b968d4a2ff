/**
 * SVG markup (pure strings, no DOM) for the lab's two plots: the (log₁₀ α, log₁₀ λ) plane with the
 * trials and a nearest-trial colouring, and validation accuracy against the learning rate alone.
 * The same markup is drawn on the page and written into the exported SVG / PNG.
 */
import { CHART_AXIS, CHART_FG, CHART_GRID, CHART_MUTED, SERIES_COLORS } from '../../../../charts';
import { markerSvg, type MarkerKind } from '../../../../charts/markers';
import { escapeXml, svgEl } from '../../../../charts/svgText';
import { nearestTrialMap, PLANE, type TrialKind, type TrialResult } from '../../../../ml/hparamSearch';

/** Viridis, sampled at five stops; perceptually ordered and readable in greyscale. */
const VIRIDIS: readonly [number, number, number][] = [
  [68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37],
];

/** Colour of an accuracy on the scale [chance, 1] (values below chance get the bottom colour). */
export function accColor(acc: number, chance: number, tint = 1): string {
  if (!Number.isFinite(acc)) return '#ffffff';
  const t = Math.min(1, Math.max(0, (acc - chance) / (1 - chance))) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(t));
  const f = t - i;
  // tint < 1 blends towards white (the background), so markers in full colour stand out.
  const c = VIRIDIS[i].map((v, k) => Math.round(255 + (v + (VIRIDIS[i + 1][k] - v) * f - 255) * tint));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export const KIND_MARKER: Record<TrialKind, MarkerKind> = { grid: 'square', random: 'circle', refine: 'diamond' };
export const KIND_COLOR: Record<TrialKind, string> = { grid: SERIES_COLORS[1], random: SERIES_COLORS[0], refine: SERIES_COLORS[2] };
export const KIND_NAME: Record<TrialKind, string> = { grid: 'grid', random: 'random', refine: 'refined' };

const superscript: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
/** "10⁻³" for e = −3. */
export const decade = (e: number) => `10${String(e).split('').map((c) => superscript[c] ?? c).join('')}`;

export const PLANE_W = 360;
const M = { left: 52, right: 12, top: 10 };
const BAND_H = 170;
const GAP = 8;
const ZERO_H = 26;
const AXIS_H = 38;
const BAR_H = 40;
export const PLANE_H = M.top + BAND_H + GAP + ZERO_H + AXIS_H + BAR_H;
const NX = 90;
const NY = 50;
const FONT = 11;

const plotW = PLANE_W - M.left - M.right;
const xPx = (lx: number) => M.left + ((lx - PLANE.xMin) / (PLANE.xMax - PLANE.xMin)) * plotW;
const yPx = (ly: number) => M.top + ((PLANE.yMax - ly) / (PLANE.yMax - PLANE.yMin)) * BAND_H;
const zeroTop = M.top + BAND_H + GAP;
const zeroMid = zeroTop + ZERO_H / 2;

function text(x: number, y: number, s: string, opts: { anchor?: string; size?: number; color?: string; rotate?: boolean } = {}): string {
  return svgEl('text', {
    x, y, 'font-size': opts.size ?? FONT, fill: opts.color ?? CHART_MUTED, 'text-anchor': opts.anchor ?? 'middle',
    transform: opts.rotate ? `rotate(-90 ${x} ${y})` : undefined,
  }, escapeXml(s));
}

/** Merge equal neighbouring cells of a row into one rect each. */
function rowRects(values: ArrayLike<number>, offset: number, n: number, y: number, h: number, chance: number): string {
  let out = '';
  const cw = plotW / n;
  let start = 0;
  for (let i = 1; i <= n; i++) {
    const v = values[offset + start];
    if (i < n && (values[offset + i] === v || (Number.isNaN(values[offset + i]) && Number.isNaN(v)))) continue;
    if (Number.isFinite(v)) {
      out += svgEl('rect', { x: M.left + start * cw, y, width: (i - start) * cw + 0.3, height: h, fill: accColor(v, chance, 0.6), 'shape-rendering': 'crispEdges' });
    }
    start = i;
  }
  return out;
}

function trialY(t: { wd: number }): number {
  return t.wd === 0 ? zeroMid : yPx(Math.log10(t.wd));
}

export interface PlaneOptions {
  /** Trials coloured into the background (one search's coarse trials). */
  background: readonly TrialResult[];
  /** Trials drawn as markers (the coarse trials and the refined ones). */
  marks: readonly TrialResult[];
  chance: number;
  colouring: 'nearest' | 'points';
  current: number;
  best: number;
}

/** The plane: nearest-trial background, decade grid, the λ = 0 row below an axis break, markers, colour bar. */
export function planeSvgBody(o: PlaneOptions): string {
  const parts: string[] = [];
  parts.push(svgEl('rect', { x: M.left, y: M.top, width: plotW, height: BAND_H, fill: '#ffffff', stroke: CHART_AXIS }));
  parts.push(svgEl('rect', { x: M.left, y: zeroTop, width: plotW, height: ZERO_H, fill: '#ffffff', stroke: CHART_AXIS }));
  if (o.colouring === 'nearest') {
    const map = nearestTrialMap(o.background, NX, NY);
    const ch = BAND_H / NY;
    for (let j = 0; j < NY; j++) parts.push(rowRects(map.band, j * NX, NX, M.top + j * ch, ch + 0.3, o.chance));
    parts.push(rowRects(map.zero, 0, NX, zeroTop, ZERO_H, o.chance));
  }
  // Decade grid lines and tick labels.
  for (let e = -4; e <= -1; e++) {
    const x = xPx(e);
    parts.push(svgEl('line', { x1: x, y1: M.top, x2: x, y2: M.top + BAND_H, stroke: CHART_GRID, 'stroke-dasharray': '2 3' }));
    parts.push(svgEl('line', { x1: x, y1: zeroTop, x2: x, y2: zeroTop + ZERO_H, stroke: CHART_GRID, 'stroke-dasharray': '2 3' }));
    parts.push(text(x, zeroTop + ZERO_H + 14, decade(e)));
  }
  for (let e = -5; e <= -4; e++) {
    const y = yPx(e);
    parts.push(svgEl('line', { x1: M.left, y1: y, x2: M.left + plotW, y2: y, stroke: CHART_GRID, 'stroke-dasharray': '2 3' }));
    parts.push(text(M.left - 6, y + 4, decade(e), { anchor: 'end' }));
  }
  parts.push(text(M.left - 6, zeroMid + 4, '0', { anchor: 'end', color: CHART_FG }));
  // Axis break marks between the log band and the λ = 0 row.
  for (const x of [M.left, M.left + plotW]) {
    parts.push(svgEl('line', { x1: x - 4, y1: M.top + BAND_H + 2, x2: x + 4, y2: M.top + BAND_H + GAP - 2, stroke: CHART_FG }));
  }
  parts.push(text(M.left + plotW / 2, zeroTop + ZERO_H + 30, 'learning rate α (log scale)', { color: CHART_FG }));
  parts.push(text(14, M.top + BAND_H / 2 + 8, 'weight decay λ (log; 0 below)', { color: CHART_FG, rotate: true }));
  // Markers: planned trials hollow, scored ones filled with their accuracy's colour.
  for (const t of o.marks) {
    const x = xPx(Math.log10(t.lr));
    const y = trialY(t);
    const kind = KIND_MARKER[t.kind];
    const size = t.kind === 'refine' ? 9 : 10;
    if (Number.isFinite(t.valAcc)) {
      parts.push(markerSvg(kind, x, y, size, accColor(t.valAcc, o.chance)));
    } else if (t.diverged) {
      parts.push(text(x, y + 4, '×', { color: CHART_FG, size: 14 }));
    } else {
      parts.push(markerSvg(kind, x, y, size - 3, '#ffffff'));
    }
    if (t.index === o.current) parts.push(svgEl('circle', { cx: x, cy: y, r: 9, fill: 'none', stroke: SERIES_COLORS[1], 'stroke-width': 2.5 }));
    if (t.index === o.best) parts.push(svgEl('circle', { cx: x, cy: y, r: 10, fill: 'none', stroke: CHART_FG, 'stroke-width': 2 }));
  }
  // Colour bar.
  const barY = zeroTop + ZERO_H + AXIS_H + 4;
  const steps = 40;
  for (let i = 0; i < steps; i++) {
    const v = o.chance + ((1 - o.chance) * (i + 0.5)) / steps;
    parts.push(svgEl('rect', { x: M.left + (i * plotW) / steps, y: barY, width: plotW / steps + 0.3, height: 10, fill: accColor(v, o.chance) }));
  }
  parts.push(text(M.left, barY + 24, `≤ ${o.chance.toFixed(2)} (chance)`, { anchor: 'start' }));
  parts.push(text(M.left + plotW / 2, barY + 24, 'validation accuracy', { color: CHART_FG }));
  parts.push(text(M.left + plotW, barY + 24, '1.00', { anchor: 'end' }));
  return parts.join('');
}

export const MARGINAL_W = 360;
export const MARGINAL_H = 230;
const MM = { left: 46, right: 12, top: 10, bottom: 40 };

/** Validation accuracy against log₁₀ α alone, one marker per scored trial, chance as a dashed line. */
export function marginalSvgBody(trials: readonly TrialResult[], chance: number): string {
  const w = MARGINAL_W - MM.left - MM.right;
  const h = MARGINAL_H - MM.top - MM.bottom;
  const x = (lx: number) => MM.left + ((lx - PLANE.xMin) / (PLANE.xMax - PLANE.xMin)) * w;
  const y = (a: number) => MM.top + (1 - a) * h;
  const parts: string[] = [svgEl('rect', { x: MM.left, y: MM.top, width: w, height: h, fill: '#ffffff', stroke: CHART_AXIS })];
  for (let e = -4; e <= -1; e++) {
    parts.push(svgEl('line', { x1: x(e), y1: MM.top, x2: x(e), y2: MM.top + h, stroke: CHART_GRID, 'stroke-dasharray': '2 3' }));
    parts.push(text(x(e), MM.top + h + 14, decade(e)));
  }
  for (const a of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(svgEl('line', { x1: MM.left, y1: y(a), x2: MM.left + w, y2: y(a), stroke: CHART_GRID, 'stroke-dasharray': '2 3' }));
    parts.push(text(MM.left - 6, y(a) + 4, a.toFixed(2), { anchor: 'end' }));
  }
  parts.push(svgEl('line', { x1: MM.left, y1: y(chance), x2: MM.left + w, y2: y(chance), stroke: CHART_MUTED, 'stroke-dasharray': '6 4', 'stroke-width': 1.5 }));
  parts.push(text(MM.left + w - 4, y(chance) - 4, `chance ${chance.toFixed(2)}`, { anchor: 'end' }));
  parts.push(text(MM.left + w / 2, MM.top + h + 32, 'learning rate α (log scale)', { color: CHART_FG }));
  parts.push(text(12, MM.top + h / 2, 'validation accuracy', { color: CHART_FG, rotate: true }));
  // Rug: one tick per learning rate tried along the bottom edge (grid ticks coincide: only 4 show).
  for (const t of trials) {
    if (t.kind === 'refine') continue;
    const tx = x(Math.log10(t.lr));
    const y0 = MM.top + h - (t.kind === 'grid' ? 0 : 9);
    parts.push(svgEl('line', { x1: tx, y1: y0, x2: tx, y2: y0 - 8, stroke: KIND_COLOR[t.kind], 'stroke-width': 1.5 }));
  }
  for (const t of trials) {
    if (!Number.isFinite(t.valAcc)) continue;
    parts.push(markerSvg(KIND_MARKER[t.kind], x(Math.log10(t.lr)), y(t.valAcc), t.kind === 'refine' ? 8 : 9, KIND_COLOR[t.kind]));
  }
  return parts.join('');
}
