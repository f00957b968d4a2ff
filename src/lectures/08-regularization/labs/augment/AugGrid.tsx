/**
 * A grid of augmented images (grey or RGB) on a canvas, with the kit's frame and PNG/SVG/CSV export.
 * The CSV lists what each tile shows: its random draw (scale, crop corner, flip, angle, factors).
 */
import { memo, useCallback, useMemo, useRef } from 'react';
import { ChartFrame, composeExportSvg, toCsv } from '../../../../charts';
import { CHART_FG, CHART_GRID } from '../../../../charts/colors';
import { cellOrigin, fitImage, gridLayout, type GridLayout } from '../../../../charts/imageGrid';
import { svgEl } from '../../../../charts/svgText';
import { paintOffscreen, useCanvasPainter } from '../../../../charts/useCanvasPainter';
import { DRAW_HEADER, drawRow, type AugmentDraw, type Img } from '../../../../ml/augment';

export interface AugTile {
  img: Img;
  draw: AugmentDraw;
  label: string;
}

interface Props {
  title: string;
  chartKey: string;
  fileBase: string;
  tiles: readonly AugTile[];
  columns: number;
  cellSize: number;
  /** Text alternative (what the tiles show). */
  summary: string;
}

function tileCanvas(img: Img): HTMLCanvasElement | null {
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const out = ctx.createImageData(img.width, img.height);
  const n = img.width * img.height;
  const { data, channels: C } = img;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) out.data[4 * i + c] = Math.round(255 * data[C === 1 ? i : 3 * i + c]);
    out.data[4 * i + 3] = 255;
  }
  ctx.putImageData(out, 0, 0);
  return canvas;
}

function paintTiles(ctx: CanvasRenderingContext2D, tiles: readonly AugTile[], layout: GridLayout) {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.font = '11px DejaVu Sans, Arial, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  tiles.forEach((t, i) => {
    const [ox, oy] = cellOrigin(layout, i);
    const fit = fitImage(t.img.width, t.img.height, layout.cell);
    const src = tileCanvas(t.img);
    ctx.imageSmoothingEnabled = t.img.channels === 3;
    if (src) ctx.drawImage(src, ox + fit.x, oy + fit.y, fit.w, fit.h);
    ctx.strokeStyle = i === 0 ? CHART_FG : CHART_GRID;
    ctx.lineWidth = 1;
    ctx.strokeRect(ox + fit.x - 0.5, oy + fit.y - 0.5, fit.w + 1, fit.h + 1);
    if (layout.labelHeight) {
      ctx.fillStyle = CHART_FG;
      ctx.fillText(t.label, ox + layout.cell / 2, oy + layout.cell + layout.labelHeight / 2 + 1, layout.cell + layout.gap - 2);
    }
  });
}

export const AugGrid = memo(function AugGrid({ title, chartKey, fileBase, tiles, columns, cellSize, summary }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layout = useMemo(() => gridLayout(tiles.length, cellSize, columns, true), [tiles.length, cellSize, columns]);
  const paint = useCallback((ctx: CanvasRenderingContext2D) => paintTiles(ctx, tiles, layout), [tiles, layout]);
  useCanvasPainter(canvasRef, layout.width, layout.height, paint);
  const getSvg = useCallback(() => {
    const href = paintOffscreen(layout.width, layout.height, 2, paint).toDataURL('image/png');
    const body = svgEl('image', { x: 0, y: 0, width: layout.width, height: layout.height, 'xlink:href': href });
    return composeExportSvg({ title, width: layout.width, height: layout.height, body, legend: [] });
  }, [layout, paint, title]);
  const getCsv = useCallback(
    () => toCsv(['tile', 'label', 'width', 'height', ...DRAW_HEADER], tiles.map((t, i) => [i, t.label, t.img.width, t.img.height, ...drawRow(t.draw)])),
    [tiles],
  );
  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <canvas
        ref={canvasRef}
        className="chart-canvas"
        role="img"
        aria-label={summary}
        width={layout.width}
        height={layout.height}
        style={{ width: layout.width }}
      />
    </ChartFrame>
  );
});
