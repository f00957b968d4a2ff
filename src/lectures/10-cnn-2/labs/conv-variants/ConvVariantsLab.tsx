import { memo, useCallback, useMemo } from 'react';
import { ChartFrame, toCsv } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { InceptionCost } from '../../../../ml/convCost';
import { fmtInt, fmtShort, tableSvg } from '../architectures/tableExport';
import { CostBars } from './CostBars';
import { createConvVariantEngine, VARIANTS, type ConvVariantView, type VariantKey } from './engine';
import { CONV_VARIANT_PARAMS } from './params';
import './conv-variants.css';

export const convVariantsLab: LabDefinition<typeof CONV_VARIANT_PARAMS, ConvVariantView> = {
  id: 'conv-variants',
  title: '1×1, Inception and depthwise-separable convolutions',
  lecture: '10-cnn-2',
  schema: CONV_VARIANT_PARAMS,
  // Closed-form counting in plain TypeScript (no tfjs), small enough to ship in the lab's chunk.
  engine: () => Promise.resolve(createConvVariantEngine),
  needsTf: false,
  lossKeys: [],
  maxSteps: () => VARIANTS.length,
  stepsPerFrame: 1,
  playOnChange: false,
  fileTag: (p) => `H${p.h}-W${p.w}-Cin${p.cin}-Cout${p.cout}-k${p.k}-g${p.groups}${p.bias ? '' : '-nobias'}`,
};

/** 590080 → "590{,}080" for KaTeX */
const tx = (v: number) => fmtInt(v).replace(/,/g, '{,}');

function labelsFor(v: ConvVariantView): Record<VariantKey, string> {
  const k = v.sizes.k;
  return {
    std: `standard ${k}×${k} conv`,
    pw: '1×1 conv',
    dws: `depthwise ${k}×${k} + pointwise 1×1`,
    grp: `grouped ${k}×${k} conv, g = ${v.groups}`,
    incN: 'Inception, naive',
    incR: 'Inception, 1×1 bottlenecks',
  };
}

function torchOf(v: ConvVariantView, key: VariantKey): string {
  const { cin, cout, k, bias } = v.sizes;
  const pad = k > 1 ? `, padding=${(k - 1) / 2}` : '';
  const b = bias ? '' : ', bias=False';
  switch (key) {
    case 'std': return `Conv2d(${cin}, ${cout}, ${k}${pad}${b})`;
    case 'pw': return `Conv2d(${cin}, ${cout}, 1${b})`;
    case 'dws': return `Conv2d(${cin}, ${cin}, ${k}${pad}, groups=${cin}${b}) → Conv2d(${cin}, ${cout}, 1${b})`;
    case 'grp': return `Conv2d(${cin}, ${cout}, ${k}${pad}, groups=${v.groups}${b})`;
    case 'incN': return '4 branches, concatenated';
    case 'incR': return '4 branches with 1×1 bottlenecks, concatenated';
  }
}

const INC_HEADER = ['module', 'branch', 'output', 'parameters', 'multiply-adds', 'layers'];
const HEADER = ['variant', 'output H×W×C', 'parameters', 'multiply-adds', '÷ standard', 'PyTorch'];
const NUMERIC = [false, true, true, true, true, false];

const VariantTable = memo(function VariantTable({ view, labels, fileBase }: { view: ConvVariantView; labels: Record<VariantKey, string>; fileBase: string }) {
  const std = view.costs.std!;
  const rows = useMemo(() => VARIANTS.map((k) => {
    const c = view.costs[k];
    return [labels[k], c ? `${view.sizes.h}×${view.sizes.w}×${c.outC}` : '—', c ? fmtInt(c.params) : 'not possible',
      c ? fmtInt(c.macs) : '—', c ? (c.macs / std.macs).toPrecision(3) : '—', torchOf(view, k)];
  }), [view, labels, std]);
  const title = 'Costs of the convolution variants';
  const getSvg = useCallback(() => tableSvg(title, HEADER, rows, { numeric: NUMERIC, note: `input ${view.sizes.h}×${view.sizes.w}×${view.sizes.cin}; stride 1, same padding` }), [rows, view]);
  const getCsv = useCallback(() => toCsv(['variant', 'pytorch', 'output_H', 'output_W', 'output_C', 'parameters', 'multiply_adds'],
    VARIANTS.map((k) => {
      const c = view.costs[k];
      return [labels[k], torchOf(view, k), view.sizes.h, view.sizes.w, c?.outC ?? NaN, c?.params ?? NaN, c?.macs ?? NaN];
    })), [view, labels]);
  return (
    <ChartFrame className="wide" title={title} chartKey="variants" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="conv-variants-table-wrap" tabIndex={0} role="region" aria-label={`${title} (scrolls sideways)`}>
        <table className="notes-table conv-variants-table" data-testid="conv-variants-table">
          <thead><tr>{HEADER.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {VARIANTS.map((k, i) => (
              <tr key={k} data-variant={k} className={view.focus === i ? 'conv-variants-focus' : undefined}>
                <th scope="row">{rows[i][0]}</th>
                {rows[i].slice(1, 5).map((c, j) => <td key={j} data-col={HEADER[j + 1]}>{c}</td>)}
                <td className="conv-variants-code"><code>{rows[i][5]}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.groupsProblem ? <p className="notice" role="alert" data-testid="conv-variants-groups-problem">{view.groupsProblem}</p> : null}
    </ChartFrame>
  );
});

const InceptionTable = memo(function InceptionTable({ view, fileBase }: { view: ConvVariantView; fileBase: string }) {
  const { h, w, cin } = view.inc;
  const flat = (name: string, m: InceptionCost) => m.branches.map((b) => [
    name, b.name, `${h}×${w}×${b.outC}`, fmtInt(b.layers.reduce((s, l) => s + l.params, 0)), fmtInt(b.layers.reduce((s, l) => s + l.macs, 0)),
    b.layers.length ? b.layers.map((l) => l.name).join(' → ') : `3×3 max pool (stride 1) keeps ${cin}`,
  ]);
  const total = (name: string, m: InceptionCost) => [name, 'concatenated', `${h}×${w}×${m.outC}`, fmtInt(m.params), fmtInt(m.macs), ''];
  const rows = useMemo(() => [...flat('naive', view.naive), total('naive', view.naive), ...flat('bottleneck', view.reduced), total('bottleneck', view.reduced)],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view]);
  const title = 'Inception module, branch by branch';
  const getSvg = useCallback(() => tableSvg(title, INC_HEADER, rows, { numeric: [false, false, true, true, true, false], strong: [4, 9], note: `input ${h}×${w}×${cin}` }),
    [rows, h, w, cin]);
  const getCsv = useCallback(() => toCsv(INC_HEADER, rows), [rows]);
  return (
    <ChartFrame className="wide" title={title} chartKey="inception" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="conv-variants-table-wrap" tabIndex={0} role="region" aria-label={`${title} (scrolls sideways)`}>
        <table className="notes-table conv-variants-table" data-testid="conv-variants-inception">
          <thead><tr>{INC_HEADER.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className={r[1] === 'concatenated' ? 'conv-variants-total' : undefined}>
                <th scope="row">{r[0]}</th><td className="conv-variants-left">{r[1]}</td>
                <td>{r[2]}</td><td>{r[3]}</td><td>{r[4]}</td><td className="conv-variants-left">{r[5]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
});

function Formulas({ view }: { view: ConvVariantView }) {
  const { h, w, cin, cout, k, bias } = view.sizes;
  const g = view.groups;
  const c = view.costs;
  const b = (term: string) => (bias ? ` + ${term}` : '');
  const hw = `${h}\\cdot ${w}`;
  const { n1, n3, n5, r } = view.inc;
  const ratio = view.dws.macs / c.std!.macs;
  return (
    <div className="panel wide conv-variants-formulas" data-testid="conv-variants-formulas">
      <h4>The counts, with your numbers</h4>
      <p>Standard <Tex math={`${k}\\times${k}`} /> convolution: every output channel has a <Tex math={`k\\times k\\times C_{\\text{in}}`} /> filter, applied at every output position.</p>
      <Tex display math={`P = k^2 C_{\\text{in}} C_{\\text{out}}${b('C_{\\text{out}}')} = ${k}^2\\cdot ${cin}\\cdot ${cout}${b(String(cout))} = ${tx(c.std!.params)}`} />
      <Tex display math={`M = H W\\, k^2 C_{\\text{in}} C_{\\text{out}} = ${hw}\\cdot ${k}^2\\cdot ${cin}\\cdot ${cout} = ${tx(c.std!.macs)}`} />
      <p>1×1 convolution: mixes channels at each pixel, nothing across space — a fully connected layer shared over all <Tex math="H W" /> positions.</p>
      <Tex display math={`P = C_{\\text{in}} C_{\\text{out}}${b('C_{\\text{out}}')} = ${tx(c.pw!.params)}`} />
      <Tex display math={`M = H W\\, C_{\\text{in}} C_{\\text{out}} = ${tx(c.pw!.macs)}`} />
      <p>Depthwise-separable: a <Tex math={`${k}\\times${k}`} /> filter per input channel (groups <Tex math="= C_{\text{in}}" />, depth unchanged), then a 1×1 conv to <Tex math="C_{\text{out}}" />.</p>
      <Tex display math={`P = k^2 C_{\\text{in}}${b('C_{\\text{in}}')} + C_{\\text{in}} C_{\\text{out}}${b('C_{\\text{out}}')} = ${tx(view.dws.depthwise.params)} + ${tx(view.dws.pointwise.params)} = ${tx(view.dws.params)}`} />
      <Tex display math={`M = H W\\, C_{\\text{in}}\\,(k^2 + C_{\\text{out}}) = ${hw}\\cdot ${cin}\\cdot(${k * k} + ${cout}) = ${tx(view.dws.macs)}`} />
      <Tex display math={`\\frac{M}{M_{\\text{standard}}} = \\frac{1}{C_{\\text{out}}} + \\frac{1}{k^2} = \\frac{1}{${cout}} + \\frac{1}{${k * k}} = ${ratio.toPrecision(3)}`} />
      <p>Grouped, <Tex math={`g = ${g}`} />: each group sees <Tex math="C_{\text{in}}/g" /> channels and makes <Tex math="C_{\text{out}}/g" />, so everything is divided by <Tex math="g" /> (biases aside).</p>
      {c.grp ? (
        <>
          <Tex display math={`P = k^2 \\tfrac{C_{\\text{in}}}{g} C_{\\text{out}}${b('C_{\\text{out}}')} = ${k}^2\\cdot \\tfrac{${cin}}{${g}}\\cdot ${cout}${b(String(cout))} = ${tx(c.grp.params)}`} />
          <Tex display math={`M = \\frac{M_{\\text{standard}}}{g} = \\frac{${tx(c.std!.macs)}}{${g}} = ${tx(c.grp.macs)}`} />
        </>
      ) : <p className="conv-variants-bad">{view.groupsProblem}</p>}
      <p>Inception (3×3 max pool with stride 1 keeps all <Tex math="C_{\text{in}}" /> channels, so the naive output grows):</p>
      <Tex display math={`M_{\\text{naive}} = H W\\, C_{\\text{in}}\\,(n_1 + 9 n_3 + 25 n_5)`} />
      <Tex display math={`M_{\\text{naive}} = ${hw}\\cdot ${cin}\\cdot(${n1} + 9\\cdot ${n3} + 25\\cdot ${n5})`} />
      <Tex display math={`M_{\\text{naive}} = ${tx(view.naive.macs)}, \\qquad C = n_1 + n_3 + n_5 + C_{\\text{in}} = ${view.naive.outC}`} />
      <p>With 1×1 bottlenecks of width <Tex math={`r = ${r}`} /> before the 3×3 and 5×5 convs and after the pool:</p>
      <Tex display math={`M_{1\\times 1} = H W\\,[\\,C_{\\text{in}}(n_1 + 3r) + r\\,(9 n_3 + 25 n_5)\\,]`} />
      <Tex display math={`M_{1\\times 1} = ${hw}\\cdot[${cin}\\cdot(${n1} + 3\\cdot ${r}) + ${r}\\cdot(9\\cdot ${n3} + 25\\cdot ${n5})]`} />
      <Tex display math={`M_{1\\times 1} = ${tx(view.reduced.macs)}, \\qquad C = n_1 + n_3 + n_5 + r = ${view.reduced.outC}`} />
    </div>
  );
}

export function ConvVariantsLab() {
  const h = useLab(convVariantsLab);
  const { view, params: p } = h;
  const fileBase = `lecture10-conv-variants-${convVariantsLab.fileTag(p)}`;
  const labels = useMemo(() => (view ? labelsFor(view) : null), [view]);
  return (
    <LabFrame
      handle={h}
      stepLabel="variant"
      controls={['h', 'w', 'cin', 'cout', 'k', 'groups', 'bias', 'n1', 'n3', 'n5', 'r']}
      intro={
        <p>
          The same input <Tex math="H\times W\times C_{\text{in}}" />, several ways to convolve it (stride 1, “same” padding, so the output stays{' '}
          <Tex math="H\times W" />). Move the sizes and compare parameters and multiply-adds; Step tours the variants.
        </p>
      }
    >
      {view && labels ? (
        <>
          <p className="wide conv-variants-shapes" data-testid="conv-variants-shapes" role="status">
            Input <strong>{view.sizes.h}×{view.sizes.w}×{view.sizes.cin}</strong> → standard, 1×1, depthwise-separable{view.costs.grp ? ', grouped' : ''}:{' '}
            <strong>{view.sizes.h}×{view.sizes.w}×{view.sizes.cout}</strong>; Inception naive <strong>{view.sizes.h}×{view.sizes.w}×{view.naive.outC}</strong>,
            with bottlenecks <strong>{view.sizes.h}×{view.sizes.w}×{view.reduced.outC}</strong>. Depthwise-separable costs{' '}
            <strong>{(100 * view.dws.macs / view.costs.std!.macs).toFixed(1)} %</strong> of the standard conv’s multiply-adds; the bottlenecks cut
            Inception’s from {fmtShort(view.naive.macs)} to {fmtShort(view.reduced.macs)}.
          </p>
          <CostBars view={view} labels={labels} fileBase={fileBase} />
          <VariantTable view={view} labels={labels} fileBase={fileBase} />
          <div className="panel wide" data-testid="conv-variants-groups">
            <h4>The <code>groups</code> argument</h4>
            <p>
              <code>nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, groups=1)</code> splits the <Tex math="C_{\text{in}}" /> input
              channels into <Tex math="g" /> groups of <Tex math="C_{\text{in}}/g" />; each group gets its own <Tex math="C_{\text{out}}/g" /> filters that
              see only that group, so <Tex math="g" /> must divide both. <code>groups=1</code> is the normal convolution (every filter sees every channel);{' '}
              <code>groups=C_in</code> with <Tex math="C_{\text{out}} = C_{\text{in}}" /> is the depthwise convolution — one filter per channel, the depth
              stays the same (the notes’ picture: an RGB input with <code>groups=3</code>). AlexNet’s two-GPU split is <code>groups=2</code>.
            </p>
          </div>
          <Formulas view={view} />
          <InceptionTable view={view} fileBase={fileBase} />
          <p className="muted wide">
            The notes point to a worked example on the slides without its numbers; the defaults here are the classic one (28×28×256 input; 128, 192
            and 96 filters; 64-channel bottlenecks): 854M multiply-adds naive, 271M with the 1×1 bottlenecks.
          </p>
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
