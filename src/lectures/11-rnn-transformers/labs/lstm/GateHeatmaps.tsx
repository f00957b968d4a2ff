import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ChartFrame, ChartLegend, composeExportSvg, DIVERGING_NEG, DIVERGING_POS, EXPORT_FONT, toCsv } from '../../../../charts';
import { paintOffscreen, useCanvasPainter } from '../../../../charts/useCanvasPainter';
import type { Sequence, SeqTrace } from './model';

export const PANELS = [
  { key: 'i', label: 'i', name: 'input gate i_t', signed: false },
  { key: 'f', label: 'f', name: 'forget gate f_t', signed: false },
  { key: 'o', label: 'o', name: 'output gate o_t', signed: false },
  { key: 'g', label: 'g', name: 'cell update g_t', signed: true },
  { key: 'c', label: 'C', name: 'cell state C_t', signed: true },
  { key: 'h', label: 'h', name: 'hidden state h_t', signed: true },
] as const;

const GUTTER = 22;
const HEADER = 18;
const PANEL_GAP = 6;
const WHITE = [246, 248, 250];
const hex = (s: string) => [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16));
const NEG = hex(DIVERGING_NEG);
const POS = hex(DIVERGING_POS);
const GATE = [33, 102, 60];

function mix(a: number[], b: number[], t: number): string {
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * Math.min(1, Math.max(0, t))));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** Gates in [0, 1]: white → green. Signed values: blue ← white → red, scaled by `max`. */
function colour(v: number, signed: boolean, max: number): string {
  if (!signed) return mix(WHITE, GATE, v);
  return v < 0 ? mix(WHITE, NEG, -v / max) : mix(WHITE, POS, v / max);
}

interface Layout {
  cw: number;
  ch: number;
  width: number;
  panelH: number;
  height: number;
}

function layoutFor(T: number, H: number, avail: number): Layout {
  const cw = Math.max(9, Math.min(42, Math.floor((avail - GUTTER - 2) / T)));
  const ch = Math.max(5, Math.min(12, Math.floor(88 / H)));
  const panelH = H * ch;
  return { cw, ch, width: GUTTER + T * cw + 1, panelH, height: HEADER + PANELS.length * (panelH + PANEL_GAP) };
}

/** Largest |C| of the sequence (C is not bounded by 1). */
function cMax(tr: SeqTrace): number {
  let m = 1;
  for (const row of tr.c) for (const v of row) m = Math.max(m, Math.abs(v));
  return m;
}

function paint(ctx: CanvasRenderingContext2D, tr: SeqTrace, seq: Sequence, L: Layout, sel: number, unit: number) {
  const { cw, ch, panelH } = L;
  const cm = cMax(tr);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, L.width, L.height);
  ctx.font = `11px ${EXPORT_FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  // input row: the digits, the marked one in bold red
  for (let t = 0; t < tr.T; t++) {
    const marked = t === seq.marker;
    ctx.fillStyle = marked ? '#b2182b' : '#24292f';
    ctx.font = `${marked ? 'bold 12px' : '11px'} ${EXPORT_FONT}`;
    ctx.fillText(marked ? `*${seq.digits[t]}` : String(seq.digits[t]), GUTTER + t * cw + cw / 2, HEADER / 2);
  }
  ctx.font = `italic 12px ${EXPORT_FONT}`;
  ctx.fillStyle = '#57606a';
  ctx.fillText('x', GUTTER / 2, HEADER / 2);
  PANELS.forEach((p, pi) => {
    const y0 = HEADER + pi * (panelH + PANEL_GAP);
    const rows = tr[p.key];
    for (let t = 0; t < tr.T; t++) {
      for (let k = 0; k < tr.H; k++) {
        ctx.fillStyle = colour(rows[t][k], p.signed, p.key === 'c' ? cm : 1);
        ctx.fillRect(GUTTER + t * cw, y0 + k * ch, cw, ch);
      }
    }
    ctx.strokeStyle = '#d0d7de';
    ctx.lineWidth = 1;
    ctx.strokeRect(GUTTER - 0.5, y0 - 0.5, tr.T * cw + 1, panelH + 1);
    ctx.fillStyle = '#24292f';
    ctx.font = `italic bold 13px ${EXPORT_FONT}`;
    ctx.fillText(p.label, GUTTER / 2 - 2, y0 + panelH / 2);
    // the chosen unit: a tick on the left
    ctx.fillStyle = '#24292f';
    ctx.fillRect(GUTTER - 4, y0 + unit * ch + 1, 3, Math.max(2, ch - 2));
  });
  // the chosen step: a frame over all panels
  ctx.strokeStyle = '#24292f';
  ctx.lineWidth = 2;
  ctx.strokeRect(GUTTER + sel * cw + 1, 1, cw - 2, L.height - 2);
}

export interface GateHeatmapsProps {
  trace: SeqTrace;
  seq: Sequence;
  step: number;
  unit: number;
  onStep: (t: number) => void;
  fileBase: string;
}

const TITLE = 'Gates and states over time';

/** Six heatmaps (rows = hidden units, columns = time steps); click a column or use ←/→ to pick the step. */
export const GateHeatmaps = memo(function GateHeatmaps({ trace, seq, step, unit, onStep, fileBase }: GateHeatmapsProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [avail, setAvail] = useState(600);
  useEffect(() => {
    const el = wrapRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // The outer div is block-level and full width, so its width does not follow the canvas.
    const ro = new ResizeObserver(() => setAvail(Math.max(120, Math.min(720, el.clientWidth - 28))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const L = useMemo(() => layoutFor(trace.T, trace.H, avail), [trace.T, trace.H, avail]);
  const sel = Math.min(step, trace.T - 1);
  const u = Math.min(unit, trace.H - 1);
  const draw = useCallback((ctx: CanvasRenderingContext2D) => paint(ctx, trace, seq, L, sel, u), [trace, seq, L, sel, u]);
  useCanvasPainter(canvasRef, L.width, L.height, draw);

  const legend = useMemo(() => [
    { label: 'gate 0', color: mix(WHITE, GATE, 0) },
    { label: 'gate 1', color: mix(WHITE, GATE, 1) },
    { label: 'negative', color: DIVERGING_NEG },
    { label: 'positive', color: DIVERGING_POS },
  ], []);
  const getSvg = useCallback(() => {
    const href = paintOffscreen(L.width, L.height, 2, draw).toDataURL('image/png');
    const body = `<image x="0" y="0" width="${L.width}" height="${L.height}" xlink:href="${href}"/>`;
    return composeExportSvg({ title: TITLE, width: L.width, height: L.height, body, legend });
  }, [L, draw, legend]);
  const getCsv = useCallback(() => {
    const rows: (string | number)[][] = [];
    for (const p of PANELS) for (let t = 0; t < trace.T; t++) for (let k = 0; k < trace.H; k++) rows.push([p.label, t + 1, k + 1, trace[p.key][t][k]]);
    return toCsv(['quantity', 't', 'unit', 'value'], rows);
  }, [trace]);

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * L.width - GUTTER;
    const t = Math.floor(x / L.cw);
    if (t >= 0 && t < trace.T) onStep(t);
  };
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const next: Record<string, number> = { ArrowRight: Math.min(trace.T - 1, sel + 1), ArrowLeft: Math.max(0, sel - 1), Home: 0, End: trace.T - 1 };
    const t = next[e.key];
    if (t === undefined) return;
    e.preventDefault();
    onStep(t);
  };
  return (
    <div ref={wrapRef} className="lstm-heat-outer">
    <ChartFrame title={TITLE} chartKey="gates" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="lstm-heat-wrap">
        <canvas
          ref={canvasRef}
          className="chart-canvas lstm-heat"
          data-testid="lstm-heatmaps"
          tabIndex={0}
          role="slider"
          aria-label={`${TITLE}: i, f, o, g, C, h for ${trace.H} hidden units over ${trace.T} steps. Click a column or press the arrow keys to pick the step.`}
          aria-valuemin={1}
          aria-valuemax={trace.T}
          aria-valuenow={sel + 1}
          aria-valuetext={`step ${sel + 1} of ${trace.T}`}
          width={L.width}
          height={L.height}
          style={{ width: L.width, height: L.height }}
          onClick={onClick}
          onKeyDown={onKey}
        />
      </div>
      <ChartLegend items={legend} />
    </ChartFrame>
    </div>
  );
});
