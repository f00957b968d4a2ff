import { useMemo, useState } from 'react';
import { CLASS_COLORS, LineChart, ScatterHeatmap } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
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
  const addPoint = (x: number, y: number) => {
    if (p.points.length >= KNN_PARAMS.points.maxCount) return;
    h.lab.setParams({ points: [...p.points, { x: Number(x.toFixed(3)), y: Number(y.toFixed(3)), label: Math.min(brush, p.classes - 1) }] });
  };
  const brushControl = (
    <div className="control">
      <span className="control-label" id="knn-brush-label">Click the plot to add a training point of</span>
      <div role="radiogroup" aria-labelledby="knn-brush-label" className="brush">
        {CLASS_NAMES.slice(0, p.classes).map((name, c) => (
          <label key={name} style={{ marginRight: 10 }}>
            <input type="radio" name="knn-brush" checked={brush === c} onChange={() => setBrush(c)} />{' '}
            <span style={{ color: CLASS_COLORS[c], fontWeight: 600 }}>●</span> {name}
          </label>
        ))}
      </div>
      <button type="button" disabled={p.points.length === 0} onClick={() => h.lab.setParams({ points: [] })}>
        Remove my {p.points.length} point{p.points.length === 1 ? '' : 's'}
      </button>
    </div>
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
