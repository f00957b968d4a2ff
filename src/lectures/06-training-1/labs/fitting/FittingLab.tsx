import { useMemo } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { BAD_SIGN_TEXT, type CurveDiagnosis } from '../../../../ml/diagnosis';
import { DataFitChart, type CurveSpec } from './DataFitChart';
import { capacityOf, type FittingView } from './engine';
import { FITTING_PARAMS, VAL_SIZE } from './params';
import './fitting.css';

export const fittingLab: LabDefinition<typeof FITTING_PARAMS, FittingView> = {
  id: 'fitting',
  title: 'Under- and overfitting',
  lecture: '06-training-1',
  schema: FITTING_PARAMS,
  engine: () => import('./engine').then((m) => m.createFittingEngine),
  needsTf: false,
  lossKeys: ['train_loss'],
  maxSteps: (p) => p.epochs,
  stepsPerFrame: 10,
  fileTag: (p) => `${p.model === 'poly' ? `deg${p.degree}` : `H${p.hidden}`}-n${p.n}-sigma${p.sigma}-seed${p.seed}`,
};

const TRAIN = SERIES_COLORS[0];
const VAL = SERIES_COLORS[1];
const FIT = SERIES_COLORS[1];
const TRUTH = SERIES_COLORS[6];
const EXACT = SERIES_COLORS[2];
const FLOOR = '#57606a';

const HEADLINE: Record<CurveDiagnosis['kind'], string> = {
  untrained: 'Not trained yet',
  underfitting: 'Underfitting',
  overfitting: 'Overfitting',
  good: 'Good fit',
};

const ADVICE: Record<CurveDiagnosis['kind'], string> = {
  untrained: 'Press Play.',
  underfitting: 'More capacity (a higher degree, more hidden units) or, if the losses are still falling, more epochs.',
  overfitting: 'Less capacity, more training data, or stop training where the validation loss was lowest.',
  good: 'This is the capacity to keep: the validation loss is close to what the noise allows.',
};

function Diagnosis({ d, epoch }: { d: CurveDiagnosis; epoch: number }) {
  return (
    <div className="panel fitting-diagnosis" data-testid="fitting-diagnosis" data-kind={d.kind} aria-live="polite">
      <h4>Diagnosis after {epoch} epochs: {HEADLINE[d.kind]}</h4>
      <ul>{d.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
      {d.badSigns.length ? (
        <p><strong>Bad signs:</strong> {d.badSigns.map((b) => BAD_SIGN_TEXT[b]).join(' ')}</p>
      ) : null}
      <p className="muted">{ADVICE[d.kind]}</p>
    </div>
  );
}

export function FittingLab() {
  const h = useLab(fittingLab);
  const { view, params: p } = h;
  const fileBase = `lecture06-fitting-${fittingLab.fileTag(p)}`;
  const poly = p.model === 'poly';
  const cap = capacityOf(p);
  const floor = p.sigma * p.sigma;
  const capName = poly ? 'degree d' : 'hidden units H';

  const curves = useMemo<CurveSpec[]>(() => {
    if (!view) return [];
    const c: CurveSpec[] = [{ label: 'true function f(x)', color: TRUTH, dashed: true, ys: view.truth }];
    if (view.exact) c.push({ label: 'least-squares fit (where gradient descent heads)', color: EXACT, dashed: true, ys: view.exact });
    c.push({ label: `model after ${view.epoch} epochs`, color: FIT, ys: view.fit });
    return c;
  }, [view]);

  const cs = h.chartSeries;
  const lossSeries = useMemo<LineSeries[]>(() => [
    { key: 'train', label: 'training loss', color: TRAIN, points: cs.train_loss ?? [] },
    { key: 'val', label: 'validation loss', color: VAL, points: cs.val_loss ?? [] },
  ], [cs]);
  const floorLine = useMemo<ReferenceLineSpec[]>(() => (floor > 0 ? [{ y: floor, label: 'noise floor σ²', color: FLOOR }] : []), [floor]);

  const sweepSeries = useMemo<LineSeries[]>(() => (view ? [
    { key: 'train', label: 'training loss', color: TRAIN, points: view.sweep.map((s) => ({ x: s.capacity, y: s.train })) },
    { key: 'val', label: 'validation loss', color: VAL, points: view.sweep.map((s) => ({ x: s.capacity, y: s.val })) },
  ] : []), [view]);
  const sweepRefs = useMemo<ReferenceLineSpec[]>(
    () => [{ x: cap, label: poly ? `d = ${cap}` : `H = ${cap}`, color: FLOOR }, ...floorLine], [cap, poly, floorLine],
  );

  const lcSeries = useMemo<LineSeries[]>(() => (view ? [
    { key: 'train', label: 'training loss', color: TRAIN, points: view.lc.map((s) => ({ x: s.size, y: s.train })) },
    { key: 'val', label: 'validation loss', color: VAL, points: view.lc.map((s) => ({ x: s.size, y: s.val })) },
  ] : []), [view]);
  const lcMax = view?.lc[view.lc.length - 1]?.size ?? Infinity;
  const lcRefs = useMemo<ReferenceLineSpec[]>(
    () => [...(p.n <= lcMax ? [{ x: p.n, label: `n = ${p.n}`, color: FLOOR }] : []), ...floorLine], [p.n, lcMax, floorLine],
  );

  const controls = poly ? (['model', 'degree', 'n', 'sigma', 'epochs', 'seed'] as const) : (['model', 'hidden', 'n', 'sigma', 'epochs', 'seed'] as const);

  return (
    <LabFrame
      handle={h}
      stepLabel="epoch"
      controls={controls}
      intro={
        <p>
          <Tex math="n" /> noisy samples of <Tex math="f(x) = \sin(1.5\pi x) + 0.5\cos(\pi x)" /> with <Tex math="y = f(x) + \sigma\varepsilon" />,
          and {VAL_SIZE} validation samples from the same distribution. The loss is the mean squared error, so no model can beat the noise
          floor <Tex math="\mathbb{E}[(y - f(x))^2] = \sigma^2" /> on new data. Try degree 1 (underfitting), then degree 15 with{' '}
          <Tex math="n = 15" /> (overfitting), and read the curves.
        </p>
      }
    >
      {view ? (
        <>
          <Diagnosis d={view.diagnosis} epoch={view.epoch} />
          <DataFitChart title="Data and fitted curve" chartKey="data" fileBase={fileBase} train={view.train} val={view.val}
            gridX={view.gridX} curves={curves} trainColor={TRAIN} valColor="#8c959f" />
          <LineChart title="Loss per epoch" chartKey="loss" fileBase={fileBase} xLabel="epoch" yLabel="MSE" series={lossSeries} logY
            referenceLines={floorLine} />
          <LineChart title={poly ? 'Loss against degree' : 'Loss against hidden units'} chartKey="capacity" fileBase={fileBase}
            xLabel={capName} yLabel="MSE" series={sweepSeries} logY referenceLines={sweepRefs} />
          <LineChart title="Learning curves" chartKey="learning" fileBase={fileBase} xLabel="training samples n" yLabel="MSE"
            series={lcSeries} logY referenceLines={lcRefs} />
          <p className="muted">
            {poly ? (
              <>
                The polynomial has <Tex math={`d + 1 = ${view.params}`} /> coefficients in an orthonormal Legendre basis, trained by full-batch
                gradient descent with momentum (step <Tex math="1/\lambda_{max}" /> of the Hessian).
              </>
            ) : (
              <>
                The MLP <Tex math={`1 \\to ${cap} \\to 1`} /> (tanh) has <Tex math={`3H + 1 = ${view.params}`} /> parameters, trained by
                full-batch Adam.
              </>
            )}{' '}
            The capacity sweep and the learning curves train the same model at every {poly ? 'degree' : 'width'} and on the first{' '}
            <Tex math="n" /> points, in step with the main run: at epoch {view.epoch} the chosen model reaches training loss{' '}
            <Tex math={texNum(h.metrics.train_loss ?? NaN, 3)} /> and validation loss <Tex math={texNum(h.metrics.val_loss ?? NaN, 3)} />.
          </p>
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
