/**
 * The two renderers of a scatter Scene: canvas (on screen) and SVG markup (export).
 * Keep them in step: same layers in the same order, same colours and widths.
 */
import { CHART_AXIS, CHART_MUTED } from './colors';
import { EXPORT_FONT } from './export';
import { drawMarker, markerSvg } from './markers';
import type { Scene } from './scatterScene';
import { escapeXml, svgEl, svgNum } from './svgText';

const GRID_COLOR = 'rgba(27, 31, 36, 0.10)';
const TICK_FONT_SIZE = 11;
const TICK_LEN = 4;
const LINE_WIDTH = 2;
const LINE_DASH = [6, 4];

/** Layers: white plot, heatmap, grid, lines, points, frame, ticks. */
export function drawScatterScene(ctx: CanvasRenderingContext2D, scene: Scene, heatmap: CanvasImageSource | null): void {
  const { rect, size } = scene;
  ctx.clearRect(0, 0, size, size);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(rect.left, rect.top, rect.width, rect.height);
  if (heatmap) {
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(heatmap, rect.left, rect.top, rect.width, rect.height);
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(rect.left, rect.top, rect.width, rect.height);
  ctx.clip();
  drawGrid(ctx, scene);
  for (const line of scene.lines) {
    ctx.beginPath();
    ctx.setLineDash(line.dashed ? LINE_DASH : []);
    ctx.moveTo(...line.from);
    ctx.lineTo(...line.to);
    ctx.strokeStyle = line.color;
    ctx.lineWidth = LINE_WIDTH;
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const p of scene.points) drawMarker(ctx, p.kind, p.px, p.py, p.size, p.color);
  ctx.restore();
  drawAxes(ctx, scene);
}

function drawGrid(ctx: CanvasRenderingContext2D, scene: Scene): void {
  const { rect } = scene;
  ctx.beginPath();
  for (const t of scene.xTicks) {
    ctx.moveTo(t.pos, rect.top);
    ctx.lineTo(t.pos, rect.top + rect.height);
  }
  for (const t of scene.yTicks) {
    ctx.moveTo(rect.left, t.pos);
    ctx.lineTo(rect.left + rect.width, t.pos);
  }
  ctx.strokeStyle = GRID_COLOR;
  ctx.lineWidth = 1;
  ctx.stroke();
}

function drawAxes(ctx: CanvasRenderingContext2D, scene: Scene): void {
  const { rect } = scene;
  const bottom = rect.top + rect.height;
  ctx.strokeStyle = CHART_AXIS;
  ctx.lineWidth = 1;
  ctx.strokeRect(rect.left + 0.5, rect.top + 0.5, rect.width - 1, rect.height - 1);
  ctx.beginPath();
  for (const t of scene.xTicks) {
    ctx.moveTo(t.pos, bottom);
    ctx.lineTo(t.pos, bottom + TICK_LEN);
  }
  for (const t of scene.yTicks) {
    ctx.moveTo(rect.left, t.pos);
    ctx.lineTo(rect.left - TICK_LEN, t.pos);
  }
  ctx.stroke();
  ctx.fillStyle = CHART_MUTED;
  ctx.font = `${TICK_FONT_SIZE}px ${EXPORT_FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of scene.xTicks) ctx.fillText(t.text, t.pos, bottom + TICK_LEN + 2);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of scene.yTicks) ctx.fillText(t.text, rect.left - TICK_LEN - 2, t.pos);
}

function gridSvg(scene: Scene): string {
  const { rect } = scene;
  const d = [
    ...scene.xTicks.map((t) => `M${svgNum(t.pos)} ${svgNum(rect.top)}V${svgNum(rect.top + rect.height)}`),
    ...scene.yTicks.map((t) => `M${svgNum(rect.left)} ${svgNum(t.pos)}H${svgNum(rect.left + rect.width)}`),
  ].join('');
  return d ? svgEl('path', { d, fill: 'none', stroke: '#1b1f24', 'stroke-opacity': 0.1, 'stroke-width': 1 }) : '';
}

function axesSvg(scene: Scene): string {
  const { rect } = scene;
  const bottom = rect.top + rect.height;
  const frame = svgEl('rect', {
    x: rect.left + 0.5, y: rect.top + 0.5, width: rect.width - 1, height: rect.height - 1,
    fill: 'none', stroke: CHART_AXIS, 'stroke-width': 1,
  });
  const tickPath = [
    ...scene.xTicks.map((t) => `M${svgNum(t.pos)} ${svgNum(bottom)}v${TICK_LEN}`),
    ...scene.yTicks.map((t) => `M${svgNum(rect.left)} ${svgNum(t.pos)}h${-TICK_LEN}`),
  ].join('');
  const ticks = tickPath ? svgEl('path', { d: tickPath, fill: 'none', stroke: CHART_AXIS, 'stroke-width': 1 }) : '';
  const text = { 'font-size': TICK_FONT_SIZE, fill: CHART_MUTED };
  // Baselines are set numerically (not dominant-baseline) because support for it varies.
  const xLabels = scene.xTicks.map((t) =>
    svgEl('text', { ...text, x: t.pos, y: bottom + TICK_LEN + 2 + TICK_FONT_SIZE * 0.8, 'text-anchor': 'middle' }, escapeXml(t.text)));
  const yLabels = scene.yTicks.map((t) =>
    svgEl('text', { ...text, x: rect.left - TICK_LEN - 2, y: t.pos + TICK_FONT_SIZE * 0.35, 'text-anchor': 'end' }, escapeXml(t.text)));
  return frame + ticks + xLabels.join('') + yLabels.join('');
}

/** SVG markup of the scene in a size×size box; `heatmapHref` is a PNG data URI or null. */
export function scatterSvgBody(scene: Scene, heatmapHref: string | null): string {
  const { rect } = scene;
  const clipId = 'scatter-plot-clip';
  const parts = [
    svgEl('defs', {}, svgEl('clipPath', { id: clipId }, svgEl('rect', { ...rectAttrs(rect) }))),
    svgEl('rect', { ...rectAttrs(rect), fill: '#ffffff' }),
  ];
  if (heatmapHref) {
    parts.push(svgEl('image', { ...rectAttrs(rect), preserveAspectRatio: 'none', 'xlink:href': heatmapHref }));
  }
  const inner = [gridSvg(scene)];
  for (const { from, to, color, dashed } of scene.lines) {
    inner.push(svgEl('line', {
      x1: from[0], y1: from[1], x2: to[0], y2: to[1], stroke: color, 'stroke-width': LINE_WIDTH,
      'stroke-dasharray': dashed ? LINE_DASH.join(' ') : undefined,
    }));
  }
  inner.push(...scene.points.map((p) => markerSvg(p.kind, p.px, p.py, p.size, p.color)));
  parts.push(svgEl('g', { 'clip-path': `url(#${clipId})` }, inner.join('')), axesSvg(scene));
  return parts.join('');
}

function rectAttrs(rect: Scene['rect']): Record<string, number> {
  return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
}
