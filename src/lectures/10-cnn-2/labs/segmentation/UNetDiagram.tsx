/**
 * The mini U-Net as a small U: encoder down the left, the bottleneck at the bottom, the decoder up the
 * right, each box with its output shape H×W×C; dashed arrows are the skip connections (copy and
 * concatenate), which only the first network has.
 */
import { memo, useCallback, useMemo } from 'react';
import { SERIES_COLORS, toCsv, type LegendItem } from '../../../../charts';
import { CHART_AXIS, CHART_FG, CHART_MUTED } from '../../../../charts/colors';
import { EXPORT_FONT } from '../../../../charts/export';
import { SHAPES_CHANNELS, SHAPES_NUM_CLASSES, SHAPES_SIDE } from '../../../../ml/data/shapes';
import { unetParamCount, unetShapes } from '../../../../ml/models/unet';
import { CanvasFigure } from '../../../07-training-2/labs/init/CanvasFigure';

const SKIP = SERIES_COLORS[0];
const BOX_H = 38;
const ROW = 78;
const TOP = 30;

interface Box {
  x: number;
  y: number;
  w: number;
  title: string;
  shape: string;
}

function arrow(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, color: string, dashed = false) {
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.5;
  ctx.setLineDash(dashed ? [5, 4] : []);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  ctx.setLineDash([]);
  const a = Math.atan2(y1 - y0, x1 - x0);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x1 - 7 * Math.cos(a - 0.4), y1 - 7 * Math.sin(a - 0.4));
  ctx.lineTo(x1 - 7 * Math.cos(a + 0.4), y1 - 7 * Math.sin(a + 0.4));
  ctx.closePath();
  ctx.fill();
}

export const UNetDiagram = memo(function UNetDiagram({ width: c, fileBase }: { width: number; fileBase: string }) {
  const S = SHAPES_SIDE;
  const K = SHAPES_NUM_CLASSES;
  const shape = (s: number, ch: number) => `${s}×${s}×${ch}`;
  const height = useCallback(() => TOP + 2 * ROW + BOX_H + 34, []);
  const paint = useCallback((ctx: CanvasRenderingContext2D, w: number, h: number) => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    ctx.font = `11px ${EXPORT_FONT}`;
    const bw = Math.min(150, Math.floor(w * 0.3));
    const indent = Math.min(60, w * 0.1);
    const y = (level: number) => TOP + level * ROW;
    const boxes: Record<string, Box> = {
      e1: { x: 0, y: y(0), w: bw, title: 'conv 3×3, BN, ReLU ×2', shape: shape(S, c) },
      e2: { x: indent, y: y(1), w: bw, title: 'conv 3×3, BN, ReLU ×2', shape: shape(S / 2, 2 * c) },
      bt: { x: (w - bw) / 2, y: y(2), w: bw, title: 'bottleneck, conv ×2', shape: shape(S / 4, 4 * c) },
      d2: { x: w - bw - indent, y: y(1), w: bw, title: 'conv 3×3, BN, ReLU ×2', shape: shape(S / 2, 2 * c) },
      d1: { x: w - bw, y: y(0), w: bw, title: 'conv 3×3, BN, ReLU ×2', shape: shape(S, c) },
    };
    // Input and output above the top boxes.
    ctx.fillStyle = CHART_FG;
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    ctx.fillText(`input ${shape(S, SHAPES_CHANNELS)}`, 0, 12);
    ctx.textAlign = 'right';
    ctx.fillText(`1×1 conv → ${shape(S, K)} scores`, w, 12);
    arrow(ctx, bw / 2, 16, bw / 2, y(0) - 1, CHART_AXIS);
    arrow(ctx, w - bw / 2, y(0) - 1, w - bw / 2, 16, CHART_AXIS);
    // Down and up arrows with their operations.
    const mid = (b: Box) => b.x + b.w / 2;
    const B = boxes;
    ctx.fillStyle = CHART_MUTED;
    const label = (text: string, x: number, yy: number, align: CanvasTextAlign) => {
      ctx.fillStyle = CHART_MUTED;
      ctx.textAlign = align;
      ctx.textBaseline = 'middle';
      ctx.fillText(text, x, yy);
    };
    arrow(ctx, mid(B.e1) - 10, y(0) + BOX_H, mid(B.e2) - 10, y(1) - 1, CHART_AXIS);
    label('max-pool 2×2', mid(B.e2) - 4, y(0) + BOX_H + (ROW - BOX_H) / 2, 'left');
    arrow(ctx, mid(B.e2) - 10, y(1) + BOX_H, B.bt.x + 12, y(2) - 1, CHART_AXIS);
    arrow(ctx, B.bt.x + B.bt.w - 12, y(2) - 1, mid(B.d2) + 10, y(1) + BOX_H, CHART_AXIS);
    // Lower labels: beside the arrows when there is room, else at the edges, under the upper boxes.
    const lowY = y(1) + BOX_H + (ROW - BOX_H) / 2;
    const roomy = w >= 480;
    label('max-pool 2×2', roomy ? Math.min(mid(B.e2) + 8, B.bt.x - 4) : 0, roomy ? lowY : y(2) + BOX_H / 2, 'left');
    label('up-conv 2×2', roomy ? Math.max(mid(B.d2) - 8, B.bt.x + B.bt.w + 4) : w, roomy ? lowY : y(2) + BOX_H / 2, 'right');
    arrow(ctx, mid(B.d2) + 10, y(1) - 1, mid(B.d1) + 10, y(0) + BOX_H, CHART_AXIS);
    label('up-conv 2×2', mid(B.d2) + 4, y(0) + BOX_H + (ROW - BOX_H) / 2, 'right');
    // Skip connections.
    const skipY = (b: Box) => b.y + BOX_H / 2;
    arrow(ctx, B.e1.x + B.e1.w, skipY(B.e1), B.d1.x - 1, skipY(B.d1), SKIP, true);
    arrow(ctx, B.e2.x + B.e2.w, skipY(B.e2), B.d2.x - 1, skipY(B.d2), SKIP, true);
    ctx.fillStyle = SKIP;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    const skipLabel = (from: Box, to: Box, channels: number) => {
      const room = to.x - from.x - from.w - 12;
      const long = `copy + concat → ${channels} ch`;
      const text = ctx.measureText(long).width <= room ? long : `+${channels / 2} ch`;
      if (ctx.measureText(text).width <= room) ctx.fillText(text, (from.x + from.w + to.x) / 2, skipY(from) - 3);
    };
    skipLabel(B.e1, B.d1, 2 * c);
    skipLabel(B.e2, B.d2, 4 * c);
    // Boxes on top.
    for (const b of Object.values(boxes)) {
      ctx.fillStyle = '#f6f8fa';
      ctx.fillRect(b.x, b.y, b.w, BOX_H);
      ctx.strokeStyle = CHART_FG;
      ctx.lineWidth = 1;
      ctx.strokeRect(b.x + 0.5, b.y + 0.5, b.w - 1, BOX_H - 1);
      ctx.fillStyle = CHART_MUTED;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(b.title, b.x + b.w / 2, b.y + 15, b.w - 6);
      ctx.fillStyle = CHART_FG;
      ctx.font = `bold 12px ${EXPORT_FONT}`;
      ctx.fillText(b.shape, b.x + b.w / 2, b.y + 31, b.w - 6);
      ctx.font = `11px ${EXPORT_FONT}`;
    }
    ctx.fillStyle = CHART_MUTED;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.fillText('Shapes are H×W×C. Dashed: skip connections (only the U-Net with skips).', 0, h - 6, w);
  }, [c, S, K]);
  const csv = useCallback(() => {
    const rows = (skips: boolean) => unetShapes({ inChannels: SHAPES_CHANNELS, width: c, classes: K, skips }, S)
      .map((r) => [skips ? 'with skips' : 'without skips', r.name, r.h, r.w, r.c]);
    return toCsv(['network', 'layer', 'height', 'width', 'channels'], [...rows(true), ...rows(false)]);
  }, [c, S, K]);
  const legend = useMemo<LegendItem[]>(() => [{ label: 'skip connection (copy + concatenate)', color: SKIP }], []);
  const params = (skips: boolean) => unetParamCount({ inChannels: SHAPES_CHANNELS, width: c, classes: K, skips, bn: true });
  return (
    <CanvasFigure title="The mini U-Net and its tensor shapes" chartKey="architecture" fileBase={fileBase} height={height} paint={paint} csv={csv}
      legend={legend} maxWidth={720}
      summary={`Encoder ${shape(S, c)}, ${shape(S / 2, 2 * c)}; bottleneck ${shape(S / 4, 4 * c)}; decoder ${shape(S / 2, 2 * c)}, ${shape(S, c)}; `
        + `output ${shape(S, K)}. Skip connections concatenate the encoder maps into the decoder. ${params(true)} parameters with skips, ${params(false)} without.`} />
  );
});
