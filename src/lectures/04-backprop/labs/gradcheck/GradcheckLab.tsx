import { memo, useMemo } from 'react';
import { LineChart, SERIES_COLORS } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { GradcheckView, GradRow } from './engine';
import { FLAG_AT, GRADCHECK_PARAMS } from './params';

export const gradcheckLab: LabDefinition<typeof GRADCHECK_PARAMS, GradcheckView> = {
  id: 'gradcheck',
  title: 'Gradient check for a small network',
  lecture: '04-backprop',
  schema: GRADCHECK_PARAMS,
  engine: () => import('./engine').then((m) => m.createGradcheckEngine),
  needsTf: true,
  lossKeys: ['loss'],
  maxSteps: (p) => p.steps,
  stepsPerFrame: 10,
  fileTag: (p) => `${p.act}-${p.loss}${p.broken ? '-broken' : ''}-h${p.hidden}-n${p.n}-lr${p.lr}-seed${p.seed}`,
};

/** tfjs computes in float32, so autodiff is flagged only beyond this. */
const AUTO_FLAG_AT = 1e-3;
const fmt = (v: number) => (Number.isFinite(v) ? v.toPrecision(6) : String(v));
const fmtErr = (v: number) => (Number.isFinite(v) ? v.toExponential(1) : String(v));

const Row = memo(function Row({ r }: { r: GradRow }) {
  const bad = r.errHand > FLAG_AT || r.errAuto > AUTO_FLAG_AT;
  return (
    <tr className={bad ? 'flagged' : undefined}>
      <th scope="row"><Tex math={`\\partial L/\\partial ${r.name}`} /></th>
      <td>{fmt(r.autodiff)}</td>
      <td>{fmt(r.hand)}</td>
      <td>{fmt(r.numeric)}</td>
      <td>{fmtErr(r.errHand)}{r.errHand > FLAG_AT ? ' ✗' : ''}</td>
      <td>{fmtErr(r.errAuto)}{r.errAuto > AUTO_FLAG_AT ? ' ✗' : ''}</td>
    </tr>
  );
});

function Verdict({ rows }: { rows: GradRow[] }) {
  const badHand = rows.filter((r) => r.errHand > FLAG_AT);
  const maxHand = Math.max(...rows.map((r) => r.errHand));
  const maxAuto = Math.max(...rows.map((r) => r.errAuto));
  if (badHand.length > 0) {
    return (
      <p className="gradcheck-verdict bad" role="alert" data-testid="gradcheck-verdict">
        Gradient check failed: {badHand.length} hand-derived gradient{badHand.length > 1 ? 's' : ''} (layer {[...new Set(badHand.map((r) => r.layer))].join(', ')})
        disagree with finite differences, largest relative error {fmtErr(maxHand)} ≫ {FLAG_AT}. The formula behind the red rows is wrong.
      </p>
    );
  }
  return (
    <p className="gradcheck-verdict ok" role="status" data-testid="gradcheck-verdict">
      All gradients agree: largest relative error {fmtErr(maxHand)} for the hand-derived formulas and {fmtErr(maxAuto)} for autodiff
      (float32), both against central finite differences.
    </p>
  );
}

function GradTable({ rows }: { rows: GradRow[] }) {
  return (
    <div className="panel wide">
      <h4>Three gradients of the same loss</h4>
      <Verdict rows={rows} />
      <div className="gradcheck-table" tabIndex={0} role="region" aria-label="Gradient check table (scrolls sideways)">
        <table className="metric-table">
          <caption className="visually-hidden">Autodiff, hand-derived and numeric gradients with relative errors</caption>
          <thead>
            <tr>
              <th scope="col">Weight</th><th scope="col">autodiff (tfjs)</th><th scope="col">hand-derived</th><th scope="col">finite differences</th>
              <th scope="col">rel. error hand</th><th scope="col">rel. error autodiff</th>
            </tr>
          </thead>
          <tbody>{rows.map((r) => <Row key={r.name} r={r} />)}</tbody>
        </table>
      </div>
      <p className="muted">
        Relative error <Tex math="|a - b| / \max(|a|, |b|, 10^{-8})" /> against <Tex math="\frac{L(w + \varepsilon) - L(w - \varepsilon)}{2\varepsilon}" />,{' '}
        <Tex math="\varepsilon = 10^{-5}" /> in float64. Red: above <Tex math="10^{-4}" /> (hand-derived) or <Tex math="10^{-3}" /> (autodiff, which runs in float32).
      </p>
    </div>
  );
}

export function GradcheckLab() {
  const h = useLab(gradcheckLab);
  const { view, params: p } = h;
  const fileBase = `lecture04-gradcheck-${gradcheckLab.fileTag(p)}`;
  const curve = h.chartSeries.loss;
  const series = useMemo(() => [{ key: 'loss', label: 'training loss L', color: SERIES_COLORS[0], points: curve ?? [] }], [curve]);
  return (
    <LabFrame
      handle={h}
      stepLabel="gradient step"
      controls={['broken', 'act', 'loss', 'hidden', 'n', 'lr', 'steps', 'seed']}
      intro={
        <p>
          A network with 2 inputs, a hidden layer and 2 outputs, trained by gradient descent. At every moment its gradients are
          computed three ways: by tfjs's automatic differentiation, by the formulas derived above, and numerically. Tick{' '}
          <em>Break one formula</em> to drop the activation derivative from the first-layer formula and watch the check catch it.
        </p>
      }
    >
      {view ? (
        <>
          <GradTable rows={view.rows} />
          <LineChart title="Training loss" chartKey="loss" fileBase={fileBase} xLabel="gradient step" yLabel="L" series={series} />
        </>
      ) : (
        <p className="loading">Starting the ML engine…</p>
      )}
    </LabFrame>
  );
}
