import { memo, useEffect, useMemo, useState } from 'react';
import {
  CHART_MUTED, ImageGrid, LineChart, ScatterHeatmap, seriesColor, type GridImage, type LineSeries, type ScatterPoint,
} from '../../../../charts';
import { Erratum } from '../../../../components/LectureParts';
import { MnistProgress } from '../../../../components/MnistProgress';
import { Slider } from '../../../../components/Slider';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { useMnistSet } from '../../../../labs/mnist';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { useThrottled } from '../../../../labs/useThrottled';
import { makeSchedule, qSample, swissRoll, type Schedule, type ScheduleKind } from '../../../../ml/diffusion';
import { MNIST_PIXELS, MNIST_SIDE } from '../../../../ml/data/mnist';
import { createRng } from '../../../../ml/rng';
import type { DiffusionView } from './engine';
import { DIFFUSION_PARAMS, N_DATA, N_SAMPLES } from './params';
import './diffusion.css';

export const diffusionLab: LabDefinition<typeof DIFFUSION_PARAMS, DiffusionView> = {
  id: 'diffusion',
  title: 'Diffusion: noising and denoising',
  lecture: '12-advanced',
  schema: DIFFUSION_PARAMS,
  engine: () => import('./engine').then((m) => m.createDiffusionEngine),
  needsTf: false,
  lossKeys: ['loss'],
  // Training iterations plus any number of reverse-process runs; the engine says when it is done.
  maxSteps: () => 1e9,
  stepsPerFrame: Infinity,
  viewOnly: ['t', 'digit'],
  fileTag: (p) => `${p.schedule}-T${p.T}-w${p.width}x${p.layers}-lr${p.lr}-B${p.batch}-it${p.iters}-seed${p.seed}`,
};

/** Forward-process points shown in the scatter (of the N_DATA training points). */
const N_SHOWN = 800;
const DOMAIN = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };
const COL_X = seriesColor(0);
const COL_REAL = '#c7ccd1';

const ScheduleChart = memo(function ScheduleChart({ kind, T, t, fileBase }: { kind: ScheduleKind; T: number; t: number; fileBase: string }) {
  const series = useMemo<LineSeries[]>(() => {
    const out: LineSeries[] = [];
    (['linear', 'cosine'] as const).forEach((k, i) => {
      const s = makeSchedule(k, T);
      const ab = [];
      const b = [];
      for (let u = 0; u <= T; u++) {
        ab.push({ x: u, y: s.alphaBar[u] });
        if (u > 0) b.push({ x: u, y: s.beta[u] });
      }
      const chosen = k === kind;
      const name = k === 'linear' ? 'linear' : 'cosine';
      out.push({ key: `ab-${k}`, label: `ᾱ_t, ${name}${chosen ? ' (chosen)' : ''}`, color: seriesColor(i * 2), points: ab, dashed: !chosen });
      out.push({ key: `b-${k}`, label: `β_t, ${name}${chosen ? ' (chosen)' : ''}`, color: seriesColor(i * 2 + 1), points: b, dashed: !chosen });
    });
    return out;
  }, [kind, T]);
  const refs = useMemo(() => [{ x: t, label: `t = ${t}`, color: CHART_MUTED }], [t]);
  return (
    <LineChart title="Noise schedule: ᾱ_t and β_t" chartKey="schedule" fileBase={fileBase} xLabel="t" yLabel="value"
      series={series} referenceLines={refs} yDomain={[0, 1]} />
  );
});

const ForwardScatter = memo(function ForwardScatter({ x0, eps, s, t, fileBase }: { x0: Float64Array; eps: Float64Array; s: Schedule; t: number; fileBase: string }) {
  const points = useMemo<ScatterPoint[]>(() => {
    const xt = qSample(x0, eps, t, s);
    const pts: ScatterPoint[] = [];
    for (let i = 0; i < N_SHOWN; i++) pts.push({ x: xt[2 * i], y: xt[2 * i + 1], label: 0 });
    return pts;
  }, [x0, eps, s, t]);
  const names = useMemo(() => [`x_${t} (${N_SHOWN} points)`], [t]);
  return <ScatterHeatmap title="Forward process on the swiss roll" chartKey="forward" fileBase={fileBase} domain={DOMAIN} points={points} classColors={[COL_X]} classNames={names} size={320} />;
});

function DigitStrip({ s, t, index, seed, fileBase }: { s: Schedule; t: number; index: number; seed: number; fileBase: string }) {
  const set = useMnistSet();
  const eps = useMemo(() => {
    const r = createRng(seed * 97 + 13);
    return Float64Array.from({ length: MNIST_PIXELS }, () => r.normal());
  }, [seed]);
  const idx = set ? Math.min(Math.max(0, Math.round(index)), set.n - 1) : 0;
  const images = useMemo<GridImage[]>(() => {
    if (!set) return [];
    // Pixels scaled to [−1, 1] as in DDPM; the same ε for every t, so the slider shows one path.
    const x0 = Float64Array.from(set.images.subarray(idx * MNIST_PIXELS, (idx + 1) * MNIST_PIXELS), (v) => (2 * v) / 255 - 1);
    const steps = [...new Set([0, Math.round(s.T / 4), t, Math.round(s.T / 2), s.T])].sort((a, b) => a - b);
    return steps.map((u) => ({
      width: MNIST_SIDE, height: MNIST_SIDE, data: qSample(x0, eps, u, s),
      label: u === t ? `t = ${u} ◀` : `t = ${u}`,
    }));
  }, [set, idx, eps, s, t]);
  if (!set) return <p className="loading">Loading the MNIST digits…</p>;
  return (
    <div data-testid="diffusion-digit" data-t={t}>
      <ImageGrid title={`Forward process on MNIST digit #${idx} (a ${set.labels[idx]})`} chartKey="digit" fileBase={fileBase} images={images}
        columns={images.length} cellSize={64} range={[-1, 1]} />
    </div>
  );
}

const SampleScatter = memo(function SampleScatter({ samples, ref0, fileBase, label }: { samples: Float64Array | null; ref0: Float64Array; fileBase: string; label: string }) {
  const points = useMemo<ScatterPoint[]>(() => {
    const pts: ScatterPoint[] = [];
    for (let i = 0; i < ref0.length / 2; i++) pts.push({ x: ref0[2 * i], y: ref0[2 * i + 1], label: 1 });
    if (samples) for (let i = 0; i < samples.length / 2; i++) pts.push({ x: samples[2 * i], y: samples[2 * i + 1], label: 0 });
    return pts;
  }, [samples, ref0]);
  const names = useMemo(() => [label, 'training data x_0'], [label]);
  return <ScatterHeatmap title="Samples of the reverse process" chartKey="samples" fileBase={fileBase} domain={DOMAIN} points={points} classColors={[seriesColor(1), COL_REAL]} classNames={names} size={320} />;
});

function outside(x: Float64Array | null): number {
  if (!x) return 0;
  let n = 0;
  for (let i = 0; i < x.length / 2; i++) {
    const a = x[2 * i];
    const b = x[2 * i + 1];
    if (!(a >= DOMAIN.xMin && a <= DOMAIN.xMax && b >= DOMAIN.yMin && b <= DOMAIN.yMax)) n++;
  }
  return n;
}

export function DiffusionLab() {
  const h = useLab(diffusionLab);
  const { params: p, view, metrics: m, lab, status } = h;
  const fileBase = `lecture12-diffusion-${diffusionLab.fileTag(p)}`;
  const T = Math.round(p.T);
  const t = Math.min(Math.round(p.t), T);
  const s = useMemo(() => makeSchedule(p.schedule, T), [p.schedule, T]);
  const lin = useMemo(() => makeSchedule('linear', T), [T]);
  const x0 = useMemo(() => swissRoll(N_DATA, createRng(p.seed)), [p.seed]);
  const eps = useMemo(() => {
    const r = createRng(p.seed * 31 + 7);
    return Float64Array.from({ length: 2 * N_DATA }, () => r.normal());
  }, [p.seed]);
  const tSpec = useMemo(() => ({ ...DIFFUSION_PARAMS.t, max: T }), [T]);
  const running = status === 'running';
  const lossView = useThrottled(view?.losses, running, 400);
  const lossSeries = useMemo<LineSeries[]>(
    () => [{ key: 'loss', label: 'mean minibatch loss ‖ε − ε_θ‖²', color: seriesColor(0), points: (lossView ?? []).map((q) => ({ x: q.x, y: q.loss })) }],
    [lossView],
  );

  // Sampling while idle or paused: drive the engine one Step per frame until the run is complete.
  const [driving, setDriving] = useState(false);
  useEffect(() => {
    if (!driving) return;
    const before = lab.store.getState();
    const startRun = before.runId;
    const startCount = before.metrics.samplings ?? 0;
    let raf = 0;
    const tick = () => {
      const st = lab.store.getState();
      const finished = (st.metrics.samplings ?? 0) > startCount;
      if (st.runId !== startRun || finished || !['idle', 'paused'].includes(st.status)) {
        setDriving(false);
        return;
      }
      lab.step();
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [driving, lab]);

  const sampling = Boolean(view?.sampling) || driving;
  const canSample = view !== null && !sampling && ['idle', 'paused', 'running'].includes(status);
  const onSample = () => {
    if (!view) return;
    view.requestSample();
    if (status !== 'running') setDriving(true);
  };
  const samples = view?.samples ?? null;
  const off = useMemo(() => outside(samples), [samples]);
  const sampleLabel = view && view.sampleT >= 0 ? `samples x_${view.sampleT} (model after ${view.sampleIter} iterations)` : 'samples (none yet)';
  const q = m.quality;
  const qn = m.quality_noise;

  return (
    <LabFrame
      handle={h}
      stepLabel="engine step"
      controls={['schedule', 'T', 'digit', 'width', 'layers', 'lr', 'batch', 'iters', 'seed']}
      intro={
        <p>
          The forward process needs no learning: scrub <Tex math="t" /> to watch the swiss roll and a digit dissolve into noise.
          Then press Play to train the denoiser <Tex math="\epsilon_\theta(x_t, t)" /> on the roll, and <em>Sample</em> to run the
          reverse process from pure noise (try it before training, too).
        </p>
      }
    >
      <MnistProgress />
      <div className="diffusion-panel">
        <h4>The β schedule</h4>
        <p>
          <Tex math="\alpha_t = 1 - \beta_t,\quad \bar\alpha_t = \prod_{s=1}^{t}\alpha_s" />. Linear: <Tex math="\beta_t" /> from{' '}
          <Tex math={texNum(lin.beta[1], 3)} /> to{' '}
          <Tex math={texNum(lin.beta[T], 3)} /> (DDPM's <Tex math="10^{-4}\ldots 0.02" /> at <Tex math="T = 1000" />, scaled by{' '}
          <Tex math="1000/T" />). Cosine: <Tex math="\bar\alpha_t = f(t)/f(0),\ f(t) = \cos^2\!\big(\tfrac{t/T + s}{1 + s}\cdot\tfrac{\pi}{2}\big),\ s = 0.008" />,{' '}
          <Tex math="\beta_t \le 0.999" />. Here <Tex math={`\\bar\\alpha_T = ${texNum(s.alphaBar[T], 3)}`} />.
        </p>
        <ScheduleChart kind={p.schedule} T={T} t={t} fileBase={fileBase} />
        <Erratum>
          <Tex math="\bar\alpha_t = \prod_{s=1}^{t}\alpha_s" /> (the notes start the product at <Tex math="s = 0" />, where there is no <Tex math="\beta_0" />).
        </Erratum>
      </div>

      <div className="diffusion-panel">
        <h4>Forward process</h4>
        <Slider spec={tSpec} value={t} onChange={(v) => lab.setParams({ t: v })} />
        <Tex display math={`x_t = \\sqrt{\\bar\\alpha_t}\\,x_0 + \\sqrt{1-\\bar\\alpha_t}\\,\\epsilon:\\quad x_{${t}} = ${texNum(Math.sqrt(s.alphaBar[t]), 3)}\\,x_0 + ${texNum(Math.sqrt(1 - s.alphaBar[t]), 3)}\\,\\epsilon`} />
        <p className="muted">
          <Tex math="q(x_t \mid x_0) = \mathcal N(\sqrt{\bar\alpha_t}\,x_0,\ (1-\bar\alpha_t)\mathbf I)" />: one jump instead of <Tex math="t" /> links of the
          chain <Tex math="x_t = \sqrt{1-\beta_t}\,x_{t-1} + \sqrt{\beta_t}\,\epsilon" /> (the unit tests check that both give the same mean and variance).
        </p>
        <div className="diffusion-row">
          <ForwardScatter x0={x0} eps={eps} s={s} t={t} fileBase={fileBase} />
          <DigitStrip s={s} t={t} index={p.digit} seed={p.seed} fileBase={fileBase} />
        </div>
        <Erratum>
          two links of the chain give <Tex math="x_t = \sqrt{\alpha_t\alpha_{t-1}}\,x_{t-2} + \sqrt{1-\alpha_t\alpha_{t-1}}\,\bar\epsilon" /> (the notes write{' '}
          <Tex math="\sqrt{\alpha_t}\,x_{t-2} + \sqrt{1-\alpha_t}\,\epsilon" />).
        </Erratum>
      </div>

      <div className="diffusion-panel">
        <h4>Training the denoiser</h4>
        <Tex display math="L_\text{simple} = \mathbb E_{x_0, t, \epsilon}\big\|\epsilon - \epsilon_\theta(\sqrt{\bar\alpha_t}\,x_0 + \sqrt{1-\bar\alpha_t}\,\epsilon,\ t)\big\|^2" />
        <p className="muted">
          The simplified form of <Tex math="L_{t-1} \propto \|\tilde\mu_t - \mu_\theta\|^2" />: predicting the noise fixes the mean. Its floor is well above 0,
          since at large <Tex math="t" /> the noise is hardly predictable. <Tex math="\epsilon_\theta" />: an MLP on <Tex math="(x_t, \text{sinusoidal embedding of } t)" />,{' '}
          {p.layers} × {p.width} ReLU units, Adam.
        </p>
        {view ? <progress className="diffusion-progress" max={view.iters} value={view.iter} aria-label="Training progress" /> : null}
        <p className="muted" data-testid="diffusion-train">
          Iteration {m.iter ?? 0} of {Math.round(p.iters)} · loss {Number.isFinite(m.loss) ? m.loss.toFixed(3) : '–'} (before training {Number.isFinite(m.loss0) ? m.loss0.toFixed(3) : '–'})
        </p>
        <LineChart title="Training loss" chartKey="loss" fileBase={fileBase} xLabel="iteration" yLabel="‖ε − ε_θ‖²" series={lossSeries} />
        <Erratum>
          the first term of <Tex math="L_\text{VLB}" /> is <Tex math="L_T = D_{KL}(q(x_T \mid x_0)\,\|\,p_\theta(x_T))" /> (a bracket is misplaced in the notes).
        </Erratum>
      </div>

      <div className="diffusion-panel">
        <h4>Reverse process</h4>
        <Tex display math="x_{t-1} = \frac{1}{\sqrt{\alpha_t}}\Big(x_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\,\epsilon_\theta(x_t, t)\Big) + \sigma_t z,\quad \sigma_t^2 = \beta_t,\ z \sim \mathcal N(0, \mathbf I)" />
        <div className="diffusion-sample-bar">
          <button type="button" onClick={onSample} disabled={!canSample}>Sample {N_SAMPLES} points</button>
          <span role="status" data-testid="diffusion-sample-t">
            {sampling && view ? `Denoising: t = ${view.sampleT} of ${T}` : view && view.sampleT === 0 ? `Done: x_0 after ${T} steps` : 'From x_T ~ N(0, I), step by step.'}
          </span>
        </div>
        {status === 'done' ? <p className="muted">The run is finished (its final samples are shown); press Reset to train again.</p> : null}
        <div className="diffusion-row">
          <SampleScatter samples={samples} ref0={x0.subarray(0, 2 * N_SAMPLES)} fileBase={fileBase} label={sampleLabel} />
          <div className="diffusion-quality" data-testid="diffusion-quality">
            <p>
              Chamfer distance to {N_SAMPLES} fresh swiss-roll points (mean distance to the nearest point, both ways, halved):
            </p>
            <p className="diffusion-big">{Number.isFinite(q) ? q.toFixed(3) : '–'}</p>
            <p className="muted">Pure noise <Tex math="\mathcal N(0, \mathbf I)" /> scores {Number.isFinite(qn) ? qn.toFixed(3) : '–'}; lower is better.</p>
            {off > 0 ? <p className="muted">{off} of {N_SAMPLES} points lie outside the plot.</p> : null}
            <p className="muted">
              An untrained <Tex math="\epsilon_\theta" /> removes almost nothing, and the factors <Tex math="1/\sqrt{\alpha_t}" /> multiply to{' '}
              <Tex math={`1/\\sqrt{\\bar\\alpha_T} = ${texNum(1 / Math.sqrt(s.alphaBar[T]), 3)}`} />: its samples fly apart.
            </p>
          </div>
        </div>
      </div>
    </LabFrame>
  );
}
