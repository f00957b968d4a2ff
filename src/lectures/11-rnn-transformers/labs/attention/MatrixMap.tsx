import { memo, useCallback, useMemo, useRef } from 'react';
import {
  CHART_FG, CHART_GRID, CHART_MUTED, ChartFrame, ChartLegend, composeExportSvg, DIVERGING_NEG, DIVERGING_POS, toCsv, type LegendItem,
} from '../../../../charts';
import type { Matrix } from '../../../../ml/attention';

/** How values map to colours: weights in [0, 1] (white → blue) or signed values (blue ← white → red). */
export type MapKind = 'weights' | 'signed';

const WEIGHT_COLOR = [0, 114, 178]; // #0072B2
const NEG = [0x21, 0x66, 0xac];
const POS = [0xb2, 0x18, 0x2b];
const MASKED_FILL = '#e4e7eb';

const mix = (rgb: number[], t: number) => {
  const c = rgb.map((v) => Math.round(255 + (v - 255) * t));
  return { fill: `rgb(${c[0]},${c[1]},${c[2]})`, dark: t > 0.55 };
};

export function cellText(v: number): string {
  if (v === -Infinity) return '−∞';
  if (Number.isNaN(v)) return 'NaN';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
  return s.replace('-', '−');
}

interface Props {
  title: string;
  chartKey: string;
  fileBase: string;
  m: Matrix;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  kind: MapKind;
  /** Cells drawn grey (masked). */
  masked?: (i: number, j: number) => boolean;
  /** Highlighted cell [row, col]. */
  selected?: readonly [number, number] | null;
  onCellClick?: (i: number, j: number) => void;
  /** Pixel size of one cell (default 40). */
  cell?: number;
  testId?: string;
  /** Symmetric colour range for 'signed' (default: the largest |value|). */
  range?: number;
}

const LABEL_W = 44;
const TOP = 20;

/** A small matrix as a heatmap with its numbers written in; exports PNG/SVG/CSV. */
export const MatrixMap = memo(function MatrixMap({
  title, chartKey, fileBase, m, rowLabels, colLabels, kind, masked, selected, onCellClick, cell = 40, testId, range,
}: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const rows = m.length;
  const cols = rows ? m[0].length : 0;
  const W = LABEL_W + cols * cell + 4;
  const H = TOP + rows * cell + 4;
  const maxAbs = useMemo(
    () => range ?? Math.max(1e-9, ...m.flat().filter((v) => Number.isFinite(v)).map((v) => Math.abs(v))),
    [m, range],
  );
  const legend = useMemo<LegendItem[]>(() => {
    const items: LegendItem[] = kind === 'weights'
      ? [{ label: 'weight 0', color: '#ffffff' }, { label: 'weight 1', color: '#0072B2' }]
      : [{ label: `−${cellText(maxAbs)}`, color: DIVERGING_NEG }, { label: `+${cellText(maxAbs)}`, color: DIVERGING_POS }];
    if (masked) items.push({ label: 'masked (j > i)', color: MASKED_FILL });
    return items;
  }, [kind, maxAbs, masked]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body: ref.current?.innerHTML ?? '', legend }), [title, W, H, legend]);
  const getCsv = useCallback(
    () => toCsv(['row', ...colLabels], m.map((row, i) => [rowLabels[i] ?? String(i + 1), ...row.map((v) => (v === -Infinity ? '-Infinity' : v))])),
    [m, rowLabels, colLabels],
  );
  const describe = `${title}: ${rows}×${cols} matrix. ` + m.map((row, i) => `${rowLabels[i]}: ${row.map(cellText).join(', ')}`).join('; ');
  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv} className="attention-map">
      <svg ref={ref} viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={describe} style={{ maxWidth: W, display: 'block' }}
        data-testid={testId} data-rows={rows} data-cols={cols}>
        <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
        {colLabels.map((c, j) => (
          <text key={`c${j}`} x={LABEL_W + (j + 0.5) * cell} y={TOP - 6} fontSize={11} fill={CHART_MUTED} textAnchor="middle">{c}</text>
        ))}
        {m.map((row, i) => (
          <g key={i}>
            <text x={LABEL_W - 6} y={TOP + (i + 0.5) * cell + 4} fontSize={11} fill={CHART_MUTED} textAnchor="end">{rowLabels[i]}</text>
            {row.map((v, j) => {
              const isMasked = masked?.(i, j) ?? false;
              let fill = MASKED_FILL;
              let dark = false;
              if (!isMasked && Number.isFinite(v)) {
                const c = kind === 'weights' ? mix(WEIGHT_COLOR, Math.max(0, Math.min(1, v))) : mix(v < 0 ? NEG : POS, Math.min(1, Math.abs(v) / maxAbs));
                fill = c.fill;
                dark = c.dark;
              }
              const x = LABEL_W + j * cell;
              const y = TOP + i * cell;
              return (
                <g key={j} data-cell={`${i + 1},${j + 1}`} data-value={Number.isFinite(v) ? v : String(v)} data-masked={isMasked ? 'true' : undefined}
                  onClick={onCellClick ? () => onCellClick(i, j) : undefined} style={onCellClick ? { cursor: 'pointer' } : undefined}>
                  <rect x={x} y={y} width={cell} height={cell} fill={fill} stroke={CHART_GRID} strokeWidth={1} />
                  <text x={x + cell / 2} y={y + cell / 2 + 4} fontSize={cell >= 36 ? 11 : 9} textAnchor="middle"
                    fill={isMasked ? CHART_MUTED : dark ? '#ffffff' : CHART_FG}>{cellText(v)}</text>
                </g>
              );
            })}
          </g>
        ))}
        {selected && selected[0] < rows && selected[1] < cols ? (
          <rect x={LABEL_W + selected[1] * cell + 1} y={TOP + selected[0] * cell + 1} width={cell - 2} height={cell - 2} fill="none"
            stroke="#D55E00" strokeWidth={2.5} pointerEvents="none" />
        ) : null}
      </svg>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
