/** Every hidden unit of every run as a cell: how often it is active, and which units are dead. */
import { memo, useCallback, useMemo } from 'react';
import { CHART_FG, CHART_GRID, CHART_MUTED, toCsv } from '../../../../charts';
import { EXPORT_FONT } from '../../../../charts/export';
import { CanvasFigure } from '../init/CanvasFigure';
import type { TrainedView } from './engine';
import { RUN_KEYS, type RunKey } from './params';

const DEAD = '#b2182b';
const NEGATIVE_LEAKY = '#E69F00';
const ACTIVE = [0, 114, 178];
const LABEL_W = 56;
const TITLE_H = 18;
const BLOCK_GAP = 10;
const LEGEND = [
  { label: 'dead: z ≤ 0 on every input, no gradient', color: DEAD },
  { label: 'leaky: z ≤ 0 on every input, still learning', color: NEGATIVE_LEAKY },
  { label: 'active on all inputs', color: 'rgb(0, 114, 178)' },
  { label: 'active on few inputs', color: 'rgb(217, 234, 244)' },
];

/** Draw one line of text, smaller (then cut with an ellipsis) when it does not fit `maxWidth`. */
function fitText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth: number): void {
  ctx.save();
  if (ctx.measureText(text).width > maxWidth) ctx.font = `10px ${EXPORT_FONT}`;
  let t = text;
  while (t.length > 1 && ctx.measureText(t).width > maxWidth) t = `${t.slice(0, -2)}…`;
  ctx.fillText(t, x, y);
  ctx.restore();
}

function activeColor(share: number): string {
  const t = 0.15 + 0.85 * share;
  const ch = (c: number) => Math.round(255 + (c - 255) * t);
  return `rgb(${ch(ACTIVE[0])}, ${ch(ACTIVE[1])}, ${ch(ACTIVE[2])})`;
}

interface Props {
  view: TrainedView;
  names: Record<RunKey, string>;
  fileBase: string;
}

export const ActivityFigure = memo(function ActivityFigure({ view, names, fileBase }: Props) {
  const depth = view.runs.normal.activity.length;
  const width = view.runs.normal.activity[0]?.length ?? 0;
  const cell = useCallback((w: number) => Math.max(6, Math.min(20, Math.floor((w - LABEL_W) / Math.max(1, width)))), [width]);
  const block = useCallback((w: number) => TITLE_H + depth * (cell(w) + 2) + BLOCK_GAP, [depth, cell]);
  const height = useCallback((w: number) => RUN_KEYS.length * block(w) + 4 * 16, [block]);
  const paint = useCallback((ctx: CanvasRenderingContext2D, w: number, h: number) => {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    ctx.font = `11px ${EXPORT_FONT}`;
    const c = cell(w);
    RUN_KEYS.forEach((k, r) => {
      const run = view.runs[k];
      const oy = r * block(w);
      ctx.fillStyle = CHART_FG;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      const status = run.act === 'relu'
        ? `${run.dead} of ${view.units} dead`
        : `${run.dead} dead, ${run.allNegative} with z ≤ 0 on all inputs`;
      fitText(ctx, `${names[k]}: ${status}${run.divergedAt !== null ? ' (diverged)' : ''}`, 0, oy + 12, w);
      run.activity.forEach((layer, l) => {
        const y = oy + TITLE_H + l * (c + 2);
        ctx.fillStyle = CHART_MUTED;
        ctx.textBaseline = 'middle';
        ctx.fillText(`layer ${l + 1}`, 0, y + c / 2);
        layer.forEach((share, j) => {
          const x = LABEL_W + j * c;
          ctx.fillStyle = share > 0 ? activeColor(share) : run.act === 'relu' ? DEAD : NEGATIVE_LEAKY;
          ctx.fillRect(x, y, c - 1, c);
          ctx.strokeStyle = CHART_GRID;
          ctx.strokeRect(x + 0.5, y + 0.5, c - 2, c - 1);
        });
      });
    });
    // legend (kept in the picture so the PNG explains itself)
    const ly = RUN_KEYS.length * block(w);
    LEGEND.forEach((item, i) => {
      const y = ly + i * 16;
      ctx.fillStyle = item.color;
      ctx.fillRect(0, y + 2, 12, 12);
      ctx.strokeStyle = CHART_GRID;
      ctx.strokeRect(0.5, y + 2.5, 11, 11);
      ctx.fillStyle = CHART_FG;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      ctx.fillText(item.label, 18, y + 8);
    });
  }, [view, names, cell, block]);
  const csv = useCallback(() => toCsv(
    ['run', 'layer', 'unit', 'active_share', 'dead'],
    RUN_KEYS.flatMap((k) => view.runs[k].activity.flatMap((layer, l) => [...layer].map((s, j) => [
      names[k], l + 1, j + 1, s, s === 0 && view.runs[k].act === 'relu' ? 1 : 0,
    ]))),
  ), [view, names]);
  const summary = useMemo(
    () => `Hidden units of ${RUN_KEYS.length} runs after epoch ${view.epoch}: ` +
      RUN_KEYS.map((k) => `${names[k]}: ${view.runs[k].dead} of ${view.units} dead`).join('; ') + '.',
    [view, names],
  );
  return (
    <CanvasFigure title="Which units are dead" chartKey="units" fileBase={fileBase} height={height} paint={paint} csv={csv} summary={summary}
      maxWidth={LABEL_W + 20 * Math.max(width, 16)} />
  );
});
