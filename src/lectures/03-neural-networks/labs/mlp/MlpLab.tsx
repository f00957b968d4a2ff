/**
 * Lecture 3's neural-network playground: a fully connected network on 2-D data, trained by
 * minibatch SGD in plain TypeScript, drawn as a diagram of per-unit heatmaps and weighted edges.
 */
import { useCallback, useMemo, useState } from 'react';
import { CLASS_COLORS, LineChart, ScatterHeatmap } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { PointsDataControls, PointsDropZone } from '../../../../labs/owndata/PointsDataControls';
import { useOwnPoints, type OwnPointsChange } from '../../../../labs/owndata/useOwnPoints';
import type { LabeledPoint } from '../../../../params/schema';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { MlpView } from './engine';
import { generatedControls, MlpControls } from './MlpControls';
import { LossTable, ParamCount } from './MlpPanels';
import { NetworkDiagram } from './NetworkDiagram';
import { MLP_PARAMS, OUTPUT_GRID, PLANE, WIDTH_KEYS, type MlpParams } from './params';
import './mlp.css';

function sizesOf(p: MlpParams): string {
  return WIDTH_KEYS.slice(0, p.layers).map((k) => p[k]).join('-') || 'none';
}

export const mlpLab: LabDefinition<typeof MLP_PARAMS, MlpView> = {
  id: 'mlp',
  title: 'Neural-network playground',
  lecture: '03-neural-networks',
  schema: MLP_PARAMS,
  engine: () => import('./engine').then((m) => m.createMlpEngine),
  needsTf: false,
  lossKeys: ['trainLoss'],
  maxSteps: (p) => p.epochs,
  stepsPerFrame: 10,
  fileTag: (p) => `${p.problem === 'classification' ? p.dataset : p.surface}-h${sizesOf(p)}-${p.activation}-lr${p.lr}-seed${p.seed}`,
};

const COLORS = CLASS_COLORS.slice(0, 2);

function Objective({ p }: { p: MlpParams }) {
  const data = p.problem === 'classification'
    ? '-\\frac{1}{B}\\sum_{i} \\big[y_i \\log \\hat{y}_i + (1 - y_i)\\log(1 - \\hat{y}_i)\\big]'
    : '\\frac{1}{B}\\sum_{i} (y_i - \\hat{y}_i)^2';
  const reg = p.reg === 'l1' ? ' + \\lambda \\sum |w|' : p.reg === 'l2' ? ' + \\frac{\\lambda}{2} \\sum w^2' : '';
  const out = p.problem === 'classification' ? '\\hat{y} = \\sigma(z^{L})' : '\\hat{y} = z^{L}';
  return (
    <div className="panel">
      <h4>What one step does</h4>
      <Tex display math={`\\mathbf{a}^{l} = g(\\mathbf{W}^{l}\\mathbf{a}^{l-1} + \\mathbf{b}^{l}),\\qquad ${out}`} />
      <Tex display math={`C = ${data}${reg}`} />
      <p>
        One step is one epoch: the training set is shuffled and cut into minibatches of <Tex math={`B = ${p.batch}`} />; each
        minibatch moves every weight by <Tex math={`-\\alpha\\,\\partial C/\\partial w`} /> with <Tex math={`\\alpha = ${p.lr}`} />.
        The curves show the loss without the penalty.
      </p>
    </div>
  );
}

function useOutputPlot(view: MlpView | null, p: MlpParams) {
  const cls = p.problem === 'classification';
  const output = view?.output;
  const heatmap = useMemo(() => {
    if (!output) return undefined;
    // Regression values in [−1, 1] are shown on the same two-colour scale as probabilities.
    const values = cls ? output : Float32Array.from(output, (v) => (v + 1) / 2);
    return { nx: OUTPUT_GRID.nx, ny: OUTPUT_GRID.ny, values, kind: 'probability' as const, classColors: COLORS };
  }, [output, cls]);
  const names = useMemo(() => (cls ? ['Class A (y = 0)', 'Class B (y = 1)'] : ['target < 0', 'target ≥ 0']), [cls]);
  return { heatmap, names };
}

export function MlpLab() {
  const h = useLab(mlpLab);
  const [brush, setBrush] = useState(1);
  const { view, params: p, metrics } = h;
  const setParams = h.lab.setParams;
  const fileBase = `lecture03-mlp-${mlpLab.fileTag(p)}`;
  const { trainLoss, testLoss } = h.chartSeries;
  const lossSeries = useMemo(() => [
    { key: 'trainLoss', label: 'training loss', color: COLORS[0], points: trainLoss ?? [] },
    { key: 'testLoss', label: 'test loss', color: '#D55E00', points: testLoss ?? [], dashed: true },
  ], [trainLoss, testLoss]);
  const { heatmap, names } = useOutputPlot(view, p);
  const apply = useCallback((points: LabeledPoint[], how: OwnPointsChange) => {
    setParams(how === 'load' ? { points, problem: 'classification', dataset: 'own' } : { points });
  }, [setParams]);
  const own = useOwnPoints({ spec: MLP_PARAMS.points, points: p.points, range: PLANE, apply });
  const { add } = own;
  const addPoint = useCallback((x: number, y: number) => void add(x, y, brush), [add, brush]);
  const cls = p.problem === 'classification';
  const mineOnly = cls && p.dataset === 'own';
  const pointsControls = (
    <PointsDataControls
      own={own}
      labId="mlp"
      classNames={cls ? ['Class A (y = 0)', 'Class B (y = 1)'] : ['target −1', 'target +1']}
      brush={brush}
      setBrush={setBrush}
      drawHint={mineOnly ? 'Click the output plot to add a point (split like the data) of' : 'Click the output plot to add a training point of'}
      fileBase={fileBase}
      note={mineOnly
        ? 'Data set “Your points only”: your points are split into training and test sets by the training share.'
        : 'Your points join the training set; a loaded file switches to classification of “Your points only”.'}
    />
  );
  return (
    <LabFrame
      handle={h}
      stepLabel="epoch"
      controls={generatedControls(p)}
      extraControls={<MlpControls params={p} setParams={setParams} pointsControls={pointsControls} />}
      intro={
        <p>
          A network of up to six hidden layers learns a 2-D data set. Every square in the diagram is one unit’s output over the
          input plane: watch the first layer draw lines and the deeper layers combine them into curved regions. Try the spiral with
          only <Tex math="x_1, x_2" />, then add features or units.
        </p>
      }
    >
      {view ? (
        <>
          <NetworkDiagram view={view} activation={p.activation} />
          <PointsDropZone own={own}>
            <ScatterHeatmap
              title={cls ? 'Output ŷ = P(class B) with training and test points' : 'Output ŷ with training and test points'}
              chartKey="output"
              fileBase={fileBase}
              domain={PLANE}
              heatmap={heatmap}
              points={view.points}
              classColors={COLORS}
              classNames={names}
              onCanvasClick={addPoint}
            />
          </PointsDropZone>
          <div className="stack">
            <LineChart
              title="Training and test loss"
              chartKey="loss"
              fileBase={fileBase}
              xLabel="epoch"
              yLabel={cls ? 'cross-entropy' : 'MSE'}
              series={lossSeries}
              logY
              height={200}
            />
            <LossTable metrics={metrics} classification={cls} />
          </div>
          <ParamCount sizes={view.sizes} />
          <Objective p={p} />
        </>
      ) : (
        <p className="loading">Preparing the network…</p>
      )}
    </LabFrame>
  );
}
