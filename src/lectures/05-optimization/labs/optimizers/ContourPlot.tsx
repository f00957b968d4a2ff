/** The contour plot of the surface with every optimizer's trajectory; click or drag to set the start. */
import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { ChartFrame, ChartLegend, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import type { Vec2 } from '../../../../ml/optim/rules';
import type { Surface2D } from '../../../../ml/optim/surfaces';
import { contourBands, contourRgba, contourSvgBody, GRID, plotRect, toData, toPixel, type TrackLine } from './contour';

interface Props {
  surface: Surface2D;
  tracks: readonly TrackLine[];
  start: Vec2;
  fileBase: string;
  onPick: (x: number, y: number) => void;
  size?: number;
}

const TITLE = 'Contours of log f with the optimizers’ paths';

function gridCanvas(rgba: Uint8ClampedArray): HTMLCanvasElement | null {
  const c = document.createElement('canvas');
  c.width = GRID;
  c.height = GRID;
  const ctx = c.getContext('2d');
  if (!ctx) return null;
  const img = ctx.createImageData(GRID, GRID);
  img.data.set(rgba);
  ctx.putImageData(img, 0, 0);
  return c;
}

function drawScene(ctx: CanvasRenderingContext2D, size: number, s: Surface2D, bg: HTMLCanvasElement | null, tracks: readonly TrackLine[], start: Vec2) {
  const r = plotRect(size);
  const d = s.domain;
  ctx.clearRect(0, 0, size, size);
  if (bg) {
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(bg, r.left, r.top, r.width, r.height);
  }
  ctx.strokeStyle = '#8c959f';
  ctx.strokeRect(r.left, r.top, r.width, r.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(r.left, r.top, r.width, r.height);
  ctx.clip();
  ctx.lineWidth = 2;
  for (const t of tracks) {
    ctx.strokeStyle = t.color;
    ctx.beginPath();
    t.points.forEach((p, i) => {
      const [px, py] = toPixel(d, r, p);
      if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
    });
    ctx.stroke();
    const last = t.points[t.points.length - 1];
    if (last) {
      const [px, py] = toPixel(d, r, last);
      ctx.fillStyle = t.color;
      ctx.beginPath();
      ctx.arc(px, py, 3.5, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  ctx.fillStyle = '#1b1f24';
  ctx.font = '14px sans-serif';
  ctx.textAlign = 'center';
  if (s.minimum) {
    const [mx, my] = toPixel(d, r, s.minimum);
    ctx.fillText('★', mx, my + 5);
  }
  const [sx, sy] = toPixel(d, r, start);
  ctx.strokeStyle = '#1b1f24';
  ctx.lineWidth = 1.5;
  ctx.strokeRect(sx - 4, sy - 4, 8, 8);
  ctx.restore();
  ctx.fillStyle = '#57606a';
  ctx.font = '11px sans-serif';
  ctx.textAlign = 'left';
  ctx.fillText(String(d.xMin), r.left, size - 10);
  ctx.textAlign = 'right';
  ctx.fillText(`x = ${d.xMax}`, r.left + r.width, size - 10);
  ctx.textAlign = 'left';
  ctx.fillText(`${d.yMax}`, 4, r.top + 10);
  ctx.fillText(`${d.yMin}`, 4, r.top + r.height);
  ctx.fillText('y', 4, r.top + r.height / 2);
}

export const ContourPlot = memo(function ContourPlot({ surface, tracks, start, fileBase, onPick, size = 380 }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rgba = useMemo(() => contourRgba(contourBands(surface).bands), [surface]);
  const bg = useMemo(() => gridCanvas(rgba), [rgba]);
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawScene(ctx, size, surface, bg, tracks, start);
  }, [size, surface, bg, tracks, start]);

  const legend = useMemo((): LegendItem[] => [
    ...tracks.map((t) => ({ label: t.label, color: t.color, marker: 'line' as const })),
    ...(surface.minimum ? [{ label: `★ minimum (${surface.minimum.join(', ')})`, color: '#1b1f24', marker: 'line' as const }] : []),
  ], [tracks, surface]);

  const getSvg = useCallback(() => {
    const href = bg ? bg.toDataURL('image/png') : null;
    return composeExportSvg({ title: TITLE, width: size, height: size, body: contourSvgBody(surface.domain, size, href, tracks, surface.minimum), legend });
  }, [bg, size, surface, tracks, legend]);
  const getCsv = useCallback(() => toCsv(['optimizer', 'step', 'x', 'y', 'f'],
    tracks.flatMap((t) => t.points.map((p, i) => [t.label, i, p[0], p[1], surface.f(p[0], p[1])]))), [tracks, surface]);

  const dragging = useRef(false);
  const pickAt = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - box.left) * size) / box.width;
    const py = ((e.clientY - box.top) * size) / box.height;
    const r = plotRect(size);
    if (px < r.left || px > r.left + r.width || py < r.top || py > r.top + r.height) return;
    const [x, y] = toData(surface.domain, r, px, py);
    onPick(Number(x.toFixed(2)), Number(y.toFixed(2)));
  };
  // Dragging moves the start point continuously; every optimizer restarts from it at once.
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    dragging.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    pickAt(e);
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (dragging.current) pickAt(e);
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    dragging.current = false;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onPick(...surface.start);
  };
  const label = `${TITLE} on ${surface.label}. Start (${start[0]}, ${start[1]}). `
    + tracks.map((t) => `${t.label}: ${t.points.length - 1} steps`).join('; ')
    + '. Click or drag to set the start point; press Enter to use the surface’s default start.';

  return (
    <ChartFrame title={TITLE} chartKey="contour" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <canvas
        ref={canvasRef}
        className="chart-canvas"
        role="img"
        aria-label={label}
        tabIndex={0}
        width={size}
        height={size}
        style={{ width: size, maxWidth: '100%', aspectRatio: '1 / 1', cursor: 'crosshair', touchAction: 'none' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
