import { useMemo } from 'react';
import { LineChart, seriesColor, type LineSeries } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { ResnetView, RunView } from './engine';
import { BATCH, CURVE_EVERY, N_POINTS, RESNET_PARAMS, SWEEP_DEPTHS, totalSteps, type ResnetParams } from './params';
import './resnet.css';
import { useThrottled } from '../../../../labs/useThrottled';

export const resnetLab: LabDefinition<typeof RESNET_PARAMS, ResnetView> = {
  id: 'resnet',
  title: 'Plain against residual networks',
  lecture: '10-cnn-2',
  schema: RESNET_PARAMS,
  engine: () => import('./engine').then((m) => m.createResnetEngine),
  needsTf: false,
  lossKeys: ['loss_plain', 'loss_res'],
  maxSteps: (p) => totalSteps(p),
  stepsPerFrame: 400,
  fileTag: (p) => `D${p.depth}-w${p.width}-${p.init}-${p.block}-lr${p.lr}-it${p.iters}${p.sweep ? '' : '-nosweep'}-seed${p.seed}`,
};

const DEPTH_COLOR: Record<number, number> = { 2: 2, 4: 4, 8: 3, 16: 0, 32: 1 };
const depthColor = (d: number) => seriesColor(DEPTH_COLOR[d] ?? 6);
const PLAIN_COLOR = seriesColor(1);
const RES_COLOR = seriesColor(0);

function runLabel(r: RunView): string {
  return `${r.residual ? 'residual' : 'plain'}, D = ${r.depth}`;
}

function fmt(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return v < 10 ** -digits ? v.toExponential(1) : v.toFixed(digits);
}

function Formulas({ block }: { block: ResnetParams['block'] }) {
  return (
    <div className="panel resnet-formulas">
      <h4>The two networks</h4>
      <p>
        Both: an input layer <Tex math="h^0 = \mathrm{ReLU}(W^0 x + b^0)" />, <Tex math="D" /> hidden layers of the same width and a softmax
        output layer, from the very same initial weights. Plain: <Tex math="h^l = \mathrm{ReLU}(W^l h^{l-1} + b^l)" />. Residual: blocks of two
        layers whose input <Tex math="x = h^{l-1}" /> skips ahead and is added back,
      </p>
      <Tex
        display
        math={
          block === 'identity'
            ? 'h^{l+1} = x + F(x),\\qquad F(x) = W^{l+1}\\,\\mathrm{ReLU}(W^l x + b^l) + b^{l+1}'
            : 'h^{l+1} = \\mathrm{ReLU}\\big(W^{l+1}\\,\\mathrm{ReLU}(W^l x + b^l) + b^{l+1} + x\\big)'
        }
      />
      <p className="muted">
        Backpropagation through a block gives <Tex math="\partial h^{l+1}/\partial x = I + \partial F/\partial x" />: the identity carries the
        gradient down however small <Tex math="\partial F/\partial x" /> is{block === 'post' ? ' (here the ReLU after the sum can still cut it)' : ''}.
      </p>
    </div>
  );
}

function ResultsTable({ runs }: { runs: RunView[] }) {
  const depths = [...new Set(runs.map((r) => r.depth))].sort((a, b) => a - b);
  const get = (d: number, res: boolean) => runs.find((r) => r.depth === d && r.residual === res);
  return (
    <div className="resnet-table-wrap" tabIndex={0} role="region" aria-label="Final training loss per depth (scrolls sideways)">
      <table className="resnet-table" data-testid="resnet-results">
        <caption>Final training loss (and accuracy) over all {N_POINTS} points</caption>
        <thead>
          <tr><th scope="col">D</th><th scope="col">plain</th><th scope="col">residual</th></tr>
        </thead>
        <tbody>
          {depths.map((d) => {
            const p = get(d, false);
            const r = get(d, true);
            const cell = (v: RunView | undefined) =>
              v?.finalLoss != null ? `${fmt(v.finalLoss)} (${Math.round(100 * (v.finalAcc ?? 0))} %)` : '…';
            return (
              <tr key={d}>
                <th scope="row">{d}</th>
                <td>{cell(p)}</td>
                <td>{cell(r)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ResnetLab() {
  const h = useLab(resnetLab);
  const { params: p, metrics: m } = h;
  const view = useThrottled(h.view, true, 300);
  const fileBase = `lecture10-resnet-${resnetLab.fileTag(p)}`;
  const D = view?.depth ?? p.depth;

  const lossSeries = useMemo<LineSeries[]>(
    () => (view?.runs ?? []).map((r) => ({
      key: `${r.depth}-${r.residual}`, label: runLabel(r), color: depthColor(r.depth), dashed: r.residual, points: r.curve,
    })),
    [view],
  );
  const depthSeries = useMemo<LineSeries[]>(() => {
    const runs = view?.runs ?? [];
    const pts = (res: boolean) =>
      runs.filter((r) => r.residual === res && r.finalLoss !== null).map((r) => ({ x: r.depth, y: r.finalLoss! })).sort((a, b) => a.x - b.x);
    return [
      { key: 'plain', label: 'plain', color: PLAIN_COLOR, points: pts(false) },
      { key: 'res', label: 'residual', color: RES_COLOR, dashed: true, points: pts(true) },
    ];
  }, [view]);
  const gradSeries = useMemo<LineSeries[]>(() => {
    const g = view?.grads;
    const pts = (a: number[] | null | undefined) => (a ?? []).map((y, x) => ({ x, y }));
    return [
      { key: 'p0', label: 'plain, at initialisation', color: PLAIN_COLOR, points: pts(g?.plain.init) },
      { key: 'p1', label: 'plain, after training', color: PLAIN_COLOR, dashed: true, points: pts(g?.plain.end) },
      { key: 'r0', label: 'residual, at initialisation', color: RES_COLOR, points: pts(g?.residual.init) },
      { key: 'r1', label: 'residual, after training', color: RES_COLOR, dashed: true, points: pts(g?.residual.end) },
    ];
  }, [view]);

  const runsTotal = m.runs_total ?? 0;
  const runsDone = m.runs_done ?? 0;
  const cur = view?.runs[view.current];
  const deadEnd = view?.grads.plain.end?.some((v) => v === 0);
  return (
    <LabFrame
      handle={h}
      stepLabel="step"
      controls={['depth', 'width', 'init', 'block', 'lr', 'iters', 'sweep', 'seed']}
      intro={
        <p>
          A plain and a residual network of <Tex math="D" /> hidden layers learn the two-arm spiral ({N_POINTS} points) with Adam, minibatches
          of {BATCH} and the same budget of steps; then the same for shallower depths. Press Play and compare the training losses: deeper plain
          nets end higher (degradation), residual ones do not. The gradient chart shows why.
        </p>
      }
    >
      {view ? (
        <>
          <div className="resnet-progress">
            <label>
              <span>Network {Math.min(runsDone + 1, runsTotal)} of {runsTotal}{cur ? `: ${runLabel(cur)}` : ': all done'}</span>
              <progress max={totalSteps(p)} value={h.step} data-testid="resnet-progress" />
            </label>
          </div>
          <LineChart title="Training loss per step" chartKey="loss" fileBase={fileBase} xLabel="step"
            yLabel={`loss (mean of ${CURVE_EVERY} steps)`} series={lossSeries} logY height={260} />
          <p className="muted">Solid: plain; dashed: residual; one colour per depth. Step 0 is the loss over all points at initialisation.</p>
          <LineChart title="Final training loss against depth" chartKey="depth" fileBase={fileBase} xLabel="hidden layers D"
            yLabel={`loss after ${p.iters} steps`} series={depthSeries} logY />
          <ResultsTable runs={view.runs} />
          <LineChart title={`Gradient reaching each layer (D = ${D})`} chartKey="grads" fileBase={fileBase} xLabel="hidden state l (0 = first)"
            yLabel="RMS ‖∂ℓ/∂hˡ‖" series={gradSeries} logY />
          <p className="muted">
            The size of the gradient that backpropagation hands to each hidden state <Tex math="h^l" />, averaged over the {N_POINTS} points
            {p.init === 'xavier' ? (
              <>
                . With Xavier’s <Tex math="\mathrm{Var}(w) = 1/n" /> every ReLU layer halves the signal’s variance, so in the plain net the
                gradient shrinks layer by layer on its way down (first over last: {fmt(m.gratio_plain_init, 2)} at initialisation); the
                residual net’s skips pass it on ({fmt(m.gratio_res_init, 2)}).
              </>
            ) : (
              <>
                . He’s <Tex math="\mathrm{Var}(w) = 2/n" /> keeps the plain net’s gradient alive at the start (first over last:{' '}
                {fmt(m.gratio_plain_init, 2)}), yet the deep plain net still trains worse; in the residual net the skips add up and the
                signal grows from block to block, which Adam’s step normalisation copes with.
              </>
            )}
            {deadEnd ? ' A missing point after training is a gradient of exactly 0: a whole layer of ReLUs has switched off (a dead network).' : ''}
          </p>
          <Formulas block={p.block} />
          <p className="muted">
            Depths trained: {p.sweep ? `D = ${D}, then ${SWEEP_DEPTHS.filter((d) => d < D).join(', ') || 'none below'}` : `D = ${D} only`}.
            Each depth’s plain and residual nets share their initial weights and their minibatches; change the seed for other draws.
          </p>
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
