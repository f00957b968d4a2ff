import { memo, useCallback, useMemo, useState } from 'react';
import { CLASS_COLORS, ChartFrame, ChartLegend, composeExportSvg, ScatterHeatmap, toCsv, type LegendItem } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { useBackend } from '../../../../labs/backend';
import { LabFrame } from '../../../../labs/LabFrame';
import { PointsDataControls, PointsDropZone } from '../../../../labs/owndata/PointsDataControls';
import { useApplyOwnDataset, useOwnPoints } from '../../../../labs/owndata/useOwnPoints';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { distinctCount, sortByValAcc, type TrialKind, type TrialResult } from '../../../../ml/hparamSearch';
import type { HparamView } from './engine';
import { BATCH_SIZE, CLASSES, HIDDEN, HPARAM_PARAMS, MIN_OWN_POINTS, REFINE_TOP } from './params';
import {
  accColor, KIND_COLOR, KIND_MARKER, KIND_NAME, MARGINAL_H, MARGINAL_W, marginalSvgBody, PLANE_H, PLANE_W, planeSvgBody,
} from './plots';
import './hparam-search.css';

export const hparamSearchLab: LabDefinition<typeof HPARAM_PARAMS, HparamView> = {
  id: 'hparam-search',
  title: 'Grid search against random search',
  lecture: '06-training-1',
  schema: HPARAM_PARAMS,
  engine: () => import('./engine').then((m) => m.createHparamEngine),
  needsTf: true,
  // A diverging trial is a result of the search (shown in the table), not a failure of the lab.
  lossKeys: [],
  // The engine ends the run itself (isDone); the number of refined trials depends on the coarse scores.
  maxSteps: () => 1e9,
  fileTag: (p) =>
    `${p.mode}${p.mode === 'grid' ? '' : `-N${p.budget}`}-ep${p.epochs}${p.refine ? `-refine${p.refineEpochs}` : ''}-${p.optimizer}-${p.dataset}${p.points.length ? `${p.dataset === 'own' ? '' : '-mine'}${p.points.length}` : ''}-seed${p.seed}`,
  viewOnly: ['colour'],
};

const CHANCE = 1 / CLASSES;
/** The plane the data live on (about [−1, 1]²). */
const DATA_DOMAIN = { xMin: -1.2, xMax: 1.2, yMin: -1.2, yMax: 1.2 };
const CLASS_NAMES = Array.from({ length: CLASSES }, (_, k) => `class ${k}`);
const DATA_COLORS = CLASS_COLORS.slice(0, CLASSES);

const DataPlot = memo(function DataPlot({ view, fileBase, onAdd }: { view: HparamView; fileBase: string; onAdd: (x: number, y: number) => void }) {
  return (
    <ScatterHeatmap title={view.tooFew ? 'Data: your points (too few to search)' : 'Data: training and validation points'} chartKey="data" fileBase={fileBase}
      domain={DATA_DOMAIN} points={view.data} classColors={DATA_COLORS} classNames={CLASS_NAMES} size={300} onCanvasClick={onAdd} />
  );
});

const fmtLr = (v: number) => (v >= 1e-3 ? Number(v.toPrecision(3)).toString() : v.toExponential(2));
const fmtWd = (v: number) => (v === 0 ? '0' : v.toExponential(2));
const fmtAcc = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '—');

function trialsCsv(trials: readonly TrialResult[]): string {
  return toCsv(
    ['trial', 'search', 'learning_rate', 'weight_decay', 'epochs', 'val_accuracy', 'val_loss', 'train_loss', 'diverged'],
    trials.map((t) => [t.index + 1, KIND_NAME[t.kind], t.lr, t.wd, t.epochs, t.valAcc, t.valLoss, t.trainLoss, t.diverged ? 1 : 0]),
  );
}

interface SvgChartProps {
  title: string;
  chartKey: string;
  fileBase: string;
  body: string;
  width: number;
  height: number;
  legend: LegendItem[];
  csv: () => string;
  label: string;
}

/** A chart drawn from pure SVG markup; the page and the exported file use the same markup. */
const SvgChart = memo(function SvgChart({ title, chartKey, fileBase, body, width, height, legend, csv, label }: SvgChartProps) {
  const getSvg = useCallback(() => composeExportSvg({ title, width, height, body, legend }), [title, width, height, body, legend]);
  return (
    <ChartFrame title={title} chartKey={chartKey} fileBase={fileBase} getSvg={getSvg} getCsv={csv}>
      <svg
        className="hparam-search-svg"
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        // Markup built by plots.ts from numbers and escaped text only.
        dangerouslySetInnerHTML={{ __html: body }}
      />
      <ChartLegend items={legend} />
    </ChartFrame>
  );
});

function planeLegend(kinds: readonly TrialKind[]): LegendItem[] {
  const items: LegendItem[] = kinds.map((k) => ({
    label: k === 'refine' ? 'refined trial (trained longer)' : `${KIND_NAME[k]} trial`, color: accColor(0.8, CHANCE), marker: KIND_MARKER[k],
  }));
  items.push({ label: 'planned (not trained yet)', color: '#ffffff', marker: 'circle' });
  items.push({ label: 'best trial', color: '#1b1f24', marker: 'ring' });
  return items;
}

interface PlaneProps {
  kind: 'grid' | 'random';
  trials: TrialResult[];
  coarseCount: number;
  current: number;
  colouring: 'nearest' | 'points';
  fileBase: string;
  single: boolean;
}

const SearchPlane = memo(function SearchPlane({ kind, trials, coarseCount, current, colouring, fileBase, single }: PlaneProps) {
  const coarse = useMemo(() => trials.slice(0, coarseCount).filter((t) => t.kind === kind), [trials, coarseCount, kind]);
  const marks = useMemo(() => [...coarse, ...trials.slice(coarseCount)], [coarse, trials, coarseCount]);
  const best = useMemo(() => sortByValAcc(marks.filter((t) => Number.isFinite(t.valAcc)))[0]?.index ?? -1, [marks]);
  const body = useMemo(
    () => planeSvgBody({ background: coarse, marks, chance: CHANCE, colouring, current, best }),
    [coarse, marks, colouring, current, best],
  );
  const legend = useMemo(() => planeLegend(trials.length > coarseCount ? [kind, 'refine'] : [kind]), [kind, trials.length, coarseCount]);
  const csv = useCallback(() => trialsCsv(marks), [marks]);
  const title = `Validation accuracy over (α, λ): ${kind} search`;
  const done = marks.filter((t) => Number.isFinite(t.valAcc)).length;
  return (
    <div className={single ? 'hparam-search-plane wide' : 'hparam-search-plane'}>
      <SvgChart
        title={title}
        chartKey={`plane-${kind}`}
        fileBase={fileBase}
        body={body}
        width={PLANE_W}
        height={PLANE_H}
        legend={legend}
        csv={csv}
        label={`${title}: ${done} of ${marks.length} trials scored, ${distinctCount(coarse.map((t) => t.lr))} distinct learning rates in the coarse search.`}
      />
    </div>
  );
});

function Verdict({ grid, random }: { grid: TrialResult[]; random: TrialResult[] }) {
  const best = (ts: TrialResult[]) => sortByValAcc(ts.filter((t) => Number.isFinite(t.valAcc)))[0];
  const g = best(grid);
  const r = best(random);
  if (!g || !r || grid.some((t) => !Number.isFinite(t.valAcc) && !t.diverged) || random.some((t) => !Number.isFinite(t.valAcc) && !t.diverged)) return null;
  const d = r.valAcc - g.valAcc;
  const where = `best grid α = ${fmtLr(g.lr)}, best random α = ${fmtLr(r.lr)}`;
  return (
    <>
      With this seed the best random trial scores {r.valAcc.toFixed(3)} against the grid's {g.valAcc.toFixed(3)} ({where}){' '}
      {d > 0.005 ? '— random found a better α between the grid’s decades. ' : d < -0.005
        ? '— here the best α sits at a grid value (often the edge of the range), which random samples rarely hit exactly; try other seeds. '
        : '— a tie. '}
    </>
  );
}

const Marginal = memo(function Marginal({ trials, coarseCount, fileBase }: { trials: TrialResult[]; coarseCount: number; fileBase: string }) {
  const body = useMemo(() => marginalSvgBody(trials, CHANCE), [trials]);
  const kinds = useMemo(() => [...new Set(trials.map((t) => t.kind))], [trials]);
  const legend = useMemo<LegendItem[]>(
    () => kinds.map((k) => ({ label: `${k === 'refine' ? 'refined' : KIND_NAME[k]} (${trials.filter((t) => t.kind === k).length} trials)`, color: KIND_COLOR[k], marker: KIND_MARKER[k] })),
    [kinds, trials],
  );
  const csv = useCallback(() => trialsCsv(trials), [trials]);
  const coarse = trials.slice(0, coarseCount);
  const g = coarse.filter((t) => t.kind === 'grid');
  const r = coarse.filter((t) => t.kind === 'random');
  const title = 'Validation accuracy against the learning rate';
  return (
    <div className="wide">
      <SvgChart title={title} chartKey="marginal" fileBase={fileBase} body={body} width={MARGINAL_W} height={MARGINAL_H} legend={legend} csv={csv}
        label={`${title}: one marker per scored trial; ticks along the bottom mark each learning rate tried.`} />
      <p className="hparam-search-counts" data-testid="hparam-search-counts">
        {g.length ? <>Grid search: <strong>{g.length} trials, {distinctCount(g.map((t) => t.lr))} distinct learning rates</strong> (each tried with {distinctCount(g.map((t) => t.wd))} weight decays). </> : null}
        {r.length ? <>Random search: <strong>{r.length} trials, {distinctCount(r.map((t) => t.lr))} distinct learning rates</strong>. </> : null}
        {g.length && r.length ? <Verdict grid={g} random={r} /> : null}
        When one hyperparameter matters far more than the other (here α; λ ≤ 10⁻⁴ hardly changes these small models), the grid spends
        two thirds of its budget repeating the same α, while every random trial probes a new one.
      </p>
    </div>
  );
});

const ResultsTable = memo(function ResultsTable({ trials, current }: { trials: TrialResult[]; current: number }) {
  const rows = useMemo(() => sortByValAcc(trials), [trials]);
  return (
    <div className="wide hparam-search-table-wrap" tabIndex={0} role="region" aria-label="Trials sorted by validation accuracy">
      <table className="metric-table hparam-search-table" data-testid="hparam-search-table">
        <caption>Trials sorted by validation accuracy (best first)</caption>
        <thead>
          <tr><th scope="col">rank</th><th scope="col">search</th><th scope="col">α</th><th scope="col">λ</th><th scope="col">epochs</th><th scope="col">val. acc.</th><th scope="col">val. loss</th><th scope="col">train loss</th></tr>
        </thead>
        <tbody>
          {rows.map((t, i) => {
            const scored = Number.isFinite(t.valAcc);
            const state = t.diverged ? 'diverged' : t.index === current ? 'training…' : 'planned';
            return (
              <tr key={t.index} className={i === 0 && scored ? 'hparam-search-best' : undefined}>
                <td>{scored ? i + 1 : ''}</td>
                <td>{KIND_NAME[t.kind]}</td>
                <td>{fmtLr(t.lr)}</td>
                <td>{fmtWd(t.wd)}</td>
                <td>{t.epochs}</td>
                <td>{scored ? fmtAcc(t.valAcc) : state}</td>
                <td>{scored ? t.valLoss.toFixed(3) : ''}</td>
                <td>{scored ? t.trainLoss.toFixed(3) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});

function Progress({ view, backend }: { view: HparamView; backend: string }) {
  const { trials, coarseCount, current, phase, refine } = view;
  const done = trials.filter((t) => Number.isFinite(t.valAcc) || t.diverged).length;
  const total = trials.length;
  const i = current >= 0 ? current + 1 : done;
  const pendingRefine = refine && total === coarseCount;
  const best = sortByValAcc(trials.filter((t) => Number.isFinite(t.valAcc)))[0];
  return (
    <div className="panel wide hparam-search-progress">
      <label className="hparam-search-progress-label">
        <span data-testid="hparam-search-trial">Trial {i} of {total}</span>
        {pendingRefine ? <span className="muted"> (then the refinement around the best {REFINE_TOP})</span> : null}
        {phase === 'done' ? <span className="muted"> — search finished</span> : null}
        <progress max={total} value={done} aria-label={`Trials finished: ${done} of ${total}`} />
      </label>
      <p data-testid="hparam-search-best">
        {best ? (
          <>
            Best so far: <strong>{KIND_NAME[best.kind]}</strong> trial, <Tex math={`\\alpha = ${texNum(best.lr, 3)},\\ \\lambda = ${best.wd === 0 ? '0' : texNum(best.wd, 3)}`} />,{' '}
            {best.epochs} epochs: validation accuracy <strong>{best.valAcc.toFixed(3)}</strong> (chance {CHANCE.toFixed(2)}).
          </>
        ) : 'No trial scored yet.'}
      </p>
      <p className="muted" data-testid="hparam-search-timing">
        {Number.isFinite(view.sPerCoarseTrial) ? (
          <>
            Measured on {backend}: {view.sPerCoarseTrial.toFixed(2)} s of compute per coarse trial
            {Number.isFinite(view.sPerRefineTrial) ? <>, {view.sPerRefineTrial.toFixed(2)} s per refined trial</> : null}{' '}
            ({view.msPerBatch.toFixed(1)} ms per minibatch of {BATCH_SIZE}); {phase === 'done' ? 'the whole search took' : 'running for'}{' '}
            {view.elapsedS.toFixed(1)} s, sharing each frame with the drawing.
          </>
        ) : 'Timing appears after the first trial.'}
      </p>
    </div>
  );
}

export function HparamSearchLab() {
  const h = useLab(hparamSearchLab);
  const { view, params: p } = h;
  const backend = useBackend((b) => b.name) ?? 'this backend';
  const fileBase = `lecture06-hparam-search-${hparamSearchLab.fileTag(p)}`;
  const kinds: ('grid' | 'random')[] = p.mode === 'both' ? ['grid', 'random'] : [p.mode];
  const [brush, setBrush] = useState(0);
  const setParams = h.lab.setParams;
  const apply = useApplyOwnDataset(setParams);
  const own = useOwnPoints({ spec: HPARAM_PARAMS.points, points: p.points, range: DATA_DOMAIN, apply });
  const { add } = own;
  const addPoint = useCallback((x: number, y: number) => void add(x, y, brush), [add, brush]);
  const mineOnly = p.dataset === 'own';
  const ownControls = (
    <PointsDataControls
      own={own}
      labId="hparam-search"
      classNames={CLASS_NAMES}
      brush={brush}
      setBrush={setBrush}
      drawHint={mineOnly ? 'Click the data plot to add a point (split 2 : 1 like the data) of' : 'Click the data plot to add a training point of'}
      fileBase={fileBase}
      note={mineOnly
        ? `Data set “Your points only”: two thirds of your points train every trial, one third validates it (at least ${MIN_OWN_POINTS} points).`
        : 'Your points join the training set; a loaded file switches the data set to “Your points only”.'}
    />
  );
  const userCount = view ? view.data.filter((q) => q.set === 'user').length : 0;
  const dataPart = view ? (
    <>
      <PointsDropZone own={own}>
        <DataPlot view={view} fileBase={fileBase} onAdd={addPoint} />
      </PointsDropZone>
      {view.tooFew ? null : (
        <div className="panel" data-testid="hparam-search-data">
          <h4>The data of every trial</h4>
          <p>
            {mineOnly ? 'Your points: ' : ''}{view.nTrain} training points{userCount ? ` (${userCount} of them yours)` : ''} and {view.nVal} validation points;
            every trial starts from its own seeded weights on exactly these points, so the trials differ only in <Tex math="\alpha" /> and{' '}
            <Tex math="\lambda" /> (and the refined trials in their epochs).
          </p>
        </div>
      )}
    </>
  ) : null;
  const controls = useMemo(
    () => (['mode', ...(p.mode === 'grid' ? [] : ['budget']), 'epochs', 'refine', ...(p.refine ? ['refineEpochs'] : []), 'optimizer', 'dataset', 'colour', 'seed'] as const).slice() as (keyof typeof HPARAM_PARAMS)[],
    [p.mode, p.refine],
  );
  return (
    <LabFrame
      handle={h}
      stepLabel="minibatch"
      controls={controls}
      extraControls={ownControls}
      intro={
        <>
          <p>
            Each trial trains a real TensorFlow.js network (2 → {HIDDEN} ReLU → {CLASSES} softmax) on {view && !view.tooFew ? view.nTrain : 240} points and is scored
            on {view && !view.tooFew ? view.nVal : 120} held-out validation points. The grid uses the notes' values, <Tex math="\alpha \in \{10^{-1}, 10^{-2}, 10^{-3}, 10^{-4}\}" /> and{' '}
            <Tex math="\lambda \in \{10^{-4}, 10^{-5}, 0\}" />; random search draws <Tex math="\log_{10}\alpha \sim U[-4, -1]" /> and{' '}
            <Tex math="\log_{10}\lambda \sim U[-5, -4]" /> (or <Tex math="\lambda = 0" /> with probability 1/3, like the grid).
          </p>
          <p className="muted">
            Weight decay enters each update as <Tex math="g \leftarrow \nabla_W L + \lambda W" /> (the gradient of{' '}
            <Tex math="L + \tfrac{\lambda}{2}\lVert W\rVert^2" />; biases are not decayed) before SGD or Adam takes its step.
          </p>
        </>
      }
    >
      {view?.tooFew ? (
        <>
          <p className="notice wide" role="status" data-testid="hparam-search-owndata-notice">{view.notice}</p>
          {dataPart}
        </>
      ) : view ? (
        <>
          <Progress view={view} backend={backend} />
          {kinds.map((k) => <SearchPlane key={k} kind={k} trials={view.trials} coarseCount={view.coarseCount} current={view.current} colouring={p.colour} fileBase={fileBase} single={kinds.length === 1} />)}
          <p className="muted wide hparam-search-caption">
            {p.colour === 'nearest' ? (
              <>
                Background colour: the validation accuracy of the <em>nearest coarse trial</em> (distance in decades) — a guess between trials,
                not a measurement; only the markers were trained. <Tex math="\lambda = 0" /> has no place on a log axis, so it has its own row
                below the break, labelled 0 and coloured from the <Tex math="\lambda = 0" /> trials alone.{' '}
              </>
            ) : (
              <>Only the trials are drawn, each filled with its validation accuracy. <Tex math="\lambda = 0" /> sits on its own row below the break (labelled 0): it has no place on a log axis. </>
            )}
            Refined trials (diamonds) are trained for {p.refineEpochs} epochs instead of {p.epochs}, so their colours are not directly comparable.
          </p>
          <Marginal trials={view.trials} coarseCount={view.coarseCount} fileBase={fileBase} />
          <ResultsTable trials={view.trials} current={view.current} />
          {dataPart}
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
