/** Public API of the chart kit. */
export { LineChart, type LineChartProps, type LineSeries, type ReferenceLineSpec, type XY } from './LineChart';
export { Histogram, type HistogramProps } from './Histogram';
export { histogram, type HistogramBin } from './histogram';
export {
  ScatterHeatmap,
  type Boundary,
  type Domain,
  type HeatmapSpec,
  type ScatterHeatmapProps,
  type ScatterLine,
  type ScatterPoint,
} from './ScatterHeatmap';
export { ImageGrid, type Colormap, type GridImage, type ImageGridProps, type ImageRange } from './ImageGrid';
export { ChartFrame, type ChartFrameProps } from './ChartFrame';
export { ChartLegend } from './ChartLegend';
export { ExportMenu, type ExportMenuProps } from './ExportMenu';
export {
  canvasToPngBlob,
  composeExportSvg,
  downloadBlob,
  escapeXml,
  EXPORT_FONT,
  exportFileName,
  inlineSvgStyles,
  sanitizeFileName,
  serializeSvg,
  svgToPngBlob,
  toCsv,
  type ExportFormat,
  type ExportSvg,
  type LegendItem,
} from './export';
export type { MarkerKind, PointSet } from './markers';
export {
  CHART_AXIS,
  CHART_FG,
  CHART_GRID,
  CHART_MUTED,
  CLASS_COLORS,
  DIVERGING_NEG,
  DIVERGING_POS,
  SERIES_COLORS,
  seriesColor,
} from './colors';
export { formatNumber, groupDigits } from './format';
