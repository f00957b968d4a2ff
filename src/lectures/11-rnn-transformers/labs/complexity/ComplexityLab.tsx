import { memo, useCallback, useMemo } from 'react';
import { ChartFrame, LineChart, SERIES_COLORS, toCsv, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { LAYER_NAMES, LAYER_TEX, LAYER_TYPES, type LayerType } from '../../../../ml/attentionComplexity';
import { fmtInt, tableSvg } from '../../../10-cnn-2/labs/architectures/tableExport';
import { createComplexityEngine, type ComplexityView } from './engine';
import { COMPLEXITY_PARAMS } from './params';
import './complexity.css';

export const complexityLab: LabDefinition<typeof COMPLEXITY_PARAMS, ComplexityView> = {
  id: 'complexity',
  title: 'Self-attention complexity',
  lecture: '11-rnn-transformers',
  schema: COMPLEXITY_PARAMS,
  // Closed forms in plain TypeScript (no tfjs), small enough to ship in the lab's chunk.
  engine: () => Promise.resolve(createComplexityEngine),
  needsTf: false,
  lossKeys: [],
  maxSteps: () => LAYER_TYPES.length,
  stepsPerFrame: 1,
  playOnChange: false,
  fileTag: (p) => `n${Math.round(p.n)}-d${Math.round(p.d)}-k${Math.round(p.k)}-r${Math.round(p.r)}`,
};

/** 7864320 → "7{,}864{,}320" for KaTeX; non-integers with 3 significant digits. */
const tx = (v: number) => (Number.isInteger(v) ? fmtInt(v).replace(/,/g, '{,}') : Number(v.toPrecision(3)).toString());
const COLORS: Record<LayerType, string> = { self: SERIES_COLORS[0], recurrent: SERIES_COLORS[1], conv: SERIES_COLORS[2], restricted: SERIES_COLORS[3] };

/** The TeX of an entry with the learner's numbers substituted. */
function substituted(t: LayerType, v: ComplexityView, what: 'cost' | 'seq' | 'path'): string {
  const { n, d, k } = v.sizes;
  const r = v.rEff;
  if (what === 'seq') return t === 'recurrent' ? `${n}` : '1';
  if (what === 'path') {
    switch (t) {
      case 'self': return '1';
      case 'recurrent': return `${n}`;
      case 'conv': return `\\log_{${k}}(${n})`;
      case 'restricted': return `${n}/${r}`;
    }
  }
  switch (t) {
    case 'self': return `${n}^2\\cdot ${d}`;
    case 'recurrent': return `${n}\\cdot ${d}^2`;
    case 'conv': return `${k}\\cdot ${n}\\cdot ${d}^2`;
    case 'restricted': return `${r}\\cdot ${n}\\cdot ${d}`;
  }
}

const HEADER = ['layer type', 'complexity per layer', 'value', 'sequential operations', 'value', 'maximum path length', 'value'];
const PLAIN: Record<LayerType, [string, string, string]> = {
  self: ['O(n²·d)', 'O(1)', 'O(1)'],
  recurrent: ['O(n·d²)', 'O(n)', 'O(n)'],
  conv: ['O(k·n·d²)', 'O(1)', 'O(log_k(n))'],
  restricted: ['O(r·n·d)', 'O(1)', 'O(n/r)'],
};

const Table = memo(function Table({ view, fileBase }: { view: ComplexityView; fileBase: string }) {
  const title = 'The complexity table, evaluated';
  const num = (x: number) => (Number.isInteger(x) ? fmtInt(x) : x.toPrecision(3));
  const getSvg = useCallback(() => tableSvg(title, HEADER, view.rows.map((r) => [
    LAYER_NAMES[r.type], PLAIN[r.type][0], num(r.cost), PLAIN[r.type][1], num(r.seq), PLAIN[r.type][2], num(r.path),
  ]), { numeric: [false, false, true, false, true, false, true], note: `n = ${view.sizes.n}, d = ${view.sizes.d}, k = ${view.sizes.k}, r = ${view.rEff}; orders, constants dropped` }), [view]);
  const getCsv = useCallback(() => toCsv(['layer_type', 'complexity', 'cost', 'sequential', 'sequential_value', 'max_path', 'max_path_value'],
    view.rows.map((r) => [LAYER_NAMES[r.type], PLAIN[r.type][0], r.cost, PLAIN[r.type][1], r.seq, PLAIN[r.type][2], r.path])), [view]);
  return (
    <ChartFrame className="wide" title={title} chartKey="table" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="complexity-table-wrap" tabIndex={0} role="region" aria-label={`${title} (scrolls sideways)`}>
        <table className="notes-table complexity-table" data-testid="complexity-lab-table">
          <thead>
            <tr><th scope="col">Layer type</th><th scope="col">Complexity per layer</th><th scope="col">Sequential operations</th><th scope="col">Maximum path length</th></tr>
          </thead>
          <tbody>
            {view.rows.map((r, i) => (
              <tr key={r.type} data-type={r.type} className={view.focus === i ? 'complexity-focus' : undefined} data-focus={view.focus === i ? 'true' : undefined}>
                <th scope="row">{LAYER_NAMES[r.type]}{view.cheapest === r.type ? <span className="complexity-best"> cheapest</span> : null}</th>
                <td data-col="cost" data-value={r.cost}>
                  <Tex math={`O(${LAYER_TEX[r.type].cost})`} />
                  <span className="complexity-eval"><Tex math={`${substituted(r.type, view, 'cost')} = ${tx(r.cost)}`} /></span>
                </td>
                <td data-col="seq" data-value={r.seq}>
                  <Tex math={`O(${LAYER_TEX[r.type].seq})`} />
                  <span className="complexity-eval"><Tex math={`= ${tx(r.seq)}`} /></span>
                </td>
                <td data-col="path" data-value={r.path}>
                  <Tex math={`O(${LAYER_TEX[r.type].path})`} />
                  <span className="complexity-eval"><Tex math={`${r.type === 'conv' || r.type === 'restricted' ? `${substituted(r.type, view, 'path')} ` : ''}= ${tx(r.path)}`} /></span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
});

export function ComplexityLab() {
  const h = useLab(complexityLab);
  const { view, params: p, lab } = h;
  const fileBase = `lecture11-complexity-${complexityLab.fileTag(p)}`;

  const series = useMemo<LineSeries[]>(() => (view ? LAYER_TYPES.map((t) => ({
    key: t, label: `${LAYER_NAMES[t]} ${PLAIN[t][0]}`, color: COLORS[t], dashed: t === 'restricted',
    points: view.grid.map((n, j) => ({ x: Math.log10(n), y: view.curves[t][j] })),
  })) : []), [view]);
  const refs = useMemo<ReferenceLineSpec[]>(() => (view ? [
    { x: Math.log10(view.crossover), label: `n = d = ${view.sizes.d}`, color: '#b2182b' },
    ...(view.sizes.n !== view.crossover ? [{ x: Math.log10(view.sizes.n), label: `your n = ${view.sizes.n}`, color: '#1b1f24' }] : []),
  ] : []), [view]);

  const base = () => lab.setParams({ n: 30, d: 512 });
  return (
    <LabFrame
      handle={h}
      stepLabel="row"
      controls={['n', 'd', 'k', 'r']}
      intro={
        <p>
          Set the sequence length <Tex math="n" />, the representation dimension <Tex math="d" />, the kernel size <Tex math="k" /> and the
          neighbourhood <Tex math="r" />: the notes’ table is evaluated with your numbers, and the chart shows where each layer type gets
          expensive. Step tours the rows.
        </p>
      }
    >
      {view ? (
        <>
          <p className="wide complexity-verdict" role="status" data-testid="complexity-verdict" data-cheaper={view.sizes.n < view.sizes.d ? 'self' : view.sizes.n > view.sizes.d ? 'recurrent' : 'tie'}>
            {view.sizes.n < view.sizes.d ? (
              <>With <strong>n = {view.sizes.n} &lt; d = {view.sizes.d}</strong>, self-attention is cheaper than recurrence per layer, by a factor <Tex math={`d/n = ${tx(view.sizes.d / view.sizes.n)}`} />.</>
            ) : view.sizes.n > view.sizes.d ? (
              <>With <strong>n = {view.sizes.n} &gt; d = {view.sizes.d}</strong>, self-attention costs more than recurrence per layer, by a factor <Tex math={`n/d = ${tx(view.sizes.n / view.sizes.d)}`} />.</>
            ) : (
              <>At <strong>n = d = {view.sizes.d}</strong> self-attention and recurrence cost the same: <Tex math={`n^2 d = n d^2 = ${tx(view.rows[0].cost)}`} />.</>
            )}{' '}
            Cheapest at these sizes: <strong>{LAYER_NAMES[view.cheapest].toLowerCase()}</strong>.
          </p>
          <Table view={view} fileBase={fileBase} />
          <p className="muted wide">
            These are orders: constants are dropped, so compare how the numbers grow, not the numbers as FLOPs.
            {view.sizes.r > view.sizes.n ? <> A neighbourhood wider than the sequence is the whole sequence: <Tex math={`r = \\min(${view.sizes.r}, n) = ${view.rEff}`} />.</> : null}
          </p>
          <LineChart
            title="Cost per layer against sequence length (log–log)" chartKey="costs" fileBase={fileBase} xLabel="log₁₀ n" yLabel="cost per layer"
            series={series} logY referenceLines={refs} height={260}
          />
          <div className="panel wide complexity-crossover" data-testid="complexity-crossover">
            <h4>The crossover</h4>
            <Tex display math={`n^2 d \\;<\\; n d^2 \\iff n < d, \\qquad \\text{here } d = ${view.sizes.d}`} />
            <p>
              <strong>Self-attention is cheaper than recurrence while n &lt; d</strong>; beyond <Tex math={`n = d = ${view.sizes.d}`} /> its{' '}
              <Tex math="n^2" /> term takes over. Against a convolution the crossover is at <Tex math={`n = k\\,d = ${tx(view.convCrossover)}`} />; restricted
              self-attention (<Tex math="r\cdot n\cdot d" />) is linear in <Tex math="n" /> and cheaper than recurrence while <Tex math="r < d" />, at the price of a path
              length <Tex math="n/r" />. With <Tex math="r = n" /> it is full self-attention.
            </p>
          </div>
          <div className="panel wide complexity-sentences" data-testid="complexity-sentences">
            <h4>Why this favours self-attention in practice</h4>
            <p>
              The notes: most sentences are no longer than the representation dimension, so self-attention is very efficient. The base
              transformer has <Tex math="d = d_{\text{model}} = 512" />; a sentence is a few tens of tokens, say <Tex math="n = 30" />:{' '}
              <Tex math="30^2\cdot 512 = 460{,}800" /> against <Tex math="30\cdot 512^2 = 7{,}864{,}320" /> for a recurrent layer — about 17 times
              fewer operations, and all of them in parallel (<Tex math="O(1)" /> sequential operations instead of <Tex math="O(n)" />).{' '}
              <button type="button" onClick={base}>Use n = 30, d = 512</button>
            </p>
            <p className="muted">
              The condition is <Tex math="n < d" /> (Vaswani et al.); the notes’ wording “a similar dimension” is loose — at <Tex math="n = d" /> the two
              cost the same. The path length <Tex math="O(\log_k n)" /> of the table holds for dilated convolutions; contiguous kernels need{' '}
              <Tex math="O(n/k)" /> layers.
            </p>
          </div>
        </>
      ) : h.error ? <p className="notice danger" role="alert">{h.error}</p> : <p className="loading">Preparing…</p>}
    </LabFrame>
  );
}
