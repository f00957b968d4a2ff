import { useEffect, useMemo, useState } from 'react';
import { LineChart, seriesColor, type LineSeries } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { noamCurve, noamPeak } from '../../../../ml/noamSchedule';
import { parseDigits, seqTarget } from '../../../../ml/seqTasks';
import { forwardPlain, smoothingFloor } from '../../../../ml/transformer';
import { AttentionMaps } from './AttentionMaps';
import type { TransformerView } from './engine';
import { BATCH, EVAL_EVERY, N_VAL, TRANSFORMER_PARAMS, type TransformerParams } from './params';
import './transformer.css';
import { useThrottled } from '../../../../labs/useThrottled';

export const transformerLab: LabDefinition<typeof TRANSFORMER_PARAMS, TransformerView> = {
  id: 'transformer',
  title: 'A tiny transformer, trained live',
  lecture: '11-rnn-transformers',
  schema: TRANSFORMER_PARAMS,
  engine: () => import('./engine').then((m) => m.createTransformerEngine),
  needsTf: true,
  lossKeys: ['loss'],
  maxSteps: (p) => Math.round(p.steps),
  stepsPerFrame: 10,
  viewOnly: ['input'],
  fileTag: (p) => `${p.task}-L${p.len}-N${p.layers}-h${p.heads}-d${p.dModel}-wu${p.warmup}-st${p.steps}-ls${p.smoothing}-seed${p.seed}`,
};

const TRAIN = seriesColor(0);
const VAL = seriesColor(1);
const SEQ = seriesColor(2);

function InputEditor({ p, len, onChange }: { p: TransformerParams; len: number; onChange: (digits: number[]) => void }) {
  const current = p.input.slice(0, len).join('');
  const [text, setText] = useState(current);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(current);
    setError(null);
  }, [current]);
  const commit = (value: string) => {
    setText(value);
    const r = parseDigits(value, len);
    if ('error' in r) {
      setError(r.error);
      return;
    }
    setError(null);
    onChange([...r.digits, ...p.input.slice(len)]);
  };
  return (
    <div className="transformer-input">
      <label>
        <span>Input ({len} digits)</span>
        <input type="text" inputMode="numeric" value={text} spellCheck={false} data-testid="transformer-input" aria-invalid={error !== null}
          aria-describedby="transformer-input-msg" onChange={(e) => commit(e.target.value)} />
      </label>
      <span id="transformer-input-msg" role="status" className={error ? 'transformer-error' : 'muted'}>
        {error ?? 'The maps and the output below follow this sequence.'}
      </span>
    </div>
  );
}

function Sequence({ label, digits, truth, testId }: { label: string; digits: readonly number[]; truth?: readonly number[]; testId?: string }) {
  return (
    <div className="transformer-seq" data-testid={testId}>
      <span className="transformer-seq-label">{label}</span>
      {digits.map((d, i) => {
        const wrong = truth !== undefined && truth[i] !== d;
        return <span key={i} className={`transformer-tok${truth ? (wrong ? ' wrong' : ' right') : ''}`} title={wrong ? `should be ${truth![i]}` : undefined}>{d}</span>;
      })}
    </div>
  );
}

export function TransformerLab() {
  const h = useLab(transformerLab);
  const { params: p, metrics: m, view } = h;
  const fileBase = `lecture11-transformer-${transformerLab.fileTag(p)}`;
  const len = view?.spec.len ?? Math.round(p.len);
  const tokens = useMemo(() => p.input.slice(0, len), [p.input, len]);
  const fwd = useMemo(() => (view && view.theta.length ? forwardPlain(view.theta, view.spec, tokens) : null), [view?.theta, view?.spec, tokens]); // eslint-disable-line react-hooks/exhaustive-deps
  const target = useMemo(() => seqTarget(p.task, tokens), [p.task, tokens]);

  const slow = useThrottled(view, true, 300);
  const lossSeries = useMemo<LineSeries[]>(() => [
    { key: 'train', label: `training minibatch (mean of 10 steps)`, color: TRAIN, points: (slow?.train ?? []).map((q) => ({ x: q.x, y: q.loss })) },
    { key: 'val', label: `held-out (${N_VAL} sequences)`, color: VAL, points: (slow?.val ?? []).map((q) => ({ x: q.x, y: q.loss })) },
  ], [slow]);
  const accSeries = useMemo<LineSeries[]>(() => [
    { key: 'train', label: 'token accuracy, training', color: TRAIN, points: (slow?.train ?? []).map((q) => ({ x: q.x, y: q.tok })) },
    { key: 'val', label: 'token accuracy, held-out', color: VAL, points: (slow?.val ?? []).map((q) => ({ x: q.x, y: q.tok })) },
    { key: 'valseq', label: 'whole-sequence accuracy, held-out', color: SEQ, dashed: true, points: (slow?.val ?? []).map((q) => ({ x: q.x, y: q.seq })) },
  ], [slow]);
  const d = Math.round(p.dModel);
  const steps = Math.round(p.steps);
  const schedule = useMemo<LineSeries[]>(() => [
    { key: 'lr', label: 'lrate', color: TRAIN, points: noamCurve(steps, d, p.warmup, 240) },
  ], [steps, d, p.warmup]);
  const step = slow?.step ?? 0;
  const scheduleRefs = useMemo(() => [
    { x: Math.max(1, step), label: `step ${step}`, color: VAL },
    ...(p.warmup <= steps ? [{ y: noamPeak(d, p.warmup), label: 'peak', color: seriesColor(6) }] : []),
  ], [step, d, p.warmup, steps]);
  const floor = smoothingFloor(p.smoothing, 10);
  const lossRefs = useMemo(() => (p.smoothing > 0 ? [{ y: floor, label: 'smallest possible (ε > 0)', color: seriesColor(6) }] : []), [p.smoothing, floor]);

  return (
    <LabFrame
      handle={h}
      stepLabel="step"
      controls={['task', 'len', 'layers', 'heads', 'dModel', 'warmup', 'steps', 'smoothing', 'seed']}
      intro={
        <p>
          An encoder-only transformer learns to {p.task} a sequence of digits, trained here with Adam and the notes’ learning-rate schedule.
          Press Play, then read the attention maps: for <em>reverse</em>, output position <Tex math="i" /> has to look at input position{' '}
          <Tex math="L + 1 - i" />, and some head learns exactly that anti-diagonal.
        </p>
      }
    >
      {view ? (
        <>
          <div className="transformer-progress">
            <label>
              <span>Step {view.step} of {view.steps}</span>
              <progress max={view.steps} value={view.step} data-testid="transformer-progress" />
            </label>
            <span className="muted">
              held-out token accuracy {m.val_tok_acc !== undefined ? `${(100 * m.val_tok_acc).toFixed(1)} %` : '–'} (step {m.val_step ?? 0}),
              whole sequences {m.val_seq_acc !== undefined ? `${(100 * m.val_seq_acc).toFixed(1)} %` : '–'}
              {view.msPerStep > 0 ? ` · ${view.msPerStep.toFixed(1)} ms per step` : ''}
            </span>
          </div>
          <div className="transformer-charts">
            <LineChart title="Loss" chartKey="loss" fileBase={fileBase} xLabel="step" yLabel={p.smoothing > 0 ? `cross-entropy, ε = ${p.smoothing}` : 'cross-entropy'}
              series={lossSeries} logY referenceLines={lossRefs} />
            <LineChart title="Accuracy" chartKey="acc" fileBase={fileBase} xLabel="step" yLabel="accuracy" series={accSeries} yDomain={[0, 1]} />
          </div>
          <p className="muted">
            Training points average 10 minibatches of {BATCH} fresh random sequences; the {N_VAL} held-out sequences (never trained on) are scored
            every {EVAL_EVERY} steps.{p.smoothing > 0 ? ` With label smoothing the loss cannot fall below the entropy of the smoothed targets, ${floor.toFixed(3)}.` : ''}
          </p>
          <LineChart title="Learning-rate schedule" chartKey="schedule" fileBase={fileBase} xLabel="step_num" yLabel="lrate" series={schedule}
            referenceLines={scheduleRefs} />
          <div className="panel transformer-formulas">
            <Tex display math={`\\text{lrate} = d_{\\text{model}}^{-0.5}\\cdot\\min\\big(\\text{step\\_num}^{-0.5},\\ \\text{step\\_num}\\cdot\\text{warmup\\_steps}^{-1.5}\\big)`} />
            <p>
              Here <Tex math={`d_{\\text{model}} = ${d}`} />, warm-up {p.warmup} steps: a linear rise to the peak{' '}
              <Tex math={`${d}^{-0.5}\\cdot ${p.warmup}^{-0.5} = ${texNum(noamPeak(d, p.warmup), 3)}`} />, then a decay as{' '}
              <Tex math="1/\sqrt{\text{step\_num}}" />. The last step used <Tex math={`\\text{lrate} = ${texNum(m.lr ?? 0, 3)}`} /> (Adam,{' '}
              <Tex math="\beta_1 = 0.9,\ \beta_2 = 0.98,\ \epsilon = 10^{-9}" /> as in the paper).
            </p>
          </div>

          <h4 className="transformer-h">One input, every head</h4>
          <InputEditor p={p} len={len} onChange={(digits) => h.lab.setParams({ input: digits })} />
          {fwd ? (
            <>
              <div className="transformer-io">
                <Sequence label="input" digits={tokens} />
                <Sequence label="target" digits={target} />
                <Sequence label="model" digits={fwd.pred} truth={target} testId="transformer-output" />
              </div>
              <AttentionMaps fileBase={fileBase} tokens={tokens} attention={fwd.attention} step={view.step} />
              <p className="muted">
                Row <Tex math="i" /> of a map is output position <Tex math="i" /> (the query); column <Tex math="j" /> is input position{' '}
                <Tex math="j" /> (the key, labelled with its digit). Each row is a softmax: its weights sum to 1. Layers run top to bottom.
              </p>
            </>
          ) : null}
          <div className="panel transformer-formulas">
            <h4>The model</h4>
            <p>
              Token embedding <Tex math="\times\sqrt{d_{\text{model}}}" /> plus the sinusoidal positional encoding{' '}
              <Tex math="PE_{(pos,2i)} = \sin(pos/10000^{2i/d_{\text{model}}})" />, <Tex math="PE_{(pos,2i+1)} = \cos(\cdot)" />; then{' '}
              <Tex math="N" /> layers, each
            </p>
            <Tex display math="h \leftarrow \mathrm{LayerNorm}\big(h + \mathrm{MultiHead}(h)\big)" />
            <Tex display math="h \leftarrow \mathrm{LayerNorm}\big(h + \max(0, hW_1 + b_1)W_2 + b_2\big)" />
            <Tex display math="\begin{aligned} \mathrm{MultiHead}(h) &= [\mathrm{head}_1, \dots, \mathrm{head}_H]\,W^O, \\ \mathrm{head}_k &= \mathrm{softmax}\!\Big(\frac{Q_k K_k^T}{\sqrt{d_k}}\Big)V_k \end{aligned}" />
            <p className="muted">
              Post-LN as in the paper; no mask (every position may look at every input, as in the encoder); a linear layer and softmax predict
              each position’s digit. Label smoothing trains against <Tex math="(1-\varepsilon_{ls})\,\text{one-hot} + \varepsilon_{ls}/10" />.
              Residual dropout and checkpoint averaging (the notes’ other tricks) are left out: fresh data every step leaves nothing to overfit.
            </p>
          </div>
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
