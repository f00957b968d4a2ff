/** SVG export for recharts-based charts: serialise the chart's own <svg> with inlined styles. */
import { composeExportSvg, inlineSvgStyles, serializeSvg, type ExportSvg, type LegendItem } from './export';

/**
 * Recharts renders its HTML legend on top of the bottom of the <svg>, so that strip is
 * cropped off and the legend is re-drawn as vector content by composeExportSvg.
 */
export function exportRechartsSvg(plot: HTMLElement | null, title: string, legend: LegendItem[]): ExportSvg {
  // Legend icons are also `svg.recharts-surface`; the chart surface is the wrapper's direct child.
  const surface = plot?.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
  if (!plot || !surface) throw new Error('the chart is not rendered yet');
  const box = surface.getBoundingClientRect();
  const legendEl = plot.querySelector('.recharts-legend-wrapper');
  const legendHeight = legendEl ? legendEl.getBoundingClientRect().height : 0;
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height - legendHeight));
  const clone = inlineSvgStyles(surface);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  for (const attr of ['tabindex', 'role']) clone.removeAttribute(attr);
  return composeExportSvg({ title, width, height, body: serializeSvg(clone), legend });
}
