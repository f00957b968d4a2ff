/**
 * Generic export pieces shared by every chart: file names, CSV, standalone SVG
 * composition, SVG → PNG rasterisation and the download itself.
 *
 * The string helpers are pure (tested in Node); the DOM helpers only touch `document`
 * when called.
 */
import { CHART_FG } from './colors';
import { markerSvg, type MarkerKind } from './markers';
import { escapeXml, estimateTextWidth, svgEl } from './svgText';

export { escapeXml } from './svgText';

/** Font stack written into every exported SVG; DejaVu Sans ships with most Linux systems. */
export const EXPORT_FONT = 'DejaVu Sans, Arial, sans-serif';

export type ExportFormat = 'png' | 'svg' | 'csv';

export interface ExportSvg {
  svg: string;
  width: number;
  height: number;
}

export interface LegendItem {
  label: string;
  color: string;
  /** Swatch shape; defaults to a filled square. */
  marker?: MarkerKind;
}

/** Lower-case and reduce to [a-z0-9._-] so names are safe on every file system. */
export function sanitizeFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop accents: "café" → "cafe", not "cafe-"
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    // Leading dots would hide the file on Unix; edge dashes are just noise.
    .replace(/^[.-]+|[-]+$/g, '');
  return cleaned || 'chart';
}

/** `${fileBase}-${chartKey}.${ext}`, sanitised. */
export function exportFileName(fileBase: string, chartKey: string, ext: ExportFormat): string {
  return `${sanitizeFileName(`${fileBase}-${chartKey}`)}.${ext}`;
}

/** One CSV field (RFC 4180). Numbers use the shortest exact round-trip representation. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? numberToCsv(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function numberToCsv(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  // String(x) already round-trips every double exactly; -0 prints as "0", which is fine.
  return String(value);
}

/** RFC 4180 CSV: CRLF line ends, a header row, fields quoted only when needed. */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const PAD = 12;
const TITLE_SIZE = 15;
const TITLE_BLOCK = 28;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 20;
const LEGEND_GAP = 8;
const SWATCH = 12;

interface PlacedLegendItem extends LegendItem {
  x: number;
  row: number;
}

/** Greedy left-to-right layout that wraps to a new row when the width runs out. */
function layoutLegend(items: LegendItem[], maxWidth: number): { placed: PlacedLegendItem[]; rows: number } {
  const placed: PlacedLegendItem[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = SWATCH + 6 + estimateTextWidth(item.label, LEGEND_SIZE);
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      row += 1;
    }
    placed.push({ ...item, x, row });
    x += w + 16;
  }
  return { placed, rows: items.length ? row + 1 : 0 };
}

function legendMarkup(placed: PlacedLegendItem[], top: number): string {
  return placed
    .map((item) => {
      const cy = top + item.row * LEGEND_ROW + LEGEND_ROW / 2;
      const swatch = markerSvg(item.marker ?? 'square', PAD + item.x + SWATCH / 2, cy, SWATCH - 2, item.color);
      const text = svgEl(
        'text',
        { x: PAD + item.x + SWATCH + 6, y: cy + LEGEND_SIZE * 0.35, 'font-size': LEGEND_SIZE, fill: CHART_FG },
        escapeXml(item.label),
      );
      return swatch + text;
    })
    .join('');
}

/**
 * Stack title, plot and legend into one standalone SVG document on a white background.
 * `body` is SVG markup already laid out in a `width × height` box starting at (0, 0).
 */
export function composeExportSvg(opts: {
  title: string;
  width: number;
  height: number;
  body: string;
  legend: LegendItem[];
}): ExportSvg {
  const { title, body, legend } = opts;
  const plotW = Math.max(1, Math.round(opts.width));
  const plotH = Math.max(1, Math.round(opts.height));
  const width = plotW + 2 * PAD;
  const { placed, rows } = layoutLegend(legend, plotW);
  const legendTop = PAD + TITLE_BLOCK + plotH + (rows ? LEGEND_GAP : 0);
  const height = legendTop + rows * LEGEND_ROW + PAD;
  const root = {
    xmlns: 'http://www.w3.org/2000/svg',
    'xmlns:xlink': 'http://www.w3.org/1999/xlink',
    version: '1.1',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': EXPORT_FONT,
  };
  const content = [
    svgEl('title', {}, escapeXml(title)),
    svgEl('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    svgEl(
      'text',
      { x: PAD, y: PAD + TITLE_SIZE, 'font-size': TITLE_SIZE, 'font-weight': 'bold', fill: CHART_FG },
      escapeXml(title),
    ),
    svgEl('g', { transform: `translate(${PAD} ${PAD + TITLE_BLOCK})` }, body),
    legendMarkup(placed, legendTop),
  ].join('');
  return { svg: svgEl('svg', root, content), width, height };
}

/* ------------------------------------------------------------------ DOM helpers */

/** Trigger a download through a temporary <a download>; the Blob URL is revoked afterwards. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking synchronously can cancel the download in some browsers; give it time to start.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('Could not load the SVG for rasterisation'));
    img.src = url;
  });
}

/** Encode a canvas as PNG. */
export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
  });
}

/**
 * Rasterise a standalone SVG string to PNG at `scale`× on white. The SVG is loaded as an
 * image from a Blob URL (never via foreignObject), which keeps the canvas untainted.
 */
export async function svgToPngBlob(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Canvas 2D is not available');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasToPngBlob(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

const INLINED_PROPS = [
  'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'stroke-opacity',
  'font-size', 'font-weight', 'text-anchor', 'dominant-baseline',
  // Halo behind reference-line labels (see charts.css).
  'paint-order', 'stroke-linejoin',
] as const;

const DEFINITION_TAGS = 'defs, clipPath, mask, pattern, marker, symbol, linearGradient, radialGradient';

/**
 * Deep-clone an on-page SVG and bake its computed presentation styles into `style`
 * attributes, so the copy renders the same without the page's stylesheets. Classes are
 * dropped (they would mean nothing in a standalone file) and hidden elements removed.
 */
export function inlineSvgStyles(svgEl: SVGSVGElement): SVGSVGElement {
  const clone = svgEl.cloneNode(true) as SVGSVGElement;
  const sources: Element[] = [svgEl, ...Array.from(svgEl.querySelectorAll('*'))];
  const targets: Element[] = [clone, ...Array.from(clone.querySelectorAll('*'))];
  const hidden: Element[] = [];
  sources.forEach((source, i) => {
    const target = targets[i];
    const computed = getComputedStyle(source);
    // Definitions (clip paths, gradients) are never displayed themselves but are referenced.
    if (computed.display === 'none' && !source.closest(DEFINITION_TAGS)) hidden.push(target);
    const decls = INLINED_PROPS.map((prop) => [prop, computed.getPropertyValue(prop)] as const)
      .filter(([, value]) => value !== '')
      .map(([prop, value]) => `${prop}:${value}`);
    decls.push(`font-family:${EXPORT_FONT}`);
    target.setAttribute('style', decls.join(';'));
    // The style now carries the resolved values; attributes may hold var(), invalid off-page.
    for (const prop of INLINED_PROPS) target.removeAttribute(prop);
    target.removeAttribute('font-family');
    target.removeAttribute('class');
  });
  hidden.forEach((el) => el.remove());
  return clone;
}

/** Serialise an element to XML markup. */
export function serializeSvg(el: Element): string {
  return new XMLSerializer().serializeToString(el);
}
