/** One unit's output over the input plane as a small heatmap: blue (−1) … white (0) … orange (+1). */
import { memo, useEffect, useRef } from 'react';
import { mixWithWhite, parseColor, type RGB } from '../../../../charts/heatmapImage';
import { CLASS_COLORS, SERIES_COLORS } from '../../../../charts';

/** Heatmap ends: the class colours, so a unit's sign reads like the output's class. */
const NEG_RGB = parseColor(CLASS_COLORS[0]);
const POS_RGB = parseColor(CLASS_COLORS[1]);
/** Line colours (≥ 3:1 on white) for edges and text. */
export const NEG_COLOR = SERIES_COLORS[0];
export const POS_COLOR = SERIES_COLORS[4];
/** Darker orange for text (≥ 4.5:1 on the panel background). */
export const POS_TEXT = '#8a5a00';

/** 256 colours from t = −1 to +1, built once. */
const LUT: RGB[] = Array.from({ length: 256 }, (_, i) => {
  const t = (i / 255) * 2 - 1;
  return mixWithWhite(t < 0 ? NEG_RGB : POS_RGB, Math.abs(t) * 0.85);
});

/** Write RGBA for values v ↦ t = (v − centre)·scale clipped to [−1, 1]. */
export function paintValues(values: ArrayLike<number>, centre: number, scale: number, out: Uint8ClampedArray): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = Number.isFinite(v) ? Math.max(-1, Math.min(1, (v - centre) * scale)) : 0;
    const c = LUT[Math.round((t + 1) * 127.5)];
    out[4 * i] = c[0];
    out[4 * i + 1] = c[1];
    out[4 * i + 2] = c[2];
    out[4 * i + 3] = 255;
  }
}

interface Props {
  values: Float32Array;
  /** Changes whenever `values` were rewritten (the engine reuses its buffers). */
  stamp: object;
  nx: number;
  ny: number;
  size: number;
  centre: number;
  scale: number;
  label: string;
}

export const UnitCanvas = memo(function UnitCanvas({ values, stamp, nx, ny, size, centre, scale, label }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const image = useRef<ImageData | null>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    if (!image.current || image.current.width !== nx || image.current.height !== ny) image.current = ctx.createImageData(nx, ny);
    paintValues(values, centre, scale, image.current.data);
    ctx.putImageData(image.current, 0, 0);
  }, [values, stamp, nx, ny, centre, scale]);
  return <canvas ref={ref} width={nx} height={ny} style={{ width: size, height: size }} className="mlp-unit-canvas" role="img" aria-label={label} />;
});
