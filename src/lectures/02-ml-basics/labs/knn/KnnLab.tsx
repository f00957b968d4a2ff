import { useCallback, useMemo, useState } from 'react';
import { CLASS_COLORS, LineChart, ScatterHeatmap } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { PointsDataControls, PointsDropZone } from '../../../../labs/owndata/PointsDataControls';
import { useOwnPoints, type OwnPointsChange } from '../../../../labs/owndata/useOwnPoints';
import type { LabeledPoint } from '../../../../params/schema';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { KnnView } from './engine';
import { KNN_GRID, KNN_PARAMS } from './params';

const CLASS_NAMES = ['Class A', 'Class B', 'Class C'];
const UNIT: [number, number] = [0, 1];

export const knnLab: LabDefinition<typeof KNN_PARAMS, KnnView> = {
  id: 'knn',
  title: 'Nearest-neighbour classifier',
  lecture: '02-ml-basics',
  schema: KNN_PARAMS,
  engine: () => import('./engine').then((m) => m.createKnnEngine),
  needsTf: false,
  lossKeys: ['valError'],
  maxSteps: () => 1000,
  stepsPerFrame: 1,
  fileTag: (p) => `${p.dataset}-k${p.k}-${p.metric}-seed${p.seed}`,
};

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—');
const pctIf = (ok: boolean, v: number) => (ok ? pct(v) : '— (nothing memorised yet)');

interface TestResult { k: number; acc: number }

function AccuracyTable({ view, test, onShowTest }: { view: KnnView; test: TestResult | null; onShowTest: () => void }) {
  const { acc, fractions } = view;
  return (
    <div className="panel">
      <h4>Accuracy with the current k</h4>
      <table className="metric-table">
        <thead>
          <tr><th scope="col">Set</th><th scope="col">Share</th><th scope="col">Accuracy</th></tr>
        </thead>
        <tbody>
          <tr><td>Training</td><td>{Math.round(fractions.train * 100)} %</td><td data-testid="knn-acc-train">{pctIf(view.memorised > 0, acc.train)}</td></tr>
          <tr><td>Validation</td><td>{Math.round(fractions.val * 100)} %</td><td data-testid="knn-acc-val">{pctIf(view.memorised > 0, acc.val)}</td></tr>
          <tr>
            <td>Test</td>
            <td>{Math.round(fractions.test * 100)} %</td>
            <td data-testid="knn-acc-test">{test ? `${pct(test.acc)} (k = ${test.k})` : <button type="button" onClick={onShowTest}>Evaluate once</button>}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        Best k on validation: <strong>{view.bestK}</strong>. Choose k with the validation set; the test set is used once, at the end
        {test ? ', and its score stays frozen at the k you evaluated' : ''}.
      </p>
    </div>
  );
}

export function KnnLab() {
  const h = useLab(knnLab);
  const [brush, setBrush] = useState(0);
  const [test, setTest] = useState<TestResult | null>(null);
  const { view, params: p } = h;
  const fileBase = `lecture02-knn-${knnLab.fileTag(p)}`;
  const setParams = h.lab.setParams;
  const apply = useCallback((points: LabeledPoint[], how: OwnPointsChange) => {
    if (how === 'edit') return setParams({ points });
    // A loaded file becomes the data set, with as many classes as its labels need.
    const classes = Math.max(2, ...points.map((q) => q.label + 1));
    setParams({ points, dataset: 'own', classes });
  }, [setParams]);
  const own = useOwnPoints({ spec: KNN_PARAMS.points, points: p.points, range: KNN_GRID, apply });
  const addPoint = (x: number, y: number) => own.add(x, y, Math.min(brush, p.classes - 1));
  const brushControl = (
    <PointsDataControls
      own={own}
      labId="knn"
      classNames={CLASS_NAMES.slice(0, p.classes)}
      brush={brush}
      setBrush={setBrush}
      drawHint={p.dataset === 'own' ? 'Click the plot to add a point (split like the data) of' : 'Click the plot to add a training point of'}
      fileBase={fileBase}
      note={p.dataset === 'own'
        ? 'Data set “Your points only”: your points are split into training, validation and test sets.'
        : 'Your points join the training set; a loaded file switches the data set to “Your points only”.'}
    />
  );
  const valCurve = h.chartSeries.valError;
  const accByK = view?.accByK;
  const valSeries = useMemo(() => [{ key: 'valError', label: 'validation error (1 − accuracy)', color: CLASS_COLORS[0], points: valCurve ?? [] }], [valCurve]);
  const accSeries = useMemo(() => [
    { key: 'train', label: 'training', color: CLASS_COLORS[0], points: (accByK ?? []).map((r) => ({ x: r.k, y: r.train })) },
    { key: 'val', label: 'validation', color: CLASS_COLORS[1], points: (accByK ?? []).map((r) => ({ x: r.k, y: r.val })) },
  ], [accByK]);
  const kLine = useMemo(() => [{ x: p.k, label: `k = ${p.k}`, color: '#57606a' }], [p.k]);
  const colors = useMemo(() => CLASS_COLORS.slice(0, p.classes), [p.classes]);
  const names = useMemo(() => CLASS_NAMES.slice(0, p.classes), [p.classes]);
  const heatmap = useMemo(() => view && { nx: KNN_GRID.nx, ny: KNN_GRID.ny, values: view.grid, kind: 'class' as const, classColors: colors }, [view, colors]);
  return (
    <LabFrame
      handle={h}
      stepLabel="memorising step"
      controls={['dataset', 'classes', 'n', 'noise', 'k', 'metric', 'trainPct', 'valPct', 'seed']}
      extraControls={brushControl}
      intro={
        <p>
          Training a nearest-neighbour classifier is just memorising the training set. Press Play to watch the memory fill and
          the validation error fall; then change <Tex math="k" /> and the distance, and pick the <Tex math="k" /> with the best
          validation accuracy.
        </p>
      }
    >
      {view ? (
        <>
          <PointsDropZone own={own}>
            <ScatterHeatmap
              title="Decision regions"
              chartKey="regions"
              fileBase={fileBase}
              domain={KNN_GRID}
              heatmap={heatmap ?? undefined}
              points={view.points}
              classColors={colors}
              classNames={names}
              onCanvasClick={addPoint}
            />
          </PointsDropZone>
          <div className="stack">
            <AccuracyTable view={view} test={test} onShowTest={() => setTest({ k: p.k, acc: view.acc.test })} />
            <LineChart
              title="Validation error while memorising"
              chartKey="val-error"
              fileBase={fileBase}
              xLabel="memorising step"
              yLabel="validation error"
              series={valSeries}
              yDomain={UNIT}
              height={180}
            />
          </div>
          <LineChart
            title="Accuracy against k"
            chartKey="accuracy-vs-k"
            fileBase={fileBase}
            xLabel="k (neighbours)"
            yLabel="accuracy"
            series={accSeries}
            referenceLines={kLine}
            height={220}
          />
        </>
      ) : (
        <p className="loading">Preparing the data…</p>
      )}
    </LabFrame>
  );
}
