/**
 * Validation images with class maps laid over them: one column per image, rows input / ground truth /
 * U-Net with skips / without skips. Under a map the image is drawn in grey, so the class colours stand
 * out whatever the shapes' own colours; background pixels stay uncoloured.
 */
import { memo, useCallback, useMemo } from 'react';
import { toCsv, type LegendItem } from '../../../../charts';
import { CHART_FG, CHART_GRID, CHART_MUTED } from '../../../../charts/colors';
import { EXPORT_FONT } from '../../../../charts/export';
import { SHAPE_CLASSES, SHAPES_SIDE } from '../../../../ml/data/shapes';
import { confusionFromMaps, meanIoU, pixelAccuracy } from '../../../../ml/segMetrics';
import { CanvasFigure } from '../../../07-training-2/labs/init/CanvasFigure';

/** Overlay colours of the classes (background: none). Okabe–Ito hues, far from each other. */
export const CLASS_OVERLAY: readonly string[] = ['#000000', '#E69F00', '#0072B2', '#CC3377'];

const S = SHAPES_SIDE;
const PX = S * S;
const LABEL_W = 86;
const GAP = 6;
const CAP = 16;

interface Props {
  images: Float32Array;
  truth: Uint8Array;
  predSkip: Uint8Array | null;
  predPlain: Uint8Array | null;
  predIter: number;
  count: number;
  opacity: number;
  fileBase: string;
}

function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const RGB = CLASS_OVERLAY.map(hexRgb);

/** One tile as a side × side canvas: the image itself (map null) or its grey version with the map on top. */
function tile(images: Float32Array, k: number, map: Uint8Array | null, alpha: number): HTMLCanvasElement | null {
  const c = document.createElement('canvas');
  c.width = S;
  c.height = S;
  const ctx = c.getContext('2d');
  if (!ctx) return null;
  const out = ctx.createImageData(S, S);
  for (let p = 0; p < PX; p++) {
    const q = (k * PX + p) * 3;
    const r = images[q];
    const g = images[q + 1];
    const b = images[q + 2];
    let rgb: [number, number, number];
    if (!map) rgb = [r, g, b].map((v) => Math.round(255 * Math.min(1, Math.max(0, v)))) as [number, number, number];
    else {
      const grey = Math.round(255 * Math.min(1, Math.max(0, 0.15 + 0.7 * (0.299 * r + 0.587 * g + 0.114 * b))));
      const cls = map[k * PX + p];
      if (cls === 0) rgb = [grey, grey, grey];
      else {
        const col = RGB[cls];
        rgb = [0, 1, 2].map((i) => Math.round((1 - alpha) * grey + alpha * col[i])) as [number, number, number];
      }
    }
    out.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * p);
  }
  ctx.putImageData(out, 0, 0);
  return c;
}

function scores(truth: Uint8Array, pred: Uint8Array, k: number): { acc: number; miou: number } {
  const c = confusionFromMaps(truth.subarray(k * PX, (k + 1) * PX), pred.subarray(k * PX, (k + 1) * PX), SHAPE_CLASSES.length);
  return { acc: pixelAccuracy(c, SHAPE_CLASSES.length), miou: meanIoU(c, SHAPE_CLASSES.length) };
}

export const OverlayGrid = memo(function OverlayGrid(props: Props) {
  const { images, truth, predSkip, predPlain, predIter, count, opacity, fileBase } = props;
  const rows = useMemo(() => [
    { name: 'input', map: null as Uint8Array | null, pred: false },
    { name: 'ground truth', map: truth, pred: false },
    { name: 'with skips', map: predSkip, pred: true },
    { name: 'without skips', map: predPlain, pred: true },
  ], [truth, predSkip, predPlain]);
  const cell = useCallback((w: number) => Math.max(40, Math.min(120, Math.floor((w - LABEL_W - GAP * count) / count))), [count]);
  const height = useCallback((w: number) => rows.length * (cell(w) + CAP + GAP), [rows.length, cell]);
  const paint = useCallback((ctx: CanvasRenderingContext2D, width: number, h: number) => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, h);
    const cs = cell(width);
    ctx.font = `11px ${EXPORT_FONT}`;
    rows.forEach((row, r) => {
      const y0 = r * (cs + CAP + GAP);
      ctx.fillStyle = CHART_FG;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(row.name, 0, y0 + cs / 2, LABEL_W - 4);
      for (let k = 0; k < count; k++) {
        const x0 = LABEL_W + k * (cs + GAP);
        if (row.pred && !row.map) {
          ctx.strokeStyle = CHART_GRID;
          ctx.strokeRect(x0 + 0.5, y0 + 0.5, cs - 1, cs - 1);
          ctx.fillStyle = CHART_MUTED;
          ctx.textAlign = 'center';
          ctx.fillText('—', x0 + cs / 2, y0 + cs / 2);
          continue;
        }
        const t = tile(images, k, row.map, opacity);
        ctx.imageSmoothingEnabled = false;
        if (t) ctx.drawImage(t, x0, y0, cs, cs);
        if (row.pred && row.map) {
          const s = scores(truth, row.map, k);
          ctx.fillStyle = CHART_MUTED;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'top';
          const text = cs >= 90 ? `${(100 * s.acc).toFixed(0)} % · IoU ${s.miou.toFixed(2)}` : `IoU ${s.miou.toFixed(2)}`;
          ctx.fillText(text, x0 + cs / 2, y0 + cs + 2, cs + GAP - 2);
          ctx.textBaseline = 'middle';
        }
      }
    });
  }, [rows, count, opacity, images, truth, cell]);
  const csv = useCallback(() => toCsv(
    ['image', 'model', 'iteration', 'pixel_accuracy', 'mean_iou'],
    Array.from({ length: count }, (_, k) => [
      ...(predSkip ? [[k + 1, 'with skips', predIter, scores(truth, predSkip, k).acc, scores(truth, predSkip, k).miou]] : []),
      ...(predPlain ? [[k + 1, 'without skips', predIter, scores(truth, predPlain, k).acc, scores(truth, predPlain, k).miou]] : []),
    ]).flat(),
  ), [count, predSkip, predPlain, predIter, truth]);
  const legend = useMemo<LegendItem[]>(() => SHAPE_CLASSES.slice(1).map((name, i) => ({ label: name, color: CLASS_OVERLAY[i + 1] })), []);
  const summary = predSkip
    ? `${count} validation images, their true class maps and the predictions of both networks at iteration ${predIter}.`
    : `${count} validation images and their true class maps; the predictions appear with the first scoring.`;
  return (
    <CanvasFigure title="Predictions on validation images" chartKey="overlays" fileBase={fileBase} height={height} paint={paint} csv={csv}
      summary={summary} legend={legend} maxWidth={LABEL_W + count * (120 + GAP)} />
  );
});
