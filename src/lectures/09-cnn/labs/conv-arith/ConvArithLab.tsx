import { useEffect, useState } from 'react';
import { Erratum } from '../../../../components/LectureParts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { repeatingDecimalTex, samePadding } from '../../../../ml/convArith';
import { ConvFigure, fmtInt } from './ConvFigure';
import type { ConvArithParams, ConvArithView } from './engine';
import { CONV_ARITH_PARAMS } from './params';
import './conv-arith.css';

/**
 * Plain TypeScript, no tfjs (so no tensor-leak check): the engine computes every window once; the
 * animation (play / pause / step / scrubber) is driven here, at a pace one can follow.
 */
export const convArithLab: LabDefinition<typeof CONV_ARITH_PARAMS, ConvArithView> = {
  id: 'conv-arith',
  title: 'Convolution arithmetic',
  lecture: '09-cnn',
  schema: CONV_ARITH_PARAMS,
  engine: () => import('./engine').then((m) => m.createConvArithEngine),
  needsTf: false,
  lossKeys: [],
  maxSteps: () => 0,
  playOnChange: false,
  fileTag: (p) => `N${p.n}-F${p.f}-S${p.s}-P${p.p}-seed${p.seed}`,
};

/** Milliseconds per window position while playing. */
const FRAME_MS = 650;

const EXAMPLES: { label: string; patch: Partial<ConvArithParams> }[] = [
  { label: 'N = 7, F = 3, S = 1 → 5', patch: { n: 7, f: 3, s: 1, p: 0 } },
  { label: 'N = 7, F = 3, S = 2 → 3', patch: { n: 7, f: 3, s: 2, p: 0 } },
  { label: 'N = 7, F = 3, S = 3 → 2.33… (illegal)', patch: { n: 7, f: 3, s: 3, p: 0 } },
  { label: 'N = 7, F = 3, P = 1, S = 1 → 7 (same)', patch: { n: 7, f: 3, s: 1, p: 1 } },
];

function PaddingButtons({ p, setParams }: { p: ConvArithParams; setParams: (patch: Partial<ConvArithParams>) => void }) {
  const [msg, setMsg] = useState<string | null>(null);
  const f = Math.round(p.f);
  const same = samePadding(f);
  useEffect(() => setMsg(null), [f]);
  return (
    <fieldset className="conv-arith-box">
      <legend>Valid or same</legend>
      <div className="conv-arith-buttons">
        <button type="button" aria-pressed={p.p === 0} onClick={() => { setMsg(null); setParams({ p: 0 }); }}>valid (P = 0)</button>
        <button
          type="button"
          aria-pressed={same !== null && p.p === same}
          onClick={() => {
            if (same === null) setMsg(`Same padding needs an odd F: with F = ${f}, P = (F − 1)/2 = ${(f - 1) / 2} is not a whole number of cells.`);
            else {
              setMsg(Math.round(p.s) > 1 ? `P = ${same}. With S = ${Math.round(p.s)} the output is still smaller than the input: “same” keeps N only at S = 1.` : null);
              setParams({ p: same });
            }
          }}
        >
          same (P = (F − 1)/2)
        </button>
      </div>
      {msg ? <p className="conv-arith-msg" role="status" data-testid="conv-arith-same-msg">{msg}</p> : null}
    </fieldset>
  );
}

function Examples({ setParams }: { setParams: (patch: Partial<ConvArithParams>) => void }) {
  return (
    <fieldset className="conv-arith-box">
      <legend>The notes' examples</legend>
      <div className="conv-arith-buttons conv-arith-examples">
        {EXAMPLES.map((e) => <button key={e.label} type="button" onClick={() => setParams(e.patch)}>{e.label}</button>)}
      </div>
    </fieldset>
  );
}

function illegalText(o: number, s: number, f: number, m: number, r: number): string {
  const pl = (k: number, one: string, many: string) => (k === 1 ? one : many);
  return `the fraction means the window does not fit. After ${o - 1} ${pl(o - 1, 'stride', 'strides')} of ${s} its far edge is at cell `
    + `${(o - 1) * s + f} of ${m}; the remaining ${r} ${pl(r, 'cell is', 'cells are')} too few for another stride. In practice the `
    + `division is an integer division (the floor), so the last ${r} ${pl(r, 'column and row', 'columns and rows')} (red) are never seen; `
    + 'step to the end of a row to see the next window hang over the edge.';
}

function SizeFormula({ view }: { view: ConvArithView }) {
  const { n, f, s, p, m, size } = view;
  const frac = `\\dfrac{${n} + 2\\cdot ${p} - ${f}}{${s}}`;
  const o = size.size;
  return (
    <div className="panel" data-testid="conv-arith-size">
      <h4>Output size</h4>
      <Tex display math="O = \left\lfloor \frac{N + 2P - F}{S} \right\rfloor + 1" />
      {size.fits ? (
        <>
          <Tex display math={`O = \\left\\lfloor ${frac} \\right\\rfloor + 1 = \\lfloor ${repeatingDecimalTex(size.travel, s)} \\rfloor + 1 = ${o} \\quad\\Rightarrow\\quad ${o}\\times ${o}`} />
          {size.legal ? (
            <p className="conv-arith-ok">
              <Tex math={`(N + 2P - F)/S = ${size.travel}/${s}`} /> is a whole number: the window fits exactly, every cell of the padded input is covered.
            </p>
          ) : (
            <div className="conv-arith-illegal" role="status" data-testid="conv-arith-illegal">
              <Tex display math={`${frac} + 1 = ${repeatingDecimalTex(size.travel + s, s)}`} />
              <p>
                <strong>Illegal stride for this input and filter size:</strong> {illegalText(o, s, f, m, size.remainder)}
              </p>
            </div>
          )}
        </>
      ) : (
        <p className="conv-arith-illegal" role="status" data-testid="conv-arith-nofit">
          The filter does not fit: <Tex math={`N + 2P = ${m} < F = ${f}`} />, so there is no output. Add padding or shrink the filter.
        </p>
      )}
      <p className="muted">
        Valid convolution: <Tex math="P = 0" />. Same convolution: <Tex math="P = (F - 1)/2" />, which needs an odd <Tex math="F" /> and keeps{' '}
        <Tex math="O = N" /> at <Tex math="S = 1" />.
      </p>
      <Erratum>with <Tex math="P = 1" /> the padded 7×7 input is 9×9 (one ring of zeros); the notes draw it as a 10×10 grid.</Erratum>
    </div>
  );
}

function SumPanel({ view, done }: { view: ConvArithView; done: number }) {
  const w = view.windows[done - 1];
  if (!w) return null;
  const term = (x: number, k: number) => `${fmtInt(x)}·${k < 0 ? `(${fmtInt(k)})` : k}`;
  return (
    <div className="panel wide" data-testid="conv-arith-sum">
      <h4>Output row {w.row + 1}, column {w.col + 1} (window at row {w.top + 1}, column {w.left + 1} of the padded input)</h4>
      <p className="conv-arith-expr">
        {w.terms.map((t) => term(t.x, t.w)).join(' + ')} = <strong data-testid="conv-arith-sum-value">{fmtInt(w.sum)}</strong>
      </p>
      <p className="muted">Input value · filter weight, summed over the {view.f}×{view.f} window (the filter is not flipped, as in every CNN library).</p>
    </div>
  );
}

function Player({ view, done, setDone }: { view: ConvArithView; done: number; setDone: (d: number | ((d: number) => number)) => void }) {
  const total = view.windows.length;
  const [playing, setPlaying] = useState(false);
  useEffect(() => setPlaying(false), [view]);
  useEffect(() => {
    if (!playing) return;
    const t = window.setInterval(() => {
      setDone((d) => {
        if (d >= total) {
          setPlaying(false);
          return d;
        }
        if (d + 1 >= total) setPlaying(false);
        return d + 1;
      });
    }, FRAME_MS);
    return () => window.clearInterval(t);
  }, [playing, total, setDone]);
  if (total === 0) return null;
  return (
    <div className="conv-arith-player wide" role="group" aria-label="Sliding window animation">
      {playing ? (
        <button type="button" className="primary" onClick={() => setPlaying(false)}>Pause</button>
      ) : (
        <button type="button" className="primary" onClick={() => { if (done >= total) setDone(1); setPlaying(true); }}>Play</button>
      )}
      <button type="button" onClick={() => { setPlaying(false); setDone((d) => Math.max(1, d - 1)); }} disabled={done <= 1}>◀ Back</button>
      <button type="button" onClick={() => { setPlaying(false); setDone((d) => Math.min(total, d + 1)); }} disabled={done >= total}>Step ▶</button>
      <label className="conv-arith-scrub">
        <span>Window position</span>
        <input
          type="range" min={1} max={total} step={1} value={done} data-testid="conv-arith-scrubber"
          aria-valuetext={`window ${done} of ${total}`}
          onChange={(e) => { setPlaying(false); setDone(Number(e.target.value)); }}
        />
      </label>
      <span className="conv-arith-pos" data-testid="conv-arith-position" aria-live="polite">window {done} of {total}</span>
    </div>
  );
}

export function ConvArithLab() {
  const h = useLab(convArithLab);
  const { view, params: p } = h;
  const [done, setDone] = useState(1);
  useEffect(() => setDone(1), [view]);
  const fileBase = `lecture09-conv-arith-${convArithLab.fileTag(p)}`;
  const setParams = h.lab.setParams;
  return (
    <LabFrame
      handle={h}
      runControls={false}
      controls={['n', 'f', 's', 'p', 'seed']}
      extraControls={<><PaddingButtons p={p} setParams={setParams} /><Examples setParams={setParams} /></>}
      intro={
        <p>
          An <Tex math="N\times N" /> input of small integers, zero-padded by <Tex math="P" />, and an <Tex math="F\times F" /> filter that
          slides with stride <Tex math="S" />. Each window position writes one output number: the sum of input values times filter weights.
          Step through it, or load the notes' examples, including the stride that does not fit.
        </p>
      }
    >
      {view ? (
        <>
          <Player view={view} done={done} setDone={setDone} />
          <ConvFigure view={view} done={Math.min(done, view.windows.length)} title="Sliding window: padded input, filter, output" fileBase={fileBase} />
          <SumPanel view={view} done={done} />
          <SizeFormula view={view} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
