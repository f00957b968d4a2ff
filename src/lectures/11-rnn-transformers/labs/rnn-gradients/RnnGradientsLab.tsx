import { useMemo, type ReactNode } from 'react';
import { LineChart, seriesColor, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { ParamControls } from '../../../../labs/ParamControls';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { closedForm, eigenComponents, iterateRecurrence, norm2, thetaFromEig, type Vec2 } from '../../../../ml/rnnGradients';
import type { RnnGradView } from './engine';
import { BATCH, K_SYMBOLS, M_DISTRACTORS, PART1_KEYS, RNN_GRAD_PARAMS, STEPS_PER_ITER } from './params';
import './rnn-gradients.css';
import { useThrottled } from '../../../../labs/useThrottled';

export const rnnGradientsLab: LabDefinition<typeof RNN_GRAD_PARAMS, RnnGradView> = {
  id: 'rnn-gradients',
  title: 'Vanishing and exploding gradients',
  lecture: '11-rnn-transformers',
  schema: RNN_GRAD_PARAMS,
  engine: () => import('./engine').then((m) => m.createRnnGradEngine),
  needsTf: false,
  lossKeys: ['loss_rnn', 'loss_lstm'],
  maxSteps: (p) => Math.round(p.iters) * STEPS_PER_ITER,
  stepsPerFrame: 200,
  viewOnly: [...PART1_KEYS],
  fileTag: (p) =>
    `T${p.T}-H${p.H}-s${p.scale}-${p.init}-${p.act}-${p.opt}-lr${p.lr}${p.clip ? `-clip${p.tau}` : ''}-seed${p.seed}`,
};

const RNN_COLOR = seriesColor(1);
const LSTM_COLOR = seriesColor(0);
const Q1_COLOR = seriesColor(2);
const Q2_COLOR = seriesColor(3);

function fmt(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  return a !== 0 && (a < 10 ** -digits || a >= 1e4) ? v.toExponential(1) : v.toFixed(digits);
}

const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${Math.round(100 * v)} %`);

/** Part 1: A_t = θ^t A_0, computed in the page (no training). */
function Recurrence({ l1, l2, phi, a0, steps, controls }: { l1: number; l2: number; phi: number; a0: number; steps: number; controls: ReactNode }) {
  const fileBase = `lecture11-rnn-gradients-l1${l1}-l2${l2}-phi${phi}-a0${a0}`;
  const r = useMemo(() => {
    const ph = (phi * Math.PI) / 180;
    const A0: Vec2 = [Math.cos((a0 * Math.PI) / 180), Math.sin((a0 * Math.PI) / 180)];
    const theta = thetaFromEig(l1, l2, ph);
    const seq = iterateRecurrence(theta, A0, steps);
    const rep = seq.map((a, t) => ({ x: t, y: norm2(a) }));
    const closed = seq.map((_, t) => ({ x: t, y: norm2(closedForm(l1, l2, ph, A0, t)) }));
    const comps = seq.map((a) => eigenComponents(ph, a));
    let maxDiff = 0;
    seq.forEach((a, t) => {
      const c = closedForm(l1, l2, ph, A0, t);
      maxDiff = Math.max(maxDiff, Math.hypot(a[0] - c[0], a[1] - c[1]) / Math.max(norm2(a), 1e-300));
    });
    const series: LineSeries[] = [
      { key: 'rep', label: '‖θᵗA₀‖ (repeated multiplication)', color: seriesColor(0), points: rep },
      { key: 'closed', label: '‖QΛᵗQᵀA₀‖ (closed form)', color: seriesColor(5), dashed: true, points: closed },
      { key: 'q1', label: '|q₁ᵀAₜ| = |λ₁|ᵗ |q₁ᵀA₀|', color: Q1_COLOR, points: comps.map((c, t) => ({ x: t, y: Math.abs(c[0]) })) },
      { key: 'q2', label: '|q₂ᵀAₜ| = |λ₂|ᵗ |q₂ᵀA₀|', color: Q2_COLOR, points: comps.map((c, t) => ({ x: t, y: Math.abs(c[1]) })) },
    ];
    return { theta, series, normEnd: rep[steps].y, maxDiff, c0: comps[0] };
  }, [l1, l2, phi, a0, steps]);
  const th = r.theta;
  const rho = Math.max(Math.abs(l1), Math.abs(l2));
  const verdict =
    rho < 1 ? 'both |λ| < 1: the state vanishes' : Math.abs(l1) > 1 || Math.abs(l2) > 1 ? 'an |λ| > 1: that component explodes' : '|λ| = 1: that component keeps its size';
  return (
    <div
      className="rnn-gradients-part"
      data-testid="rnn-gradients-recurrence"
      data-norm-end={r.normEnd}
      data-max-diff={r.maxDiff}
    >
      <h4>1 · The recurrence without input, <Tex math="A_t = \theta_c^t A_0" /></h4>
      <Tex
        display
        math={`\\theta_c = Q\\Lambda Q^T = \\begin{pmatrix} ${texNum(th[0])} & ${texNum(th[1])} \\\\ ${texNum(th[2])} & ${texNum(th[3])} \\end{pmatrix},\\quad \\Lambda = \\mathrm{diag}(${texNum(l1)}, ${texNum(l2)})`}
      />
      <div className="rnn-gradients-part1-controls">{controls}</div>
      <LineChart
        title="‖Aₜ‖ against t"
        chartKey="recurrence"
        fileBase={fileBase}
        xLabel="t"
        yLabel="norm (log scale)"
        series={r.series}
        logY
        height={260}
        referenceLines={[{ y: 1, label: '‖A₀‖ = 1', color: 'var(--muted)' }]}
      />
      <p className="muted">
        ‖A<sub>{steps}</sub>‖ = <span data-testid="rnn-gradients-norm-end">{fmt(r.normEnd, 3)}</span> ({verdict}); repeated multiplication and
        the closed form agree to {fmt(r.maxDiff, 2)} (relative). Along each eigenvector the state is multiplied by its eigenvalue at every step,
        so a component shrinks or grows as <Tex math="|\lambda_i|^t" />; λ = 1 keeps it, a negative λ flips its sign each step.
      </p>
      <p className="muted rnn-gradients-erratum">
        Correction to the notes: <Tex math="\theta^t = Q\Lambda^t Q^T" /> needs <Tex math="Q" /> orthogonal (<Tex math="Q^{-1} = Q^T" />, i.e.
        θ symmetric), not θ orthogonal — an orthogonal θ has every |λ| = 1.
      </p>
    </div>
  );
}

export function RnnGradientsLab() {
  const h = useLab(rnnGradientsLab);
  const { params: p, metrics: m } = h;
  const view = useThrottled(h.view, true, 300);
  const fileBase = `lecture11-rnn-gradients-${rnnGradientsLab.fileTag(p)}`;
  const T = view?.T ?? p.T;

  const gradSeries = useMemo<LineSeries[]>(() => {
    const pts = (a: number[] | null | undefined) => (a ?? []).map((y, i) => ({ x: i + 1, y }));
    return [
      { key: 'r0', label: 'RNN ‖∂ℓ/∂hₜ‖, initialisation', color: RNN_COLOR, points: pts(view?.rnn.gradInit) },
      { key: 'r1', label: 'RNN ‖∂ℓ/∂hₜ‖, now', color: RNN_COLOR, dashed: true, points: pts(view?.rnn.gradNow) },
      { key: 'l0', label: 'LSTM ‖∂ℓ/∂hₜ‖, initialisation', color: LSTM_COLOR, points: pts(view?.lstm.gradInit) },
      { key: 'l1', label: 'LSTM ‖∂ℓ/∂hₜ‖, now', color: LSTM_COLOR, dashed: true, points: pts(view?.lstm.gradNow) },
      { key: 'c1', label: 'LSTM ‖∂ℓ/∂Cₜ‖, now', color: seriesColor(4), dashed: true, points: pts(view?.lstm.cellNow) },
    ];
  }, [view]);
  const accSeries = useMemo<LineSeries[]>(
    () => [
      { key: 'rnn', label: 'vanilla RNN', color: RNN_COLOR, points: view?.rnn.acc ?? [] },
      { key: 'lstm', label: 'LSTM', color: LSTM_COLOR, points: view?.lstm.acc ?? [] },
    ],
    [view],
  );
  const normSeries = useMemo<LineSeries[]>(
    () => [
      { key: 'rnn', label: 'vanilla RNN', color: RNN_COLOR, points: view?.rnn.gnorm ?? [] },
      { key: 'lstm', label: 'LSTM', color: LSTM_COLOR, points: view?.lstm.gnorm ?? [] },
    ],
    [view],
  );
  const normRefs = useMemo<ReferenceLineSpec[]>(
    () => (p.clip ? [{ y: p.tau, label: `clipped to τ = ${p.tau}`, color: 'var(--danger, #c0392b)' }] : []),
    [p.clip, p.tau],
  );
  const chance = 1 / K_SYMBOLS;

  return (
    <LabFrame
      handle={h}
      stepLabel="engine step"
      controls={['T', 'H', 'scale', 'init', 'act', 'fb', 'opt', 'lr', 'clip', 'tau', 'iters', 'seed']}
      intro={
        <p>
          Part 1: pick the eigenvalues of θ and watch <Tex math="\|A_t\|" /> vanish or explode. Part 2: press Play — a vanilla RNN and an LSTM
          learn to output the first of T symbols; compare how much gradient reaches the early steps, and the accuracies.
        </p>
      }
    >
      <Recurrence
        l1={p.l1}
        l2={p.l2}
        phi={p.phi}
        a0={p.a0}
        steps={p.steps}
        controls={<ParamControls schema={RNN_GRAD_PARAMS} values={p} onChange={h.lab.setParams} only={PART1_KEYS} />}
      />
      <div className="rnn-gradients-part" data-testid="rnn-gradients-training">
        <h4>2 · Remember the first symbol after T steps</h4>
        <p className="muted">
          Input 1 is one of {K_SYMBOLS} symbols; inputs 2 … T are random distractors ({M_DISTRACTORS} other symbols); after step T a softmax
          read-out of <Tex math="h_T" /> must name the first symbol (chance {pct(chance)}). The loss sits at the last step only, so every bit
          of signal about input 1 must travel back T − 1 steps. RNN: <Tex math="h_t = \tanh(\theta_c h_{t-1} + \theta_x x_t + b)" />
          {p.act === 'linear' ? ' without the tanh here (the notes’ linear recurrence)' : ''}; LSTM: gates i, f, o, g (forget-gate bias{' '}
          {p.fb} at the start, <Tex math={`\\sigma(${p.fb}) = ${texNum(1 / (1 + Math.exp(-p.fb)), 2)}`} />). Both: {p.H} hidden units, the same {BATCH}-sequence batches, {p.opt === 'adam' ? 'Adam' : 'SGD'},
          backpropagation through time.
        </p>
        <div className="rnn-gradients-stats" data-testid="rnn-gradients-stats">
          <span>Steps: RNN {m.iter_rnn ?? 0}, LSTM {m.iter_lstm ?? 0} of {p.iters}</span>
          <span>Accuracy (last 50 steps): RNN <strong>{pct(m.acc_rnn)}</strong>, LSTM <strong>{pct(m.acc_lstm)}</strong></span>
          <span>
            Gradient norm: RNN {fmt(m.gnorm_rnn)}, LSTM {fmt(m.gnorm_lstm)}
            {p.clip ? <> · applied (clipped to τ = {p.tau}): RNN {fmt(m.gapplied_rnn)}, LSTM {fmt(m.gapplied_lstm)}</> : null}
          </span>
        </div>
        <LineChart
          title={`Gradient reaching each step (T = ${T})`}
          chartKey="grads"
          fileBase={fileBase}
          xLabel="time step t"
          yLabel="RMS ‖∂ℓ/∂hₜ‖ (log)"
          series={gradSeries}
          logY
          height={260}
        />
        <p className="muted">
          ∂ℓ/∂h<sub>1</sub> over ∂ℓ/∂h<sub>T</sub> at initialisation: RNN {fmt(m.gratio_rnn_init)}, LSTM {fmt(m.gratio_lstm_init)}; now: RNN{' '}
          {fmt(m.gratio_rnn)}, LSTM {fmt(m.gratio_lstm)}. Backpropagation multiplies by{' '}
          <Tex math="\partial h_t/\partial h_{t-1} = \mathrm{diag}(1 - h_t^2)\,\theta_c" /> at every step, so the RNN's gradient shrinks (or grows)
          geometrically, as in Part 1; the LSTM's cell path multiplies by the forget gate only, <Tex math="\partial C_t/\partial C_{t-1} = f_t" />.
        </p>
        <LineChart
          title="Training accuracy"
          chartKey="acc"
          fileBase={fileBase}
          xLabel="training step"
          yLabel="accuracy (fresh batches)"
          series={accSeries}
          yDomain={[0, 1]}
          referenceLines={[{ y: chance, label: 'chance', color: 'var(--muted)' }]}
        />
        <LineChart
          title="Global gradient norm"
          chartKey="gnorm"
          fileBase={fileBase}
          xLabel="training step"
          yLabel="‖∇θL‖ before clipping (max of 10 steps)"
          series={normSeries}
          logY
          referenceLines={normRefs}
        />
        <p className="muted">
          Clipping: if <Tex math="\|g\| > \tau" />, <Tex math="g \leftarrow \tau\, g / \|g\|" /> — the direction is kept, the step is bounded.
          Make the RNN's gradients explode with a recurrent-weight scale above 1 (try the linear RNN at s = 1.2, or SGD), then switch clipping on.
          {p.opt === 'adam' ? ' Adam divides by its running gradient size, which already tames a steady explosion; clipping stops the sudden spikes.' : ''}
        </p>
      </div>
    </LabFrame>
  );
}
