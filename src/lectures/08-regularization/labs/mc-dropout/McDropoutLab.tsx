import { useMemo } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { BandChart } from './BandChart';
import type { McView } from './engine';
import { EPOCHS_PER_STEP, GAP, HIDDEN, MC_PARAMS, N_POINTS } from './params';
import './mc-dropout.css';

export const mcDropoutLab: LabDefinition<typeof MC_PARAMS, McView> = {
  id: 'mc-dropout',
  title: 'Monte Carlo dropout',
  lecture: '08-regularization',
  schema: MC_PARAMS,
  engine: () => import('./engine').then((m) => m.createMcEngine),
  needsTf: false,
  lossKeys: ['loss', 'mse_eval'],
  maxSteps: (p) => Math.ceil(p.epochs / EPOCHS_PER_STEP),
  fileTag: (p) => `p${p.drop}-T${p.passes}-sigma${p.noise}-seed${p.seed}`,
};

const GAP_LINES: ReferenceLineSpec[] = [
  { x: GAP.lo, label: 'gap', color: '#8c959f' },
  { x: GAP.hi, label: '', color: '#8c959f' },
];

export function McDropoutLab() {
  const h = useLab(mcDropoutLab);
  const { view, params: p, metrics: m } = h;
  const fileBase = `lecture08-mc-dropout-${mcDropoutLab.fileTag(p)}`;
  const T = Math.round(p.passes);
  const widthSeries = useMemo<LineSeries[]>(
    () => (view ? [{ key: 'w', label: 'band width 4σ(x)', color: SERIES_COLORS[0], points: view.grid.map((x, i) => ({ x, y: 4 * view.std[i] })) }] : []),
    [view],
  );
  const cs = h.chartSeries;
  const lossSeries = useMemo<LineSeries[]>(() => [
    { key: 'loss', label: 'training MSE, dropout on', color: SERIES_COLORS[0], points: (cs.loss ?? []).map((q) => ({ x: q.x * EPOCHS_PER_STEP, y: q.y })) },
    { key: 'eval', label: 'training MSE, eval mode', color: SERIES_COLORS[1], dashed: true, points: (cs.mse_eval ?? []).map((q) => ({ x: q.x * EPOCHS_PER_STEP, y: q.y })) },
  ], [cs]);
  return (
    <LabFrame
      handle={h}
      stepLabel="step"
      controls={['drop', 'passes', 'noise', 'lr', 'epochs', 'seed']}
      intro={
        <p>
          {N_POINTS} noisy points with no data for <Tex math={`${GAP.lo} < x < ${GAP.hi}`} />. A 1 → {HIDDEN} → {HIDDEN} → 1 ReLU network
          trains with dropout; then it predicts with dropout left <strong>on</strong>, <Tex math="T" /> times, and reports the mean and the
          spread of the passes. Where there are no data the passes disagree more: the band widens.
        </p>
      }
    >
      {view ? (
        <>
          <BandChart title="Monte Carlo dropout: mean ± 2 std" chartKey="band" fileBase={fileBase} view={view} passes={T} />
          <div className="panel mc-dropout-numbers" data-testid="mc-dropout-widths">
            <Tex display math={`\\mu(x) = \\frac{1}{T}\\sum_{t=1}^{T} \\hat y_t(x), \\quad T = ${T}`} />
            <Tex display math="\sigma(x)^2 = \frac{1}{T}\sum_{t=1}^{T} \bigl(\hat y_t(x) - \mu(x)\bigr)^2" />
            <p>
              Mean band width <Tex math="4\sigma" /> where the data are: <strong>{texPlain(m.width_data)}</strong>; in the gap:{' '}
              <strong>{texPlain(m.width_gap)}</strong> ({texPlain(m.width_ratio, 2)}×); beyond the data (<Tex math="|x| > 1" />):{' '}
              {texPlain(m.width_outside)}. Epoch {m.band_epoch ?? 0} of {p.epochs}.
            </p>
            <p className="muted">
              Each pass keeps every hidden unit with probability <Tex math={`1 - p = ${texNum(1 - p.drop, 2)}`} /> and scales it by{' '}
              <Tex math="1/(1-p)" /> (one mask per pass, so each pass is one thinned network). The eval-mode curve switches dropout off. The band
              measures the model’s disagreement only, not the noise <Tex math="\sigma" /> of the data. It widens in the gap, more beyond the data,
              yet it does not cover the peak of the true curve hidden in the gap: MC dropout makes the network less overconfident, not
              calibrated (between clusters of data it is known to widen too little; compare seeds).
            </p>
          </div>
          <LineChart title="Band width along x" chartKey="width" fileBase={fileBase} xLabel="x" yLabel="4σ(x)" series={widthSeries} referenceLines={GAP_LINES} height={180} />
          <LineChart title="Training error" chartKey="loss" fileBase={fileBase} xLabel="epoch" yLabel="MSE" series={lossSeries} logY height={180} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}

function texPlain(v: number | undefined, digits = 3): string {
  return v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);
}
