/** Small SVG figures of the dropout lab: the network with the current mask, and train- vs eval-mode outputs. */
import { memo, useEffect, useRef } from 'react';
import { CHART_AXIS, CHART_FG, CHART_GRID, CHART_MUTED, SERIES_COLORS } from '../../../../charts';
import { MNIST_SIDE } from '../../../../ml/data/mnist';

const NW = 300;
const NH = 190;

/** Inputs (a few of the 784 pixels), two hidden layers with the first minibatch row's masks, 10 outputs. */
export const NetSketch = memo(function NetSketch({ masks, hidden, drop }: { masks: [number[], number[]]; hidden: number; drop: number }) {
  const layers: { n: number; kept: (i: number) => boolean; x: number; label: string }[] = [
    { n: 6, kept: () => true, x: 30, label: '784 px' },
    { n: masks[0].length || 8, kept: (i) => (masks[0].length ? masks[0][i] === 1 : true), x: 110, label: `${hidden} units` },
    { n: masks[1].length || 8, kept: (i) => (masks[1].length ? masks[1][i] === 1 : true), x: 190, label: `${hidden} units` },
    { n: 10, kept: () => true, x: 270, label: '10 classes' },
  ];
  const ys = (n: number) => Array.from({ length: n }, (_, i) => 22 + ((NH - 50) * (i + 0.5)) / n);
  const edges: string[] = [];
  for (let l = 0; l + 1 < layers.length; l++) {
    const a = layers[l];
    const b = layers[l + 1];
    const ya = ys(a.n);
    const yb = ys(b.n);
    ya.forEach((y1, i) =>
      yb.forEach((y2, j) => {
        const on = a.kept(i) && b.kept(j);
        edges.push(`<line x1="${a.x}" y1="${y1.toFixed(1)}" x2="${b.x}" y2="${y2.toFixed(1)}" stroke="${on ? CHART_AXIS : CHART_GRID}" stroke-width="${on ? 0.8 : 0.5}" stroke-opacity="${on ? 0.7 : 0.5}"/>`);
      }),
    );
  }
  const nodes: string[] = [];
  layers.forEach((L) => {
    ys(L.n).forEach((y, i) => {
      const on = L.kept(i);
      nodes.push(`<circle cx="${L.x}" cy="${y.toFixed(1)}" r="${L.n > 8 ? 5 : 6}" fill="${on ? SERIES_COLORS[0] : '#ffffff'}" stroke="${on ? CHART_FG : CHART_AXIS}" stroke-width="1"/>`);
      if (!on) nodes.push(`<path d="M${L.x - 4} ${y - 4}L${L.x + 4} ${y + 4}M${L.x + 4} ${y - 4}L${L.x - 4} ${y + 4}" stroke="#D55E00" stroke-width="1.5"/>`);
    });
    nodes.push(`<text x="${L.x}" y="${NH - 8}" font-size="11" fill="${CHART_MUTED}" text-anchor="middle">${L.label}</text>`);
  });
  const dropped = masks.flat().filter((m) => m === 0).length;
  const shown = masks[0].length + masks[1].length;
  return (
    <figure className="dropout-sketch">
      <figcaption className="chart-title">The current mask</figcaption>
      <svg viewBox={`0 0 ${NW} ${NH}`} width="100%" style={{ maxWidth: NW }} role="img"
        aria-label={`Network sketch: ${dropped} of the ${shown || 16} drawn hidden units are dropped by the current mask (p = ${drop}).`}
        // Built from numbers and fixed strings only.
        dangerouslySetInnerHTML={{ __html: edges.join('') + nodes.join('') }} />
      <p className="muted">
        The first {masks[0].length || 8} units of each hidden layer for one training example of the last minibatch; crossed units are dropped.
      </p>
    </figure>
  );
});

function DigitCanvas({ pixels }: { pixels: Float32Array }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(MNIST_SIDE, MNIST_SIDE);
    for (let i = 0; i < pixels.length; i++) {
      const v = 255 - Math.round(255 * pixels[i]);
      img.data.set([v, v, v, 255], 4 * i);
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels]);
  return <canvas ref={ref} width={MNIST_SIDE} height={MNIST_SIDE} className="dropout-digit" aria-hidden="true" />;
}

const BW = 300;
const BH = 150;

/** Softmax outputs of one validation digit: eval mode as bars, each train-mode pass as a dot. */
export const ModeBars = memo(function ModeBars(props: { pixels: Float32Array; label: number; evalProbs: number[]; trainProbs: number[][] }) {
  const { pixels, label, evalProbs, trainProbs } = props;
  const left = 26;
  const bottom = BH - 18;
  const top = 8;
  const colW = (BW - left - 6) / 10;
  const sy = (v: number) => bottom - v * (bottom - top);
  const parts: string[] = [];
  for (const t of [0, 0.5, 1]) {
    parts.push(`<line x1="${left}" x2="${BW - 6}" y1="${sy(t)}" y2="${sy(t)}" stroke="${CHART_GRID}"/>`);
    parts.push(`<text x="${left - 4}" y="${sy(t) + 4}" font-size="10" fill="${CHART_MUTED}" text-anchor="end">${t}</text>`);
  }
  evalProbs.forEach((v, c) => {
    const x = left + c * colW;
    parts.push(`<rect x="${(x + colW * 0.15).toFixed(1)}" y="${sy(v).toFixed(1)}" width="${(colW * 0.7).toFixed(1)}" height="${(bottom - sy(v)).toFixed(1)}" fill="${SERIES_COLORS[0]}" fill-opacity="0.75"/>`);
    parts.push(`<text x="${(x + colW / 2).toFixed(1)}" y="${BH - 5}" font-size="10" fill="${c === label ? CHART_FG : CHART_MUTED}" font-weight="${c === label ? 'bold' : 'normal'}" text-anchor="middle">${c}</text>`);
    trainProbs.forEach((pass, k) => {
      const dx = ((k + 0.5) / trainProbs.length - 0.5) * colW * 0.6;
      parts.push(`<circle cx="${(x + colW / 2 + dx).toFixed(1)}" cy="${sy(pass[c]).toFixed(1)}" r="2.6" fill="${SERIES_COLORS[1]}" stroke="${CHART_FG}" stroke-width="0.5"/>`);
    });
  });
  const top1 = (p: number[]) => p.indexOf(Math.max(...p));
  const evalClass = evalProbs.length ? top1(evalProbs) : -1;
  const trainClasses = trainProbs.map(top1);
  const agree = trainClasses.filter((c) => c === evalClass).length;
  return (
    <figure className="dropout-modes" data-testid="dropout-modes">
      <figcaption className="chart-title">Same input, train mode against eval mode</figcaption>
      <div className="dropout-modes-row">
        <DigitCanvas pixels={pixels} />
        <svg viewBox={`0 0 ${BW} ${BH}`} width="100%" style={{ maxWidth: BW }} role="img"
          aria-label={`Softmax outputs for a validation digit ${label}: eval mode predicts ${evalClass}; ${agree} of ${trainProbs.length} train-mode passes agree.`}
          dangerouslySetInnerHTML={{ __html: parts.join('') }} />
      </div>
      <p className="muted">
        Bars: <code>model.eval()</code>, every unit on — one fixed answer ({evalClass}). Dots: {trainProbs.length} passes in{' '}
        <code>model.train()</code>, each with a fresh mask — the outputs scatter ({agree} of {trainProbs.length} pick {evalClass}).
      </p>
    </figure>
  );
});
