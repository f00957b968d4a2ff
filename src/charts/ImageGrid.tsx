import { useCallback, useMemo, useRef, memo } from 'react';
import { ChartFrame } from './ChartFrame';
import { ChartLegend } from './ChartLegend';
import { CHART_FG, CHART_GRID, DIVERGING_NEG, DIVERGING_POS } from './colors';
import { composeExportSvg, EXPORT_FONT, type ExportSvg, type LegendItem } from './export';
import {
  cellOrigin, describeImageGrid, displayRange, fitImage, gridLayout, imageGridCsv, imageRgba,
  type Colormap, type GridImage, type GridLayout, type ImageRange,
} from './imageGrid';
import { svgEl } from './svgText';
import { paintOffscreen, useCanvasPainter } from './useCanvasPainter';

export type { Colormap, GridImage, ImageRange } from './imageGrid';

export interface ImageGridProps {
  title: string;
  chartKey: string;
  fileBase: string;
  images: readonly GridImage[];
  /** Images per row (default: up to 8). */
  columns?: number;
  /** CSS px per image (default 56). */
  cellSize?: number;
  colormap?: Colormap;
  /** Value range mapped to the colour map; default [0, 1] for 'gray', 'auto' for 'diverging'. */
  range?: ImageRange;
}

const EXPORT_SCALE = 2;
const LABEL_FONT_SIZE = 11;

function imageCanvas(img: GridImage, colormap: Colormap, range: ImageRange | undefined): HTMLCanvasElement | null {
  if (img.width < 1 || img.height < 1) return null;
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const data = ctx.createImageData(img.width, img.height);
  data.data.set(imageRgba(img, colormap, displayRange(img, colormap, range)));
  ctx.putImageData(data, 0, 0);
  return canvas;
}

/** Cut the label with an ellipsis so it never runs into the neighbouring cell. */
function fitLabel(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function paintGrid(
  ctx: CanvasRenderingContext2D, images: readonly GridImage[], layout: GridLayout, colormap: Colormap, range?: ImageRange,
): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.font = `${LABEL_FONT_SIZE}px ${EXPORT_FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  images.forEach((img, i) => {
    const [ox, oy] = cellOrigin(layout, i);
    const fit = fitImage(img.width, img.height, layout.cell);
    const source = imageCanvas(img, colormap, range);
    ctx.imageSmoothingEnabled = false;
    if (source) ctx.drawImage(source, ox + fit.x, oy + fit.y, fit.w, fit.h);
    ctx.strokeStyle = CHART_GRID;
    ctx.lineWidth = 1;
    ctx.strokeRect(ox + fit.x - 0.5, oy + fit.y - 0.5, fit.w + 1, fit.h + 1);
    if (img.label && layout.labelHeight) {
      ctx.fillStyle = CHART_FG;
      ctx.fillText(fitLabel(ctx, img.label, layout.cell + layout.gap - 2), ox + layout.cell / 2, oy + layout.cell + layout.labelHeight / 2 + 1);
    }
  });
}

function colormapLegend(colormap: Colormap): LegendItem[] {
  if (colormap === 'gray') return [];
  return [
    { label: 'negative', color: DIVERGING_NEG },
    { label: 'zero', color: '#f6f8fa' },
    { label: 'positive', color: DIVERGING_POS },
  ];
}

/** A grid of small grayscale (or diverging) images, e.g. samples or learned filters. */
/** Memoised: pass stable arrays (useMemo) so unchanged charts skip re-rendering while a lab trains. */
export const ImageGrid = memo(function ImageGrid(props: ImageGridProps) {
  const { title, chartKey, fileBase, images, columns, cellSize = 56, colormap = 'gray', range } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const hasLabels = images.some((im) => !!im.label);
  const layout = useMemo(
    () => gridLayout(images.length, cellSize, columns, hasLabels),
    [images.length, cellSize, columns, hasLabels],
  );
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => paintGrid(ctx, images, layout, colormap, range),
    [images, layout, colormap, range],
  );
  useCanvasPainter(canvasRef, layout.width, layout.height, paint);

  const getSvg = useCallback((): ExportSvg => {
    const href = paintOffscreen(layout.width, layout.height, EXPORT_SCALE, paint).toDataURL('image/png');
    const body = svgEl('image', { x: 0, y: 0, width: layout.width, height: layout.height, 'xlink:href': href });
    return composeExportSvg({ title, width: layout.width, height: layout.height, body, legend: colormapLegend(colormap) });
  }, [layout, paint, title, colormap]);
  const getCsv = useCallback(() => imageGridCsv(images), [images]);
  const summary = useMemo(() => describeImageGrid(title, images, colormap), [title, images, colormap]);

  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      {images.length ? (
        <canvas
          ref={canvasRef}
          className="chart-canvas"
          role="img"
          aria-label={summary}
          width={layout.width}
          height={layout.height}
          style={{ width: layout.width }}
        />
      ) : (
        <p className="chart-empty" role="img" aria-label={summary}>No images yet.</p>
      )}
      <ChartLegend items={colormapLegend(colormap)} />
    </ChartFrame>
  );
});
