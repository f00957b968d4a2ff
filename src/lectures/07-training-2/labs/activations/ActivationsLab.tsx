import { memo, useMemo } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { Erratum } from '../../../../components/LectureParts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { ActivationKind } from '../../../../ml/activations';
import type { ActParams, ActView } from './engine';
import { ACT_PARAMS, SAT_THRESHOLD, START, TOLERANCE, X_RANGE } from './params';
import { WPlane, type PlanePath } from './WPlane';
import './activations.css';

export const activationsLab: LabDefinition<typeof ACT_PARAMS, ActView> = {
  id: 'activations',
  title: 'Activation-function gallery',
  lecture: '07-training-2',
  schema: ACT_PARAMS,
  engine: () => import('./engine').then((m) => m.createActivationsEngine),
  needsTf: false,
  lossKeys: ['pos_dist', 'cen_dist'],
  maxSteps: (p) => p.steps,
  stepsPerFrame: 1,
  fileTag: (p) => `${p.act}-lr${p.lr}-t${p.t1}_${p.t2}-seed${p.seed}`,
};

const F_COLOR = SERIES_COLORS[0];
const DF_COLOR = SERIES_COLORS[1];
const POS_COLOR = SERIES_COLORS[1];
const CEN_COLOR = SERIES_COLORS[2];

const EXTRA_CONTROLS: Partial<Record<ActivationKind, (keyof ActParams & string)[]>> = {
  prelu: ['alpha'], elu: ['eluAlpha'], swish: ['beta'], maxout: ['w1', 'b1', 'w2', 'b2'],
};

/** f and f′ in TeX for the chosen activation, with the live parameter values. */
function formulas(p: ActParams): { f: string; df: string } {
  const a = texNum(p.alpha, 2);
  const ea = texNum(p.eluAlpha, 2);
  const b = texNum(p.beta, 2);
  switch (p.act) {
    case 'linear':
      return { f: 'f(x) = x', df: "f'(x) = 1" };
    case 'step':
      return { f: 'f(x) = \\begin{cases} 0 & x < 0 \\\\ 1 & x \\ge 0 \\end{cases}', df: "f'(x) = 0 \\;(x \\ne 0)" };
    case 'sigmoid':
      return { f: 'f(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}', df: "f'(x) = \\sigma(x)\\,(1 - \\sigma(x))" };
    case 'tanh':
      return { f: 'f(x) = \\tanh(x) = \\frac{e^x - e^{-x}}{e^x + e^{-x}}', df: "f'(x) = 1 - \\tanh^2(x)" };
    case 'relu':
      return { f: 'f(x) = \\max(0, x)', df: "f'(x) = \\begin{cases} 0 & x < 0 \\\\ 1 & x > 0 \\end{cases}" };
    case 'leaky':
      return { f: 'f(x) = \\max(0.01x, x)', df: "f'(x) = \\begin{cases} 0.01 & x < 0 \\\\ 1 & x > 0 \\end{cases}" };
    case 'prelu':
      return { f: `f(x) = \\max(\\alpha x, x),\\ \\alpha = ${a}`, df: `f'(x) = \\begin{cases} \\alpha = ${a} & x < 0 \\\\ 1 & x > 0 \\end{cases}` };
    case 'elu':
      return {
        f: `f(x) = \\begin{cases} x & x \\ge 0 \\\\ \\alpha(e^x - 1) & x < 0 \\end{cases},\\ \\alpha = ${ea}`,
        df: "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha e^x & x < 0 \\end{cases}",
      };
    case 'swish':
      return { f: `f(x) = 2x\\,\\sigma(\\beta x),\\ \\beta = ${b}`, df: "f'(x) = 2\\sigma(\\beta x) + 2\\beta x\\,\\sigma(\\beta x)(1 - \\sigma(\\beta x))" };
    case 'maxout':
      return {
        f: `f(x) = \\max(w_1 x + b_1,\\ w_2 x + b_2) = \\max(${texNum(p.w1, 2)}x ${p.b1 < 0 ? '-' : '+'} ${texNum(Math.abs(p.b1), 2)},\\ ${texNum(p.w2, 2)}x ${p.b2 < 0 ? '-' : '+'} ${texNum(Math.abs(p.b2), 2)})`,
        df: "f'(x) = w_1 \\text{ or } w_2 \\text{ (the slope of the larger line)}",
      };
  }
}

interface Row { kind: ActivationKind; name: string; eq: string; range: string; sat: string }
const NUTSHELL: Row[] = [
  { kind: 'linear', name: 'Linear', eq: 'x', range: '(-\\infty, \\infty)', sat: 'never' },
  { kind: 'step', name: 'Step', eq: '\\begin{cases} 0 & x < 0 \\\\ 1 & x \\ge 0 \\end{cases}', range: '\\{0, 1\\}', sat: 'everywhere: f′ = 0, no gradient at all' },
  { kind: 'sigmoid', name: 'Sigmoid', eq: '\\frac{1}{1 + e^{-x}}', range: '(0, 1)', sat: '|x| ≳ 4.6' },
  { kind: 'tanh', name: 'Tanh', eq: '\\frac{e^x - e^{-x}}{e^x + e^{-x}}', range: '(-1, 1)', sat: '|x| ≳ 3.0' },
  { kind: 'relu', name: 'ReLU', eq: '\\begin{cases} 0 & x < 0 \\\\ x & x \\ge 0 \\end{cases}', range: '[0, \\infty)', sat: 'x < 0 (f′ = 0: the unit can die)' },
  { kind: 'leaky', name: 'Leaky ReLU', eq: '\\begin{cases} 0.01x & x < 0 \\\\ x & x \\ge 0 \\end{cases}', range: '(-\\infty, \\infty)', sat: 'never (f′ = 0.01 for x < 0)' },
  { kind: 'prelu', name: 'Parametric ReLU', eq: '\\max(\\alpha x, x)', range: '(-\\infty, \\infty) \\text{ for } \\alpha > 0', sat: 'x < 0 only if α < 0.01' },
  { kind: 'elu', name: 'ELU', eq: '\\begin{cases} \\alpha(e^x - 1) & x < 0 \\\\ x & x \\ge 0 \\end{cases}', range: '(-\\alpha, \\infty)', sat: 'x < ln(0.01/α) (≈ −4.6 for α = 1)' },
  { kind: 'swish', name: 'Swish (notes’ form)', eq: '2x\\,\\sigma(\\beta x)', range: '[\\approx -0.557/\\beta, \\infty) \\text{ for } \\beta > 0', sat: 'far left, x ≲ −7.1/β, and a sliver at the minimum x ≈ −1.28/β (none at β = 0)' },
  { kind: 'maxout', name: 'Maxout', eq: '\\max(w_1 x + b_1, w_2 x + b_2)', range: '\\text{depends on } w, b', sat: 'never, unless a slope |w| < 0.01' },
];

function fmtInterval([a, b]: [number, number]): string {
  const e = (v: number) => (Math.abs(v) >= X_RANGE - 1e-9 ? (v < 0 ? '−6' : '6') : v.toFixed(2).replace('-', '−'));
  return `[${e(a)}, ${e(b)}]`;
}

const CurveChart = memo(function CurveChart({ view, name, fileBase }: { view: ActView; name: string; fileBase: string }) {
  const { curve } = view;
  const series = useMemo<LineSeries[]>(() => [
    { key: 'f', label: `${name} f(x)`, color: F_COLOR, points: curve.points.map((q) => ({ x: q.x, y: q.f })) },
    { key: 'df', label: "derivative f′(x)", color: DF_COLOR, dashed: true, points: curve.points.map((q) => ({ x: q.x, y: q.df })) },
  ], [curve, name]);
  const refs = useMemo<ReferenceLineSpec[]>(() => curve.saturated.flatMap(([a, b]) => [a, b])
    .filter((x) => Math.abs(x) < X_RANGE - 1e-6)
    .map((x) => ({ x, label: `|f′| < ${SAT_THRESHOLD}`, color: '#8c959f' })), [curve]);
  return (
    <LineChart title="Activation and its derivative" chartKey="curve" fileBase={fileBase} xLabel="x" yLabel="f(x), f′(x)" series={series}
      referenceLines={refs} height={260} />
  );
});

function Nutshell({ act }: { act: ActivationKind }) {
  return (
    <div className="panel wide">
      <h4>In a nutshell</h4>
      <div className="activations-table-wrap">
        <table className="notes-table notes-table-left activations-table">
          <thead><tr><th>activation</th><th>equation</th><th>range</th><th>saturates (|f′| {'<'} 0.01)</th></tr></thead>
          <tbody>
            {NUTSHELL.map((r) => (
              <tr key={r.kind} className={r.kind === act ? 'activations-current' : undefined} aria-current={r.kind === act ? 'true' : undefined}>
                <th>{r.name}</th><td><Tex math={`f(x) = ${r.eq}`} /></td><td><Tex math={r.range} /></td><td>{r.sat}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Erratum>the notes’ table gives leaky ReLU as 0.01 for x {'<'} 0; it is 0.01x. Their Swish, 2xσ(βx), is twice the usual Swish xσ(βx)
        (only the doubled form has the limits x at β = 0 and 2·max(0, x) as β → ∞); and for β {'>'} 0 it is bounded below (minimum ≈ −0.557/β), not (−∞, ∞).</Erratum>
    </div>
  );
}

const ZeroCentring = memo(function ZeroCentring({ view, fileBase }: { view: ActView; fileBase: string }) {
  const { positive: pos, centred: cen } = view.runs;
  const paths = useMemo<PlanePath[]>(() => [
    { label: 'all-positive inputs x = σ(z)', color: POS_COLOR, points: pos.path },
    { label: 'zero-centred inputs x = σ(z) − ½', color: CEN_COLOR, points: cen.path },
  ], [pos, cen]);
  const frac = (r: typeof pos) => (r.counted ? r.sameSign / r.counted : 0);
  const reached = (r: typeof pos) => (r.reachedAt !== null ? `${r.reachedAt} steps` : 'not yet');
  return (
    <>
      <WPlane title="SGD paths on the w₁–w₂ plane" chartKey="paths" fileBase={fileBase} paths={paths} start={START} target={view.target} />
      <div className="panel" data-testid="activations-zero">
        <h4>Why zero-centred inputs help</h4>
        <Tex display math="\frac{\partial L}{\partial w_i} = \frac{\partial L}{\partial y}\cdot\frac{\partial y}{\partial s}\cdot x_i" />
        <p>
          The first two factors are one number shared by both weights, so with every <Tex math="x_i > 0" /> the two components always have the
          same sign: <Tex math="w_1" /> and <Tex math="w_2" /> can only rise or fall together, and reaching{' '}
          <Tex math={`w^* = (${texNum(view.target[0], 2)}, ${texNum(view.target[1], 2)})`} /> takes a zig-zag.
        </p>
        <table className="notes-table activations-zero-table">
          <thead><tr><th /><th>all-positive</th><th>zero-centred</th></tr></thead>
          <tbody>
            <tr><th>steps with same-sign gradient</th><td>{(100 * frac(pos)).toFixed(0)} %</td><td>{(100 * frac(cen)).toFixed(0)} %</td></tr>
            <tr><th>path length</th><td>{pos.length.toFixed(2)}</td><td>{cen.length.toFixed(2)}</td></tr>
            <tr><th>within {TOLERANCE} of w*</th><td>{reached(pos)}</td><td>{reached(cen)}</td></tr>
          </tbody>
        </table>
        <p className="muted">
          Per-sample SGD on <Tex math="L = \tfrac12(s - w^{*\top}x)^2" />, both runs on the same draws <Tex math="z \sim \mathcal N(0, 1.5^2)" />; the
          centred inputs <Tex math="\sigma(z) - \tfrac12 = \tfrac12\tanh(z/2)" /> are what a tanh layer would pass on.
        </p>
      </div>
    </>
  );
});

export function ActivationsLab() {
  const h = useLab(activationsLab);
  const { view, params: p } = h;
  const fileBase = `lecture07-activations-${activationsLab.fileTag(p)}`;
  const controls = useMemo<(keyof ActParams & string)[]>(() => ['act', ...(EXTRA_CONTROLS[p.act] ?? []), 'lr', 't1', 't2', 'steps', 'seed'], [p.act]);
  const name = ACT_PARAMS.act.optionLabels?.[p.act] ?? p.act;
  const tex = formulas(p);
  const sat = view?.curve.saturated ?? [];
  return (
    <LabFrame
      handle={h}
      stepLabel="SGD step"
      controls={controls}
      intro={
        <p>
          Pick an activation to see it with its derivative; where <Tex math={`|f'(x)| < ${SAT_THRESHOLD}`} /> the unit saturates and passes
          almost no gradient back. Press Play for the zero-centring experiment: one neuron trained with all-positive inputs and with the same
          inputs centred, one SGD step per frame.
        </p>
      }
    >
      {view ? (
        <>
          <CurveChart view={view} name={name} fileBase={fileBase} />
          <div className="panel" data-testid="activations-formula">
            <h4>{name}</h4>
            <Tex display math={tex.f} />
            <Tex display math={tex.df} />
            <p>
              Saturates (<Tex math={`|f'| < ${SAT_THRESHOLD}`} />) on <Tex math={`x \\in [-${X_RANGE}, ${X_RANGE}]`} />:{' '}
              <strong data-testid="activations-sat">{sat.length ? sat.map(fmtInterval).join(' ∪ ') : 'nowhere'}</strong>.
            </p>
            {p.act === 'swish' ? (
              <p className="muted">The notes’ Swish is <Tex math="2x\sigma(\beta x)" />; the usual definition is <Tex math="x\sigma(\beta x)" /> (half of it).
                At <Tex math="\beta = 0" /> it is exactly <Tex math="x" />; as <Tex math="\beta" /> grows it approaches <Tex math="2\max(0, x)" />.</p>
            ) : null}
          </div>
          <Nutshell act={p.act} />
          <ZeroCentring view={view} fileBase={fileBase} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
