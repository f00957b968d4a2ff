/**
 * The w₁–w₂ plane with the two SGD paths drawn as polylines (SVG markup, shown and exported via
 * the kit's ChartFrame; the kit's scatter plot draws points, not connected paths).
 */
import { memo, useCallback, useMemo } from 'react';
import { CHART_AXIS, CHART_FG, CHART_GRID, CHART_MUTED, ChartFrame, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import { markerSvg } from '../../../../charts/markers';
import { svgEl, svgNum } from '../../../../charts/svgText';
import type { Vec2 } from '../../../../ml/zeroCentring';

export interface PlanePath {
  label: string;
  color: string;
  points: readonly Vec2[];
  dashed?: boolean;
}

const S = 340;
const PAD = 30;
export const PLANE_LIMIT = 3;

const px = (v: number) => PAD + ((v + PLANE_LIMIT) / (2 * PLANE_LIMIT)) * (S - 2 * PAD);
const py = (v: number) => S - PAD - ((v + PLANE_LIMIT) / (2 * PLANE_LIMIT)) * (S - 2 * PAD);
/** Keep far-away (diverging) points drawable. */
const clampPt = (v: number) => Math.max(-50, Math.min(50, Number.isFinite(v) ? v : 50));

export function planeSvgBody(paths: readonly PlanePath[], start: Vec2, target: Vec2): string {
  const parts: string[] = [];
  const lo = PAD;
  const hi = S - PAD;
  parts.push(svgEl('defs', {}, svgEl('clipPath', { id: 'wplane-clip' }, svgEl('rect', { x: lo, y: lo, width: hi - lo, height: hi - lo }))));
  for (let t = -PLANE_LIMIT; t <= PLANE_LIMIT; t++) {
    const axis = t === 0;
    parts.push(svgEl('line', { x1: px(t), x2: px(t), y1: lo, y2: hi, stroke: axis ? CHART_AXIS : CHART_GRID, 'stroke-width': axis ? 1.5 : 1 }));
    parts.push(svgEl('line', { x1: lo, x2: hi, y1: py(t), y2: py(t), stroke: axis ? CHART_AXIS : CHART_GRID, 'stroke-width': axis ? 1.5 : 1 }));
    parts.push(svgEl('text', { x: px(t), y: hi + 14, 'font-size': 10, fill: CHART_MUTED, 'text-anchor': 'middle' }, String(t)));
    parts.push(svgEl('text', { x: lo - 6, y: py(t) + 3, 'font-size': 10, fill: CHART_MUTED, 'text-anchor': 'end' }, String(t)));
  }
  parts.push(svgEl('text', { x: hi, y: hi + 26, 'font-size': 11, fill: CHART_FG, 'text-anchor': 'end' }, 'w₁'));
  parts.push(svgEl('text', { x: lo - 6, y: lo - 12, 'font-size': 11, fill: CHART_FG, 'text-anchor': 'end' }, 'w₂'));
  const paths_ = paths.map((p) => {
    const d = p.points.map((q, i) => `${i ? 'L' : 'M'}${svgNum(px(clampPt(q[0])))} ${svgNum(py(clampPt(q[1])))}`).join('');
    return svgEl('path', { d, fill: 'none', stroke: p.color, 'stroke-width': 1.6, 'stroke-linejoin': 'round', 'stroke-dasharray': p.dashed ? '5 3' : undefined });
  });
  parts.push(svgEl('g', { 'clip-path': 'url(#wplane-clip)' }, paths_.join('')));
  parts.push(markerSvg('ring', px(start[0]), py(start[1]), 11, CHART_FG));
  parts.push(markerSvg('diamond', px(target[0]), py(target[1]), 13, CHART_FG));
  return parts.join('');
}

interface Props {
  title: string;
  chartKey: string;
  fileBase: string;
  paths: readonly PlanePath[];
  start: Vec2;
  target: Vec2;
}

export const WPlane = memo(function WPlane({ title, chartKey, fileBase, paths, start, target }: Props) {
  const body = useMemo(() => planeSvgBody(paths, start, target), [paths, start, target]);
  const legend = useMemo<LegendItem[]>(() => [
    ...paths.map((p): LegendItem => ({ label: p.label, color: p.color, marker: p.dashed ? 'dashed' : 'line' })),
    { label: 'start', color: CHART_FG, marker: 'ring' },
    { label: 'target w*', color: CHART_FG, marker: 'diamond' },
  ], [paths]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: S, height: S, body, legend }), [title, body, legend]);
  const getCsv = useCallback(
    () => toCsv(['path', 'step', 'w1', 'w2'], paths.flatMap((p) => p.points.map((q, i) => [p.label, i, q[0], q[1]]))),
    [paths],
  );
  const summary = `${title}: ${paths.map((p) => `${p.label}, ${p.points.length - 1} steps`).join('; ')}; target (${target[0]}, ${target[1]}).`;
  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <svg className="activations-plane" viewBox={`0 0 ${S} ${S}`} role="img" aria-label={summary} dangerouslySetInnerHTML={{ __html: body }} />
      <ul className="activations-legend" aria-hidden="true">
        {legend.map((l) => (
          <li key={l.label}>
            <svg width="16" height="14" viewBox="0 0 16 14" dangerouslySetInnerHTML={{ __html: markerSvg(l.marker ?? 'line', 8, 7, 12, l.color) }} />
            {l.label}
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
});
