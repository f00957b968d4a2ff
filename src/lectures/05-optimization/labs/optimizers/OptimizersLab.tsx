/**
 * Lecture 5's optimizer lab: gradient descent, SGD, momentum, Nesterov, RMSProp, Adam (with and
 * without bias correction), Newton and L-BFGS side by side on 2-D surfaces. One step = one
 * iteration of every enabled optimizer.
 */
import { useCallback, useMemo } from 'react';
import { LineChart } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { clampStart, makeSurface, SURFACE_IDS, type SurfaceId } from '../../../../ml/optim/surfaces';
import { ContourPlot } from './ContourPlot';
import type { OptView } from './engine';
import {
  enabledOptimizers, OPT_PARAMS, OPTIMIZER_COLORS, OPTIMIZER_IDS, OPTIMIZER_LABELS, type OptimizerId, type OptParams,
} from './params';
import { RulePanel } from './RulePanel';
import './optimizers.css';

export const optimizersLab: LabDefinition<typeof OPT_PARAMS, OptView> = {
  id: 'optimizers',
  title: 'Optimizer race',
  lecture: '05-optimization',
  schema: OPT_PARAMS,
  engine: () => import('./engine').then((m) => m.createOptimizersEngine),
  needsTf: false,
  lossKeys: OPTIMIZER_IDS.map((id) => `loss_${id}`),
  maxSteps: (p) => p.iters,
  stepsPerFrame: 1,
  fileTag: (p) => `${p.surface}${p.surface === 'quadratic' ? `-k${p.kappa}` : ''}-${enabledOptimizers(p).join('+') || 'none'}-lr${p.lr}-seed${p.seed}`,
};

/** Learning rates that behave on each surface (set together with the start when the surface changes). */
const SUGGESTED: Record<SurfaceId, { lr: number; lrAdaptive: number }> = {
  quadratic: { lr: 0.5, lrAdaptive: 0.1 },
  rosenbrock: { lr: 0.001, lrAdaptive: 0.05 },
  beale: { lr: 0.005, lrAdaptive: 0.05 },
  saddle: { lr: 0.1, lrAdaptive: 0.05 },
  multimin: { lr: 0.01, lrAdaptive: 0.1 },
};

const SURFACE_LABELS = OPT_PARAMS.surface.optionLabels ?? {};

function controlsFor(p: OptParams): (keyof typeof OPT_PARAMS)[] {
  const on = new Set(enabledOptimizers(p));
  return [
    ...(p.surface === 'quadratic' ? ['kappa' as const] : []), 'x0', 'y0', ...OPTIMIZER_IDS,
    'lr', 'lrAdaptive', 'beta', 'beta1', 'beta2', 'eps',
    ...(on.has('sgd') ? ['sigma' as const] : []), ...(on.has('lbfgs') ? ['m' as const] : []), 'iters', 'seed',
  ];
}

function SurfaceSelect({ value, onChange }: { value: SurfaceId; onChange: (s: SurfaceId) => void }) {
  return (
    <div className="control">
      <label htmlFor="optimizers-surface">Surface</label>
      <select id="optimizers-surface" data-param="surf" value={value} onChange={(e) => onChange(e.target.value as SurfaceId)}>
        {SURFACE_IDS.map((s) => <option key={s} value={s}>{SURFACE_LABELS[s] ?? s}</option>)}
      </select>
      <p className="muted">Changing the surface also sets its default start and learning rates.</p>
    </div>
  );
}

function useLossSeries(ids: readonly OptimizerId[], series: Record<string, { x: number; y: number }[]>) {
  return useMemo(() => ids.map((id) => ({
    key: `loss_${id}`, label: OPTIMIZER_LABELS[id], color: OPTIMIZER_COLORS[id], points: series[`loss_${id}`] ?? [],
  })), [ids, series]);
}

export function OptimizersLab() {
  const h = useLab(optimizersLab);
  const { view, params: p } = h;
  const setParams = h.lab.setParams;
  const surface = useMemo(() => makeSurface(p.surface, { condition: p.kappa }), [p.surface, p.kappa]);
  const start = useMemo(() => clampStart(surface, p.x0, p.y0), [surface, p.x0, p.y0]);
  const ids = useMemo(() => enabledOptimizers(p), [p]);
  const lossSeries = useLossSeries(ids, h.chartSeries);
  const tracks = useMemo(() => (view?.tracks ?? []).map((t) => ({
    label: `${OPTIMIZER_LABELS[t.id]}${t.divergedAt !== null ? ' (diverged)' : ''}`, color: OPTIMIZER_COLORS[t.id], points: t.points,
  })), [view]);
  const pick = useCallback((x: number, y: number) => setParams({ x0: x, y0: y }), [setParams]);
  const changeSurface = useCallback((s: SurfaceId) => {
    const [x0, y0] = makeSurface(s).start;
    setParams({ surface: s, x0, y0, ...SUGGESTED[s] });
  }, [setParams]);
  const fileBase = `lecture05-optimizers-${optimizersLab.fileTag(p)}`;
  return (
    <LabFrame
      handle={h}
      stepLabel="iteration"
      controls={controlsFor(p)}
      extraControls={<SurfaceSelect value={p.surface} onChange={changeSurface} />}
      intro={
        <p>
          Every enabled optimizer starts from the same point (the square; click the plot to move it) and takes one iteration per step.
          On the ill-conditioned quadratic, raise <Tex math="\kappa" /> and watch gradient descent zig-zag while momentum and Adam cut
          across and Newton lands on the minimum in one step.
        </p>
      }
    >
      <ContourPlot surface={surface} tracks={tracks} start={start} fileBase={fileBase} onPick={pick} />
      <div className="stack">
        <LineChart
          title="Loss gap f − f_min + 10⁻¹² per iteration"
          chartKey="loss"
          fileBase={fileBase}
          xLabel="iteration"
          yLabel="f − f_min + 1e-12"
          series={lossSeries}
          logY
          height={240}
        />
        <p className="muted">
          <Tex math={surface.tex} />. Plotted: <Tex math="f(\theta^k) - f_{\min} + 10^{-12}" /> with{' '}
          {surface.minimum ? <Tex math={`f_{\\min} = ${surface.fMin}`} /> : <>the lowest value on the box, <Tex math={`f_{\\min} = ${surface.fMin}`} /> (f is unbounded below; iterates are kept in the box)</>}.
        </p>
      </div>
      {view && <RulePanel tracks={view.tracks} p={p} />}
    </LabFrame>
  );
}
