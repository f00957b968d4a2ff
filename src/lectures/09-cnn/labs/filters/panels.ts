/**
 * Canvas drawing for the filters lab: a grid of labelled panels (a grey or signed map, a colour
 * photo, a kernel with its numbers, a colour bar). Browser only (canvas), no React.
 */
import { CHART_FG, CHART_GRID, CHART_MUTED } from '../../../../charts';
import { imageRgba } from '../../../../charts/imageGrid';
import type { Img } from '../../../../ml/augment';
import type { DisplayMode, Plane } from '../../../../ml/imageFilters';

export type Panel =
  | { kind: 'plane'; label: string; plane: Plane; mode: DisplayMode }
  | { kind: 'rgb'; label: string; img: Img }
  | { kind: 'kernel'; label: string; weights: readonly number[] }
  | { kind: 'colorbar'; label: string; mode: DisplayMode }
  | { kind: 'empty' };

export const LABEL_H = 18;
export const GAP = 10;
const FONT = '12px DejaVu Sans, Arial, sans-serif';

/** Short text for a weight or a value: integers as they are, else 3 significant digits. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v).replace('-', '−');
  const a = Math.abs(v);
  const s = a >= 100 ? v.toFixed(0) : a >= 1 ? v.toFixed(2) : v.toPrecision(3);
  return String(Number(s)).replace('-', '−');
}

export interface PanelLayout {
  columns: number;
  cellW: number;
  cellH: number;
  rows: number;
  width: number;
  height: number;
}

export function panelLayout(count: number, columns: number, width: number, aspect: number, maxCellW = 10_000): PanelLayout {
  const cols = Math.max(1, Math.min(columns, count));
  const cellW = Math.max(40, Math.min(maxCellW, (width - (cols - 1) * GAP) / cols));
  const cellH = Math.round(cellW * aspect);
  const rows = Math.ceil(count / cols);
  return { columns: cols, cellW, cellH, rows, width, height: rows * (LABEL_H + cellH) + (rows - 1) * GAP };
}

function planeCanvas(plane: Plane, mode: DisplayMode): HTMLCanvasElement | null {
  const c = document.createElement('canvas');
  c.width = plane.width;
  c.height = plane.height;
  const ctx = c.getContext('2d');
  if (!ctx) return null;
  const img = ctx.createImageData(plane.width, plane.height);
  img.data.set(imageRgba(plane, mode.kind === 'diverging' ? 'diverging' : 'gray', [mode.lo, mode.hi]));
  ctx.putImageData(img, 0, 0);
  return c;
}

function rgbCanvas(src: Img): HTMLCanvasElement | null {
  const c = document.createElement('canvas');
  c.width = src.width;
  c.height = src.height;
  const ctx = c.getContext('2d');
  if (!ctx) return null;
  const img = ctx.createImageData(src.width, src.height);
  const n = src.width * src.height;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) img.data[4 * i + k] = Math.round(255 * src.data[3 * i + k]);
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return c;
}

function fitRect(w: number, h: number, cw: number, ch: number) {
  const s = Math.min(cw / w, ch / h);
  return { x: (cw - w * s) / 2, y: (ch - h * s) / 2, w: w * s, h: h * s };
}

function paintKernel(ctx: CanvasRenderingContext2D, weights: readonly number[], x: number, y: number, cw: number, ch: number) {
  const F = Math.round(Math.sqrt(weights.length));
  const side = Math.min(cw, ch, 150);
  const cell = side / F;
  const ox = x + (cw - side) / 2;
  const oy = y + (ch - side) / 2;
  const m = Math.max(...weights.map(Math.abs)) || 1;
  const rgba = imageRgba({ width: weights.length, height: 1, data: weights }, 'diverging', [-m, m]);
  ctx.font = `${Math.max(9, Math.min(13, cell * 0.3))}px DejaVu Sans, Arial, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  weights.forEach((w, i) => {
    const cx = ox + (i % F) * cell;
    const cy = oy + Math.floor(i / F) * cell;
    ctx.fillStyle = `rgb(${rgba[4 * i]},${rgba[4 * i + 1]},${rgba[4 * i + 2]})`;
    ctx.fillRect(cx, cy, cell, cell);
    ctx.strokeStyle = CHART_GRID;
    ctx.strokeRect(cx + 0.5, cy + 0.5, cell - 1, cell - 1);
    ctx.fillStyle = Math.abs(w) > 0.7 * m ? '#ffffff' : CHART_FG;
    ctx.fillText(fmt(w), cx + cell / 2, cy + cell / 2, cell - 4);
  });
}

function paintColorbar(ctx: CanvasRenderingContext2D, mode: DisplayMode, x: number, y: number, cw: number, ch: number) {
  const barW = Math.min(cw - 20, 260);
  const bx = x + (cw - barW) / 2;
  const by = y + Math.max(4, ch / 2 - 16);
  const steps = 128;
  const ramp = Array.from({ length: steps }, (_, i) => mode.lo + ((mode.hi - mode.lo) * i) / (steps - 1));
  const rgba = imageRgba({ width: steps, height: 1, data: ramp }, mode.kind === 'diverging' ? 'diverging' : 'gray', [mode.lo, mode.hi]);
  for (let i = 0; i < steps; i++) {
    ctx.fillStyle = `rgb(${rgba[4 * i]},${rgba[4 * i + 1]},${rgba[4 * i + 2]})`;
    ctx.fillRect(bx + (barW * i) / steps, by, barW / steps + 0.6, 14);
  }
  ctx.strokeStyle = CHART_MUTED;
  ctx.strokeRect(bx + 0.5, by + 0.5, barW - 1, 13);
  ctx.fillStyle = CHART_FG;
  ctx.font = FONT;
  ctx.textBaseline = 'top';
  const ticks = mode.kind === 'diverging' ? [mode.lo, 0, mode.hi] : [mode.lo, (mode.lo + mode.hi) / 2, mode.hi];
  ticks.forEach((t, i) => {
    const tx = bx + (barW * (t - mode.lo)) / (mode.hi - mode.lo || 1);
    ctx.fillRect(tx - 0.5, by + 14, 1, 4);
    ctx.textAlign = i === 0 ? 'left' : i === ticks.length - 1 ? 'right' : 'center';
    ctx.fillText(fmt(t), tx, by + 20);
  });
  ctx.fillStyle = CHART_MUTED;
  ctx.textAlign = 'center';
  ctx.fillText(mode.kind === 'diverging' ? 'blue negative · white 0 · red positive' : 'black low · white high', bx + barW / 2, by + 36, cw);
}

export function paintPanels(ctx: CanvasRenderingContext2D, panels: readonly Panel[], layout: PanelLayout) {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  panels.forEach((p, idx) => {
    if (p.kind === 'empty') return;
    const col = idx % layout.columns;
    const row = Math.floor(idx / layout.columns);
    const x = col * (layout.cellW + GAP);
    const y = row * (layout.cellH + LABEL_H + GAP);
    ctx.fillStyle = CHART_FG;
    ctx.font = FONT;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(p.label, x, y + 2, layout.cellW);
    const top = y + LABEL_H;
    if (p.kind === 'plane' || p.kind === 'rgb') {
      const w = p.kind === 'plane' ? p.plane.width : p.img.width;
      const h = p.kind === 'plane' ? p.plane.height : p.img.height;
      const r = fitRect(w, h, layout.cellW, layout.cellH);
      const src = p.kind === 'plane' ? planeCanvas(p.plane, p.mode) : rgbCanvas(p.img);
      ctx.imageSmoothingEnabled = false;
      if (src) ctx.drawImage(src, x + r.x, top + r.y, r.w, r.h);
      ctx.strokeStyle = CHART_GRID;
      ctx.strokeRect(x + r.x - 0.5, top + r.y - 0.5, r.w + 1, r.h + 1);
    } else if (p.kind === 'kernel') {
      paintKernel(ctx, p.weights, x, top, layout.cellW, layout.cellH);
    } else {
      paintColorbar(ctx, p.mode, x, top, layout.cellW, layout.cellH);
    }
  });
}
