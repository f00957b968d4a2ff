/** Layout and export markup of the layer-by-layer grids (pure; shared by the SVG view and its export). */
import { CHART_FG, CHART_GRID, CHART_MUTED } from '../../../../charts';
import { escapeXml, svgEl } from '../../../../charts/svgText';
import type { LayerStat, Region } from '../../../../ml/receptiveField';

export const REGION_FILL = '#f6c58f';
export const SELECTED_FILL = '#D55E00';
export const GRID_GAP = 28;
export const CAPTION_H = 34;

export function cellSize(n0: number): number {
  return Math.max(6, Math.min(14, Math.floor(200 / n0)));
}

export interface GridBox {
  l: number;
  n: number;
  x: number;
  side: number;
}

/** Grids side by side for the export (the page wraps them with CSS instead). */
export function exportLayout(rows: readonly LayerStat[], cs: number): { boxes: GridBox[]; width: number; height: number } {
  let x = 0;
  const boxes = rows.map((r) => {
    const side = r.n * cs;
    const box = { l: r.l, n: r.n, x, side };
    x += Math.max(side, 90) + GRID_GAP;
    return box;
  });
  const height = Math.max(...boxes.map((b) => b.side)) + CAPTION_H + 4;
  return { boxes, width: x - GRID_GAP, height };
}

/** SVG markup of one grid: cells, the region and (last layer) the selected pixel. */
export function gridMarkup(n: number, cs: number, region: Region | null, selected: boolean): string {
  const side = n * cs;
  let path = '';
  for (let i = 0; i <= n; i++) path += `M${i * cs} 0V${side}M0 ${i * cs}H${side}`;
  const parts = [svgEl('rect', { x: 0, y: 0, width: side, height: side, fill: '#ffffff' })];
  if (region) {
    parts.push(svgEl('rect', {
      x: region.c0 * cs, y: region.r0 * cs, width: (region.c1 - region.c0 + 1) * cs, height: (region.r1 - region.r0 + 1) * cs,
      fill: selected ? SELECTED_FILL : REGION_FILL,
    }));
  }
  parts.push(svgEl('path', { d: path, stroke: CHART_GRID, 'stroke-width': 1, fill: 'none' }));
  return parts.join('');
}

export function layerCaption(r: LayerStat, label: string): string {
  return r.l === 0 ? `input ${r.n}×${r.n}` : `${r.l}: ${label}, ${r.n}×${r.n}`;
}

export function exportBody(rows: readonly LayerStat[], labels: readonly string[], regions: readonly Region[], cs: number): { body: string; width: number; height: number } {
  const { boxes, width, height } = exportLayout(rows, cs);
  const L = rows.length - 1;
  const body = boxes
    .map((b, i) => {
      const r = rows[i];
      const g = gridMarkup(b.n, cs, regions[i] ?? null, i === L);
      const cap1 = svgEl('text', { x: 0, y: b.side + 14, 'font-size': 11, fill: CHART_FG }, escapeXml(layerCaption(r, labels[i])));
      const cap2 = svgEl('text', { x: 0, y: b.side + 28, 'font-size': 11, fill: CHART_MUTED }, escapeXml(`r = ${r.r}, j = ${r.j}`));
      return svgEl('g', { transform: `translate(${b.x} 0)` }, g + cap1 + cap2);
    })
    .join('');
  return { body, width, height };
}
