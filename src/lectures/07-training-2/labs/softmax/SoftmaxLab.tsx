import { memo, useCallback, useMemo, useState } from 'react';
import {
  CLASS_COLORS, LineChart, ScatterHeatmap, SERIES_COLORS, type HeatmapSpec, type LegendItem, type LineSeries,
} from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { PointsDataControls, PointsDropZone } from '../../../../labs/owndata/PointsDataControls';
import { useApplyOwnDataset, useOwnPoints } from '../../../../labs/owndata/useOwnPoints';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { hingeZeroFrom, lossSweep, scores as linearScores, type Linear2 } from '../../../../ml/softmax';
import { PER_CLASS, type ScoreView, type SoftmaxParams, type SoftmaxView } from './engine';
import { CLASS_NAMES, MAX_CLASSES, SCORE_LIMIT, SOFTMAX_PARAMS } from './params';
import { ProbBars, type Bar } from './ProbBars';
import './softmax.css';

export const softmaxLab: LabDefinition<typeof SOFTMAX_PARAMS, SoftmaxView> = {
  id: 'softmax',
  title: 'Softmax, cross-entropy and hinge loss',
  lecture: '07-training-2',
  schema: SOFTMAX_PARAMS,
  engine: () => import('./engine').then((m) => m.createSoftmaxEngine),
  needsTf: false,
  lossKeys: ['hinge_total', 'ce_total'],
  maxSteps: (p) => p.iters,
  stepsPerFrame: 10,
  viewOnly: ['regions'],
  fileTag: (p) => `C${p.classes}-y${p.trueClass}-x${p.scale}-lambda${p.lambda}-lr${p.lr}${p.dataset === 'own' ? `-own${p.points.length}` : p.points.length ? `-mine${p.points.length}` : ''}-seed${p.seed}`,
};

const CSV_EXTRA = ['score', 'naive_float64', 'naive_float32'];
const TRUE_COLOR = SERIES_COLORS[1];
const OTHER_COLOR = SERIES_COLORS[0];
const HINGE_COLOR = SERIES_COLORS[3];
const CE_COLOR = SERIES_COLORS[2];

/** Numbers for tables: NaN and ±∞ spelled out, very large/small in exponent form. */
function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(3).replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}
const bad = (v: number) => (Number.isFinite(v) ? undefined : 'softmax-bad');

function ScoreEditor({ p, setParams }: { p: SoftmaxParams; setParams: (patch: Partial<SoftmaxParams>) => void }) {
  const c = Math.round(p.classes);
  const y = Math.min(Math.round(p.trueClass), c);
  const setScore = (k: number, v: number) => {
    const next = [...p.scores];
    next[k] = Math.max(-SCORE_LIMIT, Math.min(SCORE_LIMIT, v));
    setParams({ scores: next });
  };
  return (
    <fieldset className="softmax-scores">
      <legend>Class scores <Tex math="s_k" /> (before scaling)</legend>
      {Array.from({ length: c }, (_, k) => (
        <label key={k} className="softmax-score">
          <span className="softmax-score-name">{k + 1}. {CLASS_NAMES[k]}</span>
          <input type="range" min={-SCORE_LIMIT} max={SCORE_LIMIT} step={0.1} value={p.scores[k]} data-param={`s${k + 1}`}
            aria-label={`Score of class ${k + 1} (${CLASS_NAMES[k]})`} onChange={(e) => setScore(k, Number(e.target.value))} />
          <span className="softmax-score-value">{p.scores[k].toFixed(1)}</span>
        </label>
      ))}
      <label className="softmax-true">
        True class <Tex math="y_i" />{' '}
        <select value={String(y)} data-param="y" onChange={(e) => setParams({ trueClass: Number(e.target.value) })}>
          {Array.from({ length: c }, (_, k) => <option key={k} value={String(k + 1)}>{k + 1}. {CLASS_NAMES[k]}</option>)}
        </select>
      </label>
    </fieldset>
  );
}

function StepTables({ sv }: { sv: ScoreView }) {
  const names = sv.s.map((_, k) => CLASS_NAMES[k]);
  const sum = (a: number[]) => a.reduce((x, v) => x + v, 0);
  let sum32 = 0;
  for (const v of sv.exp32) sum32 = Math.fround(sum32 + v);
  const overflow32 = sv.exp32.some((v) => !Number.isFinite(v));
  const overflow64 = sv.exp64.some((v) => !Number.isFinite(v));
  return (
    <div className="panel wide" data-testid="softmax-steps">
      <h4>Exp, then normalise — naive and stable</h4>
      <div className="softmax-tables">
        <table className="notes-table softmax-table">
          <caption>Naive: <Tex math="e^{s_k} / \sum_j e^{s_j}" /></caption>
          <thead><tr><th>class</th><th><Tex math="s_k" /></th><th><Tex math="e^{s_k}" /> float64</th><th><Tex math="p_k" /> float64</th><th><Tex math="e^{s_k}" /> float32</th><th><Tex math="p_k" /> float32</th></tr></thead>
          <tbody>
            {names.map((n, k) => (
              <tr key={n} className={k === sv.y ? 'softmax-true-row' : undefined}>
                <th>{n}</th><td>{num(sv.s[k])}</td>
                <td className={bad(sv.exp64[k])}>{num(sv.exp64[k])}</td><td className={bad(sv.naive64[k])}>{num(sv.naive64[k])}</td>
                <td className={bad(sv.exp32[k])}>{num(sv.exp32[k])}</td><td className={bad(sv.naive32[k])} data-testid={`naive32-${k}`}>{num(sv.naive32[k])}</td>
              </tr>
            ))}
            <tr><th>Σ</th><td /><td className={bad(sum(sv.exp64))}>{num(sum(sv.exp64))}</td><td>{num(sum(sv.naive64))}</td><td className={bad(sum32)}>{num(sum32)}</td><td>{num(sum(sv.naive32))}</td></tr>
          </tbody>
        </table>
        <table className="notes-table softmax-table">
          <caption>Stable: <Tex math="e^{s_k - s_{\max}} / \sum_j e^{s_j - s_{\max}}" /></caption>
          <thead><tr><th>class</th><th><Tex math="s_k - s_{\max}" /></th><th><Tex math="e^{s_k - s_{\max}}" /></th><th><Tex math="p_k" /> float64</th><th><Tex math="p_k" /> float32</th></tr></thead>
          <tbody>
            {names.map((n, k) => (
              <tr key={n} className={k === sv.y ? 'softmax-true-row' : undefined}>
                <th>{n}</th><td>{num(sv.shifted[k])}</td><td>{num(sv.expShifted[k])}</td><td>{num(sv.stable[k])}</td>
                <td data-testid={`stable32-${k}`}>{num(sv.stable32[k])}</td>
              </tr>
            ))}
            <tr><th>Σ</th><td /><td>{num(sum(sv.expShifted))}</td><td>{num(sum(sv.stable))}</td><td>{num(sum(sv.stable32))}</td></tr>
          </tbody>
        </table>
      </div>
      <p className="muted" role="status">
        {overflow32
          ? <>Overflow: in float32 (as on a GPU) <Tex math="e^{s}" /> is already <Tex math="\infty" /> for <Tex math="s \ge 89" />, so <Tex math="\infty/\infty" /> = NaN (and a finite <Tex math="e^{s_k}/\infty" /> = 0, silently wrong)
            {overflow64 ? <>; float64 overflows too (above <Tex math="s \approx 709.8" />)</> : <>; float64 still copes up to <Tex math="s \approx 709.8" /></>}.
            Subtracting <Tex math="s_{\max}" /> makes every exponent <Tex math="\le 0" />, so the stable form stays finite and equal in exact arithmetic.</>
          : <>Every exponential is finite here. Raise the scale <Tex math="c" /> until the largest score passes 89 to overflow float32.</>}
      </p>
    </div>
  );
}

function LossPanel({ sv }: { sv: ScoreView }) {
  const y = sv.y;
  const others = sv.s.map((_, k) => k).filter((k) => k !== y);
  const hingeTex = others.map((k) => `\\max(0, ${texNum(sv.s[k], 3)} - ${texNum(sv.s[y], 3)} + 1)`).join(' + ');
  return (
    <div className="panel" data-testid="softmax-losses">
      <h4>The same scores, two losses</h4>
      <Tex display math={`p(y_i\\mid\\mathbf{x}_i) = \\frac{e^{s_{y_i}}}{\\sum_k e^{s_k}} = ${texNum(sv.stable[y], 4)}`} />
      <Tex display math={`L_i^{\\text{CE}} = -\\log p(y_i\\mid\\mathbf{x}_i) = ${texNum(sv.ce, 4)}`} />
      <Tex display math={`L_i^{\\text{hinge}} = ${hingeTex} = ${texNum(sv.hinge, 4)}`} />
      <p className="muted">
        {sv.hinge === 0
          ? <>Every wrong class is beaten by the margin 1: the hinge loss is exactly 0 and its gradient vanishes. Cross-entropy is still {texNumPlain(sv.ce)} {'>'} 0: it always wants to improve.</>
          : <>The hinge loss reaches 0 once <Tex math={`s_{y_i} \\ge \\max_{k\\ne y_i} s_k + 1 = ${texNum(hingeZeroFrom(sv.s, y), 3)}`} />; cross-entropy never does.</>}
      </p>
    </div>
  );
}
const texNumPlain = (v: number) => num(v);

const Sweep = memo(function Sweep({ sv, fileBase }: { sv: ScoreView; fileBase: string }) {
  const zero = hingeZeroFrom(sv.s, sv.y);
  const series = useMemo<LineSeries[]>(() => {
    const lo = Math.min(...sv.s) - 2;
    const span = Math.max(6, zero - lo);
    const pts = lossSweep(sv.s, sv.y, lo, zero + span * 0.6, 240);
    return [
      { key: 'hinge', label: 'hinge (SVM) loss', color: HINGE_COLOR, points: pts.map((q) => ({ x: q.x, y: q.hinge })) },
      { key: 'ce', label: 'cross-entropy', color: CE_COLOR, points: pts.map((q) => ({ x: q.x, y: q.ce })) },
    ];
  }, [sv, zero]);
  const refs = useMemo(() => [{ x: zero, label: 'hinge = 0 from here', color: '#57606a' }], [zero]);
  return (
    <LineChart title="Loss as the true-class score rises" chartKey="sweep" fileBase={fileBase} xLabel={`true-class score s_y (${CLASS_NAMES[sv.y]})`}
      yLabel="L_i" series={series} referenceLines={refs} />
  );
});

const DOMAIN = { xMin: -3, xMax: 3, yMin: -2.6, yMax: 3.4 };
const GRID = 60;

/** Class colours for up to MAX_CLASSES training classes: the kit's three, then two more Okabe–Ito hues. */
const TRAIN_COLORS: readonly string[] = [...CLASS_COLORS, '#CC79A7', '#56B4E9'].slice(0, MAX_CLASSES);
/** Training classes are named by their label (0-based, as in the CSV file). */
const TRAIN_NAMES = Array.from({ length: MAX_CLASSES }, (_, k) => `class ${k}`);

function regionsOf(m: Linear2): HeatmapSpec {
  const values = new Float32Array(GRID * GRID);
  for (let r = 0; r < GRID; r++) {
    const y = DOMAIN.yMax - ((r + 0.5) / GRID) * (DOMAIN.yMax - DOMAIN.yMin);
    for (let c = 0; c < GRID; c++) {
      const x = DOMAIN.xMin + ((c + 0.5) / GRID) * (DOMAIN.xMax - DOMAIN.xMin);
      const s = linearScores(m, x, y);
      values[r * GRID + c] = s.indexOf(Math.max(...s));
    }
  }
  return { nx: GRID, ny: GRID, values, kind: 'class', classColors: TRAIN_COLORS };
}

const Regions = memo(function Regions({ view, which, fileBase, onAdd }: { view: SoftmaxView; which: 'ce' | 'hinge'; fileBase: string; onAdd: (x: number, y: number) => void }) {
  const heatmap = useMemo(() => regionsOf(view.runs[which].model), [view, which]);
  const names = useMemo(() => TRAIN_NAMES.slice(0, view.classes), [view.classes]);
  return (
    <ScatterHeatmap title="Training points and decision regions" chartKey="regions" fileBase={fileBase} domain={DOMAIN} heatmap={heatmap}
      points={view.points} classColors={TRAIN_COLORS} classNames={names} size={300} onCanvasClick={onAdd} />
  );
});

function TrainTable({ view, lambda }: { view: SoftmaxView; lambda: number }) {
  const { hinge: h, ce } = view.runs;
  if (view.points.length === 0) {
    return (
      <div className="panel" data-testid="softmax-train">
        <h4>No training points yet</h4>
        <p>
          “Your points only” has no point to train on: click the regions plot, type a point, or load a CSV file (labels 0 to{' '}
          {MAX_CLASSES - 1}). The classifier gets as many classes as your largest label needs.
        </p>
      </div>
    );
  }
  const row = (label: string, a: number, b: number) => (
    <tr><th>{label}</th><td>{num(a)}</td><td>{num(b)}</td></tr>
  );
  return (
    <div className="panel" data-testid="softmax-train">
      <h4>Full loss = data loss + regularisation loss</h4>
      <p className="muted" data-testid="softmax-train-data">
        {view.points.length} training points in {view.classes} classes{view.points.some((q) => q.set === 'user') ? `, ${view.points.filter((q) => q.set === 'user').length} of them yours` : ''}.
      </p>
      <Tex display math={`L = \\frac{1}{N}\\sum_{i=1}^{N} L_i + \\lambda \\sum w^2,\\quad \\lambda = ${texNum(lambda, 3)}`} />
      <table className="notes-table softmax-table">
        <thead><tr><th /><th>hinge</th><th>cross-entropy</th></tr></thead>
        <tbody>
          {row('data loss', h.loss.data, ce.loss.data)}
          {row('reg. loss λR(W)', h.loss.reg, ce.loss.reg)}
          {row('full loss', h.loss.total, ce.loss.total)}
          {row('‖W‖', Math.sqrt(h.model.w.reduce((a, v) => a + v * v, 0)), Math.sqrt(ce.model.w.reduce((a, v) => a + v * v, 0)))}
          {row('last step ‖Δθ‖', h.delta, ce.delta)}
          {row('training accuracy', h.loss.accuracy, ce.loss.accuracy)}
        </tbody>
      </table>
      <p className="muted">
        {h.zeroAt !== null
          ? <>The hinge loss hit exactly 0 at iteration {h.zeroAt}{lambda === 0 ? <>; since then its gradient is 0 and its weights no longer change</> : <>; with <Tex math="\lambda > 0" /> the weight decay keeps pulling W back to the margin</>}. </>
          : null}
        {lambda === 0
          ? <>Cross-entropy keeps scaling W up (the data loss only approaches 0), so ‖W‖ grows without bound. Raise <Tex math="\lambda" /> to stop it.</>
          : <>With <Tex math="\lambda > 0" /> both ‖W‖ settle where the pull of the data loss balances <Tex math="\lambda\sum w^2" />. Biases are not regularised.</>}
      </p>
    </div>
  );
}

export function SoftmaxLab() {
  const h = useLab(softmaxLab);
  const { view, params: p } = h;
  const fileBase = `lecture07-softmax-${softmaxLab.fileTag(p)}`;
  // The lab instance lives as long as the component, so its setParams is stable.
  const onEdit = h.lab.setParams;
  const [brush, setBrush] = useState(0);
  const apply = useApplyOwnDataset(onEdit);
  const own = useOwnPoints({ spec: SOFTMAX_PARAMS.points, points: p.points, range: DOMAIN, apply });
  const { add } = own;
  const addPoint = useCallback((x: number, y: number) => void add(x, y, brush), [add, brush]);
  const mineOnly = p.dataset === 'own';
  const nTrain = view ? view.points.length : mineOnly ? p.points.length : 3 * PER_CLASS + p.points.length;
  const sv = view?.scores;
  const bars = useMemo<Bar[]>(
    () => (sv ? sv.stable.map((v, k) => ({
      label: CLASS_NAMES[k], value: v, color: k === sv.y ? TRUE_COLOR : OTHER_COLOR, extra: [sv.s[k], sv.naive64[k], sv.naive32[k]],
    })) : []),
    [sv],
  );
  const barLegend = useMemo<LegendItem[]>(() => [{ label: 'true class', color: TRUE_COLOR }, { label: 'other classes', color: OTHER_COLOR }], []);
  const cs = h.chartSeries;
  const lossSeries = useMemo<LineSeries[]>(() => [
    { key: 'hinge', label: 'hinge data loss', color: HINGE_COLOR, points: cs.hinge_data ?? [] },
    { key: 'ce', label: 'cross-entropy data loss', color: CE_COLOR, points: cs.ce_data ?? [] },
  ], [cs]);
  const normSeries = useMemo<LineSeries[]>(() => [
    { key: 'hinge', label: 'hinge ‖W‖', color: HINGE_COLOR, points: cs.hinge_w ?? [] },
    { key: 'ce', label: 'cross-entropy ‖W‖', color: CE_COLOR, points: cs.ce_w ?? [] },
  ], [cs]);
  return (
    <LabFrame
      handle={h}
      stepLabel="iteration"
      controls={['classes', 'scale', 'lambda', 'lr', 'iters', 'dataset', 'regions', 'seed']}
      extraControls={
        <>
          <ScoreEditor p={p} setParams={onEdit} />
          <PointsDataControls
            own={own}
            labId="softmax"
            classNames={TRAIN_NAMES}
            classColors={TRAIN_COLORS}
            brush={brush}
            setBrush={setBrush}
            drawHint="Click the regions plot to add a training point of"
            fileBase={fileBase}
            note={mineOnly
              ? 'Training points “Your points only”: both classifiers train on your points alone, with as many classes as your labels need.'
              : 'Your points join the 12 seeded ones; a label above 2 adds a class. A loaded file switches to “Your points only”.'}
          />
        </>
      }
      intro={
        <p>
          Edit the class scores and the true class: the softmax turns them into probabilities (exp, then normalise), and the same scores
          give a cross-entropy and a hinge loss. Scale the scores up to watch the naive float32 softmax overflow to NaN while the stable
          form stays finite. Below, a linear classifier on {nTrain} points trains with both losses from the same initial weights.
        </p>
      }
    >
      {view && sv ? (
        <>
          <ProbBars title="Softmax probabilities" chartKey="probs" fileBase={fileBase} bars={bars} legend={barLegend} csvExtra={CSV_EXTRA} />
          <LossPanel sv={sv} />
          <StepTables sv={sv} />
          <Sweep sv={sv} fileBase={fileBase} />
          <div className="panel">
            <h4>Saturation</h4>
            <p>
              Left of the dashed line the hinge loss falls with slope −1 per violated class; from <Tex math="s_{y_i} = \max_{k\ne y_i} s_k + 1" /> on it is
              exactly 0 and stays there. Cross-entropy <Tex math="\log\bigl(1 + \sum_{k\ne y_i} e^{s_k - s_{y_i}}\bigr)" /> keeps decreasing but never reaches 0.
            </p>
          </div>
          <PointsDropZone own={own}>
            <Regions view={view} which={p.regions} fileBase={fileBase} onAdd={addPoint} />
          </PointsDropZone>
          <TrainTable view={view} lambda={p.lambda} />
          <LineChart title="Data loss per iteration" chartKey="data-loss" fileBase={fileBase} xLabel="iteration" yLabel="(1/N) Σ L_i" series={lossSeries} />
          <LineChart title="Weight norm per iteration" chartKey="wnorm" fileBase={fileBase} xLabel="iteration" yLabel="‖W‖" series={normSeries} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
