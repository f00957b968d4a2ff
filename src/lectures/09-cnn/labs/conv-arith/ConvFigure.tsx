/**
 * The padded input, the filter and the output as one SVG (shown and exported as the same markup),
 * with the current window, the outputs computed so far, and — for an illegal stride — the cells no
 * window covers and the next window hanging over the edge.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CHART_FG, CHART_GRID, CHART_MUTED, ChartFrame, ChartLegend, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import { escapeXml, svgEl } from '../../../../charts/svgText';
import type { ConvArithView } from './engine';

const C = 30;
const GAP = 44;
const TOP = 26;
export const WINDOW_COLOR = '#0969da';
const PAD_FILL = '#eaeef2';
const UNCOVERED_FILL = '#ffd8d3';
const GHOST_COLOR = '#cf222e';
const FILTER_FILL = '#fff1d6';
const DONE_FILL = '#dafbe1';
const CURRENT_FILL = '#b6e3ff';

/** Minus sign for display. */
export const fmtInt = (v: number) => (v < 0 ? `−${-v}` : String(v));

export function figureLegend(view: ConvArithView): LegendItem[] {
  const items: LegendItem[] = [
    { label: 'filter window', color: WINDOW_COLOR },
    { label: 'output written so far', color: '#2da44e' },
  ];
  if (view.p > 0) items.splice(1, 0, { label: 'zero padding', color: '#afb8c1' });
  if (view.size.fits && !view.size.legal) items.push({ label: 'never covered (illegal stride)', color: GHOST_COLOR });
  return items;
}

function text(x: number, y: number, s: string, size: number, fill = CHART_FG, anchor = 'middle', weight?: string): string {
  return svgEl('text', { x, y, 'font-size': size, fill, 'text-anchor': anchor, 'font-weight': weight }, escapeXml(s));
}

/** SVG markup of the whole figure with `done` windows computed (the last of them current). */
export function convSvg(view: ConvArithView, done: number, stacked = false): { body: string; width: number; height: number } {
  const { m, f, size, windows, padded, kernel, s } = view;
  const o = size.size;
  const parts: string[] = [];
  const illegal = size.fits && !size.legal;
  const overhang = illegal ? s - size.remainder : 0;
  // Side by side, or (narrow screens) the input on top and "∗ filter = output" below it.
  const inputH = m * C + (illegal ? 18 : 4);
  const y1 = stacked ? TOP + inputH + 8 : 0;
  const x1 = stacked ? GAP : (m + overhang) * C + GAP;
  const x2 = x1 + f * C + GAP;
  const width = Math.max(x2 + Math.max(o * C, 96) + 2, stacked ? (m + overhang) * C + 2 : 0);
  const height = stacked ? y1 + TOP + Math.max(f, o, 1) * C + 4 : TOP + Math.max(m, f, o, 1) * C + (illegal ? 18 : 4);
  const font = Math.round(C * 0.46);
  const covered = (k: number) => !illegal || k < (o - 1) * s + f;
  // Padded input.
  parts.push(text(0, 16, `input ${view.n}×${view.n}${view.p ? ` + padding ${view.p} → ${m}×${m}` : ''}`, 13, CHART_FG, 'start', '600'));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const isPad = i < view.p || j < view.p || i >= m - view.p || j >= m - view.p;
      const fill = !covered(i) || !covered(j) ? UNCOVERED_FILL : isPad ? PAD_FILL : '#ffffff';
      parts.push(svgEl('rect', { x: j * C, y: TOP + i * C, width: C, height: C, fill, stroke: CHART_GRID, 'stroke-width': 1 }));
      parts.push(text(j * C + C / 2, TOP + i * C + C / 2 + font * 0.36, fmtInt(padded[i * m + j]), font, isPad ? CHART_MUTED : CHART_FG));
    }
  }
  if (view.p > 0) {
    const a = view.p * C;
    parts.push(svgEl('rect', { x: a, y: TOP + a, width: view.n * C, height: view.n * C, fill: 'none', stroke: CHART_MUTED, 'stroke-width': 1.5 }));
  }
  const cur = done > 0 ? windows[done - 1] : null;
  if (cur && illegal && cur.col === o - 1) {
    // Where the next stride would put the window: past the edge.
    const gl = cur.left + s;
    parts.push(svgEl('rect', {
      x: gl * C + 1, y: TOP + cur.top * C + 1, width: f * C - 2, height: f * C - 2, fill: 'none',
      stroke: GHOST_COLOR, 'stroke-width': 2.5, 'stroke-dasharray': '6 4',
    }));
    const ly = TOP + cur.top * C + f * C + 14;
    const lx = Math.min(gl * C + (f * C) / 2, (m + overhang) * C - 38);
    parts.push(svgEl('rect', { x: lx - 38, y: ly - 12, width: 76, height: 16, fill: '#ffffff', 'fill-opacity': 0.9, rx: 3 }));
    parts.push(text(lx, ly, 'does not fit', 12, GHOST_COLOR, 'middle', '600'));
  }
  if (cur) {
    parts.push(svgEl('rect', {
      x: cur.left * C + 1.5, y: TOP + cur.top * C + 1.5, width: f * C - 3, height: f * C - 3,
      fill: WINDOW_COLOR, 'fill-opacity': 0.12, stroke: WINDOW_COLOR, 'stroke-width': 3,
    }));
  }
  // Operator symbols.
  const midY = y1 + TOP + ((stacked ? f : Math.min(m, f)) * C) / 2 + 6;
  parts.push(text(x1 - GAP / 2, midY, '∗', 26, CHART_FG));
  parts.push(text(x2 - GAP / 2, midY, '=', 26, CHART_FG));
  // Filter.
  parts.push(text(x1, y1 + 16, `filter ${f}×${f}`, 13, CHART_FG, 'start', '600'));
  for (let a = 0; a < f; a++) {
    for (let b = 0; b < f; b++) {
      parts.push(svgEl('rect', { x: x1 + b * C, y: y1 + TOP + a * C, width: C, height: C, fill: FILTER_FILL, stroke: '#d4a72c', 'stroke-width': 1 }));
      parts.push(text(x1 + b * C + C / 2, y1 + TOP + a * C + C / 2 + font * 0.36, fmtInt(kernel[a * f + b]), font));
    }
  }
  // Output.
  parts.push(text(x2, y1 + 16, o > 0 ? `output ${o}×${o}` : 'no output', 13, CHART_FG, 'start', '600'));
  windows.forEach((w, k) => {
    const isDone = k < done;
    const isCur = k === done - 1;
    parts.push(svgEl('rect', {
      x: x2 + w.col * C, y: y1 + TOP + w.row * C, width: C, height: C,
      fill: isCur ? CURRENT_FILL : isDone ? DONE_FILL : '#ffffff',
      stroke: isCur ? WINDOW_COLOR : CHART_GRID, 'stroke-width': isCur ? 2.5 : 1, 'stroke-dasharray': isDone ? undefined : '3 3',
    }));
    if (isDone) parts.push(text(x2 + w.col * C + C / 2, y1 + TOP + w.row * C + C / 2 + font * 0.36, fmtInt(w.sum), Math.abs(w.sum) >= 10 ? font - 2 : font));
  });
  return { body: parts.join(''), width, height };
}

interface Props {
  view: ConvArithView;
  done: number;
  title: string;
  fileBase: string;
}

/** Width of the element, followed with a ResizeObserver. */
function useWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [w, setW] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setW(el.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

export const ConvFigure = memo(function ConvFigure({ view, done, title, fileBase }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const boxWidth = useWidth(box);
  const sideWidth = useMemo(() => convSvg(view, 0).width, [view]);
  // Stack when side by side would shrink the cells below ~20 px.
  const stacked = boxWidth > 0 && boxWidth < sideWidth * (20 / C);
  const fig = useMemo(() => convSvg(view, done, stacked), [view, done, stacked]);
  const legend = useMemo(() => figureLegend(view), [view]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: fig.width, height: fig.height, body: fig.body, legend }), [title, fig, legend]);
  const getCsv = useCallback(
    () => toCsv(
      ['out_row', 'out_col', 'window_top', 'window_left', 'sum_of_products', 'products'],
      view.windows.map((w) => [w.row + 1, w.col + 1, w.top + 1, w.left + 1, w.sum, w.terms.map((t) => `${t.x}*${t.w}`).join(' + ')]),
    ),
    [view],
  );
  const o = view.size.size;
  const summary = `${title}: a ${view.m}×${view.m} padded input, a ${view.f}×${view.f} filter and a ${o}×${o} output; `
    + `${done} of ${view.windows.length} window positions computed.`;
  return (
    <ChartFrame title={title} chartKey="sliding-window" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv} className="wide conv-arith-figure">
      <div ref={box}>
      <svg
        className="conv-arith-svg"
        viewBox={`0 0 ${fig.width} ${fig.height}`}
        style={{ maxWidth: fig.width }}
        role="img"
        aria-label={summary}
        data-testid="conv-arith-svg"
        dangerouslySetInnerHTML={{ __html: fig.body }}
      />
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
