import { useMemo, useRef } from 'react';
import { LineChart, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { CurvesChart, ENSEMBLE_COLOR, EXTRA_COLOR, MemberBars, MEMBER_COLOR, TRUTH_COLOR } from './charts';
import type { EnsembleView } from './engine';
import { ENSEMBLE_PARAMS, OOB_TRIALS, VAL_SIZE } from './params';
import './ensemble.css';

export const ensembleLab: LabDefinition<typeof ENSEMBLE_PARAMS, EnsembleView> = {
  id: 'ensemble',
  title: 'Bagging and ensembles',
  lecture: '08-regularization',
  schema: ENSEMBLE_PARAMS,
  engine: () => import('./engine').then((m) => m.createEnsembleEngine),
  needsTf: false,
  lossKeys: ['ens_val'],
  maxSteps: (p) => p.epochs,
  stepsPerFrame: 10,
  viewOnly: ['show'],
  fileTag: (p) => `k${p.k}-${p.diversity}-n${p.n}-H${p.hidden}-seed${p.seed}`,
};

const FLOOR = '#57606a';
/** While training, the recharts chart and the live formulas follow the run every this many epochs (recharts costs ~20 ms a render). */
const SLOW_EPOCHS = 50;

interface Snapshot {
  view: EnsembleView;
  metrics: Record<string, number>;
}

/** The latest view and metrics, refreshed every SLOW_EPOCHS epochs while running and at once otherwise. */
function useSlowSnapshot(view: EnsembleView | null, metrics: Record<string, number>, running: boolean): Snapshot | null {
  const ref = useRef<Snapshot | null>(null);
  const last = ref.current;
  if (!view) ref.current = null;
  else if (!last || !running || view.epoch < last.view.epoch || view.epoch - last.view.epoch >= SLOW_EPOCHS || last.view.members.length !== view.members.length) {
    if (last?.view !== view) ref.current = { view, metrics };
  }
  return ref.current;
}
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

function Bootstrap({ m, n, k, bagging }: { m: Record<string, number>; n: number; k: number; bagging: boolean }) {
  return (
    <div className="panel ensemble-panel" data-testid="ensemble-bootstrap">
      <h4>Each bootstrap sample leaves out about 1/e of the points</h4>
      <p>
        A bootstrap sample draws <Tex math={`n = ${n}`} /> times with replacement from the <Tex math="n" /> training points. One draw misses a
        given point with probability <Tex math="1 - 1/n" />, all <Tex math="n" /> draws with
      </p>
      <Tex display math={`\\Big(1 - \\frac{1}{n}\\Big)^{n} = ${texNum(m.oob_theory ?? NaN, 4)} \\;\\xrightarrow{\\,n\\to\\infty\\,}\\; \\frac{1}{e} = 0.3679`} />
      <table className="ensemble-table">
        <caption className="visually-hidden">Out-of-bag share: measured against theory</caption>
        <thead><tr><th scope="col">out of bag</th><th scope="col">share</th></tr></thead>
        <tbody>
          <tr><th scope="row">theory <Tex math="(1 - 1/n)^n" /></th><td>{pct(m.oob_theory ?? NaN)}</td></tr>
          <tr><th scope="row">measured, {OOB_TRIALS} bootstrap samples</th><td data-testid="ensemble-oob-many">{pct(m.oob_many ?? NaN)}</td></tr>
          <tr>
            <th scope="row">measured, the {k} members' samples</th>
            <td>{bagging ? pct(m.oob_members ?? NaN) : '— (no bootstrap)'}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">So each member sees only about 63 % of the distinct points, some of them twice or more.</p>
    </div>
  );
}

function WhyItWorks({ m, k }: { m: Record<string, number>; k: number }) {
  const v = m.v ?? NaN;
  const c = m.c ?? NaN;
  return (
    <div className="panel ensemble-panel" data-testid="ensemble-why">
      <h4>Why averaging helps: the errors are not perfectly correlated</h4>
      <p>
        With member errors <Tex math="e_i = f_i(x) - y" /> on the {VAL_SIZE} validation points, their mean square{' '}
        <Tex math={`\\bar v = \\overline{\\mathbb{E}[e_i^2]} = ${texNum(v)}`} /> (the mean member error) and their mean product over pairs{' '}
        <Tex math={`\\bar c = \\overline{\\mathbb{E}[e_i e_l]} = ${texNum(c)}`} />, the averaged prediction has exactly
      </p>
      <Tex display math={`\\begin{aligned}\\mathrm{MSE}_{\\text{ens}} &= \\frac{\\bar v}{k} + \\frac{k-1}{k}\\,\\bar c \\\\ &= \\frac{${texNum(v)}}{${k}} + \\frac{${k - 1}}{${k}}\\cdot ${texNum(c)} = ${texNum(m.ens_formula ?? NaN)}\\end{aligned}`} />
      <p>
        The members' errors correlate at <Tex math={`\\bar\\rho = ${texNum(m.rho ?? NaN, 2)}`} /> on average (measured over all pairs). Uncorrelated
        errors (<Tex math="\bar c = 0" />) would give <Tex math="\bar v / k" />; perfectly correlated ones (<Tex math="\bar c = \bar v" />) no gain at
        all. The ensemble levels off at <Tex math="\bar c" /> as <Tex math="k" /> grows. Part of <Tex math="\bar c" /> is the noise{' '}
        <Tex math={`\\sigma^2 = ${texNum(m.noise_floor ?? NaN)}`} /> in the validation targets, which every member shares: measured against the true{' '}
        <Tex math="f(x)" /> instead of <Tex math="y" />, the members' deviations correlate at only{' '}
        <Tex math={`${texNum(m.rho_f ?? NaN, 2)}`} />.
      </p>
      <p className="muted">
        So the error falls like <Tex math="1/k" /> towards <Tex math="\bar c" />, not linearly in <Tex math="k" /> as the notes put it.
      </p>
    </div>
  );
}

export function EnsembleLab() {
  const h = useLab(ensembleLab);
  const { view, params: p, metrics: m } = h;
  const fileBase = `lecture08-ensemble-${ensembleLab.fileTag(p)}`;
  const k = view?.members.length ?? Math.round(p.k);
  const show = Math.min(Math.round(p.show), k) - 1;
  const bagging = p.diversity !== 'init';
  const floor = p.sigma * p.sigma;
  const slow = useSlowSnapshot(view, m, h.status === 'running');
  const slowView = slow?.view ?? null;

  const sizeSeries = useMemo<LineSeries[]>(() => {
    const view = slowView;
    if (!view) return [];
    const kk = view.sizeCurve.length;
    const v = view.sizeMean[kk - 1];
    const c = kk > 1 ? (kk * view.sizeCurve[kk - 1] - v) / (kk - 1) : v;
    const ms = view.sizeCurve.map((_, i) => i + 1);
    return [
      { key: 'ens', label: 'ensemble of the first m members', color: ENSEMBLE_COLOR, points: view.sizeCurve.map((y, i) => ({ x: i + 1, y })) },
      { key: 'mean', label: 'mean member error of the first m', color: MEMBER_COLOR, points: view.sizeMean.map((y, i) => ({ x: i + 1, y })) },
      { key: 'law', label: 'c̄ + (v̄ − c̄)/m with all k members\' v̄, c̄', color: EXTRA_COLOR, dashed: true, points: ms.map((x) => ({ x, y: c + (v - c) / x })) },
      { key: 'indep', label: 'v̄/m if the errors were uncorrelated', color: TRUTH_COLOR, dashed: true, points: ms.map((x) => ({ x, y: v / x })) },
    ];
  }, [slowView]);
  const floorLine = useMemo<ReferenceLineSpec[]>(() => (floor > 0 ? [{ y: floor, label: 'noise floor σ²', color: FLOOR }] : []), [floor]);

  const cs = h.chartSeries;
  const epochSeries = useMemo<LineSeries[]>(() => [
    { key: 'member', label: 'mean member', color: MEMBER_COLOR, points: cs.member_val ?? [] },
    { key: 'ens', label: 'ensemble average', color: ENSEMBLE_COLOR, points: cs.ens_val ?? [] },
    { key: 'best', label: 'best single member', color: EXTRA_COLOR, dashed: true, points: cs.best_member_val ?? [] },
  ], [cs]);

  const epoch = view?.epoch ?? 0;
  return (
    <LabFrame
      handle={h}
      stepLabel="epoch"
      controls={['k', 'diversity', 'n', 'sigma', 'hidden', 'lr', 'epochs', 'show', 'seed']}
      intro={
        <p>
          <Tex math="k" /> networks <Tex math="1 \to H \to 1" /> (tanh), each trained by full-batch Adam on its own bootstrap sample of{' '}
          <Tex math="n" /> noisy points of <Tex math="f(x) = \sin(1.5\pi x) + 0.5\cos(\pi x)" />. Many units on few points give members
          with high variance; the ensemble predicts their average. Move <Tex math="k" />, then compare bagging with members that differ
          only by their initialisation.
        </p>
      }
    >
      {view ? (
        <>
          <div className="ensemble-progress">
            <label htmlFor="ensemble-progress-bar">Training: epoch {epoch} of {p.epochs} for each of the {k} members</label>
            <progress id="ensemble-progress-bar" max={p.epochs} value={epoch} />
            <p className="ensemble-headline" data-testid="ensemble-headline" aria-live="polite">
              Validation MSE: ensemble <strong>{fmt(m.ens_val)}</strong>, mean member <strong>{fmt(m.member_val)}</strong>, best
              member {fmt(m.best_member_val)}{floor > 0 ? <>, noise floor σ² = {fmt(floor)}</> : null}.
            </p>
          </div>
          <CurvesChart title="Members and their average" fileBase={fileBase} view={view} show={show} bagging={bagging} />
          <MemberBars title="Validation error of each member" fileBase={fileBase} memberVal={view.memberVal}
            ensemble={m.ens_val ?? NaN} floor={floor} show={show} />
          <LineChart title="Validation error against ensemble size" chartKey="size" fileBase={fileBase} xLabel="ensemble size m"
            yLabel="validation MSE" series={sizeSeries} referenceLines={floorLine} />
          <LineChart title="Validation error per epoch" chartKey="epochs" fileBase={fileBase} xLabel="epoch" yLabel="validation MSE"
            series={epochSeries} logY referenceLines={floorLine} />
          <WhyItWorks m={slow?.metrics ?? m} k={k} />
          <Bootstrap m={m} n={Math.round(p.n)} k={k} bagging={bagging} />
          <p className="muted">
            The ensemble is never worse than the mean member for the squared error (<Tex math="\bar c \le \bar v" />), but it need not beat
            the best one. Member {show + 1} fits its own sample to MSE {fmt(view.memberTrain[show])} and new data to{' '}
            {fmt(view.memberVal[show])}.
          </p>
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}

function fmt(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  return v >= 1e-3 ? v.toFixed(Math.max(0, 2 - Math.floor(Math.log10(v)))) : v.toExponential(2);
}
