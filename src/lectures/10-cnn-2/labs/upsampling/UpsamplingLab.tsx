import { useMemo, useState } from 'react';
import { ImageGrid, LineChart, seriesColor, type GridImage, type LineSeries } from '../../../../charts';
import { MnistProgress } from '../../../../components/MnistProgress';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import {
  bilinearKernel, convTranspose2d, coverage, makeGray, makeKernel, maxUnpool, resizeBilinear, upsampleNearest, type Gray, type Kernel,
} from '../../../../ml/upsampling';
import type { UpsamplingView } from './engine';
import { MAX_K, UPSAMPLING_PARAMS, WEIGHT_LIMIT, type UpsamplingParams } from './params';
import './upsampling.css';

export const upsamplingLab: LabDefinition<typeof UPSAMPLING_PARAMS, UpsamplingView> = {
  id: 'upsampling',
  title: 'Upsampling',
  lecture: '10-cnn-2',
  schema: UPSAMPLING_PARAMS,
  engine: () => import('./engine').then((m) => m.createUpsamplingEngine),
  needsTf: false,
  lossKeys: ['loss'],
  maxSteps: (p) => p.iters,
  stepsPerFrame: 20,
  viewOnly: ['kernel', 'custom'],
  fileTag: (p) => `d${p.digit}-f${p.f}-K${p.K}S${p.S}P${p.P}op${p.op}-${p.kernel}-seed${p.seed}`,
};

/** The kernel the transposed convolution uses now. */
function chosenKernel(p: UpsamplingParams, view: UpsamplingView): Kernel {
  const K = Math.round(p.K);
  const S = Math.round(p.S);
  switch (p.kernel) {
    case 'learned':
      return makeKernel(K, view.learned ?? []);
    case 'bilinear':
      return bilinearKernel(K);
    case 'box':
      // every entry S²/K²: the taps landing on a pixel then sum to 1 on average
      return makeKernel(K, Array(K * K).fill((S * S) / (K * K)));
    case 'custom':
      return makeKernel(K, Array.from({ length: K * K }, (_, i) => p.custom[Math.floor(i / K) * MAX_K + (i % K)] ?? 0));
  }
}

const tile = (g: Gray, label: string): GridImage => ({ width: g.width, height: g.height, data: g.data, label });
const size = (g: Gray) => `${g.width}×${g.height}`;
const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 0.1 ? 3 : 2));

function parseWeight(text: string): number | null {
  const t = text.trim().replace('−', '-');
  const frac = /^(-?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(t);
  const v = frac ? Number(frac[1]) / Number(frac[2]) : t === '' ? NaN : Number(t);
  return Number.isFinite(v) && Math.abs(v) <= WEIGHT_LIMIT ? v : null;
}

/** The K×K kernel as numbers; editable (the top-left K×K of the 7×7 custom vector) when `onEdit` is given. */
function KernelTable({ kernel, onEdit }: { kernel: Kernel; onEdit?: (row: number, col: number, v: number) => void }) {
  const K = kernel.size;
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="upsampling-kernel" data-testid="upsampling-kernel">
      <div className="upsampling-kernel-grid" role="group" aria-label={`Kernel ${K}×${K}`} style={{ gridTemplateColumns: `repeat(${K}, 3.4rem)` }}>
        {Array.from({ length: K * K }, (_, i) => {
          const r = Math.floor(i / K);
          const c = i % K;
          const v = kernel.data[i];
          if (!onEdit) return <span key={i} className="upsampling-cell">{num(v)}</span>;
          const key = `${r},${c}`;
          return (
            <input
              key={key}
              type="text"
              inputMode="decimal"
              className="upsampling-cell upsampling-input"
              aria-label={`Kernel weight, row ${r + 1}, column ${c + 1}`}
              value={drafts[key] ?? num(v)}
              onChange={(e) => {
                const text = e.target.value;
                setDrafts((d) => ({ ...d, [key]: text }));
                const w = parseWeight(text);
                if (w === null) setError(`Row ${r + 1}, column ${c + 1}: “${text}” is not a number between −${WEIGHT_LIMIT} and ${WEIGHT_LIMIT}; keeping ${num(v)}.`);
                else {
                  setError(null);
                  onEdit(r, c, w);
                }
              }}
              onBlur={() => setDrafts((d) => {
                const rest = { ...d };
                delete rest[key];
                return rest;
              })}
            />
          );
        })}
      </div>
      {error ? <p className="notice" role="alert">{error}</p> : null}
    </div>
  );
}

/** The notes-style small example: a 2×2 input scattered through a 3×3 kernel (S = 1, P = 0) into 4×4. */
const DEMO_Y = [1, 2, 3, 4];
const DEMO_K = makeKernel(3, [1, 2, 0, 0, 1, 0, 0, 2, 1]);

function NumberGrid({ g, mask, caption }: { g: Gray; mask?: boolean[]; caption: string }) {
  return (
    <table className="upsampling-numbers">
      <caption>{caption}</caption>
      <tbody>
        {Array.from({ length: g.height }, (_, r) => (
          <tr key={r}>
            {Array.from({ length: g.width }, (_, c) => {
              const i = r * g.width + c;
              const on = mask ? mask[i] : true;
              return <td key={c} className={on ? 'on' : 'off'}>{on ? num(g.data[i]) : '·'}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ScatterDemo() {
  const parts = DEMO_Y.map((v, idx) => {
    const one = makeGray(2, 2);
    one.data[idx] = v;
    const ones = makeGray(2, 2);
    ones.data[idx] = 1;
    const footprint = convTranspose2d(ones, makeKernel(3, Array(9).fill(1)), 1, 0);
    return { v, idx, g: convTranspose2d(one, DEMO_K, 1, 0), mask: Array.from(footprint.data, (q) => q > 0) };
  });
  const sum = convTranspose2d(makeGray(2, 2, DEMO_Y), DEMO_K, 1, 0);
  return (
    <div className="panel upsampling-demo" data-testid="upsampling-demo">
      <h4>Transposed convolution as a scatter: 2×2 → 4×4</h4>
      <p>
        Input <Tex math="y = \begin{pmatrix}1 & 2\\ 3 & 4\end{pmatrix}" />, kernel{' '}
        <Tex math="k = \begin{pmatrix}1 & 2 & 0\\ 0 & 1 & 0\\ 0 & 2 & 1\end{pmatrix}" />, <Tex math="S = 1,\ P = 0" />: each input pixel
        paints a copy of the kernel, scaled by its value, at its own position (shifted by <Tex math="S" /> per pixel); where copies overlap
        they add up. Output size <Tex math="(2 - 1)\cdot 1 - 0 + 3 = 4" />.
      </p>
      <div className="upsampling-demo-row">
        {parts.map((q, i) => (
          <div key={q.idx} className="upsampling-demo-item">
            {i > 0 ? <span className="upsampling-op" aria-hidden="true">+</span> : null}
            <NumberGrid g={q.g} mask={q.mask} caption={`${q.v} · k at (${Math.floor(q.idx / 2)}, ${q.idx % 2})`} />
          </div>
        ))}
        <div className="upsampling-demo-item">
          <span className="upsampling-op" aria-hidden="true">=</span>
          <NumberGrid g={sum} caption="output (4×4)" />
        </div>
      </div>
    </div>
  );
}

function Sizes({ p, view }: { p: UpsamplingParams; view: UpsamplingView }) {
  const K = Math.round(p.K);
  const S = Math.round(p.S);
  const P = Math.round(p.P);
  const n = view.inSize;
  const m = view.outSize;
  const opShown = view.outPad;
  const even = K % S === 0;
  return (
    <div className="panel upsampling-sizes" data-testid="upsampling-sizes">
      <h4>Sizes</h4>
      <Tex
        display
        math={`\\begin{aligned} n_{\\text{out}} &= (n_{\\text{in}} - 1)\\cdot S - 2P + K + \\text{output padding} \\\\ &= (${n} - 1)\\cdot ${S} - 2\\cdot ${P} + ${K} + ${opShown} = ${m} \\end{aligned}`}
      />
      <p>
        The convolution with the same <Tex math="K, S, P" /> maps it back:{' '}
        <Tex math={`\\lfloor (n_{\\text{out}} + 2P - K)/S \\rfloor + 1 = \\lfloor (${m} + ${2 * P} - ${K})/${S} \\rfloor + 1 = ${Math.floor((m + 2 * P - K) / S) + 1}`} />
        ; the transposed convolution is exactly its gradient with respect to its input.
        {Math.round(p.op) !== opShown ? <> Output padding must be smaller than <Tex math="S" />: using {opShown}.</> : null}
      </p>
      <p className={even ? '' : 'upsampling-warn'} data-testid="upsampling-checker">
        {even ? (
          <>
            <Tex math={`K = ${K}`} /> is a multiple of <Tex math={`S = ${S}`} />: away from the border every output pixel receives the same
            number of kernel taps, <Tex math={`(K/S)^2 = ${(K / S) ** 2}`} />.
          </>
        ) : (
          <>
            <Tex math={`K = ${K}`} /> is not a multiple of <Tex math={`S = ${S}`} />: neighbouring output pixels receive different numbers of
            kernel taps, a checkerboard pattern (see “taps per pixel”).
          </>
        )}
      </p>
    </div>
  );
}

export function UpsamplingLab() {
  const h = useLab(upsamplingLab);
  const { view, params: p, metrics: m } = h;
  const fileBase = `lecture10-upsampling-${upsamplingLab.fileTag(p)}`;

  const interp = useMemo<GridImage[]>(() => {
    if (!view) return [];
    const { original, pooled, switches, f } = view;
    const nn = upsampleNearest(pooled, f);
    const bl = resizeBilinear(pooled, pooled.width * f, pooled.height * f);
    const un = maxUnpool(pooled, switches, original.width, original.height);
    return [
      tile(original, `original ${size(original)}`),
      tile(pooled, `pooled ${size(pooled)}`),
      tile(nn, `nearest ${size(nn)}`),
      tile(bl, `bilinear ${size(bl)}`),
      tile(un, `unpooled ${size(un)}`),
    ];
  }, [view]);

  const kernel = useMemo(() => (view ? chosenKernel(p, view) : null), [view, p]);
  const transposed = useMemo<GridImage[]>(() => {
    if (!view || !kernel || view.outSize < 1) return [];
    const S = Math.round(p.S);
    const P = Math.round(p.P);
    const out = convTranspose2d(view.pooled, kernel, S, P, view.outPad);
    const cov = coverage(view.pooled.width, kernel.size, S, P, view.outPad);
    const tiles = [tile(view.pooled, `input ${size(view.pooled)}`), tile(out, `output ${size(out)}`), tile(cov, `taps per pixel ${size(cov)}`)];
    if (view.target) tiles.push(tile(view.target, `target ${size(view.target)}`));
    return tiles;
  }, [view, kernel, p.S, p.P]);

  const cs = h.chartSeries;
  const lossSeries = useMemo<LineSeries[]>(() => [
    { key: 'loss', label: 'learned kernel', color: seriesColor(0), points: cs.loss ?? [] },
  ], [cs]);
  const refs = useMemo(
    () => (Number.isFinite(m.loss_opt) && m.loss_opt > 0 ? [{ y: m.loss_opt, label: 'least-squares optimum', color: seriesColor(6) }] : []),
    [m.loss_opt],
  );

  const editCustom = (r: number, c: number, v: number) => {
    const next = [...p.custom];
    next[r * MAX_K + c] = v;
    h.lab.setParams({ custom: next });
  };

  return (
    <LabFrame
      handle={h}
      stepLabel="step"
      controls={['digit', 'f', 'K', 'S', 'P', 'op', 'kernel', 'iters', 'seed']}
      intro={
        <p>
          A digit is max-pooled <Tex math="f \times f" /> and brought back up: by interpolation, by unpooling with the remembered positions of
          the maxima, and by a transposed convolution. Move <Tex math="K" />, <Tex math="S" /> and <Tex math="P" /> and watch the output size
          and the checkerboard; press Play to fit the kernel by gradient descent.
        </p>
      }
    >
      <MnistProgress />
      {view && kernel ? (
        <>
          <ImageGrid title="Interpolation and unpooling" chartKey="interp" fileBase={fileBase} images={interp} cellSize={96} columns={5} />
          <p className="muted">
            Nearest neighbour repeats each pixel; bilinear blends the four nearest (pixel centres aligned); unpooling puts each maximum back
            where the max-pool found it and leaves zeros elsewhere.
          </p>
          <Sizes p={p} view={view} />
          <ImageGrid title="Transposed convolution" chartKey="convT" fileBase={fileBase} images={transposed} cellSize={112} columns={4} range="auto" />
          <p className="muted">
            Each image is scaled to its own range. “Taps per pixel” is the transposed convolution of an all-ones input with an all-ones kernel:
            how many kernel copies land on each output pixel.
          </p>
          <div className="panel">
            <h4>Kernel ({p.kernel === 'learned' ? `learned, after ${m.steps ?? 0} steps` : p.kernel === 'custom' ? 'yours: type values' : p.kernel})</h4>
            <KernelTable kernel={kernel} onEdit={p.kernel === 'custom' ? editCustom : undefined} />
          </div>
          <LineChart title="Learning the kernel: loss per step" chartKey="loss" fileBase={fileBase} xLabel="gradient-descent step"
            yLabel="mean squared error" series={lossSeries} referenceLines={refs} logY />
          <p className="muted">
            Gradient descent on <Tex math="\tfrac{1}{m^2}\lVert \mathrm{convT}(y; k) - x \rVert^2" /> over the kernel <Tex math="k" />, from{' '}
            <Tex math="k = 0" />, with the step <Tex math="\alpha = 1/\lambda_{\max}" /> of this quadratic (target: the original digit
            {view.outSize !== view.original.width ? `, resized to ${view.outSize}×${view.outSize}` : ''}). The dashed line is the best any
            kernel can do.
          </p>
          <ScatterDemo />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
