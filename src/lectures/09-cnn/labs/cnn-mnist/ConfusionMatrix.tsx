/** The confusion matrix as a canvas heatmap with the counts written in the cells; exports PNG/SVG/CSV. */
import { memo, useCallback, useMemo, useRef } from 'react';
import { ChartFrame, CHART_FG, CHART_GRID, CHART_MUTED, composeExportSvg, EXPORT_FONT, toCsv, type ExportSvg } from '../../../../charts';
import { useCanvasPainter } from '../../../../charts/useCanvasPainter';
import { svgEl } from '../../../../charts/svgText';

const CELL = 30;
const LEFT = 44;
const TOP = 34;

interface Props {
  title: string;
  chartKey: string;
  fileBase: string;
  counts: number[][];
}

/** Share of its row (0–1) → a sequential blue; dark cells get white text. */
function cellColour(share: number): { fill: string; text: string } {
  const t = Math.min(1, Math.max(0, share));
  const lerp = (a: number, b: number) => Math.round(a + (b - a) * Math.sqrt(t));
  const [r, g, b] = [lerp(247, 8), lerp(251, 48), lerp(255, 107)];
  return { fill: `rgb(${r},${g},${b})`, text: t > 0.35 ? '#ffffff' : CHART_FG };
}

interface Cell {
  x: number;
  y: number;
  count: number;
  fill: string;
  text: string;
}

function layout(counts: number[][]) {
  const k = counts.length;
  const cells: Cell[] = [];
  counts.forEach((row, t) => {
    const tot = row.reduce((s, v) => s + v, 0) || 1;
    row.forEach((v, p) => {
      const c = cellColour(v / tot);
      cells.push({ x: LEFT + p * CELL, y: TOP + t * CELL, count: v, fill: c.fill, text: c.text });
    });
  });
  return { k, cells, width: LEFT + k * CELL + 4, height: TOP + k * CELL + 4 };
}

export const ConfusionMatrix = memo(function ConfusionMatrix({ title, chartKey, fileBase, counts }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const lay = useMemo(() => layout(counts), [counts]);
  const paint = useCallback((ctx: CanvasRenderingContext2D) => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, lay.width, lay.height);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const c of lay.cells) {
      ctx.fillStyle = c.fill;
      ctx.fillRect(c.x, c.y, CELL, CELL);
      ctx.strokeStyle = CHART_GRID;
      ctx.strokeRect(c.x + 0.5, c.y + 0.5, CELL - 1, CELL - 1);
      if (c.count) {
        ctx.fillStyle = c.text;
        ctx.font = `${c.count >= 100 ? 10 : 11}px ${EXPORT_FONT}`;
        ctx.fillText(String(c.count), c.x + CELL / 2, c.y + CELL / 2);
      }
    }
    ctx.fillStyle = CHART_MUTED;
    ctx.font = `11px ${EXPORT_FONT}`;
    for (let i = 0; i < lay.k; i++) {
      ctx.fillText(String(i), LEFT + i * CELL + CELL / 2, TOP - 8);
      ctx.fillText(String(i), LEFT - 10, TOP + i * CELL + CELL / 2);
    }
    ctx.fillText('predicted →', LEFT + (lay.k * CELL) / 2, 9);
    ctx.save();
    ctx.translate(11, TOP + (lay.k * CELL) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('true →', 0, 0);
    ctx.restore();
  }, [lay]);
  useCanvasPainter(ref, lay.width, lay.height, paint);

  const getSvg = useCallback((): ExportSvg => {
    const parts: string[] = [];
    for (const c of lay.cells) {
      parts.push(svgEl('rect', { x: c.x, y: c.y, width: CELL, height: CELL, fill: c.fill, stroke: CHART_GRID }));
      if (c.count) parts.push(svgEl('text', { x: c.x + CELL / 2, y: c.y + CELL / 2 + 4, 'text-anchor': 'middle', 'font-size': 11, fill: c.text }, String(c.count)));
    }
    for (let i = 0; i < lay.k; i++) {
      parts.push(svgEl('text', { x: LEFT + i * CELL + CELL / 2, y: TOP - 5, 'text-anchor': 'middle', 'font-size': 11, fill: CHART_MUTED }, String(i)));
      parts.push(svgEl('text', { x: LEFT - 10, y: TOP + i * CELL + CELL / 2 + 4, 'text-anchor': 'middle', 'font-size': 11, fill: CHART_MUTED }, String(i)));
    }
    parts.push(svgEl('text', { x: LEFT + (lay.k * CELL) / 2, y: 12, 'text-anchor': 'middle', 'font-size': 11, fill: CHART_MUTED }, 'predicted →'));
    parts.push(svgEl('text', { x: 0, y: 0, transform: `translate(14 ${TOP + (lay.k * CELL) / 2}) rotate(-90)`, 'text-anchor': 'middle', 'font-size': 11, fill: CHART_MUTED }, 'true →'));
    return composeExportSvg({ title, width: lay.width, height: lay.height, body: parts.join(''), legend: [] });
  }, [lay, title]);

  const getCsv = useCallback(
    () => toCsv(['true \\ predicted', ...counts.map((_, p) => String(p))], counts.map((row, t) => [t, ...row])),
    [counts],
  );
  const total = counts.flat().reduce((s, v) => s + v, 0);
  const right = counts.reduce((s, row, t) => s + row[t], 0);
  const label = `${title}: ${total} validation digits, ${right} on the diagonal (correct). Rows are the true digits, columns the predictions.`;
  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <canvas ref={ref} className="chart-canvas" role="img" aria-label={label} width={lay.width} height={lay.height} style={{ width: lay.width }} />
    </ChartFrame>
  );
});
