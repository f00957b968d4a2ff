import { useMemo } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { initVariance, type InitScheme } from '../../../../ml/init';
import { experimentSteps } from '../../../../ml/initExperiment';
import { SYM_EPOCHS, SYM_HIDDEN } from '../../../../ml/symmetry';
import { meanSlope, type InitView } from './engine';
import { LayerHistograms } from './LayerHistograms';
import { INIT_PARAMS } from './params';
import { SymmetryFigure } from './SymmetryFigure';
import './init.css';

export const initLab: LabDefinition<typeof INIT_PARAMS, InitView> = {
  id: 'init',
  title: 'Weight initialisation in a deep network',
  lecture: '07-training-2',
  schema: INIT_PARAMS,
  engine: () => import('./engine').then((m) => m.createInitEngine),
  needsTf: true,
  // Nothing here diverges: exploding activations are the experiment's result, not a failed run.
  lossKeys: [],
  maxSteps: (p) => experimentSteps(p),
  viewOnly: ['logY'],
  fileTag: (p) => `${p.init}-${p.act}-L${p.layers}-n${p.width}-N${p.samples}-seed${p.seed}`,
};

const VAR_TEX: Record<string, string> = {
  zero: '0', small: '0.01^2', big: '1', xavier: '1/n', kaiming: '2/n',
};

function PerLayerFactor({ init, act, n }: { init: InitScheme; act: string; n: number }) {
  const nv = n * initVariance(init, n);
  if (nv === 0) return <>every pre-activation is exactly 0, in every layer</>;
  if (act === 'tanh') {
    return (
      <>for small activations tanh is nearly linear, so the scale changes by about <Tex math={`\\sqrt{n\\,\\mathrm{Var}(w)} = ${texNum(Math.sqrt(nv), 3)}`} /> per
        layer, until tanh saturates at ±1</>
    );
  }
  return act === 'relu'
    ? <><Tex math="E[a^2]" /> is multiplied by <Tex math={`n\\,\\mathrm{Var}(w)/2 = ${texNum(nv / 2, 3)}`} /> per layer</>
    : <><Tex math="E[a^2]" /> is multiplied by <Tex math={`n\\,\\mathrm{Var}(w) = ${texNum(nv, 3)}`} /> per layer</>;
}

export function InitLab() {
  const h = useLab(initLab);
  const { view, params: p } = h;
  const fileBase = `lecture07-init-${initLab.fileTag(p)}`;
  const layerSeries = useMemo<LineSeries[]>(() => {
    if (!view) return [];
    const at = (f: (i: number) => number) => view.layers.map((_, i) => ({ x: i + 1, y: f(i) })).filter((q) => Number.isFinite(q.y) && view.layers[q.x - 1].count > 0);
    return [
      { key: 'std', label: 'standard deviation (measured)', color: SERIES_COLORS[0], points: at((i) => view.layers[i].std) },
      { key: 'mean', label: 'mean (measured)', color: SERIES_COLORS[1], points: at((i) => view.layers[i].mean) },
      {
        key: 'theory', label: 'standard deviation, theory for n → ∞', color: SERIES_COLORS[6], dashed: true,
        points: view.theory.map((t, i) => ({ x: i + 1, y: t.std })),
      },
    ];
  }, [view]);
  const gradSeries = useMemo<LineSeries[]>(() => {
    if (!view) return [];
    // ∂L/∂a^L is the seeded upstream gradient itself: shown once the backward pass has started.
    const pts = (f: (i: number) => number) => view.backwardDone === 0 ? [] : view.layers.map((_, i) => ({ x: i + 1, y: f(i) })).filter((q) => Number.isFinite(q.y));
    return [
      { key: 'gradW', label: 'RMS of ∂L/∂W (weights of layer l)', color: SERIES_COLORS[4], points: pts((i) => view.layers[i].gradW) },
      { key: 'gradA', label: 'RMS of ∂L/∂a (activations of layer l)', color: SERIES_COLORS[2], dashed: true, points: pts((i) => view.layers[i].gradOut) },
    ];
  }, [view]);
  const total = experimentSteps(p);
  const zeroGrads = view?.done && view.layers.every((s) => s.gradW === 0);
  return (
    <LabFrame
      handle={h}
      stepLabel="step"
      controls={['init', 'act', 'layers', 'width', 'samples', 'seed', 'logY']}
      intro={
        <p>
          The notes' experiment: {p.samples} unit-Gaussian inputs through {p.layers} layers of {p.width} neurons (biases 0). Pick an
          initialisation and an activation (or press Play) and watch each layer's activations, then the gradients of one backward pass. Weights are drawn
          with <Tex math={`\\mathrm{Var}(w) = ${VAR_TEX[p.init]}`} />{p.init === 'xavier' || p.init === 'kaiming' ? <>, where <Tex math="n" /> is the fan-in (inputs per neuron), not the number of samples</> : null}.
        </p>
      }
    >
      {view ? (
        <>
          <div className="init-progress">
            <progress max={total} value={h.step} aria-label="Progress of the experiment" />
            <span>
              forward {view.forwardDone}/{p.layers} layers · backward {view.backwardDone}/{p.layers}
              {view.done ? <> · {Math.round(view.computeMs)} ms of compute</> : null}
            </span>
          </div>
          <LayerHistograms layers={view.layers} act={p.act} fileBase={fileBase} />
          <LineChart title="Mean and standard deviation per layer" chartKey="std" fileBase={fileBase} xLabel="layer l" yLabel="activations a"
            series={layerSeries} logY={p.logY} />
          <LineChart title="Gradient size per layer" chartKey="grad" fileBase={fileBase} xLabel="layer l" yLabel="RMS gradient" series={gradSeries} logY />
          {zeroGrads ? <p className="muted">Every gradient is exactly 0 (nothing to draw on a log scale): zero weights pass no signal either way.</p> : null}
          <div className="panel">
            <h4>Why the scale changes</h4>
            <p>
              With zero-mean weights independent of the inputs, a pre-activation <Tex math="s = \sum_{i=1}^n w_i x_i" /> has
            </p>
            <Tex display math="\mathrm{Var}(s) = n\,\mathrm{Var}(w)\,E[x^2]" />
            <p>
              Here <Tex math={`n\\,\\mathrm{Var}(w) = ${texNum(p.width * initVariance(p.init, p.width), 3)}`} />: <PerLayerFactor init={p.init} act={p.act} n={p.width} />. ReLU sets half the pre-activations to 0, so{' '}
              <Tex math="E[a^2] = \mathrm{Var}(s)/2" />: Xavier's <Tex math="1/n" /> halves it every layer, Kaiming's <Tex math="2/n" /> keeps it. The
              dashed curve is this recursion for <Tex math="n \to \infty" /> (for tanh, <Tex math="E[\tanh^2 s]" /> is a one-dimensional Gaussian integral,
              evaluated numerically). The backward pass uses <Tex math="L = \tfrac1N\sum_i g_i^\top a^L_i" /> with seeded random <Tex math="g_i" />.
            </p>
            {view.forwardDone === p.layers ? (
              <p data-testid="init-slope">
                Mean local slope in the last layer: <Tex math={`E[f'(s^{${p.layers}})] = ${texNum(meanSlope(p.act, view.layers[p.layers - 1]), 3)}`} />
                {p.act === 'tanh' && p.init === 'big' ? (
                  <>. Saturated units pass almost no gradient; the few unsaturated ones still carry a signal that the big weights amplify by about{' '}
                    <Tex math="\sqrt{n}" /> per layer on the way back, which is why the weight gradients grow towards the input.</>
                ) : null}
              </p>
            ) : null}
            <p className="muted">
              The page derives <Tex math="\mathrm{Var}(s) = n\,\mathrm{Var}(w)\mathrm{Var}(x)" /> for zero-mean inputs. After a ReLU the inputs
              are not zero-mean, and the same product rule gives <Tex math="\mathrm{Var}(s) = n\,\mathrm{Var}(w)\,E[x^2]" /> instead — the
              recursion the dashed curve follows.
            </p>
          </div>
          <h4 className="init-part">All-zero weights never break the symmetry</h4>
          <p>
            Two 2 → {SYM_HIDDEN} → 1 networks with sigmoid hidden units, trained for {SYM_EPOCHS} epochs of full-batch gradient descent on the same
            two circles (classes 2 : 1): one from all-zero weights, one from random (Xavier-uniform) weights. Identical units get identical gradients,
            so they stay identical: eight units act as one.
          </p>
          <ul className="init-numbers" data-testid="init-symmetry">
            <li>
              all-zero start, after {view.symEpochs} epochs: largest difference between two units <strong>{texPlain(view.sym.zero.spread)}</strong>,
              training accuracy {pct(view.sym.zero.accuracy)}
            </li>
            <li>
              random start: units differ by up to <strong>{texPlain(view.sym.random.spread)}</strong>, training accuracy {pct(view.sym.random.accuracy)}
            </li>
          </ul>
          <SymmetryFigure sym={view.sym} fileBase={fileBase} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}

function pct(v: number): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—';
}

function texPlain(v: number): string {
  if (v === 0) return '0';
  return Math.abs(v) < 1e-3 ? v.toExponential(1) : v.toFixed(3);
}
