import { memo, useMemo } from 'react';
import { LineChart, ScatterHeatmap, SERIES_COLORS } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { ChainView } from './engine';
import { CHAIN_PARAMS } from './params';

export const chainLab: LabDefinition<typeof CHAIN_PARAMS, ChainView> = {
  id: 'chain',
  title: 'The chain rule, step by step',
  lecture: '04-backprop',
  schema: CHAIN_PARAMS,
  engine: () => import('./engine').then((m) => m.createChainEngine),
  needsTf: false,
  lossKeys: ['loss'],
  maxSteps: (p) => p.steps,
  stepsPerFrame: 1,
  fileTag: (p) => `${p.act}-lr${p.lr}-x${p.x}-y${p.y}`,
};

const PATH_COLORS = [SERIES_COLORS[0], SERIES_COLORS[1]];
const PATH_NAMES = ['(w₁, w₂) after each step', 'current weights'];

/** A value as an exact small fraction when it is one (2/3, 4/9, 8/3), otherwise 4 significant digits. */
function val(v: number): string {
  for (const d of [1, 3, 9, 27]) {
    const n = Math.round(v * d);
    if (Math.abs(v * d - n) < 1e-9 && Math.abs(n) < 1000) return d === 1 ? String(n) : `${n < 0 ? '-' : ''}\\tfrac{${Math.abs(n)}}{${d}}`;
  }
  return texNum(v, 4);
}
const par = (v: number) => (v < 0 ? `\\left(${val(v)}\\right)` : val(v));

function Factors({ view, step }: { view: ChainView; step: number }) {
  const { factors: f, point: p } = view;
  const sig = p.act === 'linear' ? 'z' : '\\max(0, z)';
  const gate = p.act === 'linear' ? '1' : '\\mathbb{1}[z > 0]';
  return (
    <div className="panel">
      <h4>Every factor after {step} steps</h4>
      <Tex display math={`z = x\\,w_1 = ${par(p.x)}\\cdot ${par(p.w1)} = ${val(f.z)}, \\quad \\sigma = ${sig} = ${val(f.sigma)}, \\quad \\hat{y} = w_2\\,\\sigma = ${val(f.yHat)}, \\quad L = (\\hat{y} - y)^2 = ${val(f.loss)}`} />
      <Tex display math={`\\frac{\\partial L}{\\partial w_2} = \\frac{\\partial L}{\\partial \\hat{y}}\\cdot\\frac{\\partial \\hat{y}}{\\partial w_2} = 2(\\hat{y} - y)\\cdot\\sigma = ${par(f.dLdyHat)}\\cdot ${par(f.dyHatdw2)} = ${val(f.dLdw2)}`} />
      <Tex display math={`\\frac{\\partial L}{\\partial w_1} = \\frac{\\partial L}{\\partial \\hat{y}}\\cdot\\frac{\\partial \\hat{y}}{\\partial \\sigma}\\cdot\\frac{\\partial \\sigma}{\\partial z}\\cdot\\frac{\\partial z}{\\partial w_1} = 2(\\hat{y} - y)\\cdot w_2\\cdot ${gate}\\cdot x = ${par(f.dLdyHat)}\\cdot ${par(f.dyHatdSigma)}\\cdot ${f.dSigmadz}\\cdot ${par(f.dzdw1)} = ${val(f.dLdw1)}`} />
      <Tex display math={`\\begin{bmatrix} w_1 \\\\ w_2 \\end{bmatrix} \\leftarrow \\begin{bmatrix} w_1 \\\\ w_2 \\end{bmatrix} - \\alpha \\begin{bmatrix} \\partial L/\\partial w_1 \\\\ \\partial L/\\partial w_2 \\end{bmatrix}`} />
      {f.dSigmadz === 0 && f.loss > 0 ? (
        <p className="notice" role="status">
          The ReLU is off (<Tex math="z \le 0" />): its derivative is 0, so no gradient reaches <Tex math="w_1" /> and
          training has stalled with <Tex math={`L = ${val(f.loss)}`} />. A step that was too large pushed <Tex math="w_1 x" /> below 0 — a dead ReLU.
        </p>
      ) : null}
    </div>
  );
}

function domainOf(path: ChainView['path']) {
  const ok = path.filter((q) => Number.isFinite(q.w1) && Number.isFinite(q.w2) && Math.abs(q.w1) < 1e6 && Math.abs(q.w2) < 1e6);
  const xs = [-0.5, 2.5, ...ok.map((q) => q.w1)];
  const ys = [-0.5, 2.5, ...ok.map((q) => q.w2)];
  const pad = (lo: number, hi: number) => [lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo)];
  const [xMin, xMax] = pad(Math.min(...xs), Math.max(...xs));
  const [yMin, yMax] = pad(Math.min(...ys), Math.max(...ys));
  return { xMin, xMax, yMin, yMax };
}

const PathPlot = memo(function PathPlot({ path, fileBase }: { path: ChainView['path']; fileBase: string }) {
  const points = useMemo(() => path.map((q, i) => ({ x: q.w1, y: q.w2, label: i === path.length - 1 ? 1 : 0 })).filter((q) => Number.isFinite(q.x) && Number.isFinite(q.y)), [path]);
  const domain = useMemo(() => domainOf(path), [path]);
  return (
    <ScatterHeatmap
      title="Path of (w₁, w₂)"
      chartKey="path"
      fileBase={fileBase}
      domain={domain}
      points={points}
      classColors={PATH_COLORS}
      classNames={PATH_NAMES}
      lines={[
        { a: 1, b: 0, c: 0, color: '#57606a', label: 'w₁ = 0 (ReLU switches off for x > 0)', dashed: true },
        { a: 0, b: 1, c: 0, color: '#8c959f', label: 'w₂ = 0', dashed: true },
      ]}
    />
  );
});

export function ChainLab() {
  const h = useLab(chainLab);
  const { view, params: p } = h;
  const fileBase = `lecture04-chain-${chainLab.fileTag(p)}`;
  const curve = h.chartSeries.loss;
  const series = useMemo(() => [{ key: 'loss', label: 'L = (ŷ − y)²', color: SERIES_COLORS[1], points: curve ?? [] }], [curve]);
  return (
    <LabFrame
      handle={h}
      stepLabel="gradient step"
      controls={['lr', 'steps', 'act', 'x', 'y', 'w1', 'w2']}
      intro={
        <p>
          The notes' numbers to start: <Tex math="x = 1,\ y = 0,\ w_1 = \tfrac13,\ w_2 = 2" />. Each Step applies one gradient step
          and recomputes every factor. With <Tex math="\alpha > 0.125" /> the very first step overshoots, <Tex math="w_1 = \tfrac13 - \alpha\cdot\tfrac83 < 0" />,
          and the ReLU dies. Switch the activation off and a large learning rate (try <Tex math="\alpha = 1" />) makes the loss blow up instead.
        </p>
      }
    >
      {view ? (
        <>
          <Factors view={view} step={h.step} />
          <LineChart title="Loss during gradient descent" chartKey="loss" fileBase={fileBase} xLabel="gradient step" yLabel="L" series={series} />
          <PathPlot path={view.path} fileBase={fileBase} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
