/**
 * The photo, its activation map and the four pooled maps side by side, each drawn at the same size
 * (nearest neighbour, so the pooled maps show their coarser grids) with its size in the label.
 */
import { memo, useCallback, useMemo } from 'react';
import { CHART_FG, EXPORT_FONT, toCsv } from '../../../../charts';
import { CanvasFigure } from '../../../07-training-2/labs/init/CanvasFigure';
import type { MapPanel } from './maps';
import { panelStats } from './maps';

const GAP = 10;
/** Label height: one line, or two (name, then size) when the panels are narrow. */
const labelHeight = (pw: number) => (pw < 240 ? 34 : 20);

function panelCanvas(p: MapPanel, hi: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = p.width;
  c.height = p.height;
  const ctx = c.getContext('2d');
  if (!ctx) return c;
  const img = ctx.createImageData(p.width, p.height);
  const scale = hi > 0 ? 255 / hi : 0;
  for (let i = 0; i < p.data.length; i++) {
    const g = Math.max(0, Math.min(255, Math.round(p.data[i] * scale)));
    img.data[4 * i] = g;
    img.data[4 * i + 1] = g;
    img.data[4 * i + 2] = g;
    img.data[4 * i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return c;
}

export const PhotoPools = memo(function PhotoPools({ panels, title, fileBase }: { panels: MapPanel[]; title: string; fileBase: string }) {
  const aspect = panels[0].height / panels[0].width;
  const canvases = useMemo(() => {
    // One grey scale for the activation map and its pooled versions, so average pooling's dimming
    // shows; white at the map's 99th percentile (a few edge pixels would otherwise make all else black).
    const sorted = Float64Array.from(panels[1].data).sort();
    const white = sorted[Math.floor(0.99 * (sorted.length - 1))] || panelStats(panels[1]).max;
    return panels.map((p) => panelCanvas(p, p.key === 'photo' ? 1 : white));
  }, [panels]);
  const height = useCallback((w: number) => {
    const pw = (w - GAP) / 2;
    return 3 * (pw * aspect + labelHeight(pw)) + 2 * GAP;
  }, [aspect]);
  const paint = useCallback((ctx: CanvasRenderingContext2D, w: number, h: number) => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    const pw = (w - GAP) / 2;
    const ph = pw * aspect;
    const LABEL = labelHeight(pw);
    ctx.font = `12px ${EXPORT_FONT}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    panels.forEach((p, i) => {
      const x = (i % 2) * (pw + GAP);
      const y = Math.floor(i / 2) * (ph + LABEL + GAP);
      ctx.fillStyle = CHART_FG;
      if (LABEL > 20) {
        ctx.fillText(p.label, x, y + 8);
        ctx.fillText(`${p.width}×${p.height}`, x, y + 24);
      } else {
        ctx.fillText(`${p.label}: ${p.width}×${p.height}`, x, y + LABEL / 2);
      }
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(canvases[i], x, y + LABEL, pw, ph);
    });
  }, [panels, canvases, aspect]);
  const csv = useCallback(() => toCsv(
    ['map', 'width', 'height', 'pool_F', 'pool_S', 'min', 'mean', 'max'],
    panels.map((p) => {
      const st = panelStats(p);
      return [p.label, p.width, p.height, p.pool || '', p.pool || '', st.min, st.mean, st.max];
    }),
  ), [panels]);
  const summary = `${title}: ${panels.map((p) => `${p.label} ${p.width}×${p.height}`).join(', ')}.`;
  return <CanvasFigure title={title} chartKey="photo-pools" fileBase={fileBase} height={height} paint={paint} csv={csv} summary={summary} maxWidth={600} />;
});
