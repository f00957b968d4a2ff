import { SERIES_COLORS } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { MethodKey, SecondOrderView } from './engine';
import { FitPlot } from './FitPlot';
import { SECOND_ORDER_PARAMS } from './params';
import { ConvTable, Formulas, LossCharts, NewtonPanel } from './SecondOrderPanels';

export const secondOrderLab: LabDefinition<typeof SECOND_ORDER_PARAMS, SecondOrderView> = {
  id: 'second-order',
  title: 'Gauss–Newton, Levenberg and Levenberg–Marquardt',
  lecture: '05-optimization',
  schema: SECOND_ORDER_PARAMS,
  engine: () => import('./engine').then((m) => m.createSecondOrderEngine),
  needsTf: false,
  lossKeys: ['loss_lm'],
  maxSteps: (p) => p.iters,
  stepsPerFrame: 1,
  fileTag: (p) => `a${p.a}-b${p.b}-sd${p.noise}-n${p.n}-start${p.a0}_${p.b0}-lr${p.lr}-lam${p.lambda0}-${p.levMode}-seed${p.seed}`,
};

const COLORS: Record<MethodKey, string> = { gd: SERIES_COLORS[0], gn: SERIES_COLORS[1], lev: SERIES_COLORS[2], lm: SERIES_COLORS[3] };

export function SecondOrderLab() {
  const h = useLab(secondOrderLab);
  const { view, params: p } = h;
  const fileBase = `lecture05-second-order-${secondOrderLab.fileTag(p)}`;
  return (
    <LabFrame
      handle={h}
      stepLabel="iteration"
      controls={['a', 'b', 'noise', 'n', 'a0', 'b0', 'lr', 'lambda0', 'levMode', 'iters', 'fn', 'x0', 'seed']}
      intro={
        <p>
          Fit <Tex math="y = a\,e^{bx}" /> to noisy points by least squares, <Tex math="L(a, b) = \sum_i (a e^{b x_i} - y_i)^2" />,
          with four methods at once: each Step is one iteration of every method. Gauss–Newton and LM land in a handful of
          iterations where gradient descent needs hundreds. Move the start to <Tex math="(a_0, b_0) = (0.5, -3)" /> and
          undamped Gauss–Newton overshoots, while the damping <Tex math="\lambda" /> of Levenberg and LM grows, rejects the bad
          steps and shrinks again once the model can be trusted. Below, the same Steps drive Newton's method on a 1D function.
        </p>
      }
    >
      {view ? (
        <>
          <Formulas />
          <FitPlot view={view} colors={COLORS} fileBase={fileBase} step={h.step} />
          <LossCharts view={view} colors={COLORS} fileBase={fileBase} />
          <ConvTable view={view} step={h.step} />
          <NewtonPanel newton={view.newton} fileBase={fileBase} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
