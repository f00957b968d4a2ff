import { memo, useMemo } from 'react';
import { formatNumber, LineChart, SERIES_COLORS, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { SanityView, StageResult } from './engine';
import { HIDDEN, POOL_SIZE, SANITY_PARAMS, STAGES, TRAIN_MODE_PASSES, VAL_SIZE } from './params';
import './sanity.css';

export const sanityLab: LabDefinition<typeof SANITY_PARAMS, SanityView> = {
  id: 'sanity',
  title: 'Sanity checks and common mistakes',
  lecture: '06-training-1',
  schema: SANITY_PARAMS,
  engine: () => import('./engine').then((m) => m.createSanityEngine),
  needsTf: true,
  // Only the correct run counts: the mistaken runs are stopped on their own when they blow up.
  lossKeys: ['loss'],
  maxSteps: (p) => p.steps * (p.stage === 'all' ? STAGES.length : 1),
  fileTag: (p) =>
    `C${p.classes}-n${p.stage}-S${p.steps}-lr${p.lr}-p${p.dropout}-${p.init}${p.mkSoftmax ? '-a' : ''}${p.mkZeroGrad ? '-b' : ''}${p.mkEval ? '-c' : ''}-seed${p.seed}`,
};

const COL = {
  train: SERIES_COLORS[0],
  val: SERIES_COLORS[2],
  softmax: SERIES_COLORS[1],
  zerograd: SERIES_COLORS[3],
  evalmode: SERIES_COLORS[4],
  ref: SERIES_COLORS[6],
};
const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${(100 * v).toFixed(1)}%`);

function stageLines(view: SanityView | null): ReferenceLineSpec[] {
  if (!view || view.schedule.length < 2) return [];
  return view.schedule.slice(1).map((s) => ({ x: s.start, label: `n = ${s.n}`, color: '#8c959f' }));
}

const InitChart = memo(function InitChart({ view, classes, fileBase }: { view: SanityView; classes: number; fileBase: string }) {
  const series = useMemo<LineSeries[]>(() => [
    { key: 'small', label: 'small init.', color: COL.train, points: view.initCurve.map((r) => ({ x: r.c, y: r.small })) },
    { key: 'large', label: 'N(0, 1) init.', color: COL.softmax, points: view.initCurve.map((r) => ({ x: r.c, y: r.large })) },
    // Drawn last, dashed, over the small-initialisation curve it should match.
    { key: 'logc', label: 'log C', color: COL.ref, dashed: true, points: view.initCurve.map((r) => ({ x: r.c, y: Math.log(r.c) })) },
  ], [view.initCurve]);
  const refs = useMemo<ReferenceLineSpec[]>(() => [{ x: classes, label: `C = ${classes}`, color: '#8c959f' }], [classes]);
  return (
    <LineChart title="Initial loss against the number of classes" chartKey="init" fileBase={fileBase} xLabel="classes C"
      yLabel="loss at step 0" series={series} logY referenceLines={refs} height={200} />
  );
});

function StageTable({ stages, current, running, m }: { stages: StageResult[]; current: number; running: boolean; m: Record<string, number> }) {
  return (
    <div className="panel sanity-stages" data-testid="sanity-stages">
      <h4>The recipe, stage by stage</h4>
      <p className="muted">Final numbers of each training-set size (correct run):</p>
      <div className="sanity-table-wrap">
      <table className="notes-table" aria-label="Final numbers per training-set size">
        <thead>
          <tr><th scope="col">n</th><th scope="col">train loss</th><th scope="col">train acc.</th><th scope="col">val. acc.</th></tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.n} data-n={s.n}>
              <td>{s.n}</td><td>{formatNumber(s.trainLoss)}</td><td className={s.trainAcc === 1 ? 'sanity-ok' : undefined}>{pct(s.trainAcc)}</td><td>{pct(s.valAcc)}</td>
            </tr>
          ))}
          {running && !stages.some((s) => s.n === current) ? (
            <tr className="muted"><td>{current}</td><td colSpan={3}>training…</td></tr>
          ) : null}
        </tbody>
      </table>
      </div>
      <p className="muted" data-testid="sanity-timing">
        Time per iteration: {m.ms_per_step === undefined ? '–' : `${formatNumber(m.ms_per_step)} ms`} (all runs together; on WebGL only the dispatch is timed).
        The notes' warning sign is 500 ms.
      </p>
      <p className="muted">
        Small n: the network memorises (100% train accuracy) yet validates near chance. At some n the validation accuracy follows:
        that is generalisation. A model that cannot reach 100% on one sample has a bug, not a data problem.
      </p>
    </div>
  );
}

function InitPanel({ m, classes, init }: { m: Record<string, number>; classes: number; init: 'small' | 'large' }) {
  const ok = Math.abs((m.init_loss ?? NaN) - Math.log(classes)) < 0.05;
  return (
    <div className="panel" data-testid="sanity-init">
      <h4>Initial-loss check</h4>
      <p>
        With logits near 0 the softmax gives every class <Tex math="1/C" />, so the cross-entropy starts at <Tex math="-\log\tfrac1C = \log C" /> (natural log).
        Measured on the {POOL_SIZE} training points at step 0:
      </p>
      <Tex display math={`L_0 = ${texNum(m.init_loss ?? NaN, 4)} \\quad\\text{vs}\\quad \\log C = \\log ${classes} = ${texNum(Math.log(classes), 4)}`} />
      <p className={ok ? 'sanity-ok' : 'sanity-bad'} data-testid="sanity-init-verdict">
        {ok ? 'Check passed.' : `Check failed: L₀ is ${formatNumber((m.init_loss ?? NaN) / Math.log(classes))}× log C.`}{' '}
        {init === 'small' ? (
          <>With every weight ~ N(0, 1) instead, the logits are large and confidently wrong: <Tex math={`L_0 = ${texNum(m.init_loss_large ?? NaN, 3)}`} />.</>
        ) : (
          <>Unscaled N(0, 1) weights give large, confidently wrong logits; the small initialisation gives <Tex math={`L_0 = ${texNum(m.init_loss_small ?? NaN, 4)}`} />.</>
        )}
      </p>
    </div>
  );
}

function MistakesPanel({ m, on, view, classes, dropout }: {
  m: Record<string, number>; on: { a: boolean; b: boolean; c: boolean }; view: SanityView | null; classes: number; dropout: number;
}) {
  const zgDiverged = view?.diverged.zerograd;
  return (
    <div className="panel wide sanity-mistakes" data-testid="sanity-mistakes">
      <h4>Common mistakes, each against the correct run (same seed, data, initialisation and dropout masks)</h4>
      <pre className="sanity-code" aria-label="The training loop and where each mistake sits">{`model.train()                  # dropout on
for step in range(S):
    optimizer.zero_grad()      # (b) left out
    logits = model(x)
    loss = F.cross_entropy(logits, y)
                  # (a) F.cross_entropy(softmax(logits), y)
    loss.backward()            # adds ∂L/∂θ into .grad
    optimizer.step()
model.eval()                   # (c) left out
val_acc = accuracy(model(x_val), y_val)`}</pre>
      <dl className="sanity-list">
        <dt style={{ borderColor: COL.softmax }}>(a) Softmaxed outputs into a loss that expects logits</dt>
        <dd data-testid="sanity-a">
          The loss applies its own softmax to probabilities in [0, 1]: its inputs differ by at most 1, so it cannot go below{' '}
          <Tex math={`\\log(e + C - 1) - 1 = ${texNum(Math.log(Math.E + classes - 1) - 1, 3)}`} />, and its gradients shrink.{' '}
          {on.a ? (
            <>Final loss as printed <Tex math={`${texNum(m.loss_softmax ?? NaN, 3)}`} /> (true cross-entropy <Tex math={texNum(m.ce_softmax ?? NaN, 3)} />) against <Tex math={texNum(m.loss ?? NaN, 3)} /> when correct.</>
          ) : <span className="muted">Tick (a) to compare.</span>}
        </dd>
        <dt style={{ borderColor: COL.zerograd }}>(b) Forgot <code>zero_grad()</code></dt>
        <dd data-testid="sanity-b">
          <code>backward()</code> adds into <code>.grad</code>, so step <Tex math="t" /> applies <Tex math="g_t = \sum_{s \le t} \nabla L(\theta_s)" />: old gradients
          never leave, the steps grow and overshoot.{' '}
          {on.b ? (
            <>Loss <Tex math={texNum(m.loss_zerograd ?? NaN, 3)} /> against <Tex math={texNum(m.loss ?? NaN, 3)} />{zgDiverged ? `; it blew up at step ${zgDiverged} and was stopped` : ''}.</>
          ) : <span className="muted">Tick (b) to compare.</span>}
        </dd>
        <dt style={{ borderColor: COL.evalmode }}>(c) Forgot to switch to eval mode</dt>
        <dd data-testid="sanity-c">
          Validating in training mode keeps dropout on: every pass drops a different {Math.round(dropout * 100)}% of the hidden units, so the accuracy is lower and noisy.
          (The reverse slip, training in eval mode, loses dropout's regularisation.){' '}
          {on.c ? (
            dropout > 0 ? (
              <>Validation accuracy {pct(m.acc_val_trainmode)} (mean of {TRAIN_MODE_PASSES} passes, standard deviation {pct(m.acc_val_trainmode_sd)}) against {pct(m.acc_val)} in eval mode.</>
            ) : <>With dropout rate 0 there is nothing to switch off: both give {pct(m.acc_val)}.</>
          ) : <span className="muted">Tick (c) to compare.</span>}
        </dd>
        <dt style={{ borderColor: COL.train }}>(d) Did not overfit a single batch first</dt>
        <dd>Choose 1 sample above: the loss must fall to ~0 and the training accuracy reach 100% within a few dozen steps.</dd>
      </dl>
    </div>
  );
}

export function SanityLab() {
  const h = useLab(sanityLab);
  const { view, params: p, metrics: m } = h;
  const fileBase = `lecture06-sanity-${sanityLab.fileTag(p)}`;
  const cs = h.chartSeries;
  const refs = useMemo(() => stageLines(view), [view]);
  const lossRefs = useMemo<ReferenceLineSpec[]>(
    () => [...refs, ...(p.mkSoftmax ? [{ y: Math.log(Math.E + p.classes - 1) - 1, label: 'floor of (a)', color: COL.softmax }] : [])],
    [refs, p.mkSoftmax, p.classes],
  );
  const lossSeries = useMemo<LineSeries[]>(() => [
    { key: 'loss', label: 'train', color: COL.train, points: cs.loss ?? [] },
    { key: 'loss_val', label: 'validation', color: COL.val, dashed: true, points: cs.loss_val ?? [] },
    ...(p.mkSoftmax ? [{ key: 'loss_softmax', label: '(a) printed', color: COL.softmax, points: cs.loss_softmax ?? [] }] : []),
    ...(p.mkZeroGrad ? [{ key: 'loss_zerograd', label: '(b) train', color: COL.zerograd, points: cs.loss_zerograd ?? [] }] : []),
  ], [cs, p.mkSoftmax, p.mkZeroGrad]);
  const accSeries = useMemo<LineSeries[]>(() => [
    { key: 'acc_train', label: 'train', color: COL.train, points: cs.acc_train ?? [] },
    { key: 'acc_val', label: 'validation', color: COL.val, dashed: true, points: cs.acc_val ?? [] },
    ...(p.mkSoftmax ? [{ key: 'acc_softmax', label: '(a) train', color: COL.softmax, points: cs.acc_softmax ?? [] }] : []),
    ...(p.mkZeroGrad ? [{ key: 'acc_zerograd', label: '(b) train', color: COL.zerograd, points: cs.acc_zerograd ?? [] }] : []),
    ...(p.mkEval ? [{ key: 'acc_val_trainmode', label: '(c) val., train mode', color: COL.evalmode, points: cs.acc_val_trainmode ?? [] }] : []),
  ], [cs, p.mkSoftmax, p.mkZeroGrad, p.mkEval]);
  const stageText = p.stage === 'all' ? `n = ${m.n ?? 1} of 1 → 4 → 10 → 100 → 1,000` : `n = ${p.stage}`;
  return (
    <LabFrame
      handle={h}
      stepLabel="iteration"
      controls={['classes', 'stage', 'steps', 'lr', 'dropout', 'init', 'mkSoftmax', 'mkZeroGrad', 'mkEval', 'seed']}
      intro={
        <p>
          A softmax classifier (2 → {HIDDEN} → {HIDDEN} → C, ReLU, dropout, plain SGD on the full batch) on C interleaved spiral arms, in TensorFlow.js.
          Follow the recipe: overfit 1 sample, then 4, 10, 100, 1,000 (a fresh initialisation each time) and watch validation accuracy
          ({VAL_SIZE} held-out points) appear. Then tick a mistake: its run is drawn over the correct one.
        </p>
      }
    >
      {view ? (
        <>
          <LineChart title="Loss per iteration" chartKey="loss" fileBase={fileBase} xLabel={`iteration (${stageText})`} yLabel="cross-entropy"
            series={lossSeries} logY referenceLines={lossRefs} />
          <LineChart title="Accuracy per iteration" chartKey="acc" fileBase={fileBase} xLabel="iteration" yLabel="accuracy"
            series={accSeries} yDomain={[0, 1]} referenceLines={refs} />
          <StageTable stages={view.stages} current={m.n ?? Number(p.stage)} running={h.status === 'running'} m={m} />
          <InitChart view={view} classes={p.classes} fileBase={fileBase} />
          <InitPanel m={m} classes={p.classes} init={p.init} />
          <MistakesPanel m={m} on={{ a: p.mkSoftmax, b: p.mkZeroGrad, c: p.mkEval }} view={view} classes={p.classes} dropout={p.dropout} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
