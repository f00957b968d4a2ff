/** Each enabled optimizer's update rule in KaTeX, with the live values of its state. */
import { Tex, texNum } from '../../../../components/Tex';
import type { Vec2 } from '../../../../ml/optim/rules';
import type { Track } from './engine';
import { OPTIMIZER_COLORS, OPTIMIZER_LABELS, type OptimizerId, type OptParams } from './params';

const vec = (v: Vec2 | undefined) => (v ? `\\begin{pmatrix}${texNum(v[0])}\\\\${texNum(v[1])}\\end{pmatrix}` : '\\cdot');

/** The rule as in the notes (ε outside the root in Adam, correcting the notes' erratum). */
const RULES: Record<OptimizerId, string> = {
  gd: '\\theta^{k+1} = \\theta^k - \\alpha \\nabla_\\theta L(\\theta^k)',
  sgd: '\\theta^{k+1} = \\theta^k - \\alpha\\,\\big(\\nabla_\\theta L(\\theta^k) + \\sigma z^k\\big),\\ z^k \\sim \\mathcal N(0, I)',
  momentum: 'v^{k+1} = \\beta v^k - \\alpha \\nabla_\\theta L(\\theta^k),\\quad \\theta^{k+1} = \\theta^k + v^{k+1}',
  nesterov: '\\tilde\\theta^{k+1} = \\theta^k + \\beta v^k,\\ v^{k+1} = \\beta v^k - \\alpha \\nabla_\\theta L(\\tilde\\theta^{k+1}),\\ \\theta^{k+1} = \\theta^k + v^{k+1}',
  rmsprop: 's^{k+1} = \\beta s^k + (1-\\beta)\\,\\nabla_\\theta L \\circ \\nabla_\\theta L,\\quad \\theta^{k+1} = \\theta^k - \\alpha \\frac{\\nabla_\\theta L}{\\sqrt{s^{k+1}} + \\epsilon}',
  adam: '\\begin{gathered}m^{k+1} = \\beta_1 m^k + (1-\\beta_1) \\nabla_\\theta L,\\ v^{k+1} = \\beta_2 v^k + (1-\\beta_2) \\nabla_\\theta L \\circ \\nabla_\\theta L \\\\ \\hat m = \\frac{m^{k+1}}{1-\\beta_1^{k+1}},\\ \\hat v = \\frac{v^{k+1}}{1-\\beta_2^{k+1}},\\ \\theta^{k+1} = \\theta^k - \\alpha \\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}\\end{gathered}',
  adamNoBias: '\\begin{gathered}m^{k+1} = \\beta_1 m^k + (1-\\beta_1) \\nabla_\\theta L,\\ v^{k+1} = \\beta_2 v^k + (1-\\beta_2) \\nabla_\\theta L \\circ \\nabla_\\theta L \\\\ \\theta^{k+1} = \\theta^k - \\alpha \\frac{m^{k+1}}{\\sqrt{v^{k+1}} + \\epsilon}\\end{gathered}',
  newton: '\\theta^{k+1} = \\theta^k - H^{-1} \\nabla_\\theta L(\\theta^k)',
  lbfgs: 'd = -\\tilde H^{-1} \\nabla_\\theta L \\ \\text{(two-loop recursion over the last } m \\text{ pairs } s_i, y_i),\\quad \\theta^{k+1} = \\theta^k + t\\,d',
};

function liveValues(t: Track): string {
  const { vectors: v, scalars: s } = t.readout;
  const g = `\\nabla_\\theta L = ${vec(v.g)}`;
  switch (t.id) {
    case 'momentum': return `${g},\\ v^{${t.k}} = ${vec(v.v)}`;
    case 'nesterov': return `\\tilde\\theta^{${t.k}} = ${vec(v.lookahead)},\\ \\nabla_\\theta L(\\tilde\\theta) = ${vec(v.g)},\\ v^{${t.k}} = ${vec(v.v)}`;
    case 'rmsprop': return `${g},\\ s^{${t.k}} = ${vec(v.s)}`;
    case 'adam': return `m = ${vec(v.m)},\\ v = ${vec(v.v)},\\ \\hat m = ${vec(v.mHat)},\\ \\hat v = ${vec(v.vHat)}`;
    case 'adamNoBias': return `m = ${vec(v.m)},\\ v = ${vec(v.v)}`;
    case 'newton': return `${g},\\ H = \\begin{pmatrix}${texNum(s.hxx)} & ${texNum(s.hxy)}\\\\${texNum(s.hxy)} & ${texNum(s.hyy)}\\end{pmatrix},\\ \\lambda(H) = ${texNum(v.eig[0])},\\ ${texNum(v.eig[1])}`;
    case 'lbfgs': return `${g},\\ d = ${vec(v.d)},\\ t = ${texNum(s.t)},\\ ${s.pairs}\\text{ pairs}`;
    default: return g;
  }
}

function Rule({ t }: { t: Track }) {
  const theta = t.points[t.points.length - 1];
  return (
    <li className="opt-rule" style={{ borderLeftColor: OPTIMIZER_COLORS[t.id] }}>
      <strong>{OPTIMIZER_LABELS[t.id]}</strong>
      {t.divergedAt !== null && <span role="status" className="opt-warning"> — diverged at step {t.divergedAt} and stopped; lower its learning rate.</span>}
      {t.reachedAt !== null && <span className="muted"> — reached f − f_min ≤ 10⁻⁶ at iteration {t.reachedAt}</span>}
      <Tex display math={RULES[t.id]} />
      {t.k > 0 ? (
        <Tex display math={`k = ${t.k}:\\ ${liveValues(t)},\\ \\theta^{${t.k}} = ${vec(theta)}`} />
      ) : <p className="muted">Press Step to see the values of the first step.</p>}
      {t.id === 'newton' && t.readout.modified && (
        <p role="status" className="opt-warning">
          H is not positive definite here (an eigenvalue ≤ 10⁻⁶), so the step uses |H|: H’s eigenvectors with eigenvalues
          max(|λ|, 10⁻⁶). That turns a step towards the saddle or maximum into a descent step.
        </p>
      )}
    </li>
  );
}

export function RulePanel({ tracks, p }: { tracks: readonly Track[]; p: OptParams }) {
  return (
    <div className="panel opt-rules">
      <h4>Update rules with the current values</h4>
      <p className="muted">
        <Tex math={`\\alpha = ${texNum(p.lr)}`} /> (GD, SGD, momentum), <Tex math={`\\alpha = ${texNum(p.lrAdaptive)}`} /> (RMSProp, Adam),{' '}
        <Tex math={`\\beta = ${p.beta},\\ \\beta_1 = ${p.beta1},\\ \\beta_2 = ${p.beta2},\\ \\epsilon = ${texNum(p.eps)}`} />. The notes write
        Adam’s denominator as <Tex math="\sqrt{\hat v + \epsilon}" />; the published rule (and the notes’ own RMSProp) is{' '}
        <Tex math="\sqrt{\hat v} + \epsilon" />, used here.
      </p>
      {tracks.length ? <ul className="opt-rule-list">{tracks.map((t) => <Rule key={t.id} t={t} />)}</ul> : <p>Switch on an optimizer.</p>}
    </div>
  );
}
