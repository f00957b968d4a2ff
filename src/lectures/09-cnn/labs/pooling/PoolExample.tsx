/**
 * The editable pooling example: input cells as number inputs, the max- and average-pooled outputs as
 * focusable cells; hovering or focusing an output cell highlights its window (and, for max, the
 * winning cell). Exported as an SVG with every window outlined in its output cell's colour.
 */
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { CHART_FG, CHART_GRID, ChartFrame, composeExportSvg, SERIES_COLORS, toCsv } from '../../../../charts';
import { escapeXml, svgEl } from '../../../../charts/svgText';
import { argmaxInWindow, type PoolMode } from '../../../../ml/convArith';
import type { PoolData } from './example';
import { CELL_MAX, CELL_MIN } from './params';

/** Numbers as in the notes: up to 3 decimals, no trailing zeros, a real minus sign. */
export const fmtPool = (v: number) => {
  const t = String(Number(v.toFixed(3)));
  return t.startsWith('-') ? `−${t.slice(1)}` : t;
};

const windowColor = (k: number) => SERIES_COLORS[k % SERIES_COLORS.length];

type Hover = { mode: PoolMode; r: number; c: number } | null;

function CellInput({ value, label, onCommit, onError }: {
  value: number; label: string; onCommit: (v: number) => void; onError: (msg: string | null) => void;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const parse = (t: string) => (t.trim() === '' ? NaN : Number(t));
  const valid = (v: number) => Number.isFinite(v) && v >= CELL_MIN && v <= CELL_MAX;
  const commit = () => {
    const v = parse(text);
    if (!valid(v)) {
      onError(text.trim() === ''
        ? `${label}: empty is not a number; kept ${value}.`
        : `${label}: ${text} is not a number between ${CELL_MIN} and ${CELL_MAX}; kept ${value}.`);
      setText(String(value));
      return;
    }
    onError(null);
    if (v !== value) onCommit(v);
  };
  return (
    <input
      type="number" className="pooling-cell-input" min={CELL_MIN} max={CELL_MAX} step="any" value={text} aria-label={label}
      onChange={(e) => {
        setText(e.target.value);
        const v = parse(e.target.value);
        if (valid(v) && v !== value) onCommit(v);
      }}
      onBlur={commit}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(); }}
    />
  );
}

function exportSvg(d: PoolData, title: string) {
  const C = 34;
  const GAP = 40;
  const TOP = 22;
  const parts: string[] = [];
  const t = (x: number, y: number, s: string, size = 14, weight?: string) =>
    svgEl('text', { x, y, 'font-size': size, fill: CHART_FG, 'text-anchor': weight ? 'start' : 'middle', 'font-weight': weight }, escapeXml(s));
  parts.push(t(0, 15, `input ${d.w}×${d.w}`, 13, '600'));
  for (let i = 0; i < d.w; i++) {
    for (let j = 0; j < d.w; j++) {
      parts.push(svgEl('rect', { x: j * C, y: TOP + i * C, width: C, height: C, fill: '#ffffff', stroke: CHART_GRID }));
      parts.push(t(j * C + C / 2, TOP + i * C + C / 2 + 5, fmtPool(d.input[i * d.w + j])));
    }
  }
  const o = d.max.size;
  for (let r = 0; r < o; r++) {
    for (let c = 0; c < o; c++) {
      const k = r * o + c;
      const inset = 2 + (k % 3) * 2;
      parts.push(svgEl('rect', {
        x: c * d.s * C + inset, y: TOP + r * d.s * C + inset, width: d.f * C - 2 * inset, height: d.f * C - 2 * inset,
        fill: 'none', stroke: windowColor(k), 'stroke-width': 2.5,
      }));
    }
  }
  let x = d.w * C + GAP;
  for (const [name, res] of [['max pool', d.max], ['average pool', d.avg]] as const) {
    parts.push(t(x, 15, `${name} ${o}×${o}`, 13, '600'));
    for (let r = 0; r < o; r++) {
      for (let c = 0; c < o; c++) {
        const k = r * o + c;
        parts.push(svgEl('rect', { x: x + c * C * 1.4, y: TOP + r * C, width: C * 1.4, height: C, fill: '#ffffff', stroke: windowColor(k), 'stroke-width': 2.5 }));
        parts.push(t(x + c * C * 1.4 + C * 0.7, TOP + r * C + C / 2 + 5, fmtPool(res.out[k])));
      }
    }
    x += Math.max(o, 1) * C * 1.4 + GAP;
  }
  const width = x - GAP + 2;
  const height = TOP + d.w * C + 4;
  return composeExportSvg({ title, width, height, body: parts.join(''), legend: [] });
}

interface Props {
  data: PoolData;
  title: string;
  fileBase: string;
  onCell: (index: number, v: number) => void;
}

export const PoolExample = memo(function PoolExample({ data: d, title, fileBase, onCell }: Props) {
  const [hover, setHover] = useState<Hover>(null);
  const [msg, setMsg] = useState<string | null>(null);
  useEffect(() => setHover(null), [d.w, d.f, d.s]);
  const o = d.max.size;
  const inWindow = useMemo(() => {
    const set = new Set<number>();
    if (!hover) return { set, arg: -1 };
    for (let a = 0; a < d.f; a++) for (let b = 0; b < d.f; b++) set.add((hover.r * d.s + a) * d.w + hover.c * d.s + b);
    return { set, arg: hover.mode === 'max' ? argmaxInWindow(d.input, d.w, d.f, d.s, hover.r, hover.c) : -1 };
  }, [hover, d]);
  const hoverColor = hover ? windowColor(hover.r * o + hover.c) : undefined;
  const getSvg = useCallback(() => exportSvg(d, title), [d, title]);
  const getCsv = useCallback(() => {
    const rows: (string | number)[][] = [];
    for (const [mode, res] of [['max', d.max], ['avg', d.avg]] as const) {
      for (let r = 0; r < o; r++) {
        for (let c = 0; c < o; c++) {
          rows.push([mode, r + 1, c + 1, `${r * d.s + 1}-${r * d.s + d.f}`, `${c * d.s + 1}-${c * d.s + d.f}`, res.out[r * o + c]]);
        }
      }
    }
    return toCsv(['mode', 'out_row', 'out_col', 'input_rows', 'input_cols', 'value'], rows);
  }, [d, o]);

  const outTable = (mode: PoolMode, res: { out: number[]; size: number }) => (
    <table className="pooling-out" data-testid={`pooling-${mode}`}>
      <caption>{mode === 'max' ? 'Max' : 'Average'} pooling, {o}×{o}</caption>
      <tbody>
        {Array.from({ length: o }, (_, r) => (
          <tr key={r}>
            {Array.from({ length: o }, (_, c) => {
              const k = r * o + c;
              const active = hover?.mode === mode && hover.r === r && hover.c === c;
              return (
                <td key={c} style={{ borderColor: windowColor(k) }} className={active ? 'pooling-active' : undefined}>
                  <button
                    type="button"
                    className="pooling-out-cell"
                    aria-label={`${mode === 'max' ? 'Max' : 'Average'} of rows ${r * d.s + 1}–${r * d.s + d.f}, columns ${c * d.s + 1}–${c * d.s + d.f}: ${fmtPool(res.out[k])}`}
                    onMouseEnter={() => setHover({ mode, r, c })}
                    onMouseLeave={() => setHover(null)}
                    onFocus={() => setHover({ mode, r, c })}
                    onBlur={() => setHover(null)}
                  >
                    {fmtPool(res.out[k])}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartFrame title={title} chartKey="pooling-example" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv} className="wide">
      <div className="pooling-grids">
        <table className="pooling-in" data-testid="pooling-input">
          <caption>Input {d.w}×{d.w} (editable)</caption>
          <tbody>
            {Array.from({ length: d.w }, (_, i) => (
              <tr key={i}>
                {Array.from({ length: d.w }, (_, j) => {
                  const idx = i * d.w + j;
                  const lit = inWindow.set.has(idx);
                  const cls = [lit ? 'pooling-lit' : '', inWindow.arg === idx ? 'pooling-arg' : ''].filter(Boolean).join(' ');
                  return (
                    <td key={j} className={cls || undefined} data-lit={lit ? '1' : undefined}
                      style={lit ? { background: `${hoverColor}33`, borderColor: hoverColor } : undefined}>
                      <CellInput value={d.input[idx]} label={`Input row ${i + 1}, column ${j + 1}`} onCommit={(v) => onCell(idx, v)} onError={setMsg} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {o > 0 ? (
          <>
            {outTable('max', d.max)}
            {outTable('avg', d.avg)}
          </>
        ) : (
          <p className="pooling-bad" role="status">The {d.f}×{d.f} window is larger than the {d.w}×{d.w} input: no output.</p>
        )}
      </div>
      {msg ? <p className="pooling-bad" role="alert" data-testid="pooling-cell-msg">{msg}</p> : null}
      <p className="muted pooling-hint">
        {hover
          ? `${hover.mode === 'max' ? 'Max' : 'Average'} of the highlighted ${d.f}×${d.f} window${hover.mode === 'max' ? ' (the winning cell is outlined)' : ''}.`
          : 'Hover over or focus (Tab) an output cell to see its window.'}
      </p>
    </ChartFrame>
  );
});
