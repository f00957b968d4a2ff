/** Heatmap colouring (pure) and its conversion to canvases (DOM, only when called). */

export type RGB = [number, number, number];

export interface HeatmapSpec {
  nx: number;
  ny: number;
  /** nx·ny values, row-major; row 0 is the top (yMax). */
  values: ArrayLike<number>;
  /** 'class': values are class indices. 'probability': values are P(class 1) in [0, 1]. */
  kind: 'class' | 'probability';
  classColors: readonly string[];
}

/** Regions are tinted, not saturated, so the points drawn over them keep their contrast. */
export const CLASS_TINT = 0.35;
export const PROBABILITY_TINT = 0.5;
const FALLBACK: RGB = [140, 149, 159];

/** Parse #rgb, #rrggbb or rgb(r, g, b); anything else falls back to grey. */
export function parseColor(color: string): RGB {
  const c = color.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c);
  if (hex) {
    const h = hex[1].length === 3 ? hex[1].replace(/./g, (ch) => ch + ch) : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as RGB;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(c);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return FALLBACK;
}

/** Linear blend of white (t = 0) towards `rgb` (t = 1). */
export function mixWithWhite(rgb: RGB, t: number): RGB {
  const k = Math.min(1, Math.max(0, t));
  return rgb.map((v) => Math.round(255 + (v - 255) * k)) as RGB;
}

function cellColor(value: number, spec: HeatmapSpec, tints: { cls: RGB[]; c0: RGB; c1: RGB }): RGB | null {
  if (!Number.isFinite(value)) return null;
  if (spec.kind === 'class') return tints.cls[Math.round(value)] ?? null;
  const p = Math.min(1, Math.max(0, value));
  // 0.5 (undecided) is white; certainty deepens the tint of the winning class.
  return mixWithWhite(p < 0.5 ? tints.c0 : tints.c1, Math.abs(p - 0.5) * 2 * PROBABILITY_TINT);
}

/** RGBA bytes (nx·ny·4) for the heatmap; unknown cells are transparent. */
export function heatmapRgba(spec: HeatmapSpec): Uint8ClampedArray {
  const { nx, ny, values } = spec;
  const parsed = spec.classColors.map(parseColor);
  const c0 = parsed[0] ?? FALLBACK;
  const tints = { cls: parsed.map((c) => mixWithWhite(c, CLASS_TINT)), c0, c1: parsed[1] ?? c0 };
  const out = new Uint8ClampedArray(nx * ny * 4);
  const n = Math.min(nx * ny, values.length);
  for (let i = 0; i < n; i++) {
    const rgb = cellColor(values[i], spec, tints);
    if (!rgb) continue;
    out[i * 4] = rgb[0];
    out[i * 4 + 1] = rgb[1];
    out[i * 4 + 2] = rgb[2];
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** An nx×ny canvas holding the heatmap, for nearest-neighbour scaling with drawImage. */
export function heatmapCanvas(spec: HeatmapSpec): HTMLCanvasElement | null {
  if (spec.nx < 1 || spec.ny < 1) return null;
  const canvas = document.createElement('canvas');
  canvas.width = spec.nx;
  canvas.height = spec.ny;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const image = ctx.createImageData(spec.nx, spec.ny);
  image.data.set(heatmapRgba(spec));
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** PNG data URI of the heatmap scaled to width×height pixels without smoothing. */
export function heatmapDataUrl(spec: HeatmapSpec, width: number, height: number): string | null {
  const source = heatmapCanvas(spec);
  if (!source) return null;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}
