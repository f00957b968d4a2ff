/**
 * The frame of a hand-drawn x–y plot as SVG markup: vertical and horizontal grid lines with their tick
 * labels, the plot box, and the axis names in its corners. Shared by the labs that draw a 1-D function
 * with its samples (fitting, ensembles, Monte Carlo dropout); the caller draws its data on top.
 */
import { CHART_AXIS, CHART_GRID, CHART_MUTED } from './colors';
import { svgEl } from './svgText';

export interface PlotFrame {
  /** Whole figure size in px. */
  width: number;
  height: number;
  /** Margins around the plot box. */
  margin: { left: number; right: number; top: number; bottom: number };
  /** Data → px. */
  sx: (x: number) => number;
  sy: (y: number) => number;
  xTicks: readonly number[];
  yTicks: readonly number[];
  xName?: string;
  yName?: string;
}

export function plotFrameSvg({ width, height, margin: m, sx, sy, xTicks, yTicks, xName = 'x', yName = 'y' }: PlotFrame): string {
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const parts: string[] = [];
  for (const t of xTicks) {
    parts.push(svgEl('line', { x1: sx(t), x2: sx(t), y1: m.top, y2: m.top + ph, stroke: CHART_GRID, 'stroke-width': 1 }));
    parts.push(svgEl('text', { x: sx(t), y: height - 8, 'font-size': 11, fill: CHART_MUTED, 'text-anchor': 'middle' }, String(t)));
  }
  for (const t of yTicks) {
    parts.push(svgEl('line', { x1: m.left, x2: m.left + pw, y1: sy(t), y2: sy(t), stroke: CHART_GRID, 'stroke-width': 1 }));
    parts.push(svgEl('text', { x: m.left - 6, y: sy(t) + 4, 'font-size': 11, fill: CHART_MUTED, 'text-anchor': 'end' }, String(t)));
  }
  parts.push(svgEl('rect', { x: m.left, y: m.top, width: pw, height: ph, fill: 'none', stroke: CHART_AXIS, 'stroke-width': 1 }));
  parts.push(svgEl('text', { x: m.left + pw - 2, y: m.top + ph - 4, 'font-size': 11, fill: CHART_MUTED, 'text-anchor': 'end' }, xName));
  parts.push(svgEl('text', { x: m.left + 4, y: m.top + 12, 'font-size': 11, fill: CHART_MUTED }, yName));
  return parts.join('');
}
