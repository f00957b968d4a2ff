import { useMemo, useState } from 'react';
import { ImageGrid, LineChart, ScatterHeatmap, SERIES_COLORS, type Domain, type GridImage, type LineSeries, type ScatterPoint } from '../../../../charts';
import { MnistProgress } from '../../../../components/MnistProgress';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { MNIST_PIXELS, MNIST_SIDE } from '../../../../ml/data/mnist';
import { createRng } from '../../../../ml/rng';
import { decodePlain, klPlain } from '../../../../ml/vae';
import type { AutoencoderView } from './engine';
import { AUTOENCODER_PARAMS, SAMPLES_N } from './params';
import './autoencoder.css';

export const autoencoderLab: LabDefinition<typeof AUTOENCODER_PARAMS, AutoencoderView> = {
  id: 'autoencoder',
  title: 'Autoencoder against VAE on MNIST',
  lecture: '12-advanced',
  schema: AUTOENCODER_PARAMS,
  engine: () => import('./engine').then((m) => m.createAutoencoderEngine),
  needsTf: true,
  lossKeys: ['aeRecon', 'vaeRecon', 'vaeKl'],
  maxSteps: (p) => Math.round(p.steps),
  stepsPerFrame: 10,
  fileTag: (p) => `beta${p.beta}-lr${p.lr}-B${p.batch}-H${p.hidden}-seed${p.seed}`,
};

/** Ten distinguishable digit colours (matplotlib's tab10). */
const DIGIT_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const DIGIT_NAMES = DIGIT_COLORS.map((_, d) => `digit ${d}`);

const img = (data: Float32Array, i: number, label?: string): GridImage => ({
  width: MNIST_SIDE, height: MNIST_SIDE, data: data.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), label,
});

function pointsOf(z: Float32Array, labels: Int32Array): ScatterPoint[] {
  return Array.from(labels, (label, i) => ({ x: z[2 * i], y: z[2 * i + 1], label }));
}

/** A padded box around the points; `minHalf` keeps at least ±minHalf around the centre (the VAE's prior scale). */
function domainOf(z: Float32Array, minHalf: number, symmetric: boolean): Domain {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < z.length; i += 2) {
    x0 = Math.min(x0, z[i]); x1 = Math.max(x1, z[i]);
    y0 = Math.min(y0, z[i + 1]); y1 = Math.max(y1, z[i + 1]);
  }
  if (!Number.isFinite(x0)) return { xMin: -minHalf, xMax: minHalf, yMin: -minHalf, yMax: minHalf };
  if (symmetric) {
    const r = Math.max(minHalf, 1.05 * Math.max(-x0, x1, -y0, y1));
    return { xMin: -r, xMax: r, yMin: -r, yMax: r };
  }
  const px = Math.max(1e-3, 0.05 * (x1 - x0));
  const py = Math.max(1e-3, 0.05 * (y1 - y0));
  return { xMin: x0 - px, xMax: x1 + px, yMin: y0 - py, yMax: y1 + py };
}

const vec = (a: readonly number[]) => `\\begin{pmatrix}${a.map((v) => texNum(v, 3)).join('\\\\')}\\end{pmatrix}`;

function Reparam({ view }: { view: AutoencoderView | null }) {
  const f = view?.featured;
  const sigma = f ? f.logvar.map((v) => Math.exp(0.5 * v)) : null;
  const z = f && sigma ? f.mu.map((m, j) => m + sigma[j] * f.eps[j]) : null;
  return (
    <div className="panel autoencoder-formulas" data-testid="autoencoder-reparam">
      <h4>The reparameterisation</h4>
      <p>
        The VAE’s encoder outputs a Gaussian per digit, <Tex math="q(z\mid x) = \mathcal N(\mu, \operatorname{diag}\sigma^2)" /> (it predicts{' '}
        <Tex math="\mu" /> and <Tex math="\log\sigma^2" />). Drawing <Tex math="z" /> from it directly would cut the graph: a sample has no
        gradient. Instead all randomness goes into a fixed noise:
      </p>
      <Tex display math="z = \mu + \sigma \odot \varepsilon,\qquad \varepsilon \sim \mathcal N(0, I),\qquad \sigma = e^{\frac12 \log\sigma^2}" />
      <p>
        Now <Tex math="z" /> is a differentiable function of the encoder’s outputs, <Tex math="\partial z/\partial\mu = 1" />,{' '}
        <Tex math="\partial z/\partial \log\sigma^2 = \tfrac12\,\sigma\odot\varepsilon" />, so backpropagation reaches the encoder through the sample.
      </p>
      {f && sigma && z ? (
        <>
          <p className="muted">Live, for the held-out digit {f.label} (step {view!.probeStep}; a fresh ε each update):</p>
          <Tex display math={`z = ${vec(f.mu)} + ${vec(sigma)} \\odot ${vec(f.eps)} = ${vec(z)},\\qquad D_{\\mathrm{KL}} = ${texNum(klPlain(f.mu, f.logvar), 3)}`} />
        </>
      ) : null}
    </div>
  );
}

function Losses({ beta, m }: { beta: number; m: Record<string, number> }) {
  const show = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? texNum(v, 4) : '\\,\\cdot\\,');
  return (
    <div className="panel autoencoder-formulas">
      <h4>Two models, one batch</h4>
      <p>
        Both: encoder 784 → H (ReLU) → latent, decoder 2 → H (ReLU) → 784 (sigmoid), trained with Adam on the same minibatches. The
        reconstruction term is the binary cross-entropy summed over the 784 pixels (pixel values in [0, 1] as targets); losses are per digit.
      </p>
      <Tex display math={`\\mathcal L_{\\text{AE}} = \\underbrace{-\\sum_{p=1}^{784} \\big[x_p \\log \\hat x_p + (1-x_p)\\log(1-\\hat x_p)\\big]}_{\\text{reconstruction} \\;=\\; ${show(m.aeRecon)}}`} />
      <Tex display math={`\\mathcal L_{\\text{VAE}} = \\underbrace{\\text{reconstruction}}_{${show(m.vaeRecon)}} + \\beta\\,\\underbrace{\\Big(-\\tfrac12 \\sum_{j=1}^{2} \\big(1 + \\log\\sigma_j^2 - \\mu_j^2 - \\sigma_j^2\\big)\\Big)}_{D_{\\mathrm{KL}}(\\mathcal N(\\mu,\\sigma^2)\\,\\|\\,\\mathcal N(0,I)) \\;=\\; ${show(m.vaeKl)}},\\quad \\beta = ${texNum(beta, 3)}`} />
      <p className="muted">
        The KL term keeps every digit’s Gaussian close to <Tex math="\mathcal N(0, I)" />; the reconstruction term keeps the output close to the
        input. The AE has only the latter, so nothing says where its codes should lie.
      </p>
    </div>
  );
}

export function AutoencoderLab() {
  const h = useLab(autoencoderLab);
  const { view, params: p, metrics: m } = h;
  const fileBase = `lecture12-autoencoder-${autoencoderLab.fileTag(p)}`;
  const [draw, setDraw] = useState(0);

  const aePoints = useMemo(() => (view ? pointsOf(view.aeZ, view.labels) : []), [view]);
  const vaePoints = useMemo(() => (view ? pointsOf(view.vaeMu, view.labels) : []), [view]);
  const aeDomain = useMemo(() => (view ? domainOf(view.aeZ, 0, false) : domainOf(new Float32Array(0), 3, true)), [view]);
  const vaeDomain = useMemo(() => domainOf(view?.vaeMu ?? new Float32Array(0), 3, true), [view]);

  const recon = useMemo<GridImage[]>(() => {
    if (!view) return [];
    const n = view.reconLabels.length;
    return [
      ...view.reconLabels.map((d, i) => img(view.reconInput, i, String(d))),
      ...Array.from({ length: n }, (_, i) => img(view.aeRecon, i, 'AE')),
      ...Array.from({ length: n }, (_, i) => img(view.vaeRecon, i, 'VAE')),
    ];
  }, [view]);
  const aeGrid = useMemo(() => (view ? Array.from({ length: view.gridK ** 2 }, (_, i) => img(view.aeGrid, i)) : []), [view]);
  const vaeGrid = useMemo(() => (view ? Array.from({ length: view.gridK ** 2 }, (_, i) => img(view.vaeGrid, i)) : []), [view]);

  // Fresh z ~ N(0, I) per press (seeded by the run's seed and the press count), decoded in plain TS.
  const zs = useMemo(() => {
    const r = createRng(p.seed * 1009 + 7 * draw + 1);
    return Float32Array.from({ length: 2 * SAMPLES_N }, () => r.normal());
  }, [p.seed, draw]);
  const samples = useMemo(() => {
    if (!view) return null;
    const H = view.hidden;
    const ae = decodePlain(view.aeDecoder, H, zs, SAMPLES_N);
    const vae = decodePlain(view.vaeDecoder, H, zs, SAMPLES_N);
    return {
      ae: Array.from({ length: SAMPLES_N }, (_, i) => img(ae, i)),
      vae: Array.from({ length: SAMPLES_N }, (_, i) => img(vae, i)),
    };
  }, [view, zs]);

  const cs = h.chartSeries;
  const reconSeries = useMemo<LineSeries[]>(() => [
    { key: 'ae', label: 'AE reconstruction', color: SERIES_COLORS[0], points: cs.aeRecon ?? [] },
    { key: 'vae', label: 'VAE reconstruction', color: SERIES_COLORS[1], points: cs.vaeRecon ?? [] },
  ], [cs]);
  const klSeries = useMemo<LineSeries[]>(() => [
    { key: 'kl', label: 'VAE KL term', color: SERIES_COLORS[2], points: cs.vaeKl ?? [] },
  ], [cs]);

  const K = view?.gridK ?? 11;
  const fmt = (v: number | undefined, d = 1) => (v !== undefined && Number.isFinite(v) ? v.toFixed(d) : '–');

  return (
    <LabFrame
      handle={h}
      stepLabel="step"
      controls={['beta', 'lr', 'batch', 'hidden', 'steps', 'seed']}
      intro={
        <p>
          An autoencoder and a variational autoencoder, both squeezing 28×28 digits through a <strong>2-D bottleneck</strong>, train side by side on
          4,000 MNIST digits. Press Play and watch the latent spaces form; then sample <Tex math="z \sim \mathcal N(0, I)" /> and decode it. Move the
          KL weight <Tex math="\beta" /> to 0 to see what the KL term does.
        </p>
      }
    >
      <MnistProgress />
      <div className="autoencoder-two">
        <Losses beta={p.beta} m={m} />
        <Reparam view={view} />
      </div>

      <p className="autoencoder-stats" data-testid="autoencoder-stats">
        Held-out (400 digits, step {fmt(m.probeStep, 0)}): reconstruction AE {fmt(m.valAeRecon)}, VAE {fmt(m.valVaeRecon)}; KL {fmt(m.valKl, 2)};
        spread of the codes (RMS) AE {fmt(m.aeSpread, 2)}, VAE μ {fmt(m.vaeSpread, 2)}; mean VAE σ {fmt(m.meanSigma, 2)}
        {Number.isFinite(m.msPerStep) ? `; ${m.msPerStep.toFixed(0)} ms per step` : ''}.
      </p>

      <h4 className="autoencoder-h">Latent spaces of 400 held-out digits</h4>
      <div className="autoencoder-row">
        <ScatterHeatmap title="AE latent space (codes z)" chartKey="ae-latent" fileBase={fileBase} domain={aeDomain} points={aePoints}
          classColors={DIGIT_COLORS} classNames={DIGIT_NAMES} size={330} />
        <ScatterHeatmap title="VAE latent space (means μ)" chartKey="vae-latent" fileBase={fileBase} domain={vaeDomain} points={vaePoints}
          classColors={DIGIT_COLORS} classNames={DIGIT_NAMES} size={330} />
      </div>
      <p className="muted autoencoder-note">
        The VAE’s means stay near the origin at the scale of <Tex math="\mathcal N(0, I)" />; the AE’s codes go wherever reconstruction
        wants them, with gaps and arbitrary scale.
      </p>

      <h4 className="autoencoder-h">Reconstructions</h4>
      {recon.length ? (
        <ImageGrid title="Held-out digits and their reconstructions (AE; VAE from z = μ)" chartKey="recon" fileBase={fileBase} images={recon} columns={10} cellSize={34} />
      ) : null}

      <h4 className="autoencoder-h">Decoding a grid over the latent plane</h4>
      <div className="autoencoder-row">
        {aeGrid.length ? (
          <div data-testid="autoencoder-ae-grid">
            <ImageGrid title={`AE decoder over its codes' range (mean ± 2 std, ${K}×${K})`} chartKey="ae-grid" fileBase={fileBase} images={aeGrid} columns={K} cellSize={24} />
          </div>
        ) : null}
        {vaeGrid.length ? (
          <div data-testid="autoencoder-vae-grid">
            <ImageGrid title={`VAE decoder over N(0, 1) quantiles (${K}×${K})`} chartKey="vae-grid" fileBase={fileBase} images={vaeGrid} columns={K} cellSize={24} />
          </div>
        ) : null}
      </div>

      <h4 className="autoencoder-h">Generating new digits</h4>
      <div className="autoencoder-sample">
        <button type="button" onClick={() => setDraw((d) => d + 1)} disabled={!view}>Sample from N(0, I)</button>
        <span className="muted">
          {SAMPLES_N} fresh <Tex math="z \sim \mathcal N(0, I)" /> (draw {draw + 1}), the same ones through both decoders. The AE never learned
          what lies at those points.
        </span>
      </div>
      {samples ? (
        <div className="autoencoder-row" data-testid="autoencoder-samples" data-draw={draw}>
          <ImageGrid title="AE decoder on z ~ N(0, I)" chartKey="ae-samples" fileBase={fileBase} images={samples.ae} columns={8} cellSize={34} />
          <ImageGrid title="VAE decoder on z ~ N(0, I)" chartKey="vae-samples" fileBase={fileBase} images={samples.vae} columns={8} cellSize={34} />
        </div>
      ) : null}

      <div className="autoencoder-charts">
        <LineChart title="Reconstruction loss per digit" chartKey="recon-loss" fileBase={fileBase} xLabel="step" yLabel="BCE summed over pixels" series={reconSeries} />
        <LineChart title="VAE KL term per digit" chartKey="kl" fileBase={fileBase} xLabel="step" yLabel="KL (nats)" series={klSeries} />
      </div>
    </LabFrame>
  );
}
