/**
 * Point and legend markers, drawn identically on a canvas and as SVG markup so that the
 * on-screen chart, its HTML legend and the exported files all agree.
 */
import { CHART_AXIS, CHART_FG } from './colors';
import { svgEl } from './svgText';

export type MarkerKind = 'square' | 'line' | 'dashed' | 'circle' | 'ring' | 'diamond' | 'user';
export type PointSet = 'train' | 'val' | 'test' | 'user';

/** Sets are told apart by shape, not only colour, so the plot survives greyscale printing. */
export const SET_MARKER: Readonly<Record<PointSet, MarkerKind>> = {
  train: 'circle',
  val: 'ring',
  test: 'diamond',
  user: 'user',
};

export const SET_NAMES: Readonly<Record<PointSet, string>> = {
  train: 'training',
  val: 'validation',
  test: 'test',
  user: 'added by you',
};

export const POINT_SETS: readonly PointSet[] = ['train', 'val', 'test', 'user'];

// Diamonds get a larger half-diagonal so their area roughly matches a circle's.
const DIAMOND_SCALE = 1.3;

function diamondPath(x: number, y: number, r: number): [number, number][] {
  const d = r * DIAMOND_SCALE;
  return [[x, y - d], [x + d, y], [x, y + d], [x - d, y]];
}

/** SVG markup for one marker centred at (x, y) with the given diameter. */
export function markerSvg(kind: MarkerKind, x: number, y: number, size: number, color: string): string {
  const r = size / 2;
  switch (kind) {
    case 'square':
      // A thin outline keeps very light swatches (white = zero) visible on white.
      return svgEl('rect', {
        x: x - r + 0.5, y: y - r + 0.5, width: size - 1, height: size - 1, fill: color, stroke: CHART_AXIS, 'stroke-width': 1,
      });
    case 'line':
    case 'dashed':
      return svgEl('line', {
        x1: x - r, y1: y, x2: x + r, y2: y, stroke: color, 'stroke-width': 2.5,
        'stroke-dasharray': kind === 'dashed' ? '4 3' : undefined,
      });
    case 'circle':
      return svgEl('circle', { cx: x, cy: y, r, fill: color, stroke: CHART_FG, 'stroke-width': 1 });
    case 'ring':
      return (
        svgEl('circle', { cx: x, cy: y, r: r - 1, fill: 'none', stroke: CHART_FG, 'stroke-width': 3.5 }) +
        svgEl('circle', { cx: x, cy: y, r: r - 1, fill: 'none', stroke: color, 'stroke-width': 2 })
      );
    case 'diamond': {
      const points = diamondPath(x, y, r).map(([px, py]) => `${px.toFixed(2)},${py.toFixed(2)}`).join(' ');
      return svgEl('polygon', { points, fill: color, stroke: CHART_FG, 'stroke-width': 1 });
    }
    case 'user':
      return svgEl('circle', { cx: x, cy: y, r: r + 1, fill: color, stroke: CHART_FG, 'stroke-width': 2.5 });
  }
}

function strokeCircle(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, color: string, width: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke();
}

/** Canvas twin of markerSvg; keep the two in step. */
export function drawMarker(
  ctx: CanvasRenderingContext2D, kind: MarkerKind, x: number, y: number, size: number, color: string,
): void {
  const r = size / 2;
  ctx.setLineDash(kind === 'dashed' ? [4, 3] : []);
  ctx.beginPath();
  if (kind === 'square') {
    ctx.fillStyle = color;
    ctx.fillRect(x - r + 0.5, y - r + 0.5, size - 1, size - 1);
    ctx.strokeStyle = CHART_AXIS;
    ctx.lineWidth = 1;
    ctx.strokeRect(x - r + 0.5, y - r + 0.5, size - 1, size - 1);
  } else if (kind === 'line' || kind === 'dashed') {
    ctx.moveTo(x - r, y);
    ctx.lineTo(x + r, y);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2.5;
    ctx.stroke();
  } else if (kind === 'ring') {
    strokeCircle(ctx, x, y, r - 1, CHART_FG, 3.5);
    strokeCircle(ctx, x, y, r - 1, color, 2);
  } else {
    if (kind === 'diamond') {
      diamondPath(x, y, r).forEach(([px, py], i) => (i === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
      ctx.closePath();
    } else {
      ctx.arc(x, y, kind === 'user' ? r + 1 : r, 0, Math.PI * 2);
    }
    ctx.fillStyle = color;
    ctx.fill();
    ctx.strokeStyle = CHART_FG;
    ctx.lineWidth = kind === 'user' ? 2.5 : 1;
    ctx.stroke();
  }
  ctx.setLineDash([]);
}
