import { memo, useMemo } from 'react';
import { LineChart, ScatterHeatmap, SERIES_COLORS, type LineSeries, type ScatterLine } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { CurveState, MinibatchView } from './engine';
import { CLOUD_SIZE, CURVE_KEYS, MINIBATCH_PARAMS, N_SAMPLES, type CurveKey } from './params';

export const minibatchLab: LabDefinition<typeof MINIBATCH_PARAMS, MinibatchView> = {
  id: 'minibatch',
  title: 'Minibatch SGD',
  lecture: '05-optimization',
  schema: MINIBATCH_PARAMS,
  engine: () => import('./engine').then((m) => m.createMinibatchEngine),
  needsTf: false,
  lossKeys: ['loss'],
  maxSteps: (p) => p.epochs,
  stepsPerFrame: 1,
  fileTag: (p) => `${p.model}-B${p.batch}-lr${p.lr}${p.rm ? '-rm' : ''}-seed${p.seed}`,
};

const CURVE_COLORS: Record<CurveKey, string> = { b1: SERIES_COLORS[1], b10: SERIES_COLORS[4], full: SERIES_COLORS[6], chosen: SERIES_COLORS[0] };
const CLOUD_COLORS = [SERIES_COLORS[0], SERIES_COLORS[1]];

function curveLabel(k: CurveKey, c: CurveState | undefined, batch: number): string {
  const name = k === 'full' ? `B = n = ${N_SAMPLES} (full batch)` : k === 'chosen' ? `B = ${batch} (chosen)` : `B = ${batch}`;
  return c?.divergedAt != null ? `${name} — diverged at epoch ${c.divergedAt}` : name;
}

const Cloud = memo(function Cloud({ view, batch, fileBase }: { view: MinibatchView; batch: number; fileBase: string }) {
  const { cloud } = view;
  const domain = useMemo(() => {
    const r = Math.max(3 * cloud.spread1, 1e-3);
    return { xMin: cloud.full[0] - r, xMax: cloud.full[0] + r, yMin: cloud.full[1] - r, yMax: cloud.full[1] + r };
  }, [cloud]);
  const points = useMemo(
    () => [...cloud.samples.map((g) => ({ x: g[0], y: g[1], label: 0 })), { x: cloud.full[0], y: cloud.full[1], label: 1 }],
    [cloud],
  );
  const lines = useMemo<ScatterLine[]>(() => [
    { a: 1, b: 0, c: -cloud.full[0], color: '#57606a', label: '∂L/∂θ₀ of the full batch', dashed: true },
    { a: 0, b: 1, c: -cloud.full[1], color: '#8c959f', label: '∂L/∂θ₁ of the full batch', dashed: true },
  ], [cloud]);
  const names = useMemo(() => [`${CLOUD_SIZE} minibatch gradients, B = ${batch}`, 'full-batch gradient ∇L(θ)'], [batch]);
  return (
    <ScatterHeatmap title="Minibatch gradients around the full gradient" chartKey="cloud" fileBase={fileBase} domain={domain}
      points={points} classColors={CLOUD_COLORS} classNames={names} lines={lines} />
  );
});

function Spread({ view, rm }: { view: MinibatchView; rm: boolean }) {
  const { cloud } = view;
  return (
    <div className="panel" data-testid="minibatch-spread">
      <h4>How far the estimates scatter</h4>
      <p>
        Measured over the {CLOUD_SIZE} batches: <Tex math={`s_B = \\sqrt{\\tfrac{1}{${CLOUD_SIZE}}\\sum \\lVert g_B - \\nabla L\\rVert^2} = ${texNum(cloud.spread, 3)}`} />.
        A single sample scatters by <Tex math={`s_1 = ${texNum(cloud.spread1, 3)}`} />, and averaging <Tex math="B" /> of them divides that by{' '}
        <Tex math="\sqrt{B}" />; drawing without replacement from <Tex math={`n = ${N_SAMPLES}`} /> samples adds the factor{' '}
        <Tex math="\sqrt{(n - B)/(n - 1)}" />, which makes the full batch exact:
      </p>
      <Tex display math={`s_B \\approx \\frac{s_1}{\\sqrt{B}}\\sqrt{\\frac{n - B}{n - 1}} = ${texNum(cloud.predicted, 3)}`} />
      <p>
        {rm ? 'The Robbins–Monro schedule is on' : 'With the Robbins–Monro schedule'} (<Tex math="\alpha_k = \alpha/k" />, <Tex math="k" /> counting
        updates), the steps satisfy the notes' conditions <Tex math="\sum_k \alpha_k = \infty" /> (harmonic series: the iterates can still travel
        anywhere) and <Tex math="\sum_k \alpha_k^2 = \alpha^2\pi^2/6 < \infty" /> (the noise they add stays bounded), so the error keeps
        falling instead of settling on a noise floor, slowly.
      </p>
    </div>
  );
}

export function MinibatchLab() {
  const h = useLab(minibatchLab);
  const { view, params: p } = h;
  const fileBase = `lecture05-minibatch-${minibatchLab.fileTag(p)}`;
  const batch = Math.round(p.batch);
  const labels = useMemo(
    () => CURVE_KEYS.map((k) => curveLabel(k, view?.curves[k], k === 'b1' ? 1 : k === 'b10' ? 10 : k === 'full' ? N_SAMPLES : batch)),
    [view, batch],
  );
  const cs = h.chartSeries;
  const series = useMemo<LineSeries[]>(
    () => CURVE_KEYS.map((k, i) => ({ key: k, label: labels[i], color: CURVE_COLORS[k], dashed: k === 'full', points: cs[k === 'chosen' ? 'gap' : `gap_${k}`] ?? [] })),
    [cs, labels],
  );
  const lossMin = h.metrics.loss_min;
  return (
    <LabFrame
      handle={h}
      stepLabel="epoch"
      controls={['model', 'batch', 'lr', 'rm', 'epochs', 'seed']}
      intro={
        <p>
          {N_SAMPLES} samples, a model with two parameters <Tex math="\theta = (\theta_0, \theta_1)" /> (bias and slope). Every run starts at{' '}
          <Tex math="\theta = (2, -1.5)" /> and trains for the same number of <strong>epochs</strong>, so each computes the same number of
          per-sample gradients: <Tex math="B = 1" /> makes {N_SAMPLES} noisy updates per epoch, the full batch one exact update. Move the
          batch size and watch the cloud of gradient estimates shrink.
        </p>
      }
    >
      {view ? (
        <>
          <Cloud view={view} batch={batch} fileBase={fileBase} />
          <LineChart
            title="Excess loss per epoch"
            chartKey="loss"
            fileBase={fileBase}
            xLabel="epoch"
            yLabel="L(θ) − L(θ̂)"
            series={series}
            logY
          />
          <Spread view={view} rm={p.rm} />
          <p className="muted">
            The curves show the excess loss over the minimum <Tex math={`L(\\hat\\theta) = ${texNum(lossMin ?? NaN, 3)}`} /> of the
            training loss, on a log scale: with a constant <Tex math="\alpha" /> small batches stall on a noise floor.
          </p>
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
