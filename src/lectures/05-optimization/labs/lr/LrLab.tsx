import { memo, useMemo } from 'react';
import { formatNumber, LineChart, ScatterHeatmap, SERIES_COLORS, type HeatmapSpec, type LineSeries, type ScatterLine } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { LrRun, LrView } from './engine';
import { BOWL_ANGLE, contourBands, RUN_KEYS, VIEW_RADIUS, type RunKey } from './surface';
import { HIGH_FACTOR, LOW_FACTOR, LR_PARAMS } from './params';

export const lrLab: LabDefinition<typeof LR_PARAMS, LrView> = {
  id: 'lr',
  title: 'Learning rate: too low, about right, too high',
  lecture: '05-optimization',
  schema: LR_PARAMS,
  engine: () => import('./engine').then((m) => m.createLrEngine),
  needsTf: false,
  // The too-high run is meant to blow up: it is stopped on its own, so only the chosen rate counts.
  lossKeys: ['loss_right'],
  maxSteps: (p) => p.steps,
  stepsPerFrame: 1,
  fileTag: (p) => `kappa${p.kappa}-lr${p.lr}-seed${p.seed}`,
};

const RUN_COLORS: Record<RunKey, string> = { low: SERIES_COLORS[4], right: SERIES_COLORS[0], high: SERIES_COLORS[1], line: SERIES_COLORS[2] };
const BAND_COLORS = ['#f6f8fa', '#e6eef7', '#d4e3f3', '#bcd3ec', '#9fc0e3', '#7fa9d8', '#5c8fcb', '#3a73b8'];
const DOMAIN = { xMin: -VIEW_RADIUS, xMax: VIEW_RADIUS, yMin: -VIEW_RADIUS, yMax: VIEW_RADIUS };

function runLabel(k: RunKey, run: LrRun | undefined, alpha: number): string {
  const a = formatNumber(alpha);
  switch (k) {
    case 'low':
      return `too low α = ${a}`;
    case 'right':
      return `right α = ${a}`;
    case 'high':
      return `too high α = ${a}${run?.divergedAt != null ? ' (diverged)' : ''}`;
    default:
      return 'line search α*';
  }
}

/** Losses start near 1; smaller values are at machine precision. */
const PRECISION_FLOOR = 1e-15;

const inView = (t: readonly number[]) => Math.abs(t[0]) <= VIEW_RADIUS && Math.abs(t[1]) <= VIEW_RADIUS;

const Paths = memo(function Paths({ view, kappa, labels, fileBase }: { view: LrView; kappa: number; labels: string[]; fileBase: string }) {
  const heatmap = useMemo<HeatmapSpec>(() => ({ nx: 90, ny: 90, values: contourBands(kappa), kind: 'class', classColors: BAND_COLORS }), [kappa]);
  const points = useMemo(
    () => RUN_KEYS.flatMap((k, label) => view.runs[k].path.filter(inView).map((t) => ({ x: t[0], y: t[1], label }))),
    [view],
  );
  const lines = useMemo<ScatterLine[]>(() => {
    const [c, s] = [Math.cos(BOWL_ANGLE), Math.sin(BOWL_ANGLE)];
    return [
      { a: -s, b: c, c: 0, color: '#57606a', label: 'steep axis (λ_max = 1)', dashed: true },
      { a: c, b: s, c: 0, color: '#8c959f', label: `flat axis (λ_min = 1/κ = ${(1 / kappa).toPrecision(2)})`, dashed: true },
    ];
  }, [kappa]);
  const colors = useMemo(() => RUN_KEYS.map((k) => RUN_COLORS[k]), []);
  return (
    <ScatterHeatmap title="Paths on the loss surface" chartKey="paths" fileBase={fileBase} domain={DOMAIN} heatmap={heatmap}
      points={points} classColors={colors} classNames={labels} lines={lines} />
  );
});

function Explain({ view, alphaHigh, step }: { view: LrView; alphaHigh: number; step: number }) {
  const high = view.runs.high;
  return (
    <div className="panel">
      <h4>Why these three rates</h4>
      <p>
        Along each axis of the bowl gradient descent multiplies the distance to the minimum by <Tex math="1 - \alpha\lambda" /> per step. It
        shrinks only while <Tex math="|1 - \alpha\lambda| < 1" /> for both eigenvalues, i.e. <Tex math="0 < \alpha < 2/\lambda_{max} = 2" />.
        The too-high run uses <Tex math={`\\alpha = ${HIGH_FACTOR}\\cdot 2/\\lambda_{max} = ${texNum(alphaHigh, 3)}`} />: across the valley each step
        multiplies the error by <Tex math={`|1 - ${texNum(alphaHigh, 3)}| = ${texNum(Math.abs(1 - alphaHigh), 3)}`} />, so it zig-zags outwards
        {high.divergedAt !== null ? <> and was stopped at step {high.divergedAt} (diverged)</> : null}. The too-low run
        (<Tex math={`\\alpha/${LOW_FACTOR}`} />) is safe but crawls. Along the flat axis even the best fixed step,{' '}
        <Tex math="2/(\lambda_{min} + \lambda_{max})" />, shrinks the error only by <Tex math="(\kappa - 1)/(\kappa + 1)" /> per step.
      </p>
      <p className="muted">
        {Number.isFinite(view.lastLineAlpha) ? (
          <>After {step} steps the line search's last step was <Tex math={`\\alpha^* = ${texNum(view.lastLineAlpha, 3)}`} />. </>
        ) : null}
        The line search's step changes every iteration, and each new gradient is orthogonal to the previous one, hence its right-angled zig-zag.
      </p>
    </div>
  );
}

export function LrLab() {
  const h = useLab(lrLab);
  const { view, params: p, metrics } = h;
  const fileBase = `lecture05-lr-${lrLab.fileTag(p)}`;
  const alphaHigh = metrics.alpha_high ?? HIGH_FACTOR * 2;
  const labels = useMemo(
    () => RUN_KEYS.map((k) => runLabel(k, view?.runs[k], k === 'low' ? p.lr / LOW_FACTOR : k === 'right' ? p.lr : alphaHigh)),
    [view, p.lr, alphaHigh],
  );
  const cs = h.chartSeries;
  const series = useMemo<LineSeries[]>(
    // Below 1e-15·f(θ⁰) a run has reached machine precision; those points would only squash the axis.
    () => RUN_KEYS.map((k, i) => ({ key: `loss_${k}`, label: labels[i], color: RUN_COLORS[k], dashed: k === 'line', points: (cs[`loss_${k}`] ?? []).filter((q) => q.y > PRECISION_FLOOR) })),
    [cs, labels],
  );
  return (
    <LabFrame
      handle={h}
      stepLabel="iteration"
      controls={['kappa', 'lr', 'steps', 'seed']}
      intro={
        <p>
          One bowl <Tex math="f(\theta) = \tfrac12\theta^\top H\theta" />, four runs from the same start. Raise the condition number{' '}
          <Tex math="\kappa" /> to stretch the valley, and move the learning rate: the too-low run is always a tenth of it, the too-high one
          sits just above <Tex math="2/\lambda_{max}" />. The green run picks the optimal step <Tex math="\alpha^* = g^\top g / g^\top H g" /> at every iteration.
        </p>
      }
    >
      {view ? (
        <>
          <Paths view={view} kappa={p.kappa} labels={labels} fileBase={fileBase} />
          <LineChart title="Loss per iteration" chartKey="loss" fileBase={fileBase} xLabel="iteration" yLabel="f(θ)" series={series} logY />
          <Explain view={view} alphaHigh={alphaHigh} step={h.step} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
