import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent, memo } from 'react';
import { ChartFrame } from './ChartFrame';
import { ChartLegend } from './ChartLegend';
import { CHART_FG } from './colors';
import { composeExportSvg, toCsv, type ExportSvg, type LegendItem } from './export';
import { heatmapCanvas, heatmapDataUrl, type HeatmapSpec } from './heatmapImage';
import { SET_MARKER, SET_NAMES } from './markers';
import { drawScatterScene, scatterSvgBody } from './scatterRender';
import {
  buildScene, describeScatter, pixelToData, plotRect, presentSets,
  type Boundary, type Domain, type ScatterLine, type ScatterPoint,
} from './scatterScene';
import { useCanvasPainter } from './useCanvasPainter';

export type { HeatmapSpec } from './heatmapImage';
export type { Boundary, Domain, ScatterLine, ScatterPoint } from './scatterScene';

export interface ScatterHeatmapProps {
  title: string;
  chartKey: string;
  fileBase: string;
  domain: Domain;
  /** Background grid of predictions; row 0 is the top row (yMax). */
  heatmap?: HeatmapSpec;
  points: readonly ScatterPoint[];
  classColors: readonly string[];
  classNames: readonly string[];
  /** Decision boundary a·x + b·y + c = 0, drawn solid in the text colour. */
  boundary?: Boundary;
  /** Further straight lines (e.g. fitted regression lines), each with colour and legend label. */
  lines?: readonly ScatterLine[];
  /** Called with data coordinates when the plot is clicked (Enter/Space: the centre). */
  onCanvasClick?: (x: number, y: number) => void;
  /** Width and height in CSS px (default 360); shrinks to fit narrow containers. */
  size?: number;
}

const SET_LEGEND_COLOR = '#8c959f';
const EXPORT_SCALE = 2;
const NO_LINES: readonly ScatterLine[] = [];

function allLines(boundary: Boundary | undefined, lines: readonly ScatterLine[]): ScatterLine[] {
  const b: ScatterLine[] = boundary ? [{ ...boundary, color: CHART_FG, label: 'decision boundary' }] : [];
  return [...b, ...lines];
}

function legendItems(props: ScatterHeatmapProps, lines: readonly ScatterLine[]): LegendItem[] {
  const classes = props.classNames.map((label, i) => ({ label, color: props.classColors[i] ?? SET_LEGEND_COLOR }));
  // Markers for train/validation/test only mean something when the caller tagged points with sets.
  const tagged = props.points.some((p) => p.set !== undefined);
  const sets = (tagged ? presentSets(props.points) : []).map((s) => ({
    label: SET_NAMES[s], color: SET_LEGEND_COLOR, marker: SET_MARKER[s],
  }));
  const lineItems = lines.map((l): LegendItem => ({ label: l.label, color: l.color, marker: l.dashed ? 'dashed' : 'line' }));
  return [...classes, ...sets, ...lineItems];
}

function exportScatter(props: ScatterHeatmapProps, size: number): ExportSvg {
  const lines = allLines(props.boundary, props.lines ?? NO_LINES);
  const scene = buildScene({ ...props, size, lines });
  const { rect } = scene;
  // Raster at the export scale so the embedded heatmap stays crisp in the 2× PNG.
  const href = props.heatmap
    ? heatmapDataUrl(props.heatmap, rect.width * EXPORT_SCALE, rect.height * EXPORT_SCALE)
    : null;
  return composeExportSvg({
    title: props.title, width: size, height: size, body: scatterSvgBody(scene, href), legend: legendItems(props, lines),
  });
}

/** Click and keyboard props for the canvas; empty (not focusable) without a handler. */
function plotInputProps(size: number, domain: Domain, onCanvasClick?: (x: number, y: number) => void) {
  if (!onCanvasClick) return {};
  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    // The canvas may be shrunk by max-width; map back to its layout size first.
    const px = ((e.clientX - box.left) * size) / box.width;
    const py = ((e.clientY - box.top) * size) / box.height;
    const rect = plotRect(size);
    // Clicks on the tick labels are not meant as points.
    if (px < rect.left || px > rect.left + rect.width || py < rect.top || py > rect.top + rect.height) return;
    onCanvasClick(...pixelToData(domain, rect, px, py));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onCanvasClick((domain.xMin + domain.xMax) / 2, (domain.yMin + domain.yMax) / 2);
  };
  return { tabIndex: 0, onClick, onKeyDown };
}

/** Canvas scatter plot over an optional decision-region heatmap; optionally clickable. */
/** Memoised: pass stable arrays (useMemo) so unchanged charts skip re-rendering while a lab trains. */
export const ScatterHeatmap = memo(function ScatterHeatmap(props: ScatterHeatmapProps) {
  const { title, chartKey, fileBase, domain, heatmap, points, classColors, classNames, boundary, onCanvasClick } = props;
  const size = props.size ?? 360;
  const extraLines = props.lines ?? NO_LINES;
  const lines = useMemo(() => allLines(boundary, extraLines), [boundary, extraLines]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Export reads the latest props at click time without re-creating the callbacks each render.
  const propsRef = useRef(props);
  useEffect(() => {
    propsRef.current = props;
  });
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D) => {
      const scene = buildScene({ size, domain, points, classColors, lines });
      drawScatterScene(ctx, scene, heatmap ? heatmapCanvas(heatmap) : null);
    },
    [size, domain, heatmap, points, classColors, lines],
  );
  useCanvasPainter(canvasRef, size, size, paint);

  const getSvg = useCallback(() => exportScatter(propsRef.current, size), [size]);
  const getCsv = useCallback(
    () => toCsv(['x', 'y', 'label', 'set'], points.map((p) => [p.x, p.y, p.label, p.set ?? 'train'])),
    [points],
  );

  const input = plotInputProps(size, domain, onCanvasClick);

  const summary = useMemo(
    () => describeScatter({
      title, domain, points, classNames, heatmapKind: heatmap?.kind, lineLabels: lines.map((l) => l.label),
    }),
    [title, domain, points, classNames, heatmap?.kind, lines],
  );
  const hint = onCanvasClick ? ' Click to add a point; press Enter to add one at the centre.' : '';

  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <canvas
        ref={canvasRef}
        className="chart-canvas"
        role="img"
        aria-label={summary + hint}
        width={size}
        height={size}
        style={{ width: size, aspectRatio: '1 / 1' }}
        {...input}
      />
      <ChartLegend items={legendItems(props, lines)} />
    </ChartFrame>
  );
});
