/**
 * A chart drawn on a canvas that fills its column (the width is measured), with the kit's frame and
 * PNG/SVG/CSV export. `layout(width)` gives the height; `paint(ctx, width, height)` draws in CSS px.
 * Shared by the Lecture 7 labs (init, dead-relu).
 */
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { ChartFrame, composeExportSvg, type LegendItem } from '../../../../charts';
import { svgEl } from '../../../../charts/svgText';
import { paintOffscreen, useCanvasPainter } from '../../../../charts/useCanvasPainter';

export interface CanvasFigureProps {
  title: string;
  chartKey: string;
  fileBase: string;
  /** Height in CSS px for a given width. */
  height: (width: number) => number;
  paint: (ctx: CanvasRenderingContext2D, width: number, height: number) => void;
  csv: () => string;
  /** Text alternative of the picture. */
  summary: string;
  legend?: LegendItem[];
  /** Upper bound of the drawn width (default 900 px). */
  maxWidth?: number;
}

function useWidth(ref: React.RefObject<HTMLDivElement | null>, max: number): number {
  const [w, setW] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setW(Math.min(max, Math.floor(el.clientWidth)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, max]);
  return w;
}

export const CanvasFigure = memo(function CanvasFigure(props: CanvasFigureProps) {
  const { title, chartKey, fileBase, height, paint, csv, summary, legend, maxWidth = 900 } = props;
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = Math.max(200, useWidth(box, maxWidth) || 300);
  const h = height(width);
  const draw = useCallback((ctx: CanvasRenderingContext2D) => paint(ctx, width, h), [paint, width, h]);
  useCanvasPainter(canvas, width, h, draw);
  const getSvg = useCallback(() => {
    const href = paintOffscreen(width, h, 2, draw).toDataURL('image/png');
    const body = svgEl('image', { x: 0, y: 0, width, height: h, 'xlink:href': href });
    return composeExportSvg({ title, width, height: h, body, legend: legend ?? [] });
  }, [width, h, draw, title, legend]);
  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={csv}>
      <div ref={box} className="canvas-figure-box">
        <canvas ref={canvas} className="chart-canvas" role="img" aria-label={summary} width={width} height={h} style={{ width, height: h }} />
      </div>
    </ChartFrame>
  );
});
