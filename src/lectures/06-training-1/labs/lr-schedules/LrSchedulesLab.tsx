import { memo, useCallback, useMemo } from 'react';
import { CLASS_COLORS, formatNumber, LineChart, ScatterHeatmap, SERIES_COLORS, type HeatmapSpec, type LineSeries } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { ParamControls } from '../../../../labs/ParamControls';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import {
  DEFAULT_RATE, effectiveRate, MAX_FACTOR, needsRateBelowOne, SCHEDULE_KINDS, scheduleAlpha, scheduleCurve, type ScheduleKind, type ScheduleSpec,
} from '../../../../ml/schedules';
import type { LrSchedulesView, RunState } from './engine';
import { BATCH, LR_SCHEDULES_PARAMS, MAP_GRID, N_POINTS, runSpec, type LrSchedulesParams } from './params';
import './lr-schedules.css';

type P = LrSchedulesParams;

export const lrSchedulesLab: LabDefinition<typeof LR_SCHEDULES_PARAMS, LrSchedulesView> = {
  id: 'lr-schedules',
  title: 'Learning-rate schedules',
  lecture: '06-training-1',
  schema: LR_SCHEDULES_PARAMS,
  engine: () => import('./engine').then((m) => m.createLrSchedulesEngine),
  needsTf: false,
  lossKeys: ['loss'],
  maxSteps: (p) => p.epochs,
  stepsPerFrame: 1,
  viewOnly: ['logY'],
  fileTag: (p) => `${p.schedule}-a${p.alpha0}-t${p.decay}-n${p.every}-w${p.warmup}-seed${p.seed}`,
};

const COLORS: Record<ScheduleKind, string> = {
  inverse: SERIES_COLORS[0], step: SERIES_COLORS[1], exponential: SERIES_COLORS[2], invsqrt: SERIES_COLORS[3], constant: SERIES_COLORS[6],
};
const NAMES: Record<ScheduleKind, string> = {
  inverse: 'inverse time', step: 'step', exponential: 'exponential', invsqrt: 'inverse square root', constant: 'constant',
};
const LEGEND: Record<ScheduleKind, string> = {
  inverse: 'inverse time', step: 'step', exponential: 'exponential', invsqrt: 't/√epoch', constant: 'constant',
};
const MAP_COLORS = [CLASS_COLORS[0], CLASS_COLORS[1]];
const CLASS_NAMES = ['class 0', 'class 1'];

/** Short numbers as the notes print them: 0.1, 0.05, 0.033, 0.025. */
const short = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(2))) : String(v));

/** The rule's parameter as shown in the table. */
function rateText(s: ScheduleSpec): string {
  const r = effectiveRate(s.kind, s.rate);
  switch (s.kind) {
    case 'inverse': return `decay = ${formatNumber(r)}`;
    case 'step': return `t = ${formatNumber(r)}, n = ${s.every}`;
    case 'exponential': return `t = ${formatNumber(r)}`;
    case 'invsqrt': return `t = ${formatNumber(r)}`;
    default: return '—';
  }
}

/** Short legend labels (the legend must fit on two lines at phone width); the rates are in the table. */
function seriesLabel(k: ScheduleKind, p: P): string {
  return k === p.schedule ? `${LEGEND[k]} (chosen${p.warmup > 0 ? `, w = ${p.warmup}` : ''})` : LEGEND[k];
}

/** The chosen rule, symbolically and with the current numbers substituted, at epoch e. */
function ruleTex(s: ScheduleSpec, e: number, alpha: number): { symbolic: string; live: string } {
  const t = effectiveRate(s.kind, s.rate);
  const a0 = texNum(s.alpha0, 3);
  const w = Math.max(0, Math.floor(s.warmup));
  const d = e - w;
  const value = texNum(alpha, 3);
  const symbolic = {
    inverse: '\\alpha = \\frac{1}{1 + \\mathit{decay}\\cdot \\mathit{epoch}}\\,\\alpha_0',
    step: '\\alpha = (1 - t)^{\\lfloor \\mathit{epoch}/n \\rfloor}\\,\\alpha_0',
    exponential: '\\alpha = t^{\\mathit{epoch}}\\,\\alpha_0',
    invsqrt: '\\alpha = \\frac{t}{\\sqrt{\\mathit{epoch} + 1}}\\,\\alpha_0',
    constant: '\\alpha = \\alpha_0',
  }[s.kind];
  if (e < w) return { symbolic, live: `\\alpha_{${e}} = \\frac{${e} + 1}{${w} + 1}\\cdot ${a0} = ${value}\\quad\\text{(warm-up)}` };
  const live = {
    inverse: `\\frac{1}{1 + ${texNum(t, 3)}\\cdot ${d}}\\cdot ${a0}`,
    step: `(1 - ${texNum(t, 3)})^{\\lfloor ${d}/${s.every} \\rfloor}\\cdot ${a0}`,
    exponential: `${texNum(t, 3)}^{${d}}\\cdot ${a0}`,
    invsqrt: `\\frac{${texNum(t, 3)}}{\\sqrt{${d} + 1}}\\cdot ${a0}`,
    constant: a0,
  }[s.kind];
  return { symbolic, live: `\\alpha_{${e}} = ${live} = ${value}` };
}

function CurrentAlpha({ p, metrics }: { p: P; metrics: Record<string, number> }) {
  const spec = runSpec(p.schedule, p);
  const epoch = Math.min(metrics.epoch ?? 0, Math.max(0, p.epochs - 1));
  const { symbolic, live } = ruleTex(spec, epoch, scheduleAlpha(spec, epoch));
  const firsts = [0, 1, 2, 3].map((e) => `\\alpha_{${e}} = ${short(scheduleAlpha(spec, e))}`).join(',\\; ');
  return (
    <div className="panel" data-testid="lr-schedules-alpha">
      <h4>Learning rate of the chosen schedule</h4>
      <Tex display math={symbolic} />
      <Tex display math={live} />
      <p>
        First epochs: <Tex math={firsts} />
        {p.warmup > 0 ? <> (epochs {0}–{p.warmup - 1} are the warm-up; the decay's own epoch counter starts at {p.warmup})</> : null}.
      </p>
      <p className="muted">
        Epochs count from 0. The notes' <Tex math="t/\sqrt{\mathit{epoch}}" /> is infinite at epoch 0, so that rule counts epochs from 1.
        Step decay is applied every <Tex math="n" /> epochs here (the notes say every <Tex math="n" /> steps).
      </p>
    </div>
  );
}

function ScheduleTable({ view, p }: { view: LrSchedulesView; p: P }) {
  const best = SCHEDULE_KINDS.reduce<ScheduleKind | null>((b, k) => {
    const r = view.runs[k];
    if (r.divergedAt !== null || !Number.isFinite(r.loss)) return b;
    return b === null || r.loss < view.runs[b].loss ? k : b;
  }, null);
  const done = view.epoch >= p.epochs;
  return (
    <div className="panel">
      <h4>{done ? 'Final' : 'Current'} training loss per schedule (epoch {view.epoch})</h4>
      <div className="lr-schedules-scroll" tabIndex={0} role="region" aria-label="Training loss per schedule (scrolls sideways on narrow screens)">
        <table className="metric-table lr-schedules-table" data-testid="lr-schedules-table">
          <thead>
            <tr><th scope="col">Schedule</th><th scope="col">Rate</th><th scope="col">Last α</th><th scope="col">Train loss</th><th scope="col">Accuracy</th></tr>
          </thead>
          <tbody>
            {SCHEDULE_KINDS.map((k) => {
              const r: RunState = view.runs[k];
              return (
                <tr key={k} className={k === p.schedule ? 'lr-schedules-chosen' : undefined} data-schedule={k}>
                  <td className="lr-schedules-name">
                    <span className={`lr-schedules-swatch${k === p.schedule ? '' : ' dashed'}`} style={{ color: COLORS[k], backgroundColor: k === p.schedule ? COLORS[k] : undefined }} aria-hidden="true" />
                    {NAMES[k]}{k === p.schedule ? ' (chosen)' : ''}
                  </td>
                  <td>{rateText(runSpec(k, p))}{k === p.schedule && p.warmup > 0 ? `, w = ${p.warmup}` : ''}</td>
                  <td>{formatNumber(r.alpha)}</td>
                  <td>{r.divergedAt !== null ? `diverged (epoch ${r.divergedAt})` : formatNumber(r.loss)}{k === best && view.epoch > 0 ? ' ★' : ''}</td>
                  <td>{r.divergedAt !== null ? '—' : `${(100 * r.accuracy).toFixed(1)} %`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">★ lowest training loss. A constant α keeps bouncing on the minibatch noise; a decay that is too fast freezes the weights early.</p>
    </div>
  );
}

const Regions = memo(function Regions({ view, fileBase, chosen }: { view: LrSchedulesView; fileBase: string; chosen: string }) {
  const heatmap = useMemo<HeatmapSpec>(() => ({ nx: MAP_GRID.nx, ny: MAP_GRID.ny, values: view.map, kind: 'probability', classColors: MAP_COLORS }), [view.map]);
  return (
    <ScatterHeatmap
      title={`Decision regions of the ${chosen} run`}
      chartKey="regions"
      fileBase={fileBase}
      domain={MAP_GRID}
      heatmap={heatmap}
      points={view.points}
      classColors={MAP_COLORS}
      classNames={CLASS_NAMES}
      size={300}
    />
  );
});

export function LrSchedulesLab() {
  const h = useLab(lrSchedulesLab);
  const { view, params: p, metrics } = h;
  const setParams = h.lab.setParams;
  const fileBase = `lecture06-lr-schedules-${lrSchedulesLab.fileTag(p)}`;
  const labels = useMemo(() => SCHEDULE_KINDS.map((k) => seriesLabel(k, p)), [p]);
  const alphaSeries = useMemo<LineSeries[]>(
    () => SCHEDULE_KINDS.map((k, i) => ({
      key: k, label: labels[i], color: COLORS[k], dashed: k !== p.schedule,
      points: scheduleCurve(runSpec(k, p), p.epochs).map((y, x) => ({ x, y })),
    })),
    [p, labels],
  );
  const cs = h.chartSeries;
  const lossSeries = useMemo<LineSeries[]>(
    () => SCHEDULE_KINDS.map((k, i) => ({ key: k, label: labels[i], color: COLORS[k], dashed: k !== p.schedule, points: cs[`loss_${k}`] ?? [] })),
    [cs, labels, p.schedule],
  );
  const onChange = useCallback(
    (patch: Partial<P>) => setParams(patch.schedule && patch.schedule !== p.schedule ? { ...patch, decay: DEFAULT_RATE[patch.schedule] } : patch),
    [setParams, p.schedule],
  );
  const notesExample = () => setParams({ schedule: 'inverse', alpha0: 0.1, decay: 1, warmup: 0 });
  const clamped = needsRateBelowOne(p.schedule) && p.decay > MAX_FACTOR;
  return (
    <LabFrame
      handle={h}
      stepLabel="epoch"
      controls={[]}
      extraControls={
        <>
          <ParamControls schema={LR_SCHEDULES_PARAMS} values={p} onChange={onChange} only={['schedule', 'alpha0', 'decay', 'every', 'warmup', 'epochs', 'logY', 'seed']} />
          {clamped ? <p className="lr-schedules-warn" role="status">This rule needs t &lt; 1: the lab uses t = {MAX_FACTOR}.</p> : null}
          {p.schedule === 'constant' ? <p className="muted">The constant schedule has no decay rate.</p> : null}
          <button type="button" onClick={notesExample}>Notes' example: α₀ = 0.1, decay = 1</button>
        </>
      }
      intro={
        <p>
          The same 2–8–1 network, from the same initial weights and with the same minibatches ({N_POINTS} noisy XOR points, <Tex math={`B = ${BATCH}`} />),
          is trained once per schedule; all runs advance one epoch per step. The chosen schedule takes the decay-rate and warm-up sliders, the
          others use their usual rate. Start with a large <Tex math="\alpha_0" /> and compare the constant rate with the decayed ones.
        </p>
      }
    >
      <LineChart title="Learning rate per epoch" chartKey="alpha" fileBase={fileBase} xLabel="epoch" yLabel="α" series={alphaSeries} logY={p.logY} height={240} />
      <CurrentAlpha p={p} metrics={metrics} />
      {view ? (
        <>
          <LineChart title="Training loss per epoch" chartKey="loss" fileBase={fileBase} xLabel="epoch" yLabel="training loss (cross-entropy)" series={lossSeries} height={240} />
          <ScheduleTable view={view} p={p} />
          <Regions view={view} fileBase={fileBase} chosen={NAMES[p.schedule]} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
