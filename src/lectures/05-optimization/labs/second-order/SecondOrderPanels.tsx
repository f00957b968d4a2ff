import { memo, useMemo } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries } from '../../../../charts';
import { Erratum } from '../../../../components/LectureParts';
import { Tex, texNum } from '../../../../components/Tex';
import { NEWTON_FUNCTIONS, newton1DStep, quadraticModel } from '../../../../ml/secondOrder';
import { METHOD_KEYS, type MethodKey, type SecondOrderView } from './engine';
import { METHOD_NAMES } from './FitPlot';

/** The four update rules in the corrected form, with the notes' slips named. */
export function Formulas() {
  return (
    <div className="panel">
      <h4>The four updates (residuals E = f_θ(x) − y, loss L = ‖E‖²)</h4>
      <Tex display math="\nabla L(\theta_k) = 2 J_E^\top E(\theta_k), \qquad \theta_{k+1} = \theta_k - \alpha\,\nabla L(\theta_k) \quad\text{(GD)}" />
      <Tex display math="2\,J_E^\top J_E\,(\theta_k - \theta_{k+1}) = \nabla L(\theta_k) \quad\text{(Gauss–Newton, } H \approx 2J_E^\top J_E)" />
      <Tex display math="(J_E^\top J_E + \lambda I)(\theta_k - \theta_{k+1}) = J_E^\top E = \tfrac12\nabla L(\theta_k) \quad\text{(Levenberg)}" />
      <Tex display math="\big(J_E^\top J_E + \lambda\,\mathrm{diag}(J_E^\top J_E)\big)(\theta_k - \theta_{k+1}) = \tfrac12\nabla L(\theta_k) \quad\text{(LM)}" />
      <p>
        Trust region: a step that lowers <Tex math="L" /> is taken and <Tex math="\lambda \leftarrow \lambda/10" />; otherwise it is rejected,{' '}
        <Tex math="\theta" /> stays and <Tex math="\lambda \leftarrow 10\lambda" />.
      </p>
      <Erratum>
        Newton's update is <Tex math="\theta^* = \theta_0 - H^{-1}\nabla_\theta L(\theta_0)" />: the gradient at the expansion point{' '}
        <Tex math="\theta_0" />, not <Tex math="\nabla_\theta L(\theta)" />. Gauss–Newton uses one Jacobian throughout, that of the
        residuals, <Tex math="J_E" /> (the notes switch from <Tex math="J_F" /> to <Tex math="J_E" />): <Tex math="\theta_{k+1} = \theta_k - [2J_E^\top J_E]^{-1}\nabla L(\theta_k)" />.
        The Levenberg and LM systems as printed drop the factor 2: with <Tex math="J_E^\top J_E" /> on the left the right side is{' '}
        <Tex math="J_E^\top E = \tfrac12\nabla L(\theta_k)" /> (or keep <Tex math="\nabla L" /> and use <Tex math="2J_E^\top J_E + 2\lambda D" />).
      </Erratum>
    </div>
  );
}

/** Five significant digits for table cells (plain text, not TeX). */
const num = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(5)).toString() : String(v));

const convText = (v: number | null, iters: number) => (v !== null ? String(v) : iters > 0 ? `not within ${iters}` : 'not yet');

/** Iterations until L − L* ≤ 10⁻⁸·L*, and the current fit, per method. */
export function ConvTable({ view, step }: { view: SecondOrderView; step: number }) {
  return (
    <div className="panel">
      <h4>Iterations to converge</h4>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Iterations to converge (scrolls sideways)">
      <table className="metric-table" data-testid="second-order-conv">
        <thead>
          <tr><th scope="col">Method</th><th scope="col">Iterations to L within 10⁻⁸ of L*</th><th scope="col">L now</th><th scope="col">a</th><th scope="col">b</th><th scope="col">Rejected steps</th></tr>
        </thead>
        <tbody>
          {METHOD_KEYS.map((k) => {
            const m = view.methods[k];
            return (
              <tr key={k} data-method={k}>
                <th scope="row">{METHOD_NAMES[k]}</th>
                <td data-testid={`conv-${k}`}>{convText(m.converged, step)}</td>
                <td>{num(m.losses[m.losses.length - 1])}</td>
                <td>{num(m.theta.a)}</td>
                <td>{num(m.theta.b)}</td>
                <td>{k === 'lev' || k === 'lm' ? m.rejected : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      <p className="muted">
        <Tex math={`L^* = ${texNum(view.best, 6)}`} />, the least-squares minimum (sum of squared residuals of the best fit).
      </p>
    </div>
  );
}

const toXY = (ys: number[]) => ys.map((y, x) => ({ x, y }));

export const LossCharts = memo(function LossCharts({ view, colors, fileBase }: { view: SecondOrderView; colors: Record<MethodKey, string>; fileBase: string }) {
  const { methods } = view;
  const loss = useMemo<LineSeries[]>(() => METHOD_KEYS.map((k) => ({ key: k, label: METHOD_NAMES[k], color: colors[k], points: toXY(methods[k].losses) })), [methods, colors]);
  const lambda = useMemo<LineSeries[]>(
    () => (['lev', 'lm'] as const).map((k) => ({ key: k, label: `λ ${METHOD_NAMES[k]}`, color: colors[k], points: toXY(methods[k].lambdas) })),
    [methods, colors],
  );
  const lambdaDomain = useMemo<[number, number]>(() => {
    const all = [...methods.lev.lambdas, ...methods.lm.lambdas].filter((v) => v > 0);
    return [Math.min(...all) / 2, Math.max(...all) * 2];
  }, [methods]);
  return (
    <>
      <LineChart title="Loss per iteration" chartKey="loss" fileBase={fileBase} xLabel="iteration" yLabel="L = Σ rᵢ²" series={loss} logY
        referenceLines={view.best > 0 ? [{ y: view.best, label: 'L*', color: SERIES_COLORS[6] }] : []} />
      <LineChart title="Damping λ per iteration" chartKey="lambda" fileBase={fileBase} xLabel="iteration" yLabel="λ" series={lambda} logY height={180} yDomain={lambdaDomain} />
    </>
  );
});

const FN_TEX = { quartic: 'f(x) = x^4 - 3x^2 + x', sqrt: 'f(x) = \\sqrt{1 + x^2}' } as const;

/** Newton's method in 1D: f, the quadratic model at x_k and the step to its stationary point. */
export const NewtonPanel = memo(function NewtonPanel({ newton, fileBase }: { newton: SecondOrderView['newton']; fileBase: string }) {
  const fn = NEWTON_FUNCTIONS[newton.fn];
  const xk = newton.xs[newton.xs.length - 1];
  const next = newton1DStep(fn, xk);
  const series = useMemo<LineSeries[]>(() => {
    const lo = Math.min(-2.5, xk, next), hi = Math.max(2.5, xk, next);
    const grid = Array.from({ length: 161 }, (_, i) => lo + ((hi - lo) * i) / 160);
    const fy = grid.map((x) => ({ x, y: fn.f(x) }));
    const top = Math.max(...fy.map((p) => p.y)) + 1, bottom = Math.min(...fy.map((p) => p.y)) - 1;
    const model = grid.map((x) => ({ x, y: quadraticModel(fn, xk, x) })).filter((p) => p.y <= top && p.y >= bottom);
    return [
      { key: 'f', label: 'f(x)', color: SERIES_COLORS[0], points: fy },
      { key: 'm', label: `quadratic model m(x) at xₖ = ${xk.toPrecision(4)}`, color: SERIES_COLORS[1], points: model, dashed: true },
    ];
  }, [fn, xk, next]);
  const h = fn.d2f(xk);
  return (
    <div className="panel" data-testid="newton1d">
      <h4>Newton's method in 1D: <Tex math={FN_TEX[newton.fn]} /></h4>
      <Tex display math="m(x) = f(x_k) + f'(x_k)(x - x_k) + \tfrac12 f''(x_k)(x - x_k)^2" />
      <Tex display math="m'(x_{k+1}) = 0 \;\Rightarrow\; x_{k+1} = x_k - f'(x_k)\,/\,f''(x_k)" />
      <p>
        Step {newton.xs.length - 1}: <Tex math={`x_k = ${texNum(xk, 6)},\\ f'(x_k) = ${texNum(fn.df(xk), 4)},\\ f''(x_k) = ${texNum(h, 4)},\\ x_{k+1} = ${texNum(next, 6)}`} />.
        {h < 0 ? ' Here f″ < 0: the model is a downward parabola and Newton jumps to its maximum — it seeks stationary points, not minima.' : ''}
      </p>
      <LineChart title="Newton 1D: function and quadratic model" chartKey="newton" fileBase={fileBase} xLabel="x" yLabel="f(x)" series={series} height={220}
        referenceLines={[{ x: xk, label: 'xₖ', color: SERIES_COLORS[6] }, { x: next, label: 'xₖ₊₁', color: SERIES_COLORS[2] }]} />
    </div>
  );
});
