import { useMemo } from 'react';
import { ImageGrid, SERIES_COLORS, type GridImage } from '../../../../charts';
import { MnistProgress } from '../../../../components/MnistProgress';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { useMnistSet } from '../../../../labs/mnist';
import { MNIST_PIXELS, MNIST_SIDE } from '../../../../ml/data/mnist';
import {
  SOURCE_DIGITS, SRC_VAL_PER_CLASS, STRATEGIES, TARGET_DIGITS, TGT_VAL_PER_CLASS, type Strategy,
} from '../../../../ml/transferExperiment';
import { PARAM_OFFSETS, TNET } from '../../../../ml/transferNet';
import { AccuracyChart, type AccSeries } from './AccuracyChart';
import type { TransferView } from './engine';
import { TRANSFER_PARAMS, totalSteps } from './params';
import './transfer.css';
import { groupDigits } from '../../../../charts/format';

export const transferLab: LabDefinition<typeof TRANSFER_PARAMS, TransferView> = {
  id: 'transfer',
  title: 'Transfer learning on MNIST',
  lecture: '11-rnn-transformers',
  schema: TRANSFER_PARAMS,
  engine: () => import('./engine').then((m) => m.createTransferEngine),
  needsTf: true,
  lossKeys: ['lastLoss'],
  maxSteps: (p) => totalSteps(p),
  fileTag: (p) => `se${p.srcEpochs}-T${p.steps}-lr${p.lr}-K${p.fineK}-rho${p.ratio}-${p.ns}-seed${p.seed}`,
};

const NAMES: Record<Strategy, string> = {
  frozen: 'frozen features + new head',
  finetune: 'fine-tuned (low rate)',
  scratch: 'from scratch',
};
const COLORS: Record<Strategy, string> = { frozen: SERIES_COLORS[0], finetune: SERIES_COLORS[2], scratch: SERIES_COLORS[1] };

const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${(100 * v).toFixed(1)} %`);
const int = (v: number) => groupDigits(v);

function Strategies({ K, ratio }: { K: number; ratio: number }) {
  return (
    <div className="panel transfer-formulas">
      <h4>Three ways to learn digits 5–9</h4>
      <p>
        The network: conv 5×5×8 → max pool → conv 3×3×16 → max pool → FC 64 → 5 classes. The two conv layers are what we reuse; the fully
        connected layers form the new head. Every strategy takes the same <Tex math="T" /> Adam steps on the same labelled digits:
      </p>
      <ul>
        <li><strong>{NAMES.frozen}</strong>: the conv layers keep the source’s weights, <Tex math="\theta_{\text{conv}} = \theta^{T_1}_{\text{conv}}" /> (rate 0); only the head learns, at rate <Tex math="\alpha" />.</li>
        <li><strong>{NAMES.finetune}</strong>: the head at <Tex math="\alpha" />, and the last <Tex math={`K = ${K}`} /> conv layer{K > 1 ? 's' : ''} at the lower rate <Tex math={`\\rho\\,\\alpha = ${ratio.toPrecision(2)}\\,\\alpha`} />.</li>
        <li><strong>{NAMES.scratch}</strong>: the same network from a fresh (He) initialisation, every layer at rate <Tex math="\alpha" />.</li>
      </ul>
    </div>
  );
}

function StatusLine({ view, status }: { view: TransferView | null; status: string }) {
  if (!view) return <p className="muted">Loading…</p>;
  let text: string;
  if (view.phase === 'source') text = `Phase 1: training the source network on digits 0–4, step ${view.srcStep} of ${view.srcSteps}.`;
  else if (view.phase === 'source-eval') text = 'Phase 1: scoring the source network on held-out digits 0–4.';
  else if (view.phase === 'target' && view.current) {
    text = `Phase 2: n = ${view.current.n} labelled digits per class, ${NAMES[view.current.strategy]}` +
      `${view.current.step ? `, step ${view.current.step}` : ''} (${view.results.length} of ${view.ns.length * STRATEGIES.length} networks done).`;
  } else if (view.phase === 'done' || view.results.length === view.ns.length * STRATEGIES.length) text = `Done: ${view.results.length} networks trained and scored.`;
  else text = 'Phase 2: scoring.';
  if (status === 'idle' && view.progress === 0) text = view.sourceFromCache ? 'Press Play: the source network is ready (kept from the last run), so only phase 2 runs.' : 'Press Play: phase 1 trains the source network on digits 0–4, phase 2 the three strategies on 5–9.';
  return <p className="transfer-status" data-testid="transfer-status" aria-live="polite">{text}</p>;
}

function ResultsTable({ view }: { view: TransferView }) {
  const acc = (n: number, s: Strategy) => view.results.find((r) => r.n === n && r.strategy === s)?.valAcc;
  return (
    <div className="transfer-table-wrap" tabIndex={0} role="region" aria-label="Validation accuracy table (scrolls sideways)">
      <table className="transfer-table" data-testid="transfer-table">
        <thead>
          <tr><th scope="col">n per class</th><th scope="col">labelled digits</th>{STRATEGIES.map((s) => <th scope="col" key={s}>{NAMES[s]}</th>)}</tr>
        </thead>
        <tbody>
          {view.ns.map((n) => (
            <tr key={n}>
              <th scope="row">{n}</th><td>{n * TARGET_DIGITS.length}</td>
              {STRATEGIES.map((s) => <td key={s}>{pct(acc(n, s))}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TransferLab() {
  const h = useLab(transferLab);
  const { view, params: p, metrics: m } = h;
  const set = useMnistSet();
  const fileBase = `lecture11-transfer-${transferLab.fileTag(p)}`;

  const results = view?.results;
  const ns = view?.ns;
  const series = useMemo<AccSeries[]>(() => STRATEGIES.map((s) => ({
    key: s, label: NAMES[s], color: COLORS[s], dashed: s === 'scratch',
    points: (results ?? []).filter((r) => r.strategy === s).map((r) => ({ n: r.n, acc: r.valAcc })).sort((a, b) => a.n - b.n),
  })), [results]);

  const w = view?.sourceWeights;
  const filters = useMemo<GridImage[]>(() => {
    if (!w) return [];
    const K = TNET.kernel;
    return Array.from({ length: TNET.f1 }, (_, k) => {
      const data = new Float32Array(K * K);
      for (let i = 0; i < K * K; i++) data[i] = w[PARAM_OFFSETS[0] + i * TNET.f1 + k];
      return { width: K, height: K, data, label: `filter ${k + 1}` };
    });
  }, [w]);

  const smallest = view?.smallest;
  const examples = useMemo<GridImage[]>(() => {
    if (!set || !smallest) return [];
    return smallest.map((i) => ({
      width: MNIST_SIDE, height: MNIST_SIDE, label: String(set.labels[i]),
      data: Float32Array.from(set.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), (v) => v / 255),
    }));
  }, [set, smallest]);

  const nSmall = ns?.[0] ?? 1;
  const nBig = ns?.[ns.length - 1] ?? 50;
  const srcN = view?.sourceTrainSize ?? 4000;
  const gapAt = (n: number) => m[`acc_frozen_${n}`] - m[`acc_scratch_${n}`];

  return (
    <LabFrame
      handle={h}
      stepLabel="step"
      controls={['srcEpochs', 'steps', 'lr', 'fineK', 'ratio', 'ns', 'seed']}
      intro={
        <p>
          Task <Tex math="T_1" />: tell the digits 0–4 apart, with thousands of labelled examples. Task <Tex math="T_2" />: tell 5–9 apart,
          with only <Tex math="n" /> labelled examples per class. Press Play: a CNN first learns <Tex math="T_1" /> in your browser, then, for each{' '}
          <Tex math="n" />, three networks learn <Tex math="T_2" /> and are scored on {TGT_VAL_PER_CLASS * TARGET_DIGITS.length} other digits 5–9.
          Changing a setting reruns phase 2 only; the source network is kept unless its epochs or the seed change.
        </p>
      }
    >
      <MnistProgress />
      {view && view.progress > 0 && view.progress < 1 ? (
        <progress className="transfer-progress" max={1} value={view.progress} aria-label="Experiment progress" />
      ) : null}
      <StatusLine view={view} status={h.status} />
      <div className="panel transfer-source" data-testid="transfer-source">
        {view?.source ? (
          <p>
            Source network (<Tex math="T_1" />): trained on {int(srcN)} digits 0–4 for {p.srcEpochs} epoch{p.srcEpochs > 1 ? 's' : ''}
            {view.sourceFromCache ? ' (kept from an earlier run)' : ''}; validation accuracy <strong>{pct(view.source.valAcc)}</strong> on{' '}
            {SRC_VAL_PER_CLASS * SOURCE_DIGITS.length} held-out digits 0–4.
          </p>
        ) : (
          <p className="muted">The source network is scored on {SRC_VAL_PER_CLASS * SOURCE_DIGITS.length} held-out digits 0–4 when phase 1 ends.</p>
        )}
      </div>
      <Strategies K={Math.round(p.fineK)} ratio={p.ratio} />
      {ns ? (
        <>
          <AccuracyChart title="Validation accuracy against labelled examples per class" chartKey="accuracy-vs-n" fileBase={fileBase} ns={ns} series={series} />
          <ResultsTable view={view!} />
          {Number.isFinite(gapAt(nSmall)) && Number.isFinite(gapAt(nBig)) ? (
            <p className="transfer-verdict" data-testid="transfer-verdict">
              With {nSmall} labelled digit{nSmall > 1 ? 's' : ''} per class the frozen features are {(100 * gapAt(nSmall)).toFixed(1)} points{' '}
              {gapAt(nSmall) >= 0 ? 'ahead of' : 'behind'} training from scratch; with {nBig} per class the difference is{' '}
              {(100 * gapAt(nBig)).toFixed(1)} points.
            </p>
          ) : null}
          {Number.isFinite(m.msPerStep) ? <p className="muted">{m.msPerStep.toFixed(1)} ms per training step on average.</p> : null}
        </>
      ) : null}

      <h4 className="transfer-subhead">When transfer learning makes sense — and how this lab meets it</h4>
      <ol className="transfer-conditions">
        <li>
          <strong><Tex math="T_1" /> and <Tex math="T_2" /> have the same input.</strong> Both are 28×28 grey-scale MNIST digits, so the
          source’s conv layers can be applied to the new digits unchanged.
        </li>
        <li>
          <strong>More data for <Tex math="T_1" /> than for <Tex math="T_2" />.</strong> {int(srcN)} labelled source digits against{' '}
          <Tex math={`5n`} /> = {ns ? ns.map((n) => n * TARGET_DIGITS.length).join(', ') : '5 … 250'} target digits. As <Tex math="n" /> grows
          the advantage shrinks: the network can learn its own features.
        </li>
        <li>
          <strong>The low-level features of <Tex math="T_1" /> are useful for <Tex math="T_2" />.</strong> The first layer’s filters learned on
          0–4 are stroke and edge detectors, and 5–9 are written with the same strokes.
        </li>
      </ol>
      <div className="transfer-images">
        {filters.length ? (
          <ImageGrid title="First-layer filters learned on digits 0–4 (5×5)" chartKey="filters" fileBase={fileBase} images={filters} colormap="diverging" range="auto" cellSize={52} columns={8} />
        ) : (
          <p className="muted">The source network’s first-layer filters appear when phase 1 ends.</p>
        )}
        {examples.length ? (
          <ImageGrid title={`The ${examples.length} labelled digits at n = ${nSmall}`} chartKey="labelled" fileBase={fileBase} images={examples} cellSize={44} columns={10} />
        ) : null}
      </div>
    </LabFrame>
  );
}
