import { useMemo } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries, type ReferenceLineSpec, type XY } from '../../../../charts';
import { MnistProgress } from '../../../../components/MnistProgress';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { EarlyStopView } from './engine';
import { EARLY_STOP_PARAMS, HIDDEN, STEPS_PER_EPOCH } from './params';
import './early-stop.css';

export const earlyStopLab: LabDefinition<typeof EARLY_STOP_PARAMS, EarlyStopView> = {
  id: 'early-stop',
  title: 'Early stopping',
  lecture: '08-regularization',
  schema: EARLY_STOP_PARAMS,
  engine: () => import('./engine').then((m) => m.createEarlyStopEngine),
  needsTf: true,
  lossKeys: ['train_loss'],
  maxSteps: (p) => Math.round(p.epochs) * STEPS_PER_EPOCH,
  stepsPerFrame: 8,
  fileTag: (p) => `p${Math.round(p.patience)}-d${p.minDelta}-lr${p.lr}-seed${p.seed}`,
};

const GREY = '#8c959f';
const BEST = SERIES_COLORS[2];
const STOP = SERIES_COLORS[3];

/** Points up to and including `cut`, and from `cut` on (the continuation after the stop), so the two lines meet. */
function splitAt(epochs: readonly number[], ys: readonly number[], cut: number): [XY[], XY[]] {
  const all = epochs.map((x, i) => ({ x, y: ys[i] }));
  if (cut < 0) return [all, []];
  return [all.filter((p) => p.x <= cut), all.filter((p) => p.x >= cut)];
}

function curves(view: EarlyStopView | null, train: 'trainLoss' | 'trainAcc', valKey: 'valLoss' | 'valAcc', what: string): LineSeries[] {
  if (!view) return [];
  const stop = view.rule.stopEpoch;
  const [tr, trAfter] = splitAt(view.epochs, view[train], stop);
  const [va, vaAfter] = splitAt(view.epochs, view[valKey], stop);
  const out: LineSeries[] = [
    { key: 'train', label: `training ${what}`, color: SERIES_COLORS[0], points: tr },
    { key: 'val', label: `validation ${what}`, color: SERIES_COLORS[1], points: va },
  ];
  if (stop >= 0) {
    out.push(
      { key: 'train-after', label: `training ${what} after the stop (not used)`, color: GREY, dashed: true, points: trAfter },
      { key: 'val-after', label: `validation ${what} after the stop (not used)`, color: GREY, dashed: true, points: vaAfter },
    );
  }
  return out;
}

function markers(view: EarlyStopView | null): ReferenceLineSpec[] {
  if (!view) return [];
  const out: ReferenceLineSpec[] = [];
  if (view.rule.bestEpoch >= 0) out.push({ x: view.rule.bestEpoch, label: `best ${view.rule.bestEpoch}`, color: BEST });
  if (view.rule.stopEpoch >= 0) out.push({ x: view.rule.stopEpoch, label: `stop ${view.rule.stopEpoch}`, color: STOP });
  return out;
}

const fmt = (v: number | undefined, d = 4) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));
const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${(100 * v).toFixed(1)} %`);

function Outcome({ view, patience, minDelta }: { view: EarlyStopView; patience: number; minDelta: number }) {
  const { rule, restored } = view;
  const best = rule.bestEpoch;
  const n = view.epochs.length;
  // Where the validation loss really bottomed out, over every epoch trained (also after the stop).
  let minEpoch = -1;
  for (let i = 1; i < n; i++) if (minEpoch < 0 || view.valLoss[i] < view.valLoss[minEpoch]) minEpoch = i;
  const last = n - 1;
  const same = restored !== null && best >= 0 && restored.valLoss === view.valLoss[best] && restored.valAcc === view.valAcc[best];
  return (
    <div className="panel early-stop-outcome" data-testid="early-stop-outcome" aria-live="polite">
      <h4>The rule</h4>
      <p>
        Epoch <Tex math="t" /> improves if <Tex math={`L_{\\text{val}}(t) < L_{\\text{best}} - \\delta`} /> (<Tex math={`\\delta = ${texNum(minDelta)}`} />);
        stop after <Tex math={`p = ${patience}`} /> epochs in a row without improvement and restore the best epoch's weights.
      </p>
      <ul>
        <li>
          Best epoch: <strong data-testid="early-stop-best">{best >= 0 ? best : '–'}</strong>
          {best >= 0 ? <> (validation loss {fmt(view.valLoss[best])}, accuracy {pct(view.valAcc[best])})</> : null}
        </li>
        <li>
          {rule.stopEpoch >= 0 ? (
            <>Stopped at epoch <strong data-testid="early-stop-stop">{rule.stopEpoch}</strong>, {patience} epochs after the best; the grey lines show the epochs it saved.</>
          ) : (
            <>Not stopped yet: {rule.wait} of {patience} epochs without improvement{last >= view.totalEpochs ? ' when the epochs ran out' : ''}.</>
          )}
        </li>
        <li>
          Restored model (the snapshot of epoch {restored ? restored.epoch : '–'} copied into a fresh model and scored again):{' '}
          {restored ? (
            <strong data-testid="early-stop-restored">
              validation loss {fmt(restored.valLoss)}, accuracy {pct(restored.valAcc)} — {same ? 'exactly the best epoch’s' : 'differs from the best epoch!'}
            </strong>
          ) : (
            'after the stop.'
          )}
        </li>
        {minEpoch >= 0 && last > 0 ? (
          <li className="muted">
            Lowest validation loss over all {last} epochs trained: epoch {minEpoch} ({fmt(view.valLoss[minEpoch])}); at the last epoch: {fmt(view.valLoss[last])}.
          </li>
        ) : null}
      </ul>
    </div>
  );
}

export function EarlyStopLab() {
  const h = useLab(earlyStopLab);
  const { view, params: p } = h;
  const fileBase = `lecture08-early-stop-${earlyStopLab.fileTag(p)}`;
  const loss = useMemo(() => curves(view, 'trainLoss', 'valLoss', 'loss'), [view]);
  const acc = useMemo(() => curves(view, 'trainAcc', 'valAcc', 'accuracy'), [view]);
  const refs = useMemo(() => markers(view), [view]);
  return (
    <LabFrame
      handle={h}
      stepLabel="minibatch"
      controls={['patience', 'minDelta', 'lr', 'epochs', 'seed']}
      intro={
        <p>
          An MLP (784 → {HIDDEN} → 10) with Adam on only {view?.nTrain ?? 200} MNIST digits: it memorises them, and after a while the validation loss
          climbs again. Early stopping watches it after every epoch. Move the patience and see where the run stops and which weights come back.
        </p>
      }
    >
      <MnistProgress />
      {view ? (
        <>
          <LineChart title="Loss per epoch" chartKey="loss" fileBase={fileBase} xLabel="epoch" yLabel="cross-entropy" series={loss} referenceLines={refs} height={260} />
          <LineChart title="Accuracy per epoch" chartKey="acc" fileBase={fileBase} xLabel="epoch" yLabel="accuracy" series={acc} referenceLines={refs} yDomain={[0, 1]} />
          <Outcome view={view} patience={Math.round(p.patience)} minDelta={p.minDelta} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
