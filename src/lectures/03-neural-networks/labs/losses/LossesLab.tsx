import { memo, useMemo } from 'react';
import { LineChart, SERIES_COLORS } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab, type LabHandle } from '../../../../labs/useLab';
import type { LossesView } from './engine';
import { lossTex } from './lossFormulas';
import { LOSSES_PARAMS, lossSpecOf, type LossesParams } from './params';

export const lossesLab: LabDefinition<typeof LOSSES_PARAMS, LossesView> = {
  id: 'losses',
  title: 'Loss-function explorer',
  lecture: '03-neural-networks',
  schema: LOSSES_PARAMS,
  engine: () => import('./engine').then((m) => m.createLossesEngine),
  needsTf: false,
  lossKeys: ['loss'],
  maxSteps: (p) => p.steps,
  stepsPerFrame: 1,
  fileTag: (p) => `${p.loss}-${lossSpecOf(p).axis}-y${lossSpecOf(p).target}-lr${p.lr}`,
};

const [LOSS_COLOR, GRAD_COLOR, PRED_COLOR] = [SERIES_COLORS[0], SERIES_COLORS[1], SERIES_COLORS[2]];
const MARK_COLOR = '#57606a';

/** The controls that mean something for the chosen loss. */
function controlsFor(p: LossesParams): (keyof LossesParams & string)[] {
  const spec = lossSpecOf(p);
  const target: (keyof LossesParams & string)[] = p.loss === 'bce' ? ['label'] : p.loss === 'ce' ? ['classes'] : ['target'];
  const axis: (keyof LossesParams & string)[] = spec.axis === 'value' ? [] : ['axis'];
  return ['loss', ...axis, ...target, spec.axis === 'prob' ? 'p0' : 'x0', 'lr', 'steps'];
}

function Formulas({ p, view, step }: { p: LossesParams; view: LossesView; step: number }) {
  const spec = lossSpecOf(p);
  const t = lossTex(spec.kind, spec.axis);
  const given = spec.kind === 'ce' ? `C = ${spec.classes}` : `y = ${spec.target}`;
  const next = view.pred - p.lr * view.grad;
  return (
    <div className="panel">
      <h4>The loss, its derivative, and step {step}</h4>
      <Tex display math={t.dataset} />
      <p>For one prediction on the horizontal axis ({given}):</p>
      <Tex display math={`${t.single}, \\qquad ${t.derivative}`} />
      <Tex display math={`${t.x} = ${texNum(view.pred, 4)}: \\quad L = ${texNum(view.loss, 4)}, \\quad L' = ${texNum(view.grad, 4)}, \\quad ${t.x} - \\alpha L' = ${texNum(next, 4)}`} />
      <p>{t.lesson}</p>
    </div>
  );
}

interface CurvesProps { view: LossesView; xLabel: string; fileBase: string }

const Curves = memo(function Curves({ view, xLabel, fileBase }: CurvesProps) {
  const lossSeries = useMemo(() => [{ key: 'L', label: 'L', color: LOSS_COLOR, points: view.lossCurve }], [view.lossCurve]);
  const gradSeries = useMemo(() => [{ key: 'dL', label: 'dL/dx', color: GRAD_COLOR, points: view.gradCurve }], [view.gradCurve]);
  const mark = useMemo(() => [{ x: view.pred, label: `now ${view.pred.toFixed(3)}`, color: MARK_COLOR }], [view.pred]);
  const zero = useMemo(() => [...mark, { y: 0, label: '', color: MARK_COLOR }], [mark]);
  return (
    <div className="ml-view">
      <LineChart title="Loss against the prediction" chartKey="loss-curve" fileBase={fileBase} xLabel={xLabel} yLabel="L" series={lossSeries} referenceLines={mark} height={220} />
      <LineChart title="Derivative against the prediction" chartKey="derivative-curve" fileBase={fileBase} xLabel={xLabel} yLabel="∂L/∂x" series={gradSeries} referenceLines={zero} height={220} />
    </div>
  );
});

function History({ h, fileBase, target }: { h: LabHandle<typeof LOSSES_PARAMS, LossesView>; fileBase: string; target: number | null }) {
  const { loss, pred } = h.chartSeries;
  const lossSeries = useMemo(() => [{ key: 'loss', label: 'loss', color: LOSS_COLOR, points: loss ?? [] }], [loss]);
  const predSeries = useMemo(() => [{ key: 'pred', label: 'prediction', color: PRED_COLOR, points: pred ?? [] }], [pred]);
  const targetLine = useMemo(() => (target === null ? [] : [{ y: target, label: `target ${target}`, color: MARK_COLOR }]), [target]);
  return (
    <div className="ml-view">
      <LineChart title="Loss during gradient descent" chartKey="loss-history" fileBase={fileBase} xLabel="gradient step" yLabel="L" series={lossSeries} height={200} />
      <LineChart title="Prediction during gradient descent" chartKey="prediction-history" fileBase={fileBase} xLabel="gradient step" yLabel="prediction" series={predSeries} referenceLines={targetLine} height={200} />
    </div>
  );
}

const AXIS_LABEL = { value: 'prediction ŷ', prob: 'probability ŷ', logit: 'logit z' } as const;

export function LossesLab() {
  const h = useLab(lossesLab);
  const { view, params: p } = h;
  const fileBase = `lecture03-losses-${lossesLab.fileTag(p)}`;
  const spec = lossSpecOf(p);
  const finiteBest = view && Number.isFinite(view.best) ? view.best : null;
  return (
    <LabFrame
      handle={h}
      stepLabel="gradient step"
      controls={controlsFor(p)}
      intro={
        <p>
          Pick a loss and a target, then press Play: gradient descent moves a single prediction downhill on the curve, one step of
          size <Tex math="\alpha \cdot \partial L / \partial x" /> at a time. Compare L1 with MSE, and binary cross-entropy on the
          probability with the same loss on the logit.
        </p>
      }
    >
      {view ? (
        <>
          <Formulas p={p} view={view} step={h.step} />
          <Curves view={view} xLabel={AXIS_LABEL[spec.axis]} fileBase={fileBase} />
          <History h={h} fileBase={fileBase} target={finiteBest} />
        </>
      ) : (
        <p className="loading">Preparing the loss…</p>
      )}
    </LabFrame>
  );
}
