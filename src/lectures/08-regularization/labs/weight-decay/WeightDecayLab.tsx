import { useMemo } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries, type XY } from '../../../../charts';
import { MnistProgress } from '../../../../components/MnistProgress';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { RunHistory, WeightDecayView } from './engine';
import { BATCH_SIZE, HIDDEN, RUN_KEYS, RUN_LABELS, STEPS_PER_EPOCH, WEIGHT_DECAY_PARAMS, type RunKey } from './params';
import './weight-decay.css';

export const weightDecayLab: LabDefinition<typeof WEIGHT_DECAY_PARAMS, WeightDecayView> = {
  id: 'weight-decay',
  title: 'L2 regularisation against weight decay',
  lecture: '08-regularization',
  schema: WEIGHT_DECAY_PARAMS,
  engine: () => import('./engine').then((m) => m.createWeightDecayEngine),
  needsTf: true,
  lossKeys: RUN_KEYS.map((k) => `train_loss_${k}`),
  maxSteps: (p) => Math.round(p.epochs) * STEPS_PER_EPOCH,
  stepsPerFrame: 4,
  fileTag: (p) => `wd${p.decay}-lr${p.lrSgd}-lrA${p.lrAdam}-seed${p.seed}`,
};

const RUN_STYLE: Record<RunKey, { color: string; dashed: boolean }> = {
  sgdL2: { color: SERIES_COLORS[0], dashed: false },
  sgdWd: { color: SERIES_COLORS[4], dashed: true },
  adamL2: { color: SERIES_COLORS[1], dashed: false },
  adamW: { color: SERIES_COLORS[2], dashed: true },
};

const zip = (xs: readonly number[], ys: readonly number[]): XY[] => xs.map((x, i) => ({ x, y: ys[i] }));

function useRunSeries(view: WeightDecayView | null, field: keyof RunHistory): LineSeries[] {
  return useMemo(
    () => RUN_KEYS.map((k) => ({ key: k, label: RUN_LABELS[k], ...RUN_STYLE[k], points: view ? zip(view.epochs, view.runs[k][field]) : [] })),
    [view, field],
  );
}

function Updates({ view, p }: { view: WeightDecayView; p: { decay: number; lrSgd: number; lrAdam: number } }) {
  return (
    <div className="panel weight-decay-rules">
      <h4>The four updates</h4>
      <p>
        With the penalty <Tex math="\tfrac{\lambda_2}{2}\lVert\theta\rVert^2" /> in the loss, SGD steps{' '}
        <Tex math="\theta_{k+1} = \theta_k - \alpha(\nabla L + \lambda_2\theta_k) = (1 - \alpha\lambda_2)\theta_k - \alpha\nabla L" />: the
        notes' weight decay <Tex math="(1 - \lambda)\theta_k - \alpha\nabla f_k" /> with <Tex math="\lambda = \alpha\lambda_2" />. Here{' '}
        <Tex math={`\\lambda = ${texNum(p.decay)}`} />, so
      </p>
      <ul>
        <li>
          SGD + L2: <Tex math={`\\lambda_2 = \\lambda/\\alpha_{\\text{SGD}} = ${texNum(view.l2Sgd)}`} />; SGD + weight decay: <Tex math={`(1 - \\lambda) = ${texNum(1 - p.decay, 6)}`} /> per step.
        </li>
        <li>
          Adam + L2: <Tex math={`\\lambda_2 = \\lambda/\\alpha_{\\text{Adam}} = ${texNum(view.l2Adam)}`} /> added to the gradient, then divided by{' '}
          <Tex math="\sqrt{\hat v} + \epsilon" /> with the rest; AdamW: <Tex math="\theta \leftarrow (1 - \lambda)\theta - \alpha\,\hat m/(\sqrt{\hat v} + \epsilon)" />.
        </li>
      </ul>
      <p className="muted">
        Correction to the notes: their L2 line <Tex math="\Theta_k - \epsilon\nabla - \lambda\Theta_k" /> leaves out the learning rate on the L2
        gradient; it is <Tex math="\Theta_k - \epsilon(\nabla + \lambda\Theta_k)" />.
      </p>
    </div>
  );
}

function Summary({ view, metrics }: { view: WeightDecayView; metrics: Record<string, number> }) {
  const ratio = view.shrinkSmall / view.shrinkLarge;
  return (
    <div className="panel weight-decay-summary" data-testid="weight-decay-summary">
      <h4>Where the pairs stand</h4>
      <div className="weight-decay-table-wrap" tabIndex={0} role="region" aria-label="Weight-decay results table (scrolls sideways)">
        <table className="metric-table weight-decay-table">
          <thead>
            <tr><th scope="col">Run</th><th scope="col">‖W‖</th><th scope="col">training loss</th><th scope="col">validation loss</th><th scope="col">validation accuracy</th></tr>
          </thead>
          <tbody>
            {RUN_KEYS.map((k) => (
              <tr key={k}>
                <th scope="row"><span className="weight-decay-swatch" style={{ background: RUN_STYLE[k].color }} aria-hidden="true" /> {RUN_LABELS[k]}</th>
                <td>{texNumPlain(metrics[`norm_${k}`], 5)}</td>
                <td>{texNumPlain(metrics[`train_loss_${k}`], 4)}</td>
                <td>{texNumPlain(metrics[`val_loss_${k}`], 4)}</td>
                <td>{Number.isFinite(metrics[`val_acc_${k}`]) ? `${(100 * metrics[`val_acc_${k}`]).toFixed(1)} %` : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Gap after the last update, <Tex math="\lVert\theta_a - \theta_b\rVert / \lVert\theta_a\rVert" />: SGD pair{' '}
        <strong data-testid="weight-decay-diff-sgd">{texNumPlain(metrics.diff_sgd, 2)}</strong> (float32 rounding: the same update), Adam pair{' '}
        <strong data-testid="weight-decay-diff-adam">{texNumPlain(metrics.diff_adam, 2)}</strong>.
      </p>
      {Number.isFinite(ratio) ? (
        <p>
          In Adam + L2 the L2 part of a step removes about <Tex math="\lambda/(\sqrt{\hat v} + \epsilon)" /> of a weight: on average{' '}
          <Tex math={`${texNum(view.shrinkLarge)}\\,\\lambda`} /> for the 10 % of weights with the largest gradients and{' '}
          <Tex math={`${texNum(view.shrinkSmall)}\\,\\lambda`} /> for the 10 % with the smallest — {ratio >= 1 ? `${ratio.toFixed(0)}×` : ratio.toFixed(2)} as much.
          AdamW removes exactly <Tex math="\lambda" /> from every weight.
        </p>
      ) : null}
    </div>
  );
}

/** A number for plain text: 3 significant digits, scientific when small. */
function texNumPlain(v: number | undefined, digits: number): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  return Math.abs(v) < 1e-3 ? v.toExponential(digits - 1) : v.toPrecision(digits);
}

export function WeightDecayLab() {
  const h = useLab(weightDecayLab);
  const { view, params: p } = h;
  const fileBase = `lecture08-weight-decay-${weightDecayLab.fileTag(p)}`;
  const norms = useRunSeries(view, 'norm');
  const train = useRunSeries(view, 'trainLoss');
  const val = useRunSeries(view, 'valLoss');
  const gaps = useMemo<LineSeries[]>(() => [
    { key: 'sgd', label: 'SGD + L2 vs SGD + weight decay', color: SERIES_COLORS[0], points: view ? zip(view.steps, view.diffSgd) : [] },
    { key: 'adam', label: 'Adam + L2 vs AdamW', color: SERIES_COLORS[1], points: view ? zip(view.steps, view.diffAdam) : [] },
  ], [view]);
  return (
    <LabFrame
      handle={h}
      stepLabel="update"
      controls={['decay', 'lrSgd', 'lrAdam', 'epochs', 'seed']}
      intro={
        <p>
          Four copies of one MLP (784 → {HIDDEN} → 10, {view?.nTrain ?? 500} MNIST digits, minibatches of {BATCH_SIZE}) start from the same weights
          and see the same minibatches. The SGD pair should stay on top of each other; the Adam pair should not. Biases are not regularised.
        </p>
      }
    >
      <MnistProgress />
      {view ? (
        <>
          <LineChart title="Difference between the paired runs" chartKey="gap" fileBase={fileBase} xLabel="update" yLabel="‖θa − θb‖ / ‖θa‖" series={gaps} logY />
          <LineChart title="Weight norm per epoch" chartKey="norm" fileBase={fileBase} xLabel="epoch" yLabel="‖W‖" series={norms} />
          <LineChart title="Training loss per epoch" chartKey="train" fileBase={fileBase} xLabel="epoch" yLabel="cross-entropy" series={train} />
          <LineChart title="Validation loss per epoch" chartKey="val" fileBase={fileBase} xLabel="epoch" yLabel="cross-entropy" series={val} />
          <Summary view={view} metrics={h.metrics} />
          <Updates view={view} p={p} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
