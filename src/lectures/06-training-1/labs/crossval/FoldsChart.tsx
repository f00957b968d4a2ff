import { memo, useCallback, useMemo, useRef } from 'react';
import { CHART_AXIS, CHART_FG, CHART_GRID, CHART_MUTED, ChartFrame, ChartLegend, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import type { CrossvalView } from './engine';

export const TRAIN_COLOR = '#9ec5e8';
export const VAL_COLOR = '#D55E00';
export const TEST_COLOR = '#d0d7de';
export const BAR_COLOR = '#0072B2';

/** Below this width the chart scrolls sideways instead of shrinking its text. */
const MIN_W = 440;
const W = 540;
const ROW = 26;
const TOP = 22;
const LABEL = 52;
const STRIP = 300;
const GAP = 10;
const BAR_X = LABEL + STRIP + 24;
const BAR_W = W - BAR_X - 52;

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—');

interface Props {
  view: CrossvalView;
  /** Candidate whose fold scores are drawn. */
  cand: number;
  fileBase: string;
}

/** One strip per fold (which block validates in that round) and, beside it, that round's accuracy. */
export const FoldsChart = memo(function FoldsChart({ view, cand, fileBase }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const { folds, foldSizes, nDev, nTest, rows, current } = view;
  const row = rows[cand];
  const title = 'Folds and the accuracy of each fold';
  const H = TOP + folds * ROW + 8;
  // Block widths: development folds share STRIP minus the test block, in proportion to their sizes.
  const total = nDev + nTest;
  const devW = ((STRIP - GAP) * nDev) / total;
  const testW = STRIP - GAP - devW;
  const starts = foldSizes.reduce<number[]>((acc, s, i) => [...acc, acc[i] + (devW * s) / nDev], [0]);
  const activeRow = current.cand === cand ? current.fold : -1;
  const legend = useMemo<LegendItem[]>(() => [
    { label: 'training folds', color: TRAIN_COLOR },
    { label: 'validation fold', color: VAL_COLOR },
    { label: `test set (${nTest} points, held out)`, color: TEST_COLOR },
    { label: `validation accuracy with ${row?.kNN ?? '—'} neighbours`, color: BAR_COLOR },
  ], [nTest, row?.kNN]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body: ref.current?.innerHTML ?? '', legend }), [H, legend]);
  const getCsv = useCallback(
    () => toCsv(['fold', 'validation size', 'training size', `validation accuracy (${row?.kNN} neighbours)`], foldSizes.map((s, i) => [i + 1, s, nDev - s, row?.scores[i] ?? NaN])),
    [foldSizes, nDev, row],
  );
  const label = `${folds} folds of ${foldSizes.join(', ')} development points, ${nTest} test points held out. ` +
    `Validation accuracy per fold with ${row?.kNN} neighbours: ${row?.scores.map(pct).join(', ')}.`;
  return (
    <ChartFrame title={title} chartKey="folds" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="crossval-scroll" tabIndex={0} role="region" aria-label={`${title} (scrolls sideways on narrow screens)`}>
      <svg ref={ref} viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ maxWidth: W * 1.3, minWidth: MIN_W, display: 'block' }} data-testid="crossval-folds">
        <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
        <g fontSize={11} fill={CHART_MUTED}>
          <text x={LABEL} y={14}>development data ({nDev})</text>
          <text x={LABEL + devW + GAP} y={14}>test</text>
          <text x={BAR_X} y={14}>accuracy</text>
        </g>
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line x1={BAR_X + t * BAR_W} x2={BAR_X + t * BAR_W} y1={TOP - 2} y2={TOP + folds * ROW - 4} stroke={CHART_GRID} strokeDasharray="3 3" />
            <text x={BAR_X + t * BAR_W} y={H - 0} fontSize={9} fill={CHART_MUTED} textAnchor="middle">{t}</text>
          </g>
        ))}
        {foldSizes.map((_, i) => {
          const y = TOP + i * ROW;
          const s = row?.scores[i] ?? NaN;
          return (
            <g key={i} data-fold={i} data-active={i === activeRow ? 'true' : undefined}>
              <text x={LABEL - 8} y={y + 14} fontSize={11} fill={CHART_FG} textAnchor="end" fontWeight={i === activeRow ? 700 : 400}>fold {i + 1}</text>
              {foldSizes.map((_, j) => (
                <rect key={j} x={LABEL + starts[j]} y={y} width={Math.max(0.5, starts[j + 1] - starts[j])} height={ROW - 8}
                  fill={j === i ? VAL_COLOR : TRAIN_COLOR} stroke="#ffffff" strokeWidth={1} />
              ))}
              <rect x={LABEL + devW + GAP} y={y} width={testW} height={ROW - 8} fill={TEST_COLOR} />
              {i === activeRow ? <rect x={LABEL - 2} y={y - 2} width={STRIP + 4} height={ROW - 4} fill="none" stroke={CHART_FG} strokeWidth={1.5} /> : null}
              {Number.isFinite(s) ? <rect x={BAR_X} y={y + 2} width={s * BAR_W} height={ROW - 12} fill={BAR_COLOR} /> : null}
              <text x={BAR_X + BAR_W + 6} y={y + 13} fontSize={11} fill={CHART_FG}>{pct(s)}</text>
            </g>
          );
        })}
        <line x1={BAR_X} x2={BAR_X} y1={TOP - 2} y2={TOP + folds * ROW - 4} stroke={CHART_AXIS} />
      </svg>
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
