import { useCallback, useMemo, useState } from 'react';
import { ImageGrid, LineChart, SERIES_COLORS, type GridImage, type ImageRange, type LineSeries } from '../../../../charts';
import { MnistProgress } from '../../../../components/MnistProgress';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { useMnistSet } from '../../../../labs/mnist';
import { ParamControls } from '../../../../labs/ParamControls';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { MNIST_PIXELS, MNIST_SIDE } from '../../../../ml/data/mnist';
import { INPUT_SIDE, KERNEL, PAD, POOL1, POOL2, layerShapes, paramSummary, paramTable, type CnnArch } from './arch';
import { ConfusionMatrix } from './ConfusionMatrix';
import { centreCrops } from './data';
import { DrawPad } from './DrawPad';
import type { CnnMnistView } from './engine';
import { channel, firstLayerFilter, forwardOne, unpackWeights, type Activations, type CnnWeights } from './forward';
import { CNN_MNIST_PARAMS, EVALS_PER_EPOCH } from './params';
import { N_VAL, totalSteps } from './plan';
import type { Preprocessed } from './preprocess';
import './cnn-mnist.css';
import { useThrottled } from '../../../../labs/useThrottled';
import { groupDigits } from '../../../../charts/format';

export const cnnMnistLab: LabDefinition<typeof CNN_MNIST_PARAMS, CnnMnistView> = {
  id: 'cnn-mnist',
  title: 'A CNN trained live on MNIST',
  lecture: '09-cnn',
  schema: CNN_MNIST_PARAMS,
  engine: () => import('./engine').then((m) => m.createCnnMnistEngine),
  needsTf: true,
  lossKeys: ['trainLoss', 'valLoss'],
  maxSteps: (p) => totalSteps(p),
  stepsPerFrame: 10,
  viewOnly: ['digit', 'example', 'source'],
  fileTag: (p) => `f${p.f1}-${p.f2}-lr${p.lr}-b${p.batch}-n${p.nTrain}-seed${p.seed}`,
};

const COLORS = { train: SERIES_COLORS[0], val: SERIES_COLORS[1] };
const UNIT_RANGE: ImageRange = [0, 1];
const PERCENT_DOMAIN: [number, number] = [0, 100];

const pct = (v: number | undefined, d = 1) => (v === undefined || !Number.isFinite(v) ? '–' : `${(100 * v).toFixed(d)} %`);
const int = (v: number) => groupDigits(v);

function Formulas({ arch }: { arch: CnnArch }) {
  const s = layerShapes(arch);
  return (
    <div className="panel cnn-mnist-formulas">
      <h4>The network (ConvNetJS’ MNIST demo)</h4>
      <p className="cnn-mnist-arch">
        {s.map((l) => (l.key === 'fc' ? '10' : `${l.side}×${l.side}×${l.depth}`)).join(' → ')}
      </p>
      <p>
        Each layer’s output side is <Tex math="\left\lfloor \frac{N + 2P - F}{S} \right\rfloor + 1" />: the convolutions keep the size (
        <Tex math={`F = ${KERNEL},\\ P = ${PAD},\\ S = 1`} />, a “same” convolution), the pools shrink it (
        <Tex math={`\\frac{${INPUT_SIDE} - ${POOL1}}{${POOL1}} + 1 = ${s[2].side}`} />,{' '}
        <Tex math={`\\frac{${s[3].side} - ${POOL2}}{${POOL2}} + 1 = ${s[4].side}`} />). A conv layer with <Tex math="K" /> filters of size{' '}
        <Tex math="F \times F \times D_{\text{in}}" /> has <Tex math="F \cdot F \cdot D_{\text{in}} \cdot K + K" /> parameters, however large the
        image. Training sees random {INPUT_SIDE}×{INPUT_SIDE} crops of the 28×28 digits; validation the centre crop. The optimiser is
        Adam (ConvNetJS’ demo used Adadelta).
      </p>
    </div>
  );
}

function ParamCountTable({ arch }: { arch: CnnArch }) {
  const rows = paramTable(arch);
  const sum = paramSummary(arch);
  return (
    <div className="panel cnn-mnist-params">
      <h4>Parameters: convolution against fully connected</h4>
      <div className="cnn-mnist-table-wrap" tabIndex={0} role="region" aria-label="Parameter counts (scrolls sideways)">
        <table className="cnn-mnist-table" data-testid="cnn-mnist-params">
          <thead>
            <tr>
              <th scope="col">layer</th>
              <th scope="col">output</th>
              <th scope="col">parameters</th>
              <th scope="col">FC layer, same in → out</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td>{r.output}</td>
                <td>{int(r.params)}</td>
                <td>{int(r.fcParams)}</td>
              </tr>
            ))}
            <tr className="cnn-mnist-total">
              <th scope="row">total</th>
              <td />
              <td data-testid="cnn-mnist-total">{int(sum.total)}</td>
              <td>{int(sum.allFc)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        The conv layers hold {int(sum.conv)} parameters, the fully connected head {int(sum.fc)}. The same layer sizes built from fully
        connected layers would need {int(sum.allFc)} ({Math.round(sum.allFc / sum.total)}× as many), and even a small MLP on the same{' '}
        {INPUT_SIDE}×{INPUT_SIDE} input, {INPUT_SIDE * INPUT_SIDE} → {sum.mlpHidden} → 10, has {int(sum.mlp)}: weight sharing at work.
      </p>
    </div>
  );
}

function Probabilities({ probs, title }: { probs: Float32Array | null; title: string }) {
  const best = probs ? probs.reduce((b, v, i) => (v > probs[b] ? i : b), 0) : -1;
  return (
    <div className="cnn-mnist-probs" aria-label={title} role="group" data-predicted={best >= 0 ? best : undefined}>
      {Array.from({ length: 10 }, (_, c) => {
        const v = probs ? probs[c] : 0;
        return (
          <div key={c} className={`cnn-mnist-prob${c === best ? ' best' : ''}`}>
            <span className="cnn-mnist-prob-label">{c}</span>
            <span className="cnn-mnist-prob-bar"><span style={{ width: `${(100 * v).toFixed(1)}%` }} /></span>
            <span className="cnn-mnist-prob-value">{probs ? `${(100 * v).toFixed(1)} %` : '–'}</span>
          </div>
        );
      })}
    </div>
  );
}

function layerImages(x: Float32Array, side: number, depth: number, prefix: string): { images: GridImage[]; range: ImageRange } {
  let hi = 0;
  for (let i = 0; i < x.length; i++) if (x[i] > hi) hi = x[i];
  const images = Array.from({ length: depth }, (_, k) => ({ width: side, height: side, data: channel(x, side, depth, k), label: `${prefix}${k + 1}` }));
  // Labels are the map numbers; the layer's own maximum is white, so the maps of a layer compare.
  return { images, range: [0, hi > 0 ? hi : 1] };
}

function ActivationMaps({ acts, input, arch, fileBase, caption }: { acts: Activations; input: Float32Array; arch: CnnArch; fileBase: string; caption: string }) {
  const inputImages = useMemo<GridImage[]>(() => [{ width: INPUT_SIDE, height: INPUT_SIDE, data: input, label: caption }], [input, caption]);
  const grids = useMemo(() => {
    const s = acts.sides;
    return [
      { key: 'act-conv1', title: `Conv 1 + ReLU: ${s.conv1}×${s.conv1}×${arch.f1}`, ...layerImages(acts.conv1, s.conv1, arch.f1, ''), cell: 64 },
      { key: 'act-pool1', title: `Max pool ${POOL1}: ${s.pool1}×${s.pool1}×${arch.f1}`, ...layerImages(acts.pool1, s.pool1, arch.f1, ''), cell: 48 },
      { key: 'act-conv2', title: `Conv 2 + ReLU: ${s.conv2}×${s.conv2}×${arch.f2}`, ...layerImages(acts.conv2, s.conv2, arch.f2, ''), cell: 48 },
      { key: 'act-pool2', title: `Max pool ${POOL2}: ${s.pool2}×${s.pool2}×${arch.f2}`, ...layerImages(acts.pool2, s.pool2, arch.f2, ''), cell: 36 },
    ];
  }, [acts, arch]);
  return (
    <div className="cnn-mnist-acts">
      <div className="cnn-mnist-acts-io">
        <ImageGrid title={`Input ${INPUT_SIDE}×${INPUT_SIDE}`} chartKey="act-input" fileBase={fileBase} images={inputImages} range={UNIT_RANGE} cellSize={96} columns={1} />
        <div className="cnn-mnist-acts-out">
          <h5>Output: softmax probabilities</h5>
          <Probabilities probs={acts.probs} title="Class probabilities for this input" />
        </div>
      </div>
      {grids.map((g) => (
        <ImageGrid key={g.key} title={g.title} chartKey={g.key} fileBase={fileBase} images={g.images} range={g.range} cellSize={g.cell} columns={Math.min(8, g.images.length)} />
      ))}
    </div>
  );
}

export function CnnMnistLab() {
  const h = useLab(cnnMnistLab);
  const { view, params: p, metrics: m, lab } = h;
  const fileBase = `lecture09-cnn-mnist-${cnnMnistLab.fileTag(p)}`;
  const set = useMnistSet();
  const [drawing, setDrawing] = useState<Preprocessed | null>(null);
  const onDraw = useCallback((d: Preprocessed | null) => setDrawing(d), []);

  const viewArch = view?.arch;
  const arch = useMemo<CnnArch>(() => viewArch ?? { f1: Math.round(p.f1), f2: Math.round(p.f2) }, [viewArch, p.f1, p.f2]);
  const running = h.status === 'running';
  // Weights and the architecture they belong to travel together (a new run may change the filter counts).
  const viewWeights = view?.weights;
  const net = useMemo(() => (viewWeights && viewArch ? { arch: viewArch, weights: viewWeights } : null), [viewWeights, viewArch]);
  const shownNet = useThrottled(net, running, 1000);
  const netArch = shownNet?.arch ?? arch;
  const wts = useMemo<CnnWeights | null>(() => (shownNet ? unpackWeights(shownNet.arch, shownNet.weights) : null), [shownNet]);

  const train = useThrottled(view?.train, running, 500);
  const val = useThrottled(view?.val, running, 500);
  const accSeries = useMemo<LineSeries[]>(() => [
    { key: 'train', label: 'training batches', color: COLORS.train, points: (train ?? []).map((c) => ({ x: c.epoch, y: 100 * c.acc })) },
    { key: 'val', label: 'validation', color: COLORS.val, points: (val ?? []).map((c) => ({ x: c.epoch, y: 100 * c.acc })) },
  ], [train, val]);
  const lossSeries = useMemo<LineSeries[]>(() => [
    { key: 'train', label: 'training batches', color: COLORS.train, points: (train ?? []).map((c) => ({ x: c.epoch, y: c.loss })) },
    { key: 'val', label: 'validation', color: COLORS.val, points: (val ?? []).map((c) => ({ x: c.epoch, y: c.loss })) },
  ], [train, val]);
  const refLines = useMemo(() => [{ y: 95, label: '95 %', color: '#57606a' }], []);

  const filters = useMemo<GridImage[]>(() => {
    if (!wts) return [];
    return Array.from({ length: netArch.f1 }, (_, k) => ({ width: KERNEL, height: KERNEL, data: firstLayerFilter(netArch, wts.w1, k), label: `filter ${k + 1}` }));
  }, [wts, netArch]);

  // The input for the activation maps: a validation digit (centre crop), or the drawing.
  const exampleIndex = view?.examples[Math.round(p.digit)]?.[Math.round(p.example) - 1];
  const digitInput = useMemo(() => (set && exampleIndex !== undefined ? centreCrops(set, [exampleIndex]) : null), [set, exampleIndex]);
  const useDrawing = p.source === 'drawing';
  const actInput = useDrawing ? drawing?.input ?? null : digitInput;
  const acts = useMemo(() => (wts && actInput ? forwardOne(netArch, wts, actInput) : null), [wts, actInput, netArch]);
  const drawActs = useMemo(() => (wts && drawing ? forwardOne(netArch, wts, drawing.input) : null), [wts, drawing, netArch]);
  const drawnBest = drawActs ? drawActs.probs.reduce((b, v, i) => (v > drawActs.probs[b] ? i : b), 0) : -1;

  const drawnField = useMemo<GridImage[]>(() => (drawing ? [
    { width: MNIST_SIDE, height: MNIST_SIDE, data: drawing.field, label: '28×28' },
    { width: INPUT_SIDE, height: INPUT_SIDE, data: drawing.input, label: `${INPUT_SIDE}×${INPUT_SIDE} crop` },
  ] : []), [drawing]);

  const wrong = view?.wrong;
  const wrongImages = useMemo<GridImage[]>(() => {
    if (!set || !wrong) return [];
    return wrong.map((w) => ({
      width: MNIST_SIDE, height: MNIST_SIDE, label: `${w.truth} → ${w.pred}`,
      data: Float32Array.from(set.images.subarray(w.index * MNIST_PIXELS, (w.index + 1) * MNIST_PIXELS), (v) => v / 255),
    }));
  }, [set, wrong]);

  const hit = Number.isFinite(m.epochTo95);
  return (
    <LabFrame
      handle={h}
      stepLabel="step"
      controls={['lr', 'batch', 'f1', 'f2', 'nTrain', 'epochs', 'seed']}
      intro={
        <p>
          Press Play: a small CNN learns the real MNIST digits in your browser. Watch the curves, the first layer’s filters and every layer’s
          activation maps; then draw a digit yourself. Fewer filters, fewer training digits or another learning rate change how fast it learns.
        </p>
      }
    >
      <MnistProgress />
      <Formulas arch={arch} />
      {view && h.status !== 'idle' && view.progress < 1 ? (
        <progress className="cnn-mnist-progress" max={1} value={view.progress} aria-label="Training progress" />
      ) : null}
      <div className="panel cnn-mnist-summary" data-testid="cnn-mnist-summary" aria-live="polite">
        {Number.isFinite(m.valAcc) ? (
          <p>
            Validation accuracy <strong>{pct(m.valAcc)}</strong> (loss {m.valLoss.toFixed(3)}) after epoch {m.valEpoch.toFixed(2)} of {p.epochs},
            step {m.step}; {hit ? <>it first reached 95 % at epoch {m.epochTo95.toFixed(2)} (step {m.stepTo95}).</> : <>not yet at 95 %.</>}{' '}
            {m.wrong} of {view?.nVal ?? N_VAL} validation digits wrong.
            {Number.isFinite(m.msPerStep) ? ` ${m.msPerStep.toFixed(1)} ms per minibatch.` : ''}
          </p>
        ) : (
          <p className="muted">
            {view ? `${int(view.nTrain)} training digits, ${int(view.nVal)} held out for validation; ` : ''}the validation digits are scored{' '}
            {EVALS_PER_EPOCH} times per epoch.
          </p>
        )}
      </div>
      <div className="cnn-mnist-curves">
        <LineChart title="Accuracy" chartKey="accuracy" fileBase={fileBase} xLabel="epoch" yLabel="accuracy (%)" series={accSeries} yDomain={PERCENT_DOMAIN} referenceLines={refLines} height={200} />
        <LineChart title="Loss" chartKey="loss" fileBase={fileBase} xLabel="epoch" yLabel="cross-entropy" series={lossSeries} height={200} />
      </div>

      <h4 className="cnn-mnist-subhead">What the network learned</h4>
      <ImageGrid title="First-layer filters (5×5)" chartKey="filters" fileBase={fileBase} images={filters} colormap="diverging" range="auto" cellSize={56} columns={8} />

      <h4 className="cnn-mnist-subhead">Activation maps</h4>
      <div className="cnn-mnist-inline-controls">
        <ParamControls schema={CNN_MNIST_PARAMS} values={p} onChange={lab.setParams} only={['source', 'digit', 'example']} />
      </div>
      {acts && actInput ? (
        <ActivationMaps acts={acts} input={actInput} arch={netArch} fileBase={fileBase} caption={useDrawing ? 'drawing' : `digit ${Math.round(p.digit)}`} />
      ) : (
        <p className="muted">{useDrawing ? 'Draw a digit below to see its activation maps.' : 'Loading the digits…'}</p>
      )}

      <h4 className="cnn-mnist-subhead">Draw a digit</h4>
      <div className="cnn-mnist-draw" data-testid="cnn-mnist-drawing" data-predicted={drawnBest >= 0 ? drawnBest : undefined}>
        <DrawPad onChange={onDraw} />
        <div className="cnn-mnist-draw-result">
          <p className="cnn-mnist-draw-answer" aria-live="polite">
            {drawnBest >= 0 ? <>The network says <strong>{drawnBest}</strong> ({pct(drawActs!.probs[drawnBest])}).</> : 'Draw a digit in the black square.'}
          </p>
          <Probabilities probs={drawActs?.probs ?? null} title="Class probabilities for your drawing" />
          {drawnField.length ? (
            <ImageGrid title="Your digit as the network sees it" chartKey="drawn" fileBase={fileBase} images={drawnField} cellSize={72} columns={2} />
          ) : null}
          <p className="muted">
            Like MNIST: the ink’s bounding box is scaled to fit 20×20, placed in 28×28 with its centre of mass in the middle, then the centre{' '}
            {INPUT_SIDE}×{INPUT_SIDE} is cut out.
          </p>
        </div>
      </div>

      <h4 className="cnn-mnist-subhead">Where it goes wrong</h4>
      {view?.confusion ? (
        <div className="cnn-mnist-errors">
          <ConfusionMatrix title="Confusion matrix (validation)" chartKey="confusion" fileBase={fileBase} counts={view.confusion} />
          <ImageGrid
            title={`Misclassified validation digits (true → predicted)${view.wrongTotal > view.wrong.length ? `, first ${view.wrong.length} of ${view.wrongTotal}` : ''}`}
            chartKey="misclassified" fileBase={fileBase} images={wrongImages} cellSize={48} columns={8}
          />
        </div>
      ) : (
        <p className="muted">The confusion matrix and the misclassified digits appear at the first validation scoring (a quarter epoch in).</p>
      )}
      <ParamCountTable arch={arch} />
    </LabFrame>
  );
}
