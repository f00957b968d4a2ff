/**
 * The GAN's plane: the discriminator's D(x) as a heatmap, real and generated samples, the
 * generator's gradients as arrows, and (for the drawing target) click-and-drag to add points.
 * Exports PNG/SVG (the heatmap embedded as an image) and CSV (every point and arrow).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { CHART_AXIS, CHART_FG, CHART_MUTED, ChartFrame, ChartLegend, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import { heatmapCanvas, heatmapDataUrl, type HeatmapSpec } from '../../../../charts/heatmapImage';
import { useCanvasPainter } from '../../../../charts/useCanvasPainter';
import { RING_RADIUS, type Pt } from '../../../../ml/data/gan2d';
import type { GanView } from './engine';
import { HEAT_N, PLANE } from './params';

export const REAL_COLOR = '#009E73';
export const FAKE_COLOR = '#7B3294';
const ARROW_COLOR = '#1b1f24';
const DRAWN_COLOR = '#D55E00';
/** Arrow length in plane units per unit of −∂J^(G)/∂x, and the longest arrow drawn. */
export const ARROW_SCALE = 1.5;
const ARROW_MAX = 0.5;

const M = { left: 30, right: 8, top: 8, bottom: 22 };
const TICKS = [-2, -1, 0, 1, 2];

interface Props {
  title: string;
  fileBase: string;
  view: GanView;
  showHeat: boolean;
  showArrows: boolean;
  /** Points the learner drew (drawing target). */
  drawn: readonly Pt[];
  /** Called with the new points after a click or drag (drawing target only). */
  onDraw?: (pts: Pt[]) => void;
  size?: number;
}

interface Geo {
  size: number;
  w: number;
  h: number;
  px: (x: number) => number;
  py: (y: number) => number;
}

function geometry(size: number): Geo {
  const w = size - M.left - M.right;
  const h = size - M.top - M.bottom;
  return {
    size, w, h,
    px: (x) => M.left + ((x - PLANE.xMin) / (PLANE.xMax - PLANE.xMin)) * w,
    py: (y) => M.top + ((PLANE.yMax - y) / (PLANE.yMax - PLANE.yMin)) * h,
  };
}

function arrowEnd(x: number, y: number, gx: number, gy: number): [number, number] {
  const len = Math.hypot(gx, gy) * ARROW_SCALE;
  const k = len > ARROW_MAX ? ARROW_MAX / len : 1;
  return [x + gx * ARROW_SCALE * k, y + gy * ARROW_SCALE * k];
}

function heatSpec(view: GanView): HeatmapSpec | null {
  if (view.heat.length !== HEAT_N * HEAT_N) return null;
  // probability kind: P(class 1) = D(x) = "real", tinted green; D(x) → 0 ("generated") tinted purple.
  return { nx: HEAT_N, ny: HEAT_N, values: view.heat, kind: 'probability', classColors: [FAKE_COLOR, REAL_COLOR] };
}

function paintPlane(ctx: CanvasRenderingContext2D, g: Geo, p: Props, heat: HTMLCanvasElement | null, pending: readonly Pt[]) {
  const { view } = p;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, g.size, g.size);
  if (heat && p.showHeat) {
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(heat, M.left, M.top, g.w, g.h);
  }
  ctx.strokeStyle = CHART_AXIS;
  ctx.lineWidth = 1;
  ctx.strokeRect(M.left, M.top, g.w, g.h);
  ctx.fillStyle = CHART_MUTED;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  for (const t of TICKS) ctx.fillText(String(t).replace('-', '−'), g.px(t), g.size - 6);
  ctx.textAlign = 'right';
  for (const t of TICKS) ctx.fillText(String(t).replace('-', '−'), M.left - 4, g.py(t) + 4);
  // Everything below stays inside the plot rectangle (generated points may leave the plane).
  ctx.save();
  ctx.beginPath();
  ctx.rect(M.left, M.top, g.w, g.h);
  ctx.clip();
  // The target's support: the ring, the modes' 3σ circles.
  ctx.setLineDash([4, 4]);
  ctx.strokeStyle = CHART_MUTED;
  if (view.dist === 'ring') {
    ctx.beginPath();
    ctx.arc(g.px(0), g.py(0), (RING_RADIUS / (PLANE.xMax - PLANE.xMin)) * g.w, 0, 2 * Math.PI);
    ctx.stroke();
  }
  for (const m of view.modeRadius > 0 ? view.modes : []) {
    ctx.beginPath();
    ctx.arc(g.px(m.x), g.py(m.y), (view.modeRadius / (PLANE.xMax - PLANE.xMin)) * g.w, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  const dot = (x: number, y: number, r: number, fill: string) => {
    ctx.beginPath();
    ctx.arc(g.px(x), g.py(y), r, 0, 2 * Math.PI);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.stroke();
  };
  ctx.lineWidth = 0.6;
  ctx.strokeStyle = '#ffffff';
  for (let i = 0; i < view.real.length; i += 2) dot(view.real[i], view.real[i + 1], 2.6, REAL_COLOR);
  for (let i = 0; i < view.fake.length; i += 2) dot(view.fake[i], view.fake[i + 1], 2.6, FAKE_COLOR);
  if (p.showArrows) {
    ctx.strokeStyle = ARROW_COLOR;
    ctx.fillStyle = ARROW_COLOR;
    ctx.lineWidth = 1.1;
    for (let i = 0; i < view.push.length; i += 2) {
      const x = view.fake[i];
      const y = view.fake[i + 1];
      const [ex, ey] = arrowEnd(x, y, view.push[i], view.push[i + 1]);
      const x0 = g.px(x);
      const y0 = g.py(y);
      const x1 = g.px(ex);
      const y1 = g.py(ey);
      const L = Math.hypot(x1 - x0, y1 - y0);
      if (L < 1.5) continue;
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
      ctx.stroke();
      const ux = (x1 - x0) / L;
      const uy = (y1 - y0) / L;
      const hl = Math.min(5, L / 2);
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x1 - hl * ux + 0.5 * hl * uy, y1 - hl * uy - 0.5 * hl * ux);
      ctx.lineTo(x1 - hl * ux - 0.5 * hl * uy, y1 - hl * uy + 0.5 * hl * ux);
      ctx.closePath();
      ctx.fill();
    }
  }
  if (view.dist === 'drawn') {
    ctx.strokeStyle = CHART_FG;
    ctx.lineWidth = 1;
    for (const q of [...p.drawn, ...pending]) dot(q.x, q.y, 3.5, DRAWN_COLOR);
  }
  ctx.restore();
}

function svgBody(g: Geo, p: Props, href: string | null): string {
  const { view } = p;
  const f = (v: number) => v.toFixed(1);
  const parts: string[] = [];
  if (href && p.showHeat) parts.push(`<image x="${M.left}" y="${M.top}" width="${g.w}" height="${g.h}" href="${href}" preserveAspectRatio="none"/>`);
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${g.w}" height="${g.h}" fill="none" stroke="${CHART_AXIS}"/>`);
  for (const t of TICKS) {
    parts.push(`<text x="${f(g.px(t))}" y="${g.size - 6}" font-size="11" fill="${CHART_MUTED}" text-anchor="middle">${t}</text>`);
    parts.push(`<text x="${M.left - 4}" y="${f(g.py(t) + 4)}" font-size="11" fill="${CHART_MUTED}" text-anchor="end">${t}</text>`);
  }
  if (view.dist === 'ring') {
    parts.push(`<circle cx="${f(g.px(0))}" cy="${f(g.py(0))}" r="${f((RING_RADIUS / (PLANE.xMax - PLANE.xMin)) * g.w)}" fill="none" stroke="${CHART_MUTED}" stroke-dasharray="4 4"/>`);
  }
  const circle = (x: number, y: number, fill: string) => `<circle cx="${f(g.px(x))}" cy="${f(g.py(y))}" r="2.6" fill="${fill}" stroke="#fff" stroke-width="0.6"/>`;
  for (let i = 0; i < view.real.length; i += 2) parts.push(circle(view.real[i], view.real[i + 1], REAL_COLOR));
  for (let i = 0; i < view.fake.length; i += 2) parts.push(circle(view.fake[i], view.fake[i + 1], FAKE_COLOR));
  if (p.showArrows) {
    for (let i = 0; i < view.push.length; i += 2) {
      const [ex, ey] = arrowEnd(view.fake[i], view.fake[i + 1], view.push[i], view.push[i + 1]);
      parts.push(`<line x1="${f(g.px(view.fake[i]))}" y1="${f(g.py(view.fake[i + 1]))}" x2="${f(g.px(ex))}" y2="${f(g.py(ey))}" stroke="${ARROW_COLOR}" stroke-width="1.1"/>`);
    }
  }
  if (view.dist === 'drawn') for (const q of p.drawn) parts.push(circle(q.x, q.y, DRAWN_COLOR));
  return parts.join('');
}

/** Minimum spacing (plane units) between points added by one drag. */
const DRAG_SPACING = 0.08;

export const GanPlot = memo(function GanPlot(props: Props) {
  const { title, fileBase, view, showHeat, showArrows, drawn, onDraw } = props;
  const size = props.size ?? 380;
  const g = useMemo(() => geometry(size), [size]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [pending, setPending] = useState<Pt[]>([]);
  const dragging = useRef(false);
  const heat = useMemo(() => {
    const spec = heatSpec(view);
    return spec ? heatmapCanvas(spec) : null;
  }, [view]);
  const propsRef = useRef(props);
  useEffect(() => {
    propsRef.current = props;
  });
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => paintPlane(ctx, g, { title, fileBase, view, showHeat, showArrows, drawn }, heat, pending),
    [g, title, fileBase, view, showHeat, showArrows, drawn, heat, pending],
  );
  useCanvasPainter(canvasRef, size, size, paint);

  const legend = useMemo<LegendItem[]>(() => {
    const items: LegendItem[] = [{ label: 'real samples', color: REAL_COLOR }, { label: 'generated G(z)', color: FAKE_COLOR }];
    if (showArrows) items.push({ label: '−∂J⁽ᴳ⁾/∂x (push on G(z))', color: ARROW_COLOR, marker: 'line' });
    if (showHeat) items.push({ label: 'D(x) → 0 (“generated”)', color: FAKE_COLOR }, { label: 'D(x) → 1 (“real”)', color: REAL_COLOR });
    if (view.dist === 'drawn') items.push({ label: 'your points', color: DRAWN_COLOR });
    return items;
  }, [showArrows, showHeat, view.dist]);

  const getSvg = useCallback(() => {
    const p = propsRef.current;
    const spec = heatSpec(p.view);
    const href = spec ? heatmapDataUrl(spec, g.w * 2, g.h * 2) : null;
    return composeExportSvg({ title: p.title, width: size, height: size, body: svgBody(g, p, href), legend });
  }, [g, size, legend]);
  const getCsv = useCallback(() => {
    const { view: v } = propsRef.current;
    const rows: (string | number)[][] = [];
    for (let i = 0; i < v.real.length; i += 2) rows.push(['real', v.real[i], v.real[i + 1], '', '']);
    for (let i = 0; i < v.fake.length; i += 2) rows.push(['generated', v.fake[i], v.fake[i + 1], v.push[i] ?? '', v.push[i + 1] ?? '']);
    for (const q of propsRef.current.drawn) rows.push(['drawn', q.x, q.y, '', '']);
    return toCsv(['kind', 'x', 'y', 'push_x', 'push_y'], rows);
  }, []);

  const toPlane = (e: PointerEvent<HTMLCanvasElement>): Pt | null => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - box.left) * size) / box.width;
    const py = ((e.clientY - box.top) * size) / box.height;
    if (px < M.left || px > M.left + g.w || py < M.top || py > M.top + g.h) return null;
    const x = PLANE.xMin + ((px - M.left) / g.w) * (PLANE.xMax - PLANE.xMin);
    const y = PLANE.yMax - ((py - M.top) / g.h) * (PLANE.yMax - PLANE.yMin);
    return { x: Number(x.toFixed(3)), y: Number(y.toFixed(3)) };
  };
  const drawing = Boolean(onDraw) && view.dist === 'drawn';
  const room = 200 - drawn.length;
  const input = drawing
    ? {
        tabIndex: 0,
        onPointerDown: (e: PointerEvent<HTMLCanvasElement>) => {
          const q = toPlane(e);
          if (!q || room <= 0) return;
          dragging.current = true;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          setPending([q]);
        },
        onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => {
          if (!dragging.current) return;
          const q = toPlane(e);
          if (!q) return;
          setPending((pts) => {
            const last = pts[pts.length - 1];
            if (pts.length >= room || (last && Math.hypot(q.x - last.x, q.y - last.y) < DRAG_SPACING)) return pts;
            return [...pts, q];
          });
        },
        onPointerUp: () => {
          if (!dragging.current) return;
          dragging.current = false;
          setPending((pts) => {
            if (pts.length) onDraw?.([...drawn, ...pts]);
            return [];
          });
        },
        onKeyDown: (e: KeyboardEvent<HTMLCanvasElement>) => {
          if ((e.key !== 'Enter' && e.key !== ' ') || room <= 0) return;
          e.preventDefault();
          const a = (drawn.length * 2.4) % (2 * Math.PI);
          onDraw?.([...drawn, { x: Number((0.8 * Math.cos(a)).toFixed(3)), y: Number((0.8 * Math.sin(a)).toFixed(3)) }]);
        },
      }
    : {};
  const summary = `${title}: ${view.real.length / 2} real and ${view.fake.length / 2} generated points` +
    (showHeat ? ', over the discriminator’s D(x)' : '') + (showArrows ? ', with the generator’s gradients as arrows' : '') + '.' +
    (drawing ? ' Click or drag to add points; Enter adds a point on a circle.' : '');
  return (
    <ChartFrame title={title} chartKey="plane" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv} className="gan-plane">
      <canvas
        ref={canvasRef}
        className={drawing ? 'chart-canvas gan-drawable' : 'chart-canvas'}
        role="img"
        aria-label={summary}
        data-testid="gan-plane"
        width={size}
        height={size}
        style={{ width: size, maxWidth: '100%', aspectRatio: '1 / 1', touchAction: drawing ? 'none' : undefined }}
        {...input}
      />
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
