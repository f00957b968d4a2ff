import { useMemo } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { MnistProgress } from '../../../../components/MnistProgress';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { enumerateExpectation } from '../../../../ml/dropout';
import type { DropoutView, EpochRecord } from './engine';
import { BATCH, DROPOUT_PARAMS, MASKS_PER_STEP, VAL_PER_CLASS } from './params';
import { ModeBars, NetSketch } from './Sketches';
import './dropout.css';

export const dropoutLab: LabDefinition<typeof DROPOUT_PARAMS, DropoutView> = {
  id: 'dropout',
  title: 'Dropout',
  lecture: '08-regularization',
  schema: DROPOUT_PARAMS,
  engine: () => import('./engine').then((m) => m.createDropoutEngine),
  needsTf: true,
  lossKeys: ['do_train_loss', 'plain_train_loss'],
  maxSteps: (p) => p.epochs * Math.ceil((p.perClass * 10) / BATCH),
  stepsPerFrame: 4,
  fileTag: (p) => `p${p.drop}-H${p.hidden}-n${p.perClass}-lr${p.lr}-seed${p.seed}`,
};

const DROP_COLOR = SERIES_COLORS[0];
const PLAIN_COLOR = SERIES_COLORS[1];
const FORGOT_COLOR = SERIES_COLORS[2];
const INVERTED_COLOR = SERIES_COLORS[3];

type Field = 'trainLoss' | 'valLoss' | 'trainAcc' | 'valAcc' | 'valAccTrainMode';
const pts = (h: EpochRecord[], net: 'withDrop' | 'plain', f: Field, scale = 1) => h.map((r) => ({ x: r.epoch, y: r[net][f] * scale }));

const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${(100 * v).toFixed(1)}%`);
const num = (v: number | undefined, d = 3) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(d));

/** θ₁x₁ + θ₂x₂ + … with the lab's numbers; dropped inputs (mask 0) written as θᵢ·0. */
function productSum(theta: number[], x: number[], mask: number[]): string {
  return theta
    .map((t, i) => {
      const term = `${texNum(Math.abs(t), 2)}\\cdot ${mask[i] ? texNum(x[i], 2) : '0'}`;
      return i === 0 ? `${t < 0 ? '-' : ''}${term}` : `${t < 0 ? ' - ' : ' + '}${term}`;
    })
    .join('');
}

/** The notes' sum over all masks with the lab's numbers (n ≤ 3, one mask per line), else its value. */
function expectationTex(theta: number[], x: number[], drop: number): string {
  const n = theta.length;
  const q = 1 - drop;
  const { expectation, terms } = enumerateExpectation(theta, x, drop);
  if (n > 3) return `E[\\tilde z] = \\sum_{\\text{all } 2^{${n}} \\text{ masks } m} P(m)\\,\\tilde z(m) = ${texNum(expectation, 4)} = ${texNum(q, 3)}\\, z`;
  const lines = terms.map((t, k) => `${k ? '&+ ' : '&= '}${texNum(t.prob, 3)}\\,(${productSum(theta, x, t.mask)})`);
  return `\\begin{aligned} E[\\tilde z] ${lines.join(' \\\\ ')} \\\\ &= ${texNum(expectation, 4)} = ${texNum(q, 3)}\\, z \\end{aligned}`;
}

function WeightScaling({ view, drop, masks, fileBase }: { view: DropoutView; drop: number; masks: number; fileBase: string }) {
  const { unit } = view;
  const n = unit.theta.length;
  const zTex = productSum(unit.theta, unit.x, unit.theta.map(() => 1));
  const mcSeries = useMemo<LineSeries[]>(() => [
    { key: 'plain', label: 'mean of z̃ = Σ mᵢθᵢxᵢ (plain dropout)', color: DROP_COLOR, points: view.mc.map((q) => ({ x: q.masks, y: q.plain })) },
    { key: 'inv', label: 'mean of Σ (mᵢ/q)θᵢxᵢ (inverted dropout)', color: INVERTED_COLOR, points: view.mc.map((q) => ({ x: q.masks, y: q.inverted })) },
  ], [view.mc]);
  const refs = useMemo<ReferenceLineSpec[]>(() => [
    { y: unit.zScaled, label: `q·z = ${unit.zScaled.toFixed(3)}`, color: DROP_COLOR },
    { y: unit.z, label: `z = ${unit.z.toFixed(3)}`, color: INVERTED_COLOR },
  ], [unit.z, unit.zScaled]);
  const last = view.mc[view.mc.length - 1];
  return (
    <div className="panel dropout-scaling" data-testid="dropout-scaling">
      <h4>Weight scaling inference rule, one unit</h4>
      <Tex display math={`z = \\sum_{i=1}^{${n}} \\theta_i x_i = ${zTex} = ${texNum(unit.z, 4)}`} />
      <p>
        In training each input is kept with probability <Tex math={`q = 1 - p = ${texNum(unit.q, 3)}`} />: <Tex math="\tilde z = \sum_i m_i \theta_i x_i" />,{' '}
        <Tex math="m_i \sim \mathrm{Bernoulli}(q)" />. Averaged over all masks:
      </p>
      <Tex display math={expectationTex(unit.theta, unit.x, drop)} />
      <p>
        So at test time, with every unit on, scale the weights by <Tex math="q" />: <Tex math={`z_{\\text{test}} = q\\sum_i \\theta_i x_i = ${texNum(unit.zScaled, 4)}`} />.
        Frameworks use <strong>inverted dropout</strong> instead: divide by <Tex math="q" /> in training,{' '}
        <Tex math="\tilde z = \sum_i (m_i/q)\,\theta_i x_i" />, whose mean is <Tex math="z" /> itself, and change nothing at test time.
      </p>
      <LineChart title="Monte Carlo mean of z over masks" chartKey="mc" fileBase={fileBase} xLabel="masks sampled" yLabel="running mean"
        series={mcSeries} referenceLines={refs} height={200} />
      <p data-testid="dropout-mc-numbers">
        After {masks} masks ({MASKS_PER_STEP} per training step): plain mean <strong>{num(last?.plain, 4)}</strong> against{' '}
        <Tex math={`q z = ${texNum(unit.zScaled, 4)}`} /> (difference {last ? Math.abs(last.plain - unit.zScaled).toFixed(4) : '–'}, standard error{' '}
        {masks > 1 ? (unit.sampleStd / Math.sqrt(masks)).toFixed(4) : '–'}); inverted mean <strong>{num(last?.inverted, 4)}</strong> against{' '}
        <Tex math={`z = ${texNum(unit.z, 4)}`} />.
      </p>
      <p className="muted dropout-convention">
        Correction to the notes: here <Tex math="p" /> is the drop probability (as in PyTorch and the notes’ Monte Carlo dropout, “low p
        (0.1 or 0.2)”); the notes’ rule <Tex math="z = (\theta_1 x_1 + \theta_2 x_2)\cdot p" /> uses <Tex math="p" /> for the keep
        probability. With <Tex math="p = 0.5" /> both agree; in general scale by <Tex math="1 - p" />.
      </p>
    </div>
  );
}

export function DropoutLab() {
  const h = useLab(dropoutLab);
  const { view: raw, params: p, metrics: m } = h;
  const fileBase = `lecture08-dropout-${dropoutLab.fileTag(p)}`;
  const view = raw;
  const hist = view?.history;
  const lossSeries = useMemo<LineSeries[]>(() => (hist ? [
    { key: 'dt', label: `with dropout (p = ${p.drop}), training`, color: DROP_COLOR, dashed: true, points: pts(hist, 'withDrop', 'trainLoss') },
    { key: 'dv', label: `with dropout (p = ${p.drop}), validation`, color: DROP_COLOR, points: pts(hist, 'withDrop', 'valLoss') },
    { key: 'pt', label: 'without dropout, training', color: PLAIN_COLOR, dashed: true, points: pts(hist, 'plain', 'trainLoss') },
    { key: 'pv', label: 'without dropout, validation', color: PLAIN_COLOR, points: pts(hist, 'plain', 'valLoss') },
  ] : []), [hist, p.drop]);
  const accSeries = useMemo<LineSeries[]>(() => (hist ? [
    { key: 'dt', label: 'with dropout, training', color: DROP_COLOR, dashed: true, points: pts(hist, 'withDrop', 'trainAcc', 100) },
    { key: 'dv', label: 'with dropout, validation (eval mode)', color: DROP_COLOR, points: pts(hist, 'withDrop', 'valAcc', 100) },
    { key: 'pt', label: 'without dropout, training', color: PLAIN_COLOR, dashed: true, points: pts(hist, 'plain', 'trainAcc', 100) },
    { key: 'pv', label: 'without dropout, validation', color: PLAIN_COLOR, points: pts(hist, 'plain', 'valAcc', 100) },
    { key: 'ft', label: 'with dropout, validation, dropout left on (forgot eval())', color: FORGOT_COLOR, points: pts(hist, 'withDrop', 'valAccTrainMode', 100) },
  ] : []), [hist]);
  return (
    <LabFrame
      handle={h}
      stepLabel="minibatch"
      controls={['drop', 'hidden', 'perClass', 'lr', 'epochs', 'inputs', 'seed']}
      intro={
        <p>
          Two copies of a 784 → {p.hidden} → {p.hidden} → 10 ReLU network learn {p.perClass * 10} MNIST digits (minibatches of {BATCH}, Adam) from the
          same initial weights: one with dropout after each hidden layer, one without. Validation uses {VAL_PER_CLASS * 10} other digits. Watch the
          gap between the training and validation loss (on so few digits the accuracies differ little), then check the rule that makes test
          time work. Training losses are measured in eval mode.
        </p>
      }
    >
      <MnistProgress />
      {view ? (
        <>
          <LineChart title="Loss: training and validation" chartKey="loss" fileBase={fileBase} xLabel="epoch" yLabel="cross-entropy" series={lossSeries} logY height={220} />
          <div className="panel dropout-gap" data-testid="dropout-gap">
            <p>
              Epoch {m.epoch ?? 0}. Generalisation gap (validation − training loss): with dropout <strong>{num(m.gap_loss_do)}</strong>, without{' '}
              <strong>{num(m.gap_loss_plain)}</strong>. Validation accuracy: with dropout {pct(m.do_val_acc)}, without {pct(m.plain_val_acc)}
              {' '}(training: {pct(m.do_train_acc)} and {pct(m.plain_train_acc)}).
            </p>
          </div>
          <LineChart title="Accuracy: training and validation" chartKey="accuracy" fileBase={fileBase} xLabel="epoch" yLabel="accuracy (%)" series={accSeries} height={220} />
          <div className="panel dropout-forgot" data-testid="dropout-forgot">
            <h4>Forgot <code>model.eval()</code>?</h4>
            <p>
              The dropout network on the validation set, eval mode: <strong>{pct(m.do_val_acc)}</strong> (loss {num(m.do_val_loss)}); the same
              weights with dropout still on (one random mask per digit): <strong>{pct(m.do_val_acc_trainmode)}</strong> (loss{' '}
              {num(m.do_val_loss_trainmode)}). Conditions at train and test time are not the same: switch dropout off to predict.
            </p>
          </div>
          <div className="dropout-figures">
            <NetSketch masks={view.netMasks} hidden={p.hidden} drop={p.drop} />
            {view.example.evalProbs.length ? <ModeBars {...view.example} /> : null}
          </div>
          <WeightScaling view={view} drop={p.drop} masks={m.mc_masks ?? 0} fileBase={fileBase} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
