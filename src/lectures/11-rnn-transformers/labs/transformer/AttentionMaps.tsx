/**
 * The attention weights of every head in every layer for one input, as a grid of heatmaps (rows:
 * layers, columns: heads). In each map, row i is query position i (the output position), column j the
 * key position j, labelled with its input digit; a cell's darkness is the weight softmax(QKᵀ/√d_k)ᵢⱼ.
 */
import { memo, useCallback } from 'react';
import { CHART_FG, CHART_MUTED, EXPORT_FONT, toCsv } from '../../../../charts';
import { CanvasFigure } from '../../../07-training-2/labs/init/CanvasFigure';

const GAP = 14;
const LABEL = 16;
const CAP = 18;

/** White → dark blue. */
function shade(w: number): string {
  const t = Math.max(0, Math.min(1, w));
  const r = Math.round(255 + (8 - 255) * t);
  const g = Math.round(255 + (48 - 255) * t);
  const b = Math.round(255 + (107 - 255) * t);
  return `rgb(${r},${g},${b})`;
}

export interface AttentionMapsProps {
  fileBase: string;
  tokens: readonly number[];
  /** attention[layer][head], each L × L row-major. */
  attention: readonly (readonly Float32Array[])[];
  step: number;
}

export const AttentionMaps = memo(function AttentionMaps({ fileBase, tokens, attention, step }: AttentionMapsProps) {
  const L = tokens.length;
  const layers = attention.length;
  const heads = attention[0]?.length ?? 0;
  const mapSize = useCallback((w: number) => {
    const per = Math.floor((w - GAP * (heads - 1)) / Math.max(1, heads)) - LABEL;
    return Math.max(L * 12, Math.min(L * 30, per));
  }, [heads, L]);
  const height = useCallback((w: number) => layers * (CAP + LABEL + mapSize(w) + GAP), [layers, mapSize]);
  const paint = useCallback((ctx: CanvasRenderingContext2D, width: number, h: number) => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, h);
    const size = mapSize(width);
    const cell = size / L;
    ctx.font = `11px ${EXPORT_FONT}`;
    for (let l = 0; l < layers; l++) {
      for (let hd = 0; hd < heads; hd++) {
        const x0 = hd * (LABEL + size + GAP) + LABEL;
        const y0 = l * (CAP + LABEL + size + GAP);
        ctx.fillStyle = CHART_FG;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'top';
        ctx.fillText(`layer ${l + 1}, head ${hd + 1}`, x0 - LABEL, y0 + 2, size + LABEL);
        const top = y0 + CAP + LABEL;
        const A = attention[l][hd];
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        for (let j = 0; j < L; j++) {
          ctx.fillStyle = CHART_FG;
          ctx.fillText(String(tokens[j]), x0 + (j + 0.5) * cell, top - LABEL / 2);
        }
        for (let i = 0; i < L; i++) {
          ctx.fillStyle = CHART_MUTED;
          ctx.fillText(String(i + 1), x0 - LABEL / 2, top + (i + 0.5) * cell);
          for (let j = 0; j < L; j++) {
            ctx.fillStyle = shade(A[i * L + j]);
            ctx.fillRect(x0 + j * cell, top + i * cell, Math.ceil(cell), Math.ceil(cell));
          }
        }
        ctx.strokeStyle = CHART_MUTED;
        ctx.lineWidth = 1;
        ctx.strokeRect(x0 + 0.5, top + 0.5, size - 1, size - 1);
      }
    }
  }, [attention, tokens, layers, heads, L, mapSize]);
  const csv = useCallback(() => {
    const rows: (string | number)[][] = [];
    attention.forEach((maps, l) => maps.forEach((A, hd) => {
      for (let i = 0; i < L; i++) for (let j = 0; j < L; j++) rows.push([l + 1, hd + 1, i + 1, j + 1, tokens[j], A[i * L + j]]);
    }));
    return toCsv(['layer', 'head', 'query_position', 'key_position', 'key_token', 'weight'], rows);
  }, [attention, tokens, L]);
  const summary = `Attention weights of ${layers} layer(s) × ${heads} head(s) for the input ${tokens.join(' ')} after ${step} steps.`;
  return (
    <div data-testid="transformer-attn" data-maps={layers * heads}>
      <CanvasFigure title="Attention maps (every layer and head)" chartKey="attention" fileBase={fileBase} height={height} paint={paint} csv={csv}
        summary={summary} maxWidth={heads * (LABEL + 30 * L + GAP)} />
    </div>
  );
});
