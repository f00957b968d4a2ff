/**
 * A matrix as a diverging-colour heatmap on canvas, with axes, hover and keyboard selection of a
 * cell (arrow keys move, Home/End jump along the row, Enter/Space/click pick), and PNG/SVG/CSV export.
 */
import { memo, useCallback, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import {
  CHART_FG, CHART_MUTED, ChartFrame, ChartLegend, composeExportSvg, DIVERGING_NEG, DIVERGING_POS, EXPORT_FONT, toCsv, type LegendItem,
} from '../../../../charts';
import { imageRgba } from '../../../../charts/imageGrid';
import { paintOffscreen, useCanvasPainter } from '../../../../charts/useCanvasPainter';
import { svgEl } from '../../../../charts/svgText';

export interface Cell { r: number; c: number }

export interface HeatmapProps {
  title: string;
  chartKey: string;
  fileBase: string;
  /** Row-major rows × cols. */
  values: Float32Array;
  rows: number;
  cols: number;
  rowLabel: string;
  colLabel: string;
  /** CSV header of the column entries, e.g. "dim" → dim0, dim1, … */
  csvCol: string;
  csvRow: string;
  /** Plot size in CSS px (without the axis margins). */
  plotW: number;
  plotH: number;
  selected: Cell | null;
  /** Row marked with a line at its left edge (e.g. the chosen position). */
  markRow?: number;
  onHover: (c: Cell) => void;
  onPick?: (c: Cell) => void;
  /** Accessible description of the current selection. */
  describe: (c: Cell | null) => string;
  testId: string;
}

const M_LEFT = 40;
const M_TOP = 6;
const M_BOTTOM = 30;
const M_RIGHT = 8;
const EXPORT_SCALE = 2;

function ticks(n: number, count = 5): number[] {
  if (n <= 1) return [0];
  const raw = (n - 1) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((s) => s * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= n - 1; v += step) out.push(Math.round(v));
  return out;
}

export const Heatmap = memo(function Heatmap(props: HeatmapProps) {
  const { title, chartKey, fileBase, values, rows, cols, plotW, plotH, selected, markRow, onHover, onPick } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const width = M_LEFT + plotW + M_RIGHT;
  const height = M_TOP + plotH + M_BOTTOM;
  const range = useMemo<[number, number]>(() => {
    let m = 0;
    for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
    return [-(m || 1), m || 1];
  }, [values]);
  const source = useMemo(() => {
    const canvas = document.createElement('canvas');
    canvas.width = cols;
    canvas.height = rows;
    const ctx = canvas.getContext('2d');
    if (ctx) {
      const img = ctx.createImageData(cols, rows);
      img.data.set(imageRgba({ width: cols, height: rows, data: values }, 'diverging', range));
      ctx.putImageData(img, 0, 0);
    }
    return canvas;
  }, [values, rows, cols, range]);

  const paintBase = useCallback((ctx: CanvasRenderingContext2D) => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(source, M_LEFT, M_TOP, plotW, plotH);
    ctx.font = `11px ${EXPORT_FONT}`;
    ctx.fillStyle = CHART_MUTED;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of ticks(rows)) ctx.fillText(String(t), M_LEFT - 4, M_TOP + ((t + 0.5) / rows) * plotH);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of ticks(cols)) ctx.fillText(String(t), M_LEFT + ((t + 0.5) / cols) * plotW, M_TOP + plotH + 3);
    ctx.fillStyle = CHART_FG;
    ctx.fillText(props.colLabel, M_LEFT + plotW / 2, M_TOP + plotH + 16);
    ctx.save();
    ctx.translate(10, M_TOP + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(props.rowLabel, 0, 0);
    ctx.restore();
    if (markRow !== undefined) {
      const y = M_TOP + (markRow / rows) * plotH;
      ctx.strokeStyle = CHART_FG;
      ctx.lineWidth = 1;
      ctx.setLineDash([4, 3]);
      ctx.strokeRect(M_LEFT - 0.5, y - 0.5, plotW + 1, Math.max(1, plotH / rows) + 1);
      ctx.setLineDash([]);
    }
  }, [source, width, height, plotW, plotH, rows, cols, markRow, props.colLabel, props.rowLabel]);

  const paint = useCallback((ctx: CanvasRenderingContext2D) => {
    paintBase(ctx);
    if (selected) {
      const cw = plotW / cols;
      const rh = plotH / rows;
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 2;
      ctx.strokeRect(M_LEFT + selected.c * cw - 1, M_TOP + selected.r * rh - 1, Math.max(2, cw) + 2, Math.max(2, rh) + 2);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1;
      ctx.strokeRect(M_LEFT + selected.c * cw - 2.5, M_TOP + selected.r * rh - 2.5, Math.max(2, cw) + 5, Math.max(2, rh) + 5);
    }
  }, [paintBase, selected, plotW, plotH, rows, cols]);
  useCanvasPainter(canvasRef, width, height, paint);

  const legend = useMemo<LegendItem[]>(() => [
    { label: `−${range[1].toPrecision(3)}`, color: DIVERGING_NEG },
    { label: '0', color: '#f6f8fa' },
    { label: `+${range[1].toPrecision(3)}`, color: DIVERGING_POS },
  ], [range]);
  const getSvg = useCallback(() => {
    const href = paintOffscreen(width, height, EXPORT_SCALE, paintBase).toDataURL('image/png');
    return composeExportSvg({ title, width, height, body: svgEl('image', { x: 0, y: 0, width, height, 'xlink:href': href }), legend });
  }, [width, height, paintBase, title, legend]);
  const getCsv = useCallback(() => {
    const header = [props.csvRow, ...Array.from({ length: cols }, (_, j) => `${props.csvCol}${j}`)];
    const body = Array.from({ length: rows }, (_, i) => [i, ...Array.from(values.subarray(i * cols, (i + 1) * cols), (v) => Number(v.toPrecision(7)))]);
    return toCsv(header, body);
  }, [values, rows, cols, props.csvRow, props.csvCol]);

  const cellAt = (e: MouseEvent<HTMLCanvasElement>): Cell | null => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * width - M_LEFT;
    const y = ((e.clientY - rect.top) / rect.height) * height - M_TOP;
    if (x < 0 || y < 0 || x >= plotW || y >= plotH) return null;
    return { r: Math.min(rows - 1, Math.floor((y / plotH) * rows)), c: Math.min(cols - 1, Math.floor((x / plotW) * cols)) };
  };
  const onKey = (e: KeyboardEvent) => {
    const cur = selected ?? { r: 0, c: 0 };
    const big = e.shiftKey ? 8 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-big, 0], ArrowDown: [big, 0], ArrowLeft: [0, -big], ArrowRight: [0, big], Home: [0, -cols], End: [0, cols],
    };
    if (moves[e.key]) {
      e.preventDefault();
      const [dr, dc] = moves[e.key];
      onHover({ r: Math.max(0, Math.min(rows - 1, cur.r + dr)), c: Math.max(0, Math.min(cols - 1, cur.c + dc)) });
    } else if ((e.key === 'Enter' || e.key === ' ') && onPick) {
      e.preventDefault();
      onPick(cur);
    }
  };

  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="positional-heatmap" tabIndex={0} role="group" onKeyDown={onKey} data-testid={props.testId}
        aria-label={`${title}, ${rows} by ${cols}. ${props.describe(selected)} Arrow keys move the cell${onPick ? '; Enter chooses its position' : ''}.`}>
        <canvas
          ref={canvasRef}
          className="chart-canvas"
          aria-hidden="true"
          width={width}
          height={height}
          style={{ width, maxWidth: '100%', height: 'auto', aspectRatio: `${width} / ${height}` }}
          onMouseMove={(e) => { const c = cellAt(e); if (c && (c.r !== selected?.r || c.c !== selected?.c)) onHover(c); }}
          onClick={(e) => { const c = cellAt(e); if (c) { onHover(c); onPick?.(c); } }}
        />
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
