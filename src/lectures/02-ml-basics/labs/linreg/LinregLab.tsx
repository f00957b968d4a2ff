import { memo, useCallback, useMemo } from 'react';
import { Histogram, LineChart, ScatterHeatmap, SERIES_COLORS } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { LinregView } from './engine';
import { LINREG_PARAMS, TRUE_LINE } from './params';
import { TemperatureExample } from './TemperatureExample';

export const linregLab: LabDefinition<typeof LINREG_PARAMS, LinregView> = {
  id: 'linreg',
  title: 'Linear regression',
  lecture: '02-ml-basics',
  schema: LINREG_PARAMS,
  engine: () => import('./engine').then((m) => m.createLinregEngine),
  needsTf: true,
  lossKeys: ['mseGD', 'theta0', 'theta1'],
  maxSteps: (p) => p.steps,
  stepsPerFrame: 1,
  viewOnly: ['X', 'theta'],
  fileTag: (p) => `n${p.n}-sigma${p.sigma}-lr${p.lr}-seed${p.seed}`,
};

const [GD_COLOR, LS_COLOR, DATA_COLOR] = [SERIES_COLORS[1], SERIES_COLORS[0], '#57606a'];
const DOMAIN = { xMin: -3.5, xMax: 3.5, yMin: -6, yMax: 10 };
const DATA_COLORS = [DATA_COLOR];
const DATA_NAMES = ['samples (x, y)'];

const FitPlot = memo(function FitPlot({ view, fileBase }: { view: LinregView; fileBase: string }) {
  const points = useMemo(() => view.x.map((x, i) => ({ x, y: view.y[i], label: 0 })), [view.x, view.y]);
  const line = (t: number[], color: string, label: string, dashed?: boolean) => ({ a: t[1], b: -1, c: t[0], color, label, dashed });
  return (
    <ScatterHeatmap
      title="Data and fitted lines"
      chartKey="fit"
      fileBase={fileBase}
      domain={DOMAIN}
      points={points}
      classColors={DATA_COLORS}
      classNames={DATA_NAMES}
      lines={[line(view.thetaLS, LS_COLOR, 'closed form'), line(view.thetaGD, GD_COLOR, 'gradient descent', true)]}
    />
  );
});

function Estimates({ view, step }: { view: LinregView; step: number }) {
  const { thetaLS: ls, thetaGD: gd } = view;
  const gap = Math.hypot(ls[0] - gd[0], ls[1] - gd[1]);
  return (
    <div className="panel">
      <h4>Two ways to the same θ</h4>
      <Tex display math={`\\theta_{\\text{closed}} = (\\mathbf{X}^T\\mathbf{X})^{-1}\\mathbf{X}^T\\mathbf{y} = \\begin{bmatrix}${texNum(ls[0], 4)} \\\\ ${texNum(ls[1], 4)}\\end{bmatrix}`} />
      <Tex display math={`\\theta_{\\text{GD}}^{(${step})} = \\begin{bmatrix}${texNum(gd[0], 4)} \\\\ ${texNum(gd[1], 4)}\\end{bmatrix}, \\quad \\lVert \\theta_{\\text{GD}} - \\theta_{\\text{closed}} \\rVert = ${texNum(gap, 3)}`} />
      <Tex display math={`\\theta \\leftarrow \\theta - \\alpha \\tfrac{2}{n}\\mathbf{X}^T(\\mathbf{X}\\theta - \\mathbf{y})`} />
      <p className="muted">
        The data come from <Tex math={`y = ${TRUE_LINE.intercept} + ${TRUE_LINE.slope}x + \\varepsilon`} /> with
        Gaussian noise; neither method knows that.
      </p>
    </div>
  );
}

interface LikelihoodProps { profile: LinregView['profile']; thetaLS: number[]; sigma: number; n: number; fileBase: string }

const LikelihoodView = memo(function LikelihoodView({ profile, thetaLS, sigma, n, fileBase }: LikelihoodProps) {
  const pts = (ys: number[]) => profile.slopes.map((x, i) => ({ x, y: ys[i] }));
  return (
    <div className="wide ml-view">
      <div className="panel">
        <h4>Maximum likelihood gives least squares</h4>
        <Tex display math={`\\begin{aligned}\\log p(\\mathbf{y}\\mid\\mathbf{X},\\theta) &= -\\tfrac{n}{2}\\log(2\\pi\\sigma^2) - \\tfrac{1}{2\\sigma^2}\\sum_{i=1}^n (y_i - \\mathbf{x}_i\\theta)^2 \\\\ &= -\\tfrac{${n}}{2}\\log(2\\pi\\cdot ${texNum(sigma * sigma, 3)}) - \\tfrac{${n}}{2\\cdot ${texNum(sigma * sigma, 3)}}\\,J(\\theta)\\end{aligned}`} />
        <p>
          The log-likelihood is a constant minus a positive multiple of the MSE, so both curves below peak at the same slope:
          arg max log-likelihood ≈ <strong data-testid="argmax-ll">{profile.argmaxLogLik.toFixed(3)}</strong>, arg min MSE ≈{' '}
          <strong>{profile.argminMse.toFixed(3)}</strong>, closed form <Tex math={`\\theta_1 = ${texNum(thetaLS[1], 4)}`} /> (intercept held at{' '}
          <Tex math={`\\theta_0 = ${texNum(thetaLS[0], 4)}`} />).
        </p>
      </div>
      <LineChart title="MSE J(θ₁) along the slope" chartKey="mse-profile" fileBase={fileBase} xLabel="slope θ₁" yLabel="J(θ)" series={[{ key: 'mse', label: 'J(θ₁)', color: LS_COLOR, points: pts(profile.mse) }]} referenceLines={[{ x: thetaLS[1], label: 'closed form', color: '#57606a' }]} height={200} />
      <LineChart title="Log-likelihood along the slope" chartKey="loglik-profile" fileBase={fileBase} xLabel="slope θ₁" yLabel="log p(y | X, θ)" series={[{ key: 'll', label: 'log-likelihood', color: GD_COLOR, points: pts(profile.logLik) }]} referenceLines={[{ x: thetaLS[1], label: 'closed form', color: '#57606a' }]} height={200} />
    </div>
  );
});

export function LinregLab() {
  const h = useLab(linregLab);
  const { view, params: p, metrics } = h;
  const fileBase = `lecture02-linreg-${linregLab.fileTag(p)}`;
  const mseCurve = h.chartSeries.mseGD;
  const mseSeries = useMemo(() => [{ key: 'mseGD', label: 'gradient descent', color: GD_COLOR, points: mseCurve ?? [] }], [mseCurve]);
  const mseLS = metrics.mseLS;
  const mseRef = useMemo(() => (Number.isFinite(mseLS) ? [{ y: mseLS, label: `closed form ${mseLS.toFixed(3)}`, color: LS_COLOR }] : []), [mseLS]);
  const setParams = h.lab.setParams;
  const onMatrix = useCallback((patch: { X?: number[]; theta?: number[] }) => setParams(patch), [setParams]);
  return (
    <LabFrame
      handle={h}
      stepLabel="gradient step"
      controls={['n', 'sigma', 'lr', 'steps', 'seed']}
      intro={
        <p>
          First the notes' worked example: edit any entry and watch <Tex math="\hat{\mathbf{y}} = \mathbf{X}\theta" /> update. Then fit a
          line to noisy data twice: in one shot with the normal equations, and step by step with gradient descent. Raise the
          learning rate past about 0.3 to see gradient descent diverge.
        </p>
      }
    >
      <TemperatureExample X={p.X} theta={p.theta} onChange={onMatrix} />
      {view ? (
        <>
          <FitPlot view={view} fileBase={fileBase} />
          <Estimates view={view} step={h.step} />
          <LineChart
            title="Training loss (MSE)"
            chartKey="mse"
            fileBase={fileBase}
            xLabel="gradient step"
            yLabel="J(θ)"
            logY
            series={mseSeries}
            referenceLines={mseRef}
          />
          <Histogram title="Residuals of the closed-form fit" chartKey="residuals" fileBase={fileBase} xLabel="y − ŷ" values={view.residualsLS} bins={16} color={LS_COLOR} />
          <LikelihoodView profile={view.profile} thetaLS={view.thetaLS} sigma={p.sigma} n={p.n} fileBase={fileBase} />
        </>
      ) : (
        <p className="loading">Starting the ML engine…</p>
      )}
    </LabFrame>
  );
}

