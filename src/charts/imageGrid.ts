/** Layout, colour mapping and CSV for ImageGrid. Pure. */
import { DIVERGING_NEG, DIVERGING_POS } from './colors';
import { toCsv } from './export';
import { mixWithWhite, parseColor } from './heatmapImage';

export interface GridImage {
  width: number;
  height: number;
  /** Row-major grayscale values; mapped through `range` (default [0, 1] for 'gray'). */
  data: ArrayLike<number>;
  label?: string;
}

export type Colormap = 'gray' | 'diverging';
/** Fixed [lo, hi] for all images, or 'auto': per image (min–max, or ±max|v| when diverging). */
export type ImageRange = [number, number] | 'auto';

export interface GridLayout {
  columns: number;
  rows: number;
  cell: number;
  gap: number;
  labelHeight: number;
  width: number;
  height: number;
}

export const GRID_GAP = 6;
export const LABEL_HEIGHT = 16;

export function gridLayout(count: number, cellSize: number, columns: number | undefined, hasLabels: boolean): GridLayout {
  const cols = Math.max(1, Math.floor(columns ?? Math.min(Math.max(count, 1), 8)));
  const rows = Math.max(1, Math.ceil(count / cols));
  const cell = Math.max(4, cellSize);
  const labelHeight = hasLabels ? LABEL_HEIGHT : 0;
  return {
    columns: cols,
    rows,
    cell,
    gap: GRID_GAP,
    labelHeight,
    width: cols * cell + (cols - 1) * GRID_GAP,
    height: rows * (cell + labelHeight) + (rows - 1) * GRID_GAP,
  };
}

/** Top-left corner of cell `index`. */
export function cellOrigin(layout: GridLayout, index: number): [number, number] {
  const col = index % layout.columns;
  const row = Math.floor(index / layout.columns);
  return [col * (layout.cell + layout.gap), row * (layout.cell + layout.labelHeight + layout.gap)];
}

/** Largest rectangle of the image's aspect ratio that fits the square cell, centred. */
export function fitImage(width: number, height: number, cell: number): { x: number; y: number; w: number; h: number } {
  const scale = cell / Math.max(width, height, 1);
  const w = width * scale;
  const h = height * scale;
  return { x: (cell - w) / 2, y: (cell - h) / 2, w, h };
}

function finiteExtent(data: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo > hi ? [0, 1] : [lo, hi];
}

/** The value range an image is displayed with. */
export function displayRange(img: GridImage, colormap: Colormap, range?: ImageRange): [number, number] {
  const mode = range ?? (colormap === 'gray' ? [0, 1] : 'auto');
  if (mode !== 'auto') return mode;
  const [lo, hi] = finiteExtent(img.data);
  if (colormap === 'diverging') {
    // Symmetric so that white always means exactly zero.
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    return [-m, m];
  }
  return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
}

/** RGBA bytes (width·height·4) of one image under the colour map. */
export function imageRgba(img: GridImage, colormap: Colormap, range: [number, number]): Uint8ClampedArray {
  const n = img.width * img.height;
  const out = new Uint8ClampedArray(n * 4);
  const [lo, hi] = range;
  const span = hi - lo || 1;
  const neg = parseColor(DIVERGING_NEG);
  const pos = parseColor(DIVERGING_POS);
  for (let i = 0; i < n; i++) {
    const v = i < img.data.length ? img.data[i] : NaN;
    const t = Math.min(1, Math.max(0, (v - lo) / span));
    let rgb: [number, number, number];
    if (!Number.isFinite(v)) rgb = [255, 0, 255]; // magenta flags NaN/∞ loudly, as in most viewers
    else if (colormap === 'gray') rgb = [t * 255, t * 255, t * 255];
    else rgb = t < 0.5 ? mixWithWhite(neg, (0.5 - t) * 2) : mixWithWhite(pos, (t - 0.5) * 2);
    out.set([rgb[0], rgb[1], rgb[2], 255], i * 4);
  }
  return out;
}

/** One row per image: label, then the pixels; pixel columns name row and column when all shapes agree. */
export function imageGridCsv(images: readonly GridImage[]): string {
  const first = images[0];
  const sameShape = !!first && images.every((im) => im.width === first.width && im.height === first.height);
  const count = images.reduce((m, im) => Math.max(m, im.data.length), 0);
  const header = ['label'];
  for (let i = 0; i < count; i++) {
    header.push(sameShape ? `r${Math.floor(i / first.width)}c${i % first.width}` : `p${i}`);
  }
  const rows = images.map((im) => [im.label ?? '', ...Array.from(im.data, (v) => v as number | string)]);
  return toCsv(header, rows);
}

export function describeImageGrid(title: string, images: readonly GridImage[], colormap: Colormap): string {
  if (!images.length) return `${title}: no images.`;
  const { width, height } = images[0];
  const labels = images.map((im) => im.label).filter((l): l is string => !!l);
  const shown = labels.slice(0, 12).join(', ');
  const more = labels.length > 12 ? `, and ${labels.length - 12} more` : '';
  const scale = colormap === 'diverging' ? 'blue negative, white zero, red positive' : 'grayscale, dark low, light high';
  return `${title}: ${images.length} image${images.length === 1 ? '' : 's'} of ${width}×${height} pixels (${scale})` +
    `${labels.length ? `, labelled ${shown}${more}` : ''}.`;
}
