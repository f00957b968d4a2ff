import { memo, useMemo, useState } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { saturationTotalSteps, SATURATION_KEYS, type SaturationPoint } from '../../../../ml/attention';
import { createRng } from '../../../../ml/rng';
import { D_MODEL, TOKENS, type AttentionView } from './engine';
import { MatrixMap } from './MatrixMap';
import {
  ATTENTION_PARAMS, ENTRY_LIMIT, INDEX_K, INDEX_Q, INDEX_V, MAX_DK, MAX_DV, MAX_N, pack, type AttentionParams,
} from './params';
import './attention.css';

export const attentionLab: LabDefinition<typeof ATTENTION_PARAMS, AttentionView> = {
  id: 'attention',
  title: 'Scaled dot-product attention',
  lecture: '11-rnn-transformers',
  schema: ATTENTION_PARAMS,
  engine: () => import('./engine').then((m) => m.createAttentionEngine),
  needsTf: false,
  lossKeys: ['row_sum_err'],
  maxSteps: (p) => saturationTotalSteps(p.trials),
  stepsPerFrame: 40,
  viewOnly: ['qi', 'kj'],
  fileTag: (p) => `n${p.n}-dk${p.dk}-dv${p.dv}-${p.scale ? 'scaled' : 'unscaled'}${p.causal ? '-causal' : ''}-h${p.heads}-seed${p.seed}`,
};

type SetParams = (patch: Partial<AttentionParams>) => void;

const idx = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** Compact number for the input boxes: 3, −1, 0.25 (no trailing zeros). */
const entryText = (v: number) => String(Number(v.toFixed(4))).replace('-', '−');

function parseEntry(text: string): number | null {
  const t = text.trim().replace(/−/g, '-');
  const v = t === '' ? NaN : Number(t);
  return Number.isFinite(v) && Math.abs(v) <= ENTRY_LIMIT ? v : null;
}

/** One editable matrix (the top-left rows × cols block of a flat vector with row length `stride`). */
function MatrixEditor({ name, sym, flat, stride, rows, cols, onChange, onError }: {
  name: string; sym: string; flat: readonly number[]; stride: number; rows: number; cols: number;
  onChange: (next: number[]) => void; onError: (msg: string | null) => void;
}) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  return (
    <div className="attention-editor-matrix">
      <div className="attention-editor-name"><Tex math={`${sym}\\;(${rows}\\times${cols})`} /></div>
      <div className="attention-grid" role="group" aria-label={`${name} ${rows}×${cols}`} style={{ gridTemplateColumns: `repeat(${cols}, 3.1rem)` }}>
        {Array.from({ length: rows * cols }, (_, t) => {
          const r = Math.floor(t / cols);
          const c = t % cols;
          const key = `${r},${c}`;
          const v = flat[r * stride + c] ?? 0;
          return (
            <input
              key={key}
              type="text"
              inputMode="decimal"
              className="attention-input"
              aria-label={`${sym} row ${r + 1}, column ${c + 1}`}
              value={drafts[key] ?? entryText(v)}
              onChange={(e) => {
                const text = e.target.value;
                setDrafts((d) => ({ ...d, [key]: text }));
                const x = parseEntry(text);
                if (x === null) {
                  onError(`${sym} row ${r + 1}, column ${c + 1}: “${text}” is not a number between −${ENTRY_LIMIT} and ${ENTRY_LIMIT}; keeping ${entryText(v)}.`);
                } else {
                  onError(null);
                  const next = [...flat];
                  next[r * stride + c] = x;
                  onChange(next);
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
    </div>
  );
}

function Editors({ p, setParams }: { p: AttentionParams; setParams: SetParams }) {
  const [error, setError] = useState<string | null>(null);
  const n = Math.round(p.n);
  const dk = Math.round(p.dk);
  const dv = Math.round(p.dv);
  const randomise = () => {
    const rng = createRng(Math.round(p.seed) * 1009 + 3);
    const draw = (len: number) => Array.from({ length: len }, () => Math.round(10 * rng.normal()) / 10);
    setParams({ q: draw(MAX_N * MAX_DK), k: draw(MAX_N * MAX_DK), v: draw(MAX_N * MAX_DV) });
  };
  return (
    <div className="panel attention-editors" data-testid="attention-editors">
      <h4>Queries, keys and values (type numbers)</h4>
      <div className="attention-presets" role="group" aria-label="Presets">
        <span className="muted">Presets:</span>
        <button type="button" onClick={() => setParams({ n: 4, dk: 4, dv: 2, q: pack(INDEX_Q, MAX_DK, MAX_N * MAX_DK), k: pack(INDEX_K, MAX_DK, MAX_N * MAX_DK), v: pack(INDEX_V, MAX_DV, MAX_N * MAX_DV) })}>
          Soft indexing
        </button>
        <button type="button" onClick={randomise}>Random (seed {Math.round(p.seed)})</button>
        <button type="button" onClick={() => setParams({ q: new Array(MAX_N * MAX_DK).fill(0) })}>Zero queries</button>
      </div>
      <div className="attention-editor-row">
        <MatrixEditor name="Queries" sym="Q" flat={p.q} stride={MAX_DK} rows={n} cols={dk} onChange={(q) => setParams({ q })} onError={setError} />
        <MatrixEditor name="Keys" sym="K" flat={p.k} stride={MAX_DK} rows={n} cols={dk} onChange={(k) => setParams({ k })} onError={setError} />
        <MatrixEditor name="Values" sym="V" flat={p.v} stride={MAX_DV} rows={n} cols={dv} onChange={(v) => setParams({ v })} onError={setError} />
      </div>
      {error ? <p className="notice" role="alert">{error}</p> : null}
    </div>
  );
}

const vecTex = (row: readonly number[]) => `\\begin{pmatrix}${row.map((x) => texNum(x, 3)).join(' & ')}\\end{pmatrix}`;

/** The live numbers for one (query i, key j) cell. */
function CellFormula({ view, i, j, p }: { view: AttentionView; i: number; j: number; p: AttentionParams }) {
  const { q, k, v, att } = view;
  const dk = att.dk;
  const products = q[i].map((x, c) => `(${texNum(x, 3)})(${texNum(k[j][c], 3)})`).join(' + ');
  const s = att.scores[i][j];
  const masked = att.masked[i][j] === -Infinity;
  const rowZ = att.masked[i];
  const denom = rowZ.map((z) => (z === -Infinity ? null : `e^{${texNum(z, 3)}}`)).filter(Boolean).join(' + ');
  const scaleTex = p.scale ? `\\frac{s_{${i + 1}${j + 1}}}{\\sqrt{d_k}} = \\frac{${texNum(s, 4)}}{\\sqrt{${dk}}}` : `s_{${i + 1}${j + 1}}\\ \\text{(no scaling)}`;
  return (
    <div className="panel attention-cell" data-testid="attention-cell">
      <h4>Query {i + 1}, key {j + 1}: the numbers</h4>
      <Tex display math={`s_{${i + 1}${j + 1}} = \\mathbf{q}_{${i + 1}}\\cdot\\mathbf{k}_{${j + 1}} = ${products} = ${texNum(s, 4)}`} />
      <Tex display math={`\\tilde s_{${i + 1}${j + 1}} = ${scaleTex} = ${texNum(att.scaled[i][j], 4)}`} />
      {masked
        ? <Tex display math={`j = ${j + 1} > i = ${i + 1}:\\ \\text{masked},\\ \\tilde s_{${i + 1}${j + 1}} \\to -\\infty,\\ a_{${i + 1}${j + 1}} = \\frac{e^{-\\infty}}{\\cdots} = 0`} />
        : <Tex display math={`a_{${i + 1}${j + 1}} = \\frac{e^{\\tilde s_{${i + 1}${j + 1}}}}{\\sum_l e^{\\tilde s_{${i + 1}l}}} = \\frac{e^{${texNum(att.masked[i][j], 3)}}}{${denom}} = ${texNum(att.weights[i][j], 4)}`} />}
      <Tex display math={`\\mathbf{o}_{${i + 1}} = \\sum_l a_{${i + 1}l}\\,\\mathbf{v}_l = ${vecTex(att.output[i])}`} />
      <Tex display math={weightedSumTex(att.weights[i].map((a, l) => `${texNum(a, 3)}\\,${vecTex(v[l])}`))} />
    </div>
  );
}

/** a₁v₁ + a₂v₂ + … over several lines (two terms per line), so it fits a narrow panel. */
function weightedSumTex(terms: string[]): string {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += 2) lines.push(terms.slice(k, k + 2).join(' + '));
  return `\\begin{aligned} &= ${lines.join(' \\\\ &\\quad + ')} \\end{aligned}`;
}

function Pipeline({ view, p, fileBase, setParams }: { view: AttentionView; p: AttentionParams; fileBase: string; setParams: SetParams }) {
  const { att } = view;
  const n = att.weights.length;
  const qs = useMemo(() => idx('q', n), [n]);
  const ks = useMemo(() => idx('k', n), [n]);
  const vs = useMemo(() => idx('', view.v[0]?.length ?? 0), [view.v]);
  const i = Math.min(Math.round(p.qi), n) - 1;
  const j = Math.min(Math.round(p.kj), n) - 1;
  const sel = useMemo(() => [i, j] as const, [i, j]);
  const masked = useMemo(() => (p.causal ? (r: number, c: number) => c > r : undefined), [p.causal]);
  const pick = useMemo(() => (r: number, c: number) => setParams({ qi: r + 1, kj: c + 1 }), [setParams]);
  const range = useMemo(() => Math.max(1e-9, ...att.scores.flat().map(Math.abs)), [att.scores]);
  return (
    <>
      <div className="panel">
        <h4>Step by step</h4>
        <Tex display math={`\\text{Attention}(Q, K, V) = \\text{softmax}\\left(\\frac{QK^T}{\\sqrt{d_k}}\\right)V${p.scale ? '' : '\\quad(\\text{here without } \\sqrt{d_k})'}`} />
        <p className="muted">Click a cell to spell out its numbers below. Scores and scaled scores share one colour range.</p>
      </div>
      <div className="attention-pipeline">
        <MatrixMap title="Scores QKᵀ" chartKey="scores" fileBase={fileBase} m={att.scores} rowLabels={qs} colLabels={ks} kind="signed"
          selected={sel} onCellClick={pick} range={range} testId="attention-scores" />
        <MatrixMap title={p.scale ? `Scaled scores QKᵀ/√${att.dk}` : 'Scores, not scaled'} chartKey="scaled" fileBase={fileBase} m={att.scaled}
          rowLabels={qs} colLabels={ks} kind="signed" selected={sel} onCellClick={pick} range={range} testId="attention-scaled" />
        {p.causal ? (
          <MatrixMap title="Masked scores (j > i → −∞)" chartKey="masked" fileBase={fileBase} m={att.masked} rowLabels={qs} colLabels={ks}
            kind="signed" masked={masked} selected={sel} onCellClick={pick} range={range} testId="attention-masked" />
        ) : null}
        <MatrixMap title="Attention weights" chartKey="weights" fileBase={fileBase} m={att.weights} rowLabels={qs} colLabels={ks} kind="weights"
          masked={masked} selected={sel} onCellClick={pick} testId="attention-weights" />
        <MatrixMap title="Output (weights · V)" chartKey="output" fileBase={fileBase} m={att.output} rowLabels={qs} colLabels={vs} kind="signed"
          testId="attention-output" />
      </div>
      <p className="muted">
        Each row of the weights is a distribution over the keys (it sums to 1): a differentiable soft index. The output row is the
        weighted average of the value rows.{p.causal ? ' Masked cells get −∞, so exp gives exactly 0 and the remaining weights of the row still sum to 1.' : ''}
      </p>
      <CellFormula view={view} i={i} j={j} p={p} />
    </>
  );
}

const SCALED_COLOR = SERIES_COLORS[0];
const RAW_COLOR = SERIES_COLORS[1];
const THEORY_COLOR = SERIES_COLORS[6];

const Saturation = memo(function Saturation({ pts, scale, progress, fileBase }: { pts: SaturationPoint[]; scale: boolean; progress: number; fileBase: string }) {
  const charts = useMemo(() => {
    const xy = (f: (q: SaturationPoint) => number) => pts.map((q) => ({ x: Math.log2(q.dk), y: f(q) }));
    const pair = (f: (s: SaturationPoint['scaled']) => number): LineSeries[] => [
      { key: 'scaled', label: `÷√d_k${scale ? ' (on)' : ''}`, color: SCALED_COLOR, points: xy((q) => f(q.scaled)), dashed: !scale },
      { key: 'raw', label: `not scaled${scale ? '' : ' (on)'}`, color: RAW_COLOR, points: xy((q) => f(q.raw)), dashed: scale },
    ];
    const spread = pair((s) => s.logitStd);
    spread.push({ key: 'theory', label: '√d_k', color: THEORY_COLOR, points: pts.map((q) => ({ x: Math.log2(q.dk), y: Math.sqrt(q.dk) })), dashed: true });
    return { maxW: pair((s) => s.maxWeight), jac: pair((s) => s.jacobian), spread };
  }, [pts, scale]);
  const refs = useMemo<ReferenceLineSpec[]>(() => [
    { y: 1, label: 'one-hot', color: '#57606a' },
    { y: 1 / SATURATION_KEYS, label: 'uniform', color: '#57606a' },
  ], []);
  const x = 'log₂ d_k  (d_k = 1 … 512)';
  return (
    <div className="attention-saturation" data-testid="attention-saturation">
      <div className="panel">
        <h4>Why divide by √d_k: softmax saturation</h4>
        <p>
          A random query and {SATURATION_KEYS} random keys with independent unit-variance entries: each logit{' '}
          <Tex math="\mathbf{q}\cdot\mathbf{k}_j = \sum_{c=1}^{d_k} q_c k_{jc}" /> has variance <Tex math="d_k" />. Unscaled, the logits spread like{' '}
          <Tex math="\sqrt{d_k}" />, the softmax becomes nearly one-hot and its Jacobian{' '}
          <Tex math="\partial \mathbf{p}/\partial \mathbf{z} = \operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^T" /> goes to 0: the “extremely
          small gradients” of the notes. Divided by <Tex math="\sqrt{d_k}" />, the logits keep variance 1 at every <Tex math="d_k" />.
          Press Play to run it (the toggle “Divide by √d_k” draws its curves solid).
        </p>
        <label className="attention-progress">Monte Carlo <progress max={1} value={progress} /> {Math.round(100 * progress)} %</label>
      </div>
      <LineChart title="Softmax saturation: mean largest weight" chartKey="saturation" fileBase={fileBase} xLabel={x} yLabel="mean max_j p_j"
        series={charts.maxW} referenceLines={refs} yDomain={[0, 1.05]} />
      <LineChart title="Softmax gradient: mean Jacobian norm" chartKey="jacobian" fileBase={fileBase} xLabel={x} yLabel="mean ‖diag(p) − ppᵀ‖_F"
        series={charts.jac} logY />
      <LineChart title="Spread of the logits" chartKey="spread" fileBase={fileBase} xLabel={x} yLabel="std of the logits" series={charts.spread} logY />
    </div>
  );
});

const MultiHead = memo(function MultiHead({ view, p, fileBase }: { view: AttentionView; p: AttentionParams; fileBase: string }) {
  const { mh } = view;
  const toks = useMemo(() => TOKENS.map((t, i) => `${t}${i + 1}`), []);
  const dims = useMemo(() => idx('', D_MODEL), []);
  const masked = useMemo(() => (p.causal ? (r: number, c: number) => c > r : undefined), [p.causal]);
  const h = mh.heads.length;
  return (
    <div className="attention-multihead" data-testid="attention-multihead">
      <div className="panel">
        <h4>Several heads</h4>
        <Tex display math={`\\text{MultiHead}(X) = \\text{Concat}(\\text{head}_1, \\dots, \\text{head}_{${h}})\\,W^O`} />
        <Tex display math={`\\text{head}_i = \\text{Attention}(XW_i^Q, XW_i^K, XW_i^V)`} />
        <p className="muted">
          The six tokens “{TOKENS.join(' ')}” have seeded embeddings <Tex math={`X \\in \\mathbb{R}^{6\\times ${D_MODEL}}`} /> (the two “the” share
          one). <Tex math={`d_{\\text{model}} = ${D_MODEL}`} /> is split into <Tex math={`h = ${h}`} /> heads of{' '}
          <Tex math={`d_k = ${D_MODEL}/${h} = ${mh.dk}`} /> (12 so that every h from 1 to 4 divides it): each head projects with its own slice of
          the seeded <Tex math="W^Q, W^K, W^V" /> and attends in its own way. Without positions, both “the” rows come out identical.
        </p>
      </div>
      <div className="attention-pipeline">
        {mh.heads.map((hd, i) => (
          <MatrixMap key={i} title={`Head ${i + 1} weights`} chartKey={`head${i + 1}`} fileBase={fileBase} m={hd.weights} rowLabels={toks} colLabels={toks}
            kind="weights" masked={masked} cell={34} testId="attention-head-map" />
        ))}
      </div>
      <MatrixMap title={`Concatenated heads (6 × ${h}·${mh.dk})`} chartKey="concat" fileBase={fileBase} m={mh.concat} rowLabels={toks} colLabels={dims}
        kind="signed" cell={30} testId="attention-concat" />
      <MatrixMap title="Multi-head output (Concat · W_O)" chartKey="mh-output" fileBase={fileBase} m={mh.output} rowLabels={toks} colLabels={dims}
        kind="signed" cell={30} testId="attention-mh-output" />
    </div>
  );
});

export function AttentionLab() {
  const h = useLab(attentionLab);
  const { view, params: p } = h;
  const fileBase = `lecture11-attention-${attentionLab.fileTag(p)}`;
  const setParams = h.lab.setParams;
  return (
    <LabFrame
      handle={h}
      stepLabel="Monte Carlo step"
      controls={['n', 'dk', 'dv', 'scale', 'causal', 'qi', 'kj', 'heads', 'trials', 'seed']}
      intro={
        <p>
          Type queries, keys and values and follow <Tex math="\text{softmax}(QK^T/\sqrt{d_k})V" /> one stage at a time. Switch the{' '}
          <Tex math="\sqrt{d_k}" /> scaling and the causal mask, press Play for the saturation experiment, and add heads below.
        </p>
      }
    >
      <Editors p={p} setParams={setParams} />
      {view ? (
        <>
          <Pipeline view={view} p={p} fileBase={fileBase} setParams={setParams} />
          <Saturation pts={view.sat} scale={p.scale} progress={view.satProgress} fileBase={fileBase} />
          <MultiHead view={view} p={p} fileBase={fileBase} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
