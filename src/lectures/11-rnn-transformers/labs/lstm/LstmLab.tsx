import { useCallback, useMemo, useState } from 'react';
import { LineChart, seriesColor, type LineSeries } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { createRng } from '../../../../ml/rng';
import type { LstmView } from './engine';
import { Equations } from './Equations';
import { GateHeatmaps } from './GateHeatmaps';
import { GradCheck } from './GradCheck';
import { formatSequence, parseSequence, randomSequence, target, traceSequence, type Sequence } from './model';
import { BATCH, EVAL_EVERY, LSTM_PARAMS, N_VAL } from './params';
import './lstm.css';
import { useThrottled } from '../../../../labs/useThrottled';

export const lstmLab: LabDefinition<typeof LSTM_PARAMS, LstmView> = {
  id: 'lstm',
  title: 'An LSTM cell at work',
  lecture: '11-rnn-transformers',
  schema: LSTM_PARAMS,
  engine: () => import('./engine').then((m) => m.createLstmEngine),
  needsTf: false,
  lossKeys: ['loss', 'train_loss'],
  maxSteps: (p) => Math.round(p.iters),
  stepsPerFrame: 50,
  viewOnly: ['ex', 'st', 'unit', 'gc'],
  fileTag: (p) => `T${p.T}-K${p.K}-H${p.H}-lr${p.lr}-fb${p.fb}-seed${p.seed}`,
};

/** The example sequence shown: number `ex` of a seeded stream (same T and K as training). */
function exampleSequence(T: number, K: number, ex: number): Sequence {
  return randomSequence(T, K, createRng(100_003 + ex));
}

export function LstmLab() {
  const h = useLab(lstmLab);
  const { params: p, lab } = h;
  const T = Math.round(p.T);
  const K = Math.round(p.K);
  const H = Math.round(p.H);
  const fileBase = `lecture11-lstm-${lstmLab.fileTag(p)}`;

  // Example sequence: seeded by `ex`, or typed in by the learner (kept only for this T, K and ex).
  const base = useMemo(() => exampleSequence(T, K, p.ex), [T, K, p.ex]);
  const [custom, setCustom] = useState<{ key: string; seq: Sequence } | null>(null);
  const seqKey = `${T}-${K}-${p.ex}`;
  const seq = custom?.key === seqKey ? custom.seq : base;
  const [text, setText] = useState<{ key: string; value: string } | null>(null);
  const textValue = text?.key === seqKey ? text.value : formatSequence(seq);
  const parsed = useMemo(() => parseSequence(textValue, T, K), [textValue, T, K]);
  const textError = 'error' in parsed ? parsed.error : null;

  const model = useThrottled(h.view?.model, h.status === 'running', 400);
  const trace = useMemo(() => (model && model.K === K && model.lstm.H === H ? traceSequence(model, seq) : null), [model, seq, K, H]);
  const t = Math.min(Math.round(p.st), T) - 1;
  const k = Math.min(Math.round(p.unit), H) - 1;
  const onStep = useCallback((s: number) => lab.setParams({ st: s + 1 }), [lab]);
  const onNewSeed = useCallback(() => lab.setParams({ gc: (p.gc % 99999) + 1 }), [lab, p.gc]);

  const lossSeries = useMemo<LineSeries[]>(() => [
    { key: 'train', label: `training loss (moving average, batches of ${BATCH})`, color: seriesColor(0), points: h.chartSeries.train_loss ?? [] },
    { key: 'val', label: `held-out loss (${N_VAL} sequences)`, color: seriesColor(1), points: h.chartSeries.loss ?? [] },
  ], [h.chartSeries]);
  const accSeries = useMemo<LineSeries[]>(() => [
    { key: 'train', label: 'training accuracy (moving average)', color: seriesColor(0), points: h.chartSeries.train_acc ?? [] },
    { key: 'val', label: 'held-out accuracy', color: seriesColor(1), points: h.chartSeries.acc ?? [] },
  ], [h.chartSeries]);

  const y = target(seq);
  let pred = 0;
  if (trace) for (let c = 1; c < K; c++) if (trace.probs[c] > trace.probs[pred]) pred = c;

  return (
    <LabFrame
      handle={h}
      stepLabel="step"
      controls={['T', 'K', 'H', 'lr', 'fb', 'iters', 'seed']}
      intro={
        <p>
          Task: a sequence of <Tex math="T" /> random digits, one of them marked (<strong>*</strong>); after the last step the LSTM must name
          the marked digit. Only the last step has a loss, so the cell has to store the digit and keep it through the distractors. Press Play,
          then watch the gates: the input gate opens at the marker, the forget gate holds the cell state afterwards.
        </p>
      }
    >
      <LineChart title="Loss" chartKey="loss" fileBase={fileBase} xLabel="step" yLabel="cross-entropy" series={lossSeries} logY height={220} />
      <LineChart title="Accuracy" chartKey="acc" fileBase={fileBase} xLabel="step" yLabel="accuracy" series={accSeries} yDomain={[0, 1]} height={200}
        referenceLines={[{ y: 1 / K, label: `chance 1/${K}`, color: '#888' }]} />
      <p className="muted">Held-out values are recomputed every {EVAL_EVERY} steps. Chance level is 1/K.</p>

      <div className="panel lstm-example">
        <h4>One sequence through the cell</h4>
        <div className="lstm-example-controls">
          <label className="lstm-seq-input">
            <span>Sequence (mark one digit with *)</span>
            <input
              type="text"
              value={textValue}
              spellCheck={false}
              aria-invalid={textError ? true : undefined}
              data-testid="lstm-seq"
              onChange={(e) => {
                const v = e.target.value;
                setText({ key: seqKey, value: v });
                const r = parseSequence(v, T, K);
                if (!('error' in r)) setCustom({ key: seqKey, seq: r });
              }}
            />
          </label>
          <button type="button" onClick={() => { setCustom(null); setText(null); lab.setParams({ ex: (p.ex % 9999) + 1 }); }}>
            New example
          </button>
          <label className="lstm-unit">
            <span>Unit <Tex math="k" /></span>
            <select value={k + 1} onChange={(e) => lab.setParams({ unit: Number(e.target.value) })} data-testid="lstm-unit">
              {Array.from({ length: H }, (_, u) => <option key={u} value={u + 1}>{u + 1}</option>)}
            </select>
          </label>
        </div>
        {textError ? <p className="notice danger" role="alert">{textError}</p> : null}
        {trace ? (
          <>
            <GateHeatmaps trace={trace} seq={seq} step={t} unit={k} onStep={onStep} fileBase={fileBase} />
            <p className="lstm-pred" data-testid="lstm-pred">
              Step shown: <strong>t = {t + 1}</strong> of {T} (click a column, or focus the heatmaps and press ←/→). Marked digit{' '}
              <strong>{y}</strong>; the network answers <strong>{pred}</strong> with <Tex math={`p = ${trace.probs[pred].toFixed(2)}`} />{' '}
              {pred === y ? '✓' : '✗'}.
            </p>
            <Equations trace={trace} t={t} k={k} />
          </>
        ) : (
          <p className="loading">Preparing…</p>
        )}
      </div>

      <GradCheck seed={p.gc} onNewSeed={onNewSeed} />
    </LabFrame>
  );
}
