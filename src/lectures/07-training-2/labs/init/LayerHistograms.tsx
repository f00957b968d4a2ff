/** Small multiples: one histogram of the activations per layer, on a shared x range. */
import { memo, useCallback, useMemo } from 'react';
import { CHART_AXIS, CHART_FG, CHART_MUTED, formatNumber, SERIES_COLORS, toCsv } from '../../../../charts';
import { EXPORT_FONT } from '../../../../charts/export';
import type { DeepActivation } from '../../../../ml/init';
import type { LayerStats } from '../../../../ml/initExperiment';
import { CanvasFigure } from './CanvasFigure';

const BINS = 40;
const PANEL_H = 112;
const GAP = 10;

export interface LayerHist {
  layer: number;
  counts: number[] | null;
  std: number;
  /** Shares of exact zeros (ReLU: left out of the bars and reported instead) and of |a| > 0.99. */
  zero: number;
  saturated: number;
}

/** Shared x range: [−1, 1] for tanh; otherwise wide enough for mean ± 3σ of every layer. */
export function histRange(act: DeepActivation, layers: readonly LayerStats[]): [number, number] {
  if (act === 'tanh') return [-1, 1];
  let r = 0;
  for (const s of layers) if (Number.isFinite(s.std) && s.count > 0) r = Math.max(r, Math.abs(s.mean) + 3 * s.std);
  if (!(r > 0) || !Number.isFinite(r)) r = 1;
  return act === 'relu' ? [0, r] : [-r, r];
}

export function binLayer(values: Float32Array | null, lo: number, hi: number, dropZeros: boolean): number[] | null {
  if (!values) return null;
  const counts = new Array<number>(BINS).fill(0);
  const w = (hi - lo) / BINS;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (dropZeros && v === 0) continue;
    if (!(v >= lo && v <= hi)) continue;
    counts[Math.min(BINS - 1, Math.floor((v - lo) / w))]++;
  }
  return counts;
}

/** Panels per row: up to 5, each at least ~155 px wide. */
function columns(width: number, count: number): number {
  return Math.max(1, Math.min(5, Math.floor((width + GAP) / 165), count));
}

interface Props {
  layers: LayerStats[];
  act: DeepActivation;
  fileBase: string;
}

export const LayerHistograms = memo(function LayerHistograms({ layers, act, fileBase }: Props) {
  const [lo, hi] = useMemo(() => histRange(act, layers), [act, layers]);
  const hists = useMemo<LayerHist[]>(
    () => layers.map((s, i) => ({ layer: i + 1, counts: binLayer(s.sample, lo, hi, act === 'relu'), std: s.std, zero: s.zero, saturated: s.saturated })),
    [layers, lo, hi, act],
  );
  const count = hists.length;
  const height = useCallback((width: number) => {
    const rows = Math.ceil(count / columns(width, count));
    return rows * PANEL_H + (rows - 1) * GAP + 4;
  }, [count]);
  const paint = useCallback((ctx: CanvasRenderingContext2D, width: number, h: number) => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, h);
    const c = columns(width, hists.length);
    const pw = (width - (c - 1) * GAP) / c;
    ctx.font = `11px ${EXPORT_FONT}`;
    hists.forEach((hist, i) => {
      const ox = (i % c) * (pw + GAP);
      const oy = Math.floor(i / c) * (PANEL_H + GAP);
      const top = oy + 30;
      const bottom = oy + PANEL_H - 16;
      ctx.textBaseline = 'alphabetic';
      ctx.fillStyle = CHART_FG;
      ctx.textAlign = 'left';
      ctx.fillText(`layer ${hist.layer}`, ox + 2, oy + 12);
      ctx.textAlign = 'right';
      ctx.fillText(Number.isFinite(hist.std) && hist.counts ? `σ = ${formatNumber(hist.std)}` : '', ox + pw - 2, oy + 12);
      ctx.fillStyle = CHART_MUTED;
      const note = !hist.counts ? 'not computed yet'
        : act === 'relu' ? `${Math.round(100 * hist.zero)} % exactly 0 (not drawn)`
        : act === 'tanh' ? `${Math.round(100 * hist.saturated)} % with |a| > 0.99` : '';
      ctx.fillText(note, ox + pw - 2, oy + 25);
      // axis
      ctx.strokeStyle = CHART_AXIS;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(ox, bottom + 0.5);
      ctx.lineTo(ox + pw, bottom + 0.5);
      ctx.stroke();
      if (hist.counts) {
        const peak = Math.max(1, ...hist.counts);
        const bw = pw / BINS;
        ctx.fillStyle = SERIES_COLORS[0];
        hist.counts.forEach((n, b) => {
          if (!n) return;
          const bh = Math.max(1, ((bottom - top) * n) / peak);
          ctx.fillRect(ox + b * bw + 0.5, bottom - bh, Math.max(1, bw - 1), bh);
        });
      }
      ctx.fillStyle = CHART_MUTED;
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      ctx.fillText(formatNumber(lo), ox, bottom + 3);
      ctx.textAlign = 'right';
      ctx.fillText(formatNumber(hi), ox + pw, bottom + 3);
      if (lo < 0 && hi > 0) {
        ctx.textAlign = 'center';
        ctx.fillText('0', ox + (pw * -lo) / (hi - lo), bottom + 3);
      }
    });
  }, [hists, lo, hi, act]);
  const csv = useCallback(() => {
    const w = (hi - lo) / BINS;
    const rows: (string | number)[][] = [];
    for (const hist of hists) {
      if (!hist.counts) continue;
      hist.counts.forEach((n, b) => rows.push([hist.layer, lo + b * w, lo + (b + 1) * w, n]));
    }
    return toCsv(['layer', 'bin_from', 'bin_to', 'count'], rows);
  }, [hists, lo, hi]);
  const summary = useMemo(() => {
    const done = hists.filter((x) => x.counts);
    return `Histograms of the activations of ${hists.length} layers on [${formatNumber(lo)}, ${formatNumber(hi)}]; standard deviations by layer: ${
      done.map((x) => formatNumber(x.std)).join(', ') || 'not computed yet'}.`;
  }, [hists, lo, hi]);
  return (
    <CanvasFigure title="Activations per layer" chartKey="histograms" fileBase={fileBase} height={height} paint={paint} csv={csv} summary={summary} />
  );
});
