import { memo, useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import { CHART_FG, CHART_GRID, CHART_MUTED, ChartFrame, ChartLegend, composeExportSvg, toCsv, type LegendItem } from '../../../../charts';
import { ACTION_NAMES, GOAL, PIT, START, WALL } from '../../../../ml/gridworld';
import type { RlView } from './engine';

const POS = [0x00, 0x72, 0xb2]; // #0072B2: high value (and the goal)
const NEG = [0xb3, 0x58, 0x06]; // #b35806: low value (and the pit)
const GOAL_FILL = '#0072B2';
const PIT_FILL = '#b35806';
const WALL_FILL = '#3d444d';
const CURSOR = '#D55E00';
const DISAGREE = '#1b1f24';
const CELL = 52;
const PAD = 2;

const mix = (rgb: number[], t: number) => {
  const c = rgb.map((v) => Math.round(255 + (v - 255) * t));
  return { fill: `rgb(${c[0]},${c[1]},${c[2]})`, dark: t > 0.55 };
};

export function valueText(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return (a >= 10 ? v.toFixed(1) : v.toFixed(2)).replace('-', '−');
}

/** Arrow from the cell centre in direction a (0 up, 1 right, 2 down, 3 left). */
function arrowPath(cx: number, cy: number, a: number): string {
  const dx = [0, 1, 0, -1][a];
  const dy = [-1, 0, 1, 0][a];
  const L = 11;
  const tipX = cx + dx * L;
  const tipY = cy + dy * L;
  const tailX = cx - dx * L * 0.6;
  const tailY = cy - dy * L * 0.6;
  // Head: two points back from the tip, sideways.
  const hx = -dy;
  const hy = dx;
  const bx = tipX - dx * 6;
  const by = tipY - dy * 6;
  return `M${tailX},${tailY} L${bx},${by} M${bx + hx * 5},${by + hy * 5} L${tipX},${tipY} L${bx - hx * 5},${by - hy * 5} Z`;
}

interface Props {
  title: string;
  fileBase: string;
  view: RlView;
  /** Cursor for keyboard editing (cell index) and whether to draw it. */
  cursor: number;
  showCursor: boolean;
  onCell: (i: number) => void;
  onKey: (e: KeyboardEvent<HTMLDivElement>) => void;
  onFocusChange: (focused: boolean) => void;
}

/** The value heatmap with the greedy policy's arrows; cells are clickable for editing. */
export const GridMap = memo(function GridMap({ title, fileBase, view, cursor, showCursor, onCell, onKey, onFocusChange }: Props) {
  const ref = useRef<SVGSVGElement>(null);
  const { rows, cols, cells, values, policy, agree, path, method } = view;
  const W = cols * CELL + 2 * PAD;
  const H = rows * CELL + 2 * PAD;
  const range = useMemo(() => Math.max(1, ...values.map(Math.abs)), [values]);
  const showAgree = method === 'q';
  const legend = useMemo<LegendItem[]>(() => {
    const items: LegendItem[] = [
      { label: `V = +${valueText(range)}`, color: GOAL_FILL },
      { label: `V = −${valueText(range)}`, color: PIT_FILL },
      { label: 'wall', color: WALL_FILL },
    ];
    if (showAgree) items.push({ label: 'dotted: greedy action not optimal (value iteration)', color: DISAGREE, marker: 'dashed' });
    return items;
  }, [range, showAgree]);
  const getSvg = useCallback(() => composeExportSvg({ title, width: W, height: H, body: ref.current?.innerHTML ?? '', legend }), [title, W, H, legend]);
  const getCsv = useCallback(() => toCsv(
    ['row', 'col', 'cell', 'value', 'greedy_action'],
    cells.map((c, i) => [
      Math.floor(i / cols) + 1, (i % cols) + 1, ['empty', 'wall', 'goal', 'pit', 'start'][c], c === WALL ? '' : values[i], policy[i] >= 0 ? ACTION_NAMES[policy[i]] : '',
    ]),
  ), [cells, cols, values, policy]);
  const pathPoints = useMemo(
    () => path.map((s) => `${PAD + ((s % cols) + 0.5) * CELL},${PAD + (Math.floor(s / cols) + 0.5) * CELL}`).join(' '),
    [path, cols],
  );
  const describe = `${title}: ${rows}×${cols} grid. Click a cell to edit it; with the keyboard, arrow keys move the cursor and Enter applies the tool.`;
  return (
    <ChartFrame title={title} chartKey="values" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv} className="rl-map">
      <div className="rl-map-focus" tabIndex={0} role="group" aria-label={describe} onKeyDown={onKey}
        onFocus={() => onFocusChange(true)} onBlur={() => onFocusChange(false)}>
        <svg ref={ref} viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`${title}, ${rows} by ${cols} cells`}
          style={{ maxWidth: W, display: 'block' }} data-testid="rl-grid">
          <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
          {cells.map((c, i) => {
            const r = Math.floor(i / cols);
            const col = i % cols;
            const x = PAD + col * CELL;
            const y = PAD + r * CELL;
            const v = values[i];
            let fill: string;
            let dark = false;
            let label = '';
            if (c === WALL) {
              fill = WALL_FILL;
            } else if (c === GOAL) {
              fill = GOAL_FILL;
              dark = true;
              label = '+1';
            } else if (c === PIT) {
              fill = PIT_FILL;
              dark = true;
              label = '−1';
            } else {
              const m = mix(v < 0 ? NEG : POS, Math.min(1, Math.abs(v) / range));
              fill = m.fill;
              dark = m.dark;
              label = valueText(v);
            }
            const a = policy[i];
            const fg = dark ? '#ffffff' : CHART_FG;
            const kind = ['empty', 'wall', 'goal', 'pit', 'start'][c];
            return (
              <g key={i} data-cell={`${r + 1},${col + 1}`} data-kind={kind} data-value={c === WALL ? '' : v} data-action={a >= 0 ? ACTION_NAMES[a] : ''}
                data-agree={showAgree && c !== WALL && c !== GOAL && c !== PIT ? String(agree[i] === 1) : undefined}
                onClick={() => onCell(i)} style={{ cursor: 'pointer' }}>
                <rect x={x} y={y} width={CELL} height={CELL} fill={fill} stroke={CHART_GRID} strokeWidth={1} />
                {c === GOAL || c === PIT ? (
                  <text x={x + CELL / 2} y={y + CELL / 2 + 5} fontSize={14} fontWeight="bold" textAnchor="middle" fill="#ffffff">{label}</text>
                ) : c !== WALL ? (
                  <>
                    {a >= 0 ? <path d={arrowPath(x + CELL / 2, y + CELL / 2 - 5, a)} stroke={fg} strokeWidth={1.8} fill={fg} strokeLinejoin="round" /> : null}
                    <text x={x + CELL / 2} y={y + CELL - 5} fontSize={10} textAnchor="middle" fill={fg}>{label}</text>
                  </>
                ) : null}
                {c === START ? <text x={x + 4} y={y + 11} fontSize={10} fontWeight="bold" fill={fg}>S</text> : null}
                {showAgree && c !== WALL && c !== GOAL && c !== PIT && agree[i] !== 1 ? (
                  <rect x={x + 3} y={y + 3} width={CELL - 6} height={CELL - 6} fill="none" stroke={dark ? '#ffffff' : DISAGREE} strokeWidth={1.2}
                    strokeDasharray="2 2" pointerEvents="none" />
                ) : null}
              </g>
            );
          })}
          {path.length > 1 ? (
            <polyline points={pathPoints} fill="none" stroke={CHART_MUTED} strokeOpacity={0.45} strokeWidth={4} strokeLinejoin="round"
              strokeLinecap="round" pointerEvents="none" data-testid="rl-path" />
          ) : null}
          {showCursor ? (
            <rect x={PAD + (cursor % cols) * CELL + 1.5} y={PAD + Math.floor(cursor / cols) * CELL + 1.5} width={CELL - 3} height={CELL - 3}
              fill="none" stroke={CURSOR} strokeWidth={3} pointerEvents="none" />
          ) : null}
        </svg>
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});
