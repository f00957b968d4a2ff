import { useMemo, useState } from 'react';
import { CLASS_COLORS, LineChart, ScatterHeatmap } from '../../../../charts';
import { Tex, texNum, texSigned } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { PointsDataControls, PointsDropZone } from '../../../../labs/owndata/PointsDataControls';
import { useApplyOwnDataset, useOwnPoints } from '../../../../labs/owndata/useOwnPoints';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { LogregView } from './engine';
import { LOGREG_GRID, LOGREG_PARAMS } from './params';

export const logregLab: LabDefinition<typeof LOGREG_PARAMS, LogregView> = {
  id: 'logreg',
  title: 'Logistic regression',
  lecture: '02-ml-basics',
  schema: LOGREG_PARAMS,
  engine: () => import('./engine').then((m) => m.createLogregEngine),
  needsTf: true,
  lossKeys: ['trainLoss', 'theta0', 'theta1', 'theta2'],
  maxSteps: (p) => p.steps,
  stepsPerFrame: 10,
  fileTag: (p) => `${p.dataset}-lr${p.lr}-seed${p.seed}`,
};

const COLORS = CLASS_COLORS.slice(0, 2);
const CLASS_NAMES = ['Class A (y = 0)', 'Class B (y = 1)'];

const pctOf = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—');

function ModelFormula({ theta, metrics, step }: { theta: number[]; metrics: Record<string, number>; step: number }) {
  const [t0, t1, t2] = theta;
  if (!Number.isFinite(metrics.trainLoss)) {
    return (
      <div className="panel">
        <h4>No training points yet</h4>
        <p>Add points of both classes: click the plot, use the form, or load a CSV file.</p>
      </div>
    );
  }
  return (
    <div className="panel">
      <h4>The model after {step} steps</h4>
      <Tex display math={`\\hat{y} = \\sigma(\\mathbf{x}\\theta) = \\sigma\\big(${texNum(t0)}${texSigned(t1)}\\,x_1${texSigned(t2)}\\,x_2\\big), \\quad \\sigma(z) = \\frac{1}{1 + e^{-z}}`} />
      <Tex display math={`\\mathcal{C}(\\theta) = -\\frac{1}{n}\\sum_{i=1}^n \\big[y_i \\log \\hat{y}_i + (1 - y_i)\\log(1 - \\hat{y}_i)\\big] = ${texNum(metrics.trainLoss)}`} />
      <p>
        Training accuracy <strong>{pctOf(metrics.trainAcc)}</strong>, validation accuracy{' '}
        <strong data-testid="logreg-val-acc">{pctOf(metrics.valAcc)}</strong>. The decision boundary is where{' '}
        <Tex math="\hat{y} = 0.5" />, that is the line <Tex math={`${texNum(t0)}${texSigned(t1)}\\,x_1${texSigned(t2)}\\,x_2 = 0`} />.
      </p>
    </div>
  );
}

export function LogregLab() {
  const h = useLab(logregLab);
  const { view, params: p, metrics } = h;
  const fileBase = `lecture02-logreg-${logregLab.fileTag(p)}`;
  const [brush, setBrush] = useState(1);
  const setParams = h.lab.setParams;
  const apply = useApplyOwnDataset(setParams);
  const own = useOwnPoints({ spec: LOGREG_PARAMS.points, points: p.points, range: LOGREG_GRID, apply });
  const ownControls = (
    <PointsDataControls
      own={own}
      labId="logreg"
      classNames={CLASS_NAMES}
      brush={brush}
      setBrush={setBrush}
      drawHint={p.dataset === 'own' ? 'Click the plot to add a point (split 70/30 like the data) of' : 'Click the plot to add a training point of'}
      fileBase={fileBase}
      note={p.dataset === 'own'
        ? 'Data set “Your points only”: 70 % of your points train the model, 30 % validate it.'
        : 'Your points join the training set; a loaded file switches the data set to “Your points only”.'}
    />
  );
  const { trainLoss, valLoss } = h.chartSeries;
  const lossSeries = useMemo(() => [
    { key: 'trainLoss', label: 'training', color: COLORS[0], points: trainLoss ?? [] },
    { key: 'valLoss', label: 'validation', color: COLORS[1], points: valLoss ?? [], dashed: true },
  ], [trainLoss, valLoss]);
  return (
    <LabFrame
      handle={h}
      stepLabel="gradient step"
      controls={['dataset', 'n', 'noise', 'lr', 'steps', 'seed']}
      extraControls={ownControls}
      intro={
        <p>
          A straight boundary through a sigmoid: press Play and watch gradient descent push the probability map into place. The
          blobs separate well; circles and XOR cannot be split by a line, whatever the training does.
        </p>
      }
    >
      {view ? (
        <>
          <PointsDropZone own={own}>
            <ScatterHeatmap
              title="Probability of class B and decision boundary"
              chartKey="probability"
              fileBase={fileBase}
              domain={LOGREG_GRID}
              heatmap={{ nx: LOGREG_GRID.nx, ny: LOGREG_GRID.ny, values: view.grid, kind: 'probability', classColors: COLORS }}
              points={view.points}
              classColors={COLORS}
              classNames={CLASS_NAMES}
              boundary={view.theta.some((t) => t !== 0) ? { a: view.theta[1], b: view.theta[2], c: view.theta[0] } : undefined}
              onCanvasClick={(x, y) => own.add(x, y, brush)}
            />
          </PointsDropZone>
          <ModelFormula theta={view.theta} metrics={metrics} step={h.step} />
          <LineChart
            title="Binary cross-entropy"
            chartKey="loss"
            fileBase={fileBase}
            xLabel="gradient step"
            yLabel="C(θ)"
            series={lossSeries}
          />
        </>
      ) : (
        <p className="loading">Starting the ML engine…</p>
      )}
    </LabFrame>
  );
}
