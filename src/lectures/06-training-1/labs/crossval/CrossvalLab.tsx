import { memo, useCallback, useMemo, useState } from 'react';
import { CLASS_COLORS, ScatterHeatmap, type ScatterPoint } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { PointsDataControls, PointsDropZone } from '../../../../labs/owndata/PointsDataControls';
import { useApplyOwnDataset, useOwnPoints } from '../../../../labs/owndata/useOwnPoints';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { CvCurve } from './CvCurve';
import type { CrossvalView } from './engine';
import { FoldsChart } from './FoldsChart';
import { candidatesFor, CROSSVAL_PARAMS, cvPlan, MIN_OWN_POINTS, TEST_SHARE, totalRounds } from './params';
import './crossval.css';

export const crossvalLab: LabDefinition<typeof CROSSVAL_PARAMS, CrossvalView> = {
  id: 'crossval',
  title: 'k-fold cross-validation',
  lecture: '06-training-1',
  schema: CROSSVAL_PARAMS,
  engine: () => import('./engine').then((m) => m.createCrossvalEngine),
  needsTf: false,
  lossKeys: [],
  maxSteps: (p) => totalRounds(cvPlan(p)),
  stepsPerFrame: 1,
  fileTag: (p) => (p.dataset === 'own'
    ? `k${p.folds}-own${p.points.length}-seed${p.seed}`
    : `k${p.folds}-${p.dataset}-n${p.n}-noise${p.noise}${p.points.length ? `-mine${p.points.length}` : ''}-seed${p.seed}`),
};

const DOMAIN = { xMin: -1.25, xMax: 1.25, yMin: -1.25, yMax: 1.25 };
const COLORS = [CLASS_COLORS[0], CLASS_COLORS[1]];
const NAMES = ['class 0', 'class 1'];
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—');

const SplitScatter = memo(function SplitScatter({ view, fileBase, onAdd }: { view: CrossvalView; fileBase: string; onAdd: (x: number, y: number) => void }) {
  const fold = view.current.fold;
  const points = useMemo<ScatterPoint[]>(() => [
    ...view.dev.map((q, i) => ({ x: q.x, y: q.y, label: q.label, set: view.devFold[i] === fold ? ('val' as const) : ('train' as const) })),
    ...view.test.map((q) => ({ x: q.x, y: q.y, label: q.label, set: 'test' as const })),
  ], [view.dev, view.devFold, view.test, fold]);
  const title = view.tooFew ? 'Data: your points (too few to cross-validate)'
    : fold >= 0 ? `Data: fold ${fold + 1} validates, the test set is held out` : 'Data: development and test points';
  return (
    <ScatterHeatmap title={title} chartKey="data" fileBase={fileBase} domain={DOMAIN} points={points} classColors={COLORS} classNames={NAMES} size={300}
      onCanvasClick={onAdd} />
  );
});

function Stats({ view, cand }: { view: CrossvalView; cand: number }) {
  const row = view.rows[cand];
  if (!row) return null;
  const scored = row.scores.filter(Number.isFinite);
  const k = view.folds;
  const m = scored.length;
  const mean = m ? scored.reduce((s, v) => s + v, 0) / m : NaN;
  const std = m > 1 ? Math.sqrt(scored.reduce((s, v) => s + (v - mean) ** 2, 0) / (m - 1)) : NaN;
  return (
    <div className="panel" data-testid="crossval-stats">
      <h4>
        <Tex math={`k_{\\text{NN}} = ${row.kNN}`} />: {m} of {k} folds scored
      </h4>
      <ol className="crossval-scores" aria-label="Validation accuracy per fold">
        {row.scores.map((v, i) => <li key={i}><Tex math={`\\text{score}_{${i + 1}}`} /> = {Number.isFinite(v) ? v.toFixed(3) : '…'}</li>)}
      </ol>
      <Tex display math={`\\text{CV} = \\frac{1}{${m || 'k'}}\\sum_{j=1}^{${m || 'k'}} \\text{score}_j = ${m ? texNum(mean, 3) : '\\text{—}'}`} />
      <Tex display math={`s = \\sqrt{\\frac{1}{${m ? m - 1 : 'k-1'}}\\sum_{j=1}^{${m || 'k'}} (\\text{score}_j - \\text{CV})^2} = ${m > 1 ? texNum(std, 3) : '\\text{— (needs two folds)}'}`} />
      <p className="muted">
        <Tex math="s" /> is the sample standard deviation (divisor <Tex math="k - 1" />), everywhere in this lab. {m > 1 && (
          <>
            {' '}The score of this setting is <Tex math={`\\text{CV} \\pm s = ${texNum(mean, 3)} \\pm ${texNum(std, 2)}`} />.
          </>
        )}{' '}The accuracy of a fold is the share of its points classified correctly.
      </p>
    </div>
  );
}

function Result({ view }: { view: CrossvalView }) {
  const pick = view.best >= 0 ? view.rows[view.best] : null;
  return (
    <div className="panel crossval-result" data-testid="crossval-result">
      <h4>Selected model and its test score</h4>
      {pick ? (
        <p>
          Cross-validation selects <Tex math={`k_{\\text{NN}} = ${pick.kNN}`} /> (mean accuracy{' '}
          <Tex math={`${texNum(pick.mean, 3)} \\pm ${texNum(pick.std, 2)}`} />; ties go to more neighbours, the smoother model). Refit on all{' '}
          {view.nDev} development points, it classifies the {view.nTest} test points with accuracy <strong data-testid="crossval-test">{pct(view.testAcc)}</strong>,
          reported once, here.
        </p>
      ) : (
        <p>
          The {view.nTest} test points are held out: no fold, no score, until every candidate has been cross-validated. Then the best{' '}
          <Tex math={`k_{\\text{NN}}`} /> is refit on all development points and scored on the test set once.
        </p>
      )}
    </div>
  );
}

export function CrossvalLab() {
  const h = useLab(crossvalLab);
  const { view, params: p } = h;
  const fileBase = `lecture06-crossval-${crossvalLab.fileTag(p)}`;
  const [brush, setBrush] = useState(0);
  const setParams = h.lab.setParams;
  const apply = useApplyOwnDataset(setParams);
  const own = useOwnPoints({ spec: CROSSVAL_PARAMS.points, points: p.points, range: DOMAIN, apply });
  const { add } = own;
  const addPoint = useCallback((x: number, y: number) => void add(x, y, brush), [add, brush]);
  const mineOnly = p.dataset === 'own';
  const plan = cvPlan(p);
  const ownControls = (
    <PointsDataControls
      own={own}
      labId="crossval"
      classNames={NAMES}
      brush={brush}
      setBrush={setBrush}
      drawHint="Click the data plot to add a point of"
      fileBase={fileBase}
      note={mineOnly
        ? `Data set “Your points only”: ${Math.round(TEST_SHARE * 100)} % of your points are the test set, the rest are cut into the folds (at least ${MIN_OWN_POINTS} points).`
        : 'Your points join the generated data and are split with it; a loaded file switches the data set to “Your points only”.'}
    />
  );
  // Fold scores of the round in progress; once finished, of the selected model.
  const cand = view ? (view.best >= 0 ? view.best : Math.max(0, view.current.cand)) : 0;
  return (
    <LabFrame
      handle={h}
      stepLabel="round"
      controls={mineOnly ? ['folds', 'dataset', 'seed'] : ['folds', 'dataset', 'n', 'noise', 'seed']}
      extraControls={ownControls}
      intro={
        <p>
          k-NN's number of neighbours <Tex math="k_{\text{NN}}" /> is the hyperparameter. {Math.round(TEST_SHARE * 100)} % of the points are put aside
          as the test set; the rest is cut into <Tex math="k" /> folds. Each step is one round: one candidate{' '}
          (<Tex math={`k_{\\text{NN}} \\in \\{${candidatesFor(plan).join(', ') || '1'}\\}`} />) memorises <Tex math="k - 1" /> folds and is scored on the remaining one.
        </p>
      }
    >
      {view ? (
        <>
          {view.notice ? <p className="notice wide" role="status" data-testid="crossval-owndata-notice">{view.notice}</p> : null}
          {view.tooFew ? null : (
            <>
              <FoldsChart view={view} cand={cand} fileBase={fileBase} />
              <Stats view={view} cand={cand} />
              <CvCurve view={view} fileBase={fileBase} />
              <Result view={view} />
            </>
          )}
          <PointsDropZone own={own}>
            <SplitScatter view={view} fileBase={fileBase} onAdd={addPoint} />
          </PointsDropZone>
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
