import { useMemo } from 'react';
import { CLASS_COLORS, LineChart, ScatterHeatmap } from '../../../../charts';
import { Tex, texNum, texSigned } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
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

function ModelFormula({ theta, metrics, step }: { theta: number[]; metrics: Record<string, number>; step: number }) {
  const [t0, t1, t2] = theta;
  return (
    <div className="panel">
      <h4>The model after {step} steps</h4>
      <Tex display math={`\\hat{y} = \\sigma(\\mathbf{x}\\theta) = \\sigma\\big(${texNum(t0)}${texSigned(t1)}\\,x_1${texSigned(t2)}\\,x_2\\big), \\quad \\sigma(z) = \\frac{1}{1 + e^{-z}}`} />
      <Tex display math={`\\mathcal{C}(\\theta) = -\\frac{1}{n}\\sum_{i=1}^n \\big[y_i \\log \\hat{y}_i + (1 - y_i)\\log(1 - \\hat{y}_i)\\big] = ${texNum(metrics.trainLoss)}`} />
      <p>
        Training accuracy <strong>{(100 * metrics.trainAcc).toFixed(1)} %</strong>, validation accuracy{' '}
        <strong data-testid="logreg-val-acc">{(100 * metrics.valAcc).toFixed(1)} %</strong>. The decision boundary is where{' '}
        <Tex math="\hat{y} = 0.5" />, that is the line <Tex math={`${texNum(t0)}${texSigned(t1)}\\,x_1${texSigned(t2)}\\,x_2 = 0`} />.
      </p>
    </div>
  );
}

export function LogregLab() {
  const h = useLab(logregLab);
  const { view, params: p, metrics } = h;
  const fileBase = `lecture02-logreg-${logregLab.fileTag(p)}`;
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
      intro={
        <p>
          A straight boundary through a sigmoid: press Play and watch gradient descent push the probability map into place. The
          blobs separate well; circles and XOR cannot be split by a line, whatever the training does.
        </p>
      }
    >
      {view ? (
        <>
          <ScatterHeatmap
            title="Probability of class B and decision boundary"
            chartKey="probability"
            fileBase={fileBase}
            domain={LOGREG_GRID}
            heatmap={{ nx: LOGREG_GRID.nx, ny: LOGREG_GRID.ny, values: view.grid, kind: 'probability', classColors: COLORS }}
            points={view.points}
            classColors={COLORS}
            classNames={CLASS_NAMES}
            boundary={{ a: view.theta[1], b: view.theta[2], c: view.theta[0] }}
          />
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
