import { useMemo } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries } from '../../../../charts';
import { Erratum } from '../../../../components/LectureParts';
import { MnistProgress } from '../../../../components/MnistProgress';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { BandsFigure } from './BandsFigure';
import type { BatchnormView, ModeRow, SingleSample } from './engine';
import {
  BATCHNORM_PARAMS, LOSS_WINDOW, PER_CLASS, PROBE, SHOWN_UNITS, SWEEP_CAP, SWEEP_ITERS, SWEEP_SEEDS, totalSteps, WIDTH,
} from './params';
import './batchnorm.css';

export const batchnormLab: LabDefinition<typeof BATCHNORM_PARAMS, BatchnormView> = {
  id: 'batchnorm',
  title: 'Batch normalisation',
  lecture: '08-regularization',
  schema: BATCHNORM_PARAMS,
  engine: () => import('./engine').then((m) => m.createBatchnormEngine),
  needsTf: true,
  // The plain network diverging at a high learning rate is the result, not a failed run: the engine reports it.
  lossKeys: [],
  maxSteps: (p) => totalSteps(p),
  viewOnly: ['layer'],
  fileTag: (p) => `L${p.depth}-lr${p.lr}-bm${p.betaM}-B${p.batch}-it${p.iters}-seed${p.seed}`,
};

const C_PLAIN = SERIES_COLORS[1];
const C_BN = SERIES_COLORS[0];
const LN10 = Math.log(10);

function fmt(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : '∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

function argmax(p: readonly number[]): number {
  let k = 0;
  p.forEach((v, i) => {
    if (v > p[k]) k = i;
  });
  return k;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function Formulas({ betaM }: { betaM: number }) {
  return (
    <div className="panel batchnorm-formulas">
      <h4>Per feature k, over a minibatch of B samples</h4>
      <Tex display math="\mu_B = \frac{1}{B}\sum_{i=1}^{B} x_i,\qquad \sigma_B^2 = \frac{1}{B}\sum_{i=1}^{B} (x_i - \mu_B)^2" />
      <Tex display math="\hat x_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \varepsilon}},\qquad y_i = \gamma\,\hat x_i + \beta" />
      <p>
        γ and β are learned by backpropagation, so the network can undo the normalisation: <Tex math="\gamma = \sqrt{\sigma_B^2 + \varepsilon}" />,{' '}
        <Tex math="\beta = \mu_B" /> give <Tex math="y_i = x_i" />. In test mode <Tex math="\mu_B, \sigma_B^2" /> are replaced by running averages:
      </p>
      <Tex display math={`\\mathrm{Var}_{\\text{running}} \\leftarrow \\beta_m\\,\\mathrm{Var}_{\\text{running}} + (1 - \\beta_m)\\,\\mathrm{Var}_{\\text{minibatch}},\\qquad \\beta_m = ${texNum(betaM, 2)}`} />
      <p className="muted">
        Conventions differ: the notes’ <Tex math="\beta_m" /> weights the <em>old</em> value, as does tfjs-layers/Keras’ <code>momentum</code>{' '}
        (default 0.99); PyTorch’s <code>momentum</code> weights the <em>new</em> batch, <Tex math={`m = 1 - \\beta_m = ${texNum(1 - betaM, 2)}`} /> (default
        0.1), and its running variance uses the unbiased <Tex math="\tfrac{B}{B-1}\sigma_B^2" />. Here the running variance averages <Tex math="\sigma_B^2" /> itself, as the notes and Keras do.
      </p>
      <Erratum>
        the notes normalise with <Tex math="\sqrt{\mathrm{Var}[x]}" /> alone; every implementation adds a small <Tex math="\varepsilon" /> (here{' '}
        <Tex math="10^{-5}" />, PyTorch’s default), otherwise a constant feature or a batch of one sample divides 0 by 0. With it the exact undo is{' '}
        <Tex math="\gamma = \sqrt{\sigma_B^2 + \varepsilon}" />.
      </Erratum>
    </div>
  );
}

const MODES: { key: 'batch' | 'alone' | 'eval'; name: string }[] = [
  { key: 'batch', name: 'train mode, in a batch' },
  { key: 'alone', name: 'train mode, alone (B = 1)' },
  { key: 'eval', name: 'test mode (running statistics)' },
];

function SingleTable({ s, layer }: { s: SingleSample; layer: number }) {
  const L = s.layers[layer - 1];
  const rows = (row: ModeRow, name: string, key: string) => row.z.map((z, k) => (
    <tr key={`${key}-${k}`} className={k === 0 ? 'batchnorm-first' : undefined}>
      {k === 0 ? <th scope="rowgroup" rowSpan={SHOWN_UNITS}>{name}</th> : null}
      <td>{k + 1}</td>
      <td>{fmt(z)}</td>
      <td>{fmt(row.mean[k])}</td>
      <td>{fmt(row.variance[k])}</td>
      <td>{fmt((z - row.mean[k]) / Math.sqrt(row.variance[k] + 1e-5))}</td>
      <td><strong>{fmt(row.y[k])}</strong></td>
    </tr>
  ));
  const pred = (p: number[]) => {
    const k = argmax(p);
    return <>{k} (p = {fmt(p[k])}; p of the true {s.label}: {fmt(p[s.label])})</>;
  };
  return (
    <div className="panel" data-testid="batchnorm-single">
      <h4>One digit (a {s.label}) in train mode and in test mode, layer {layer}, iteration {s.iter}</h4>
      <div className="batchnorm-table-wrap" tabIndex={0} role="region" aria-label="Batch-normalisation results table (scrolls sideways)">
        <table className="batchnorm-table">
          <caption className="visually-hidden">BN input z, the statistics used, x̂ and the output y for the first {SHOWN_UNITS} units</caption>
          <thead>
            <tr><th scope="col">mode</th><th scope="col">unit</th><th scope="col">z</th><th scope="col">μ used</th><th scope="col">σ² used</th><th scope="col">x̂</th><th scope="col">y = γx̂ + β</th></tr>
          </thead>
          <tbody>
            {MODES.map((m) => rows(L[m.key], m.name, m.key))}
          </tbody>
        </table>
      </div>
      <p>
        Learned <Tex math={`\\gamma = (${L.gamma.map((g) => texNum(g, 3)).join(', ')})`} />,{' '}
        <Tex math={`\\beta = (${L.beta.map((b) => texNum(b, 3)).join(', ')})`} />. Alone in train mode <Tex math="\mu_B = z" />,{' '}
        <Tex math="\sigma_B^2 = 0" />, so <Tex math="\hat x = 0" /> and <Tex math="y = \beta" /> in every layer, whatever the digit: the output
        carries no information about the input (PyTorch refuses to train on a batch of one for this reason).
      </p>
      <ul className="batchnorm-preds">
        <li>Predicted class in a batch: {pred(s.probs.batch)}</li>
        <li>Alone in train mode: {pred(s.probs.alone)} — a {s.otherLabel} alone gives the very same probabilities</li>
        <li>Test mode: {pred(s.probs.eval)}</li>
        <li className="muted">Network without BN (no modes): {pred(s.probs.plain)}</li>
      </ul>
    </div>
  );
}

export function BatchnormLab() {
  const h = useLab(batchnormLab);
  const { view, params: p } = h;
  const fileBase = `lecture08-batchnorm-${batchnormLab.fileTag(p)}`;
  const depth = Math.round(p.depth);
  const layer = Math.min(Math.round(p.layer), depth);
  const cs = h.chartSeries;
  const plainDiv = view?.plainDivergedAt ?? null;
  const bnDiv = view?.bnDivergedAt ?? null;
  const lossSeries = useMemo<LineSeries[]>(() => [
    { key: 'plain', label: plainDiv ? `without BN — diverged at iteration ${plainDiv}` : 'without BN', color: C_PLAIN, points: cs.loss_plain ?? [] },
    { key: 'bn', label: bnDiv ? `with BN — diverged at iteration ${bnDiv}` : 'with BN', color: C_BN, points: cs.loss_bn ?? [] },
  ], [cs, plainDiv, bnDiv]);
  const traces = view?.traces;
  const gbSeries = useMemo<LineSeries[]>(() => {
    if (!traces) return [];
    const l = layer - 1;
    const pts = (ys: number[]) => traces.snapIters.map((x, i) => ({ x, y: ys[i] }));
    return [
      { key: 'g', label: `mean γ over the ${WIDTH} units`, color: SERIES_COLORS[0], points: pts(traces.gMean[l] ?? []) },
      { key: 'b', label: 'mean β', color: SERIES_COLORS[1], points: pts(traces.bMean[l] ?? []) },
      { key: 'g1', label: 'γ of unit 1', color: SERIES_COLORS[0], dashed: true, points: pts(traces.g1[l] ?? []) },
      { key: 'b1', label: 'β of unit 1', color: SERIES_COLORS[1], dashed: true, points: pts(traces.b1[l] ?? []) },
    ];
  }, [traces, layer]);
  const runSeries = useMemo<LineSeries[]>(() => {
    if (!traces) return [];
    const l = layer - 1;
    const perIter = (ys: number[] | undefined) => (ys ?? []).map((y, i) => ({ x: i + 1, y }));
    const snaps = (ys: number[] | undefined) => traces.snapIters.map((x, i) => ({ x, y: (ys ?? [])[i] }));
    return [
      { key: 'bm', label: 'batch mean μ_B', color: SERIES_COLORS[5], points: perIter(traces.batchMean[l]) },
      { key: 'rm', label: 'running mean', color: SERIES_COLORS[0], points: snaps(traces.runMean[l]) },
      { key: 'bv', label: 'batch variance σ²_B', color: SERIES_COLORS[4], points: perIter(traces.batchVar[l]) },
      { key: 'rv', label: 'running variance', color: SERIES_COLORS[1], points: snaps(traces.runVar[l]) },
    ];
  }, [traces, layer]);
  const sweep = view?.sweep;
  const sweepSeries = useMemo<LineSeries[]>(() => {
    if (!sweep) return [];
    const pts = (k: 'plain' | 'bn') => sweep.filter((s) => s[k].length).map((s) => ({
      x: Math.log10(s.lr),
      y: s[k].some((v) => !Number.isFinite(v)) ? SWEEP_CAP : Math.min(SWEEP_CAP, mean(s[k])),
    }));
    return [
      { key: 'plain', label: 'without BN', color: C_PLAIN, points: pts('plain') },
      { key: 'bn', label: 'with BN', color: C_BN, points: pts('bn') },
    ];
  }, [sweep]);
  const sweepRefs = useMemo(() => [
    { x: Math.log10(p.lr), label: `α = ${fmt(p.lr)}`, color: '#57606a' },
    { y: LN10, label: 'chance: ln 10', color: '#8c959f' },
  ], [p.lr]);
  const total = totalSteps(p);
  return (
    <LabFrame
      handle={h}
      stepLabel="step"
      controls={['depth', 'lr', 'betaM', 'batch', 'iters', 'layer', 'seed']}
      intro={
        <p>
          Two networks of {depth} hidden layers × {WIDTH} ReLU units learn {10 * PER_CLASS} MNIST digits (averaged down to 14 × 14 pixels) with plain
          SGD: the same initial weights, the same minibatches, the same learning rate; one normalises before every ReLU. At the default{' '}
          <Tex math="\alpha = 0.5" /> the plain network barely learns while the BN network does. Then a sweep trains both at six learning rates.
        </p>
      }
    >
      <MnistProgress />
      {view ? (
        <>
          <div className="batchnorm-progress">
            <label>
              <span>Main runs: iteration {view.iter} of {view.iters}</span>
              <progress max={view.iters} value={view.iter} />
            </label>
            <label>
              <span>Learning-rate sweep: {view.sweepDone} of {view.sweepTotal} runs</span>
              <progress max={view.sweepTotal} value={view.sweepDone} data-testid="batchnorm-sweep-progress" />
            </label>
            <span className="muted">{h.step} of {total} steps</span>
          </div>
          <LineChart title="Training loss, with and without BN" chartKey="loss" fileBase={fileBase} xLabel="iteration"
            yLabel={`loss (mean of ${LOSS_WINDOW} minibatches)`} series={lossSeries} logY />
          {plainDiv ? (
            <p className="batchnorm-note" data-testid="batchnorm-diverged">
              Without BN the loss became infinite at iteration {plainDiv}: that run stopped; the BN run goes on.
            </p>
          ) : null}
          <Formulas betaM={p.betaM} />
          {view.acts ? <BandsFigure acts={view.acts} depth={depth} fileBase={fileBase} /> : null}
          <p className="muted">
            Inputs to each ReLU for {PROBE} digits (train mode). With BN every layer’s inputs keep the spread γ gives them; without BN the
            spread drifts from layer to layer as the weights change.
          </p>
          <LineChart title={`γ and β of layer ${layer}`} chartKey="gamma" fileBase={fileBase} xLabel="iteration" yLabel="value" series={gbSeries} />
          <LineChart title={`Batch and running statistics, layer ${layer}, unit 1`} chartKey="running" fileBase={fileBase} xLabel="iteration"
            yLabel="BN input z" series={runSeries} />
          <p className="muted">
            The running averages (<Tex math={`\\beta_m = ${texNum(p.betaM, 2)}`} />) smooth the noisy minibatch statistics; a larger{' '}
            <Tex math="\beta_m" /> averages over about <Tex math={`1/(1-\\beta_m) = ${texNum(1 / (1 - p.betaM), 3)}`} /> batches but lags further behind.
          </p>
          {view.single ? <SingleTable s={view.single} layer={layer} /> : null}
          <LineChart title="Final loss against the learning rate" chartKey="sweep" fileBase={fileBase} xLabel="log₁₀ α"
            yLabel={`loss after ${SWEEP_ITERS} iterations`} series={sweepSeries} yDomain={[0, SWEEP_CAP]} referenceLines={sweepRefs} />
          <p className="muted">
            Each point: the mean of {SWEEP_SEEDS} runs of {SWEEP_ITERS} iterations (mean loss of the last 10); a diverged run is drawn at{' '}
            {SWEEP_CAP}. BN trains over a much wider range of learning rates.
          </p>
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
