/** The hidden units of the two small nets after training, one row per unit: w₁, w₂, b, v. */
import { memo, useCallback, useMemo } from 'react';
import { CHART_FG, CHART_GRID, CHART_MUTED, DIVERGING_NEG, DIVERGING_POS, toCsv } from '../../../../charts';
import { EXPORT_FONT } from '../../../../charts/export';
import type { SymInit } from '../../../../ml/symmetry';
import type { SymSummary } from './engine';
import { CanvasFigure } from './CanvasFigure';

const COLS = ['w₁', 'w₂', 'b', 'v'];
const CELL_W = 54;
const CELL_H = 20;
const LABEL_W = 44;
const HEAD = 38;
const TABLE_W = LABEL_W + COLS.length * CELL_W;
const GAP = 28;
const side = (width: number) => width >= 2 * TABLE_W + GAP;
const KEYS: readonly SymInit[] = ['zero', 'random'];
const NAMES: Record<SymInit, string> = { zero: 'all-zero initialisation', random: 'random initialisation' };
const LEGEND = [
  { label: 'negative', color: DIVERGING_NEG },
  { label: 'positive', color: DIVERGING_POS },
];

function mix(hex: string, t: number): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = (s: number) => Math.round(255 + (((n >> s) & 255) - 255) * t);
  return `rgb(${ch(16)}, ${ch(8)}, ${ch(0)})`;
}

function fmt(v: number): string {
  return Math.abs(v) < 5e-4 ? '0' : v.toFixed(Math.abs(v) >= 10 ? 1 : 2);
}

export const SymmetryFigure = memo(function SymmetryFigure({ sym, fileBase }: { sym: Record<SymInit, SymSummary>; fileBase: string }) {
  const units = sym.zero.rows.length;
    const height = useCallback((width: number) => {
    const one = HEAD + units * CELL_H + 4;
    return side(width) ? one : 2 * one + 16;
  }, [units]);
  const paint = useCallback((ctx: CanvasRenderingContext2D, width: number, h: number) => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, h);
    ctx.font = `11px ${EXPORT_FONT}`;
    KEYS.forEach((k, t) => {
      const s = sym[k];
      const ox = side(width) ? t * (TABLE_W + GAP) : 0;
      const oy = side(width) ? 0 : t * (HEAD + units * CELL_H + 20);
      const max = Math.max(1e-9, ...s.rows.flat().map(Math.abs));
      ctx.fillStyle = CHART_FG;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(NAMES[k], ox, oy + 12);
      ctx.fillStyle = CHART_MUTED;
      ctx.textAlign = 'center';
      COLS.forEach((c, j) => ctx.fillText(c, ox + LABEL_W + (j + 0.5) * CELL_W, oy + HEAD - 6));
      s.rows.forEach((row, i) => {
        const y = oy + HEAD + i * CELL_H;
        ctx.fillStyle = CHART_MUTED;
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText(`unit ${i + 1}`, ox, y + CELL_H / 2);
        row.forEach((v, j) => {
          const x = ox + LABEL_W + j * CELL_W;
          ctx.fillStyle = mix(v < 0 ? DIVERGING_NEG : DIVERGING_POS, 0.6 * Math.min(1, Math.abs(v) / max));
          ctx.fillRect(x, y, CELL_W, CELL_H);
          ctx.strokeStyle = CHART_GRID;
          ctx.strokeRect(x + 0.5, y + 0.5, CELL_W - 1, CELL_H - 1);
          ctx.fillStyle = CHART_FG;
          ctx.textAlign = 'center';
          ctx.fillText(fmt(v), x + CELL_W / 2, y + CELL_H / 2 + 1);
        });
      });
    });
  }, [sym, units]);
  const csv = useCallback(
    () => toCsv(['initialisation', 'unit', 'w1', 'w2', 'b', 'v'], KEYS.flatMap((k) => sym[k].rows.map((r, i) => [k, i + 1, ...r]))),
    [sym],
  );
  const summary = useMemo(
    () => `Parameters of the ${units} hidden units after training. All-zero start: every unit has w1 = ${fmt(sym.zero.rows[0]?.[0] ?? NaN)}, ` +
      `largest difference between units ${sym.zero.spread}. Random start: units differ by up to ${fmt(sym.random.spread)}.`,
    [sym, units],
  );
  return (
    <CanvasFigure title="Hidden units after training" chartKey="units" fileBase={fileBase} height={height} paint={paint} csv={csv}
      summary={summary} legend={LEGEND} maxWidth={2 * TABLE_W + GAP} />
  );
});
