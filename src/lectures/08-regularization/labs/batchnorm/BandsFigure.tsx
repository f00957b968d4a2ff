/**
 * Per-layer quantile bands of the ReLU inputs on the probe batch, without BN (left) and with BN
 * (right), each panel on its own x range: whiskers 5–95 %, box 25–75 %, tick at the median.
 */
import { memo, useCallback, useMemo } from 'react';
import { CHART_AXIS, CHART_FG, CHART_MUTED, formatNumber, SERIES_COLORS, toCsv } from '../../../../charts';
import { EXPORT_FONT } from '../../../../charts/export';
import { CanvasFigure } from '../../../07-training-2/labs/init/CanvasFigure';
import type { ActSnapshot, LayerBand } from './engine';
import { QS } from './params';

const ROW = 22;
const HEAD = 34;
const FOOT = 22;
const LABEL_W = 52;
const STD_W = 70;
const GAP = 24;
const COLORS = { plain: SERIES_COLORS[1], bn: SERIES_COLORS[0] };
const sideBySide = (w: number) => w >= 600;

function range(bands: readonly LayerBand[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const b of bands) {
    if (Number.isFinite(b.q[0])) lo = Math.min(lo, b.q[0]);
    if (Number.isFinite(b.q[4])) hi = Math.max(hi, b.q[4]);
  }
  if (hi - lo < 1e-9) hi = lo + 1;
  const pad = 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

interface Panel {
  key: 'plain' | 'bn';
  title: string;
  bands: LayerBand[];
}

export const BandsFigure = memo(function BandsFigure({ acts, depth, fileBase }: { acts: ActSnapshot; depth: number; fileBase: string }) {
  const panels = useMemo<Panel[]>(() => [
    { key: 'plain', title: `without BN (iteration ${acts.plainIter})`, bands: acts.plain },
    { key: 'bn', title: `with BN (iteration ${acts.bnIter})`, bands: acts.bn },
  ], [acts]);
  const panelH = HEAD + depth * ROW + FOOT;
  const height = useCallback((w: number) => (sideBySide(w) ? panelH : 2 * panelH + 12), [panelH]);
  const paint = useCallback((ctx: CanvasRenderingContext2D, width: number, h: number) => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, h);
    ctx.font = `11px ${EXPORT_FONT}`;
    const two = sideBySide(width);
    const pw = two ? (width - GAP) / 2 : width;
    panels.forEach((panel, p) => {
      const ox = two ? p * (pw + GAP) : 0;
      const oy = two ? 0 : p * (panelH + 12);
      const [lo, hi] = range(panel.bands);
      const x0 = ox + LABEL_W;
      const x1 = ox + pw - STD_W;
      const sx = (v: number) => x0 + ((v - lo) / (hi - lo)) * (x1 - x0);
      ctx.textBaseline = 'alphabetic';
      ctx.textAlign = 'left';
      ctx.fillStyle = CHART_FG;
      ctx.fillText(panel.title, ox, oy + 13);
      ctx.fillStyle = CHART_MUTED;
      ctx.textAlign = 'right';
      ctx.fillText('σ', ox + pw - 4, oy + 28);
      if (lo < 0 && hi > 0) {
        ctx.strokeStyle = CHART_AXIS;
        ctx.setLineDash([3, 3]);
        ctx.beginPath();
        ctx.moveTo(sx(0) + 0.5, oy + HEAD - 4);
        ctx.lineTo(sx(0) + 0.5, oy + HEAD + depth * ROW);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      for (let l = 0; l < depth; l++) {
        const b = panel.bands[l];
        const cy = oy + HEAD + l * ROW + ROW / 2;
        ctx.textBaseline = 'middle';
        ctx.textAlign = 'left';
        ctx.fillStyle = CHART_MUTED;
        ctx.fillText(`layer ${l + 1}`, ox, cy);
        if (!b || !Number.isFinite(b.q[2])) {
          ctx.fillText('—', x0, cy);
          continue;
        }
        const c = COLORS[panel.key];
        ctx.strokeStyle = c;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(sx(b.q[0]), cy);
        ctx.lineTo(sx(b.q[4]), cy);
        ctx.stroke();
        ctx.fillStyle = c;
        ctx.globalAlpha = 0.35;
        ctx.fillRect(sx(b.q[1]), cy - 6, Math.max(1, sx(b.q[3]) - sx(b.q[1])), 12);
        ctx.globalAlpha = 1;
        ctx.fillRect(sx(b.q[2]) - 1, cy - 7, 2.5, 14);
        ctx.fillStyle = CHART_FG;
        ctx.textAlign = 'right';
        ctx.fillText(formatNumber(b.std), ox + pw - 4, cy);
      }
      const by = oy + HEAD + depth * ROW + 4;
      ctx.strokeStyle = CHART_AXIS;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x0, by + 0.5);
      ctx.lineTo(x1, by + 0.5);
      ctx.stroke();
      ctx.fillStyle = CHART_MUTED;
      ctx.textBaseline = 'top';
      ctx.textAlign = 'left';
      ctx.fillText(formatNumber(lo), x0, by + 3);
      ctx.textAlign = 'right';
      ctx.fillText(formatNumber(hi), x1, by + 3);
      if (lo < 0 && hi > 0 && sx(0) - x0 > 30 && x1 - sx(0) > 30) {
        ctx.textAlign = 'center';
        ctx.fillText('0', sx(0), by + 3);
      }
    });
  }, [panels, depth, panelH]);
  const csv = useCallback(() => toCsv(
    ['network', 'iteration', 'layer', ...QS.map((q) => `q${Math.round(100 * q)}`), 'mean', 'std'],
    panels.flatMap((p) => p.bands.map((b, l) => [p.key, p.key === 'plain' ? acts.plainIter : acts.bnIter, l + 1, ...b.q, b.mean, b.std])),
  ), [panels, acts]);
  const summary = useMemo(() => panels.map((p) => `${p.title}: standard deviation by layer ${
    p.bands.map((b) => formatNumber(b.std)).join(', ') || 'not available'}`).join('; '), [panels]);
  const legend = useMemo(() => [
    { label: 'without BN', color: COLORS.plain },
    { label: 'with BN', color: COLORS.bn },
  ], []);
  return (
    <CanvasFigure title="Inputs to the ReLUs per layer" chartKey="acts" fileBase={fileBase} height={height} paint={paint} csv={csv}
      summary={`Quantile bands (5, 25, 50, 75, 95 %) of the inputs to each layer's ReLU over 128 digits. ${summary}.`} legend={legend} />
  );
});
