/**
 * Pure geometry and colouring of the contour plot: the filled contours of log(f − f_min + δ) as RGBA
 * (bands with darker level lines at their edges), the data↔pixel mapping and the SVG body for export.
 */
import type { Vec2 } from '../../../../ml/optim/rules';
import type { Domain2D, Surface2D } from '../../../../ml/optim/surfaces';
import { escapeXml } from '../../../../charts';

export const GRID = 160;
export const BANDS = 14;
const LOW: Vec2 = [0, 0];
const LIGHT = [250, 251, 252];
const DARK = [150, 170, 195];

export interface PlotRect { left: number; top: number; width: number; height: number }

/** Plot area inside a size×size canvas, leaving room for tick labels on the left and below. */
export function plotRect(size: number): PlotRect {
  return { left: 34, top: 8, width: size - 42, height: size - 34 };
}

export function toPixel(d: Domain2D, r: PlotRect, p: Vec2): Vec2 {
  return [
    r.left + ((p[0] - d.xMin) / (d.xMax - d.xMin)) * r.width,
    r.top + ((d.yMax - p[1]) / (d.yMax - d.yMin)) * r.height,
  ];
}

export function toData(d: Domain2D, r: PlotRect, px: number, py: number): Vec2 {
  return [
    d.xMin + ((px - r.left) / r.width) * (d.xMax - d.xMin),
    d.yMax - ((py - r.top) / r.height) * (d.yMax - d.yMin),
  ];
}

/** log10(f − f_min + 10⁻⁶) on a GRID×GRID lattice, row 0 at yMax; its band index per cell. */
export function contourBands(s: Surface2D): { bands: Uint8Array; lo: number; hi: number } {
  const { xMin, xMax, yMin, yMax } = s.domain;
  const vals = new Float64Array(GRID * GRID);
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < GRID; r++) {
    const y = yMax - ((r + 0.5) / GRID) * (yMax - yMin);
    for (let c = 0; c < GRID; c++) {
      const x = xMin + ((c + 0.5) / GRID) * (xMax - xMin);
      const v = Math.log10(Math.max(0, s.f(x, y) - s.fMin) + 1e-6);
      vals[r * GRID + c] = v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const bands = new Uint8Array(GRID * GRID);
  const span = hi - lo || 1;
  vals.forEach((v, i) => { bands[i] = Math.min(BANDS - 1, Math.floor(((v - lo) / span) * BANDS)); });
  return { bands, lo, hi };
}

/** RGBA pixels: band colour from light (low f) to blue-grey (high f), level lines where bands change. */
export function contourRgba(bands: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(GRID * GRID * 4);
  for (let i = 0; i < bands.length; i++) {
    const c = i % GRID;
    const t = bands[i] / (BANDS - 1);
    const edge = (c + 1 < GRID && bands[i + 1] !== bands[i]) || (i + GRID < bands.length && bands[i + GRID] !== bands[i]);
    const shade = edge ? 0.78 : 1;
    for (let k = 0; k < 3; k++) out[i * 4 + k] = (LIGHT[k] + (DARK[k] - LIGHT[k]) * t) * shade;
    out[i * 4 + 3] = 255;
  }
  return out;
}

export interface TrackLine { label: string; color: string; points: readonly Vec2[] }

/** The SVG body (image, axes box, tracks, markers) in the same geometry as the canvas. */
export function contourSvgBody(
  d: Domain2D, size: number, imageHref: string | null, tracks: readonly TrackLine[], minimum: Vec2 | null,
): string {
  const r = plotRect(size);
  const img = imageHref
    ? `<image href="${imageHref}" x="${r.left}" y="${r.top}" width="${r.width}" height="${r.height}" preserveAspectRatio="none"/>`
    : '';
  const box = `<rect x="${r.left}" y="${r.top}" width="${r.width}" height="${r.height}" fill="none" stroke="#8c959f"/>`;
  const lines = tracks.map((t) => {
    const pts = t.points.map((p) => toPixel(d, r, p).map((v) => v.toFixed(1)).join(',')).join(' ');
    const [ex, ey] = toPixel(d, r, t.points[t.points.length - 1] ?? LOW);
    return `<polyline points="${pts}" fill="none" stroke="${escapeXml(t.color)}" stroke-width="2"/>`
      + `<circle cx="${ex.toFixed(1)}" cy="${ey.toFixed(1)}" r="3.5" fill="${escapeXml(t.color)}"/>`;
  }).join('');
  const star = minimum ? (() => {
    const [mx, my] = toPixel(d, r, minimum);
    return `<text x="${mx.toFixed(1)}" y="${(my + 5).toFixed(1)}" text-anchor="middle" font-size="14" fill="#1b1f24">★</text>`;
  })() : '';
  const ticks = `<text x="${r.left}" y="${size - 8}" font-size="11" fill="#57606a">${d.xMin}</text>`
    + `<text x="${r.left + r.width}" y="${size - 8}" font-size="11" text-anchor="end" fill="#57606a">x = ${d.xMax}</text>`
    + `<text x="4" y="${r.top + 10}" font-size="11" fill="#57606a">y = ${d.yMax}</text>`
    + `<text x="4" y="${r.top + r.height}" font-size="11" fill="#57606a">${d.yMin}</text>`;
  return img + box + lines + star + ticks;
}
