import { memo } from 'react';
import { Tex, texNum, texSigned } from '../../../../components/Tex';
import type { SeqTrace } from './model';

const GATES = [
  { j: 1, sym: 'f', act: '\\operatorname{sigm}', name: 'Forget gate' },
  { j: 0, sym: 'i', act: '\\operatorname{sigm}', name: 'Input gate' },
  { j: 2, sym: 'o', act: '\\operatorname{sigm}', name: 'Output gate' },
  { j: 3, sym: 'g', act: '\\tanh', name: 'Cell update' },
] as const;

/** The notes' six LSTM equations with the live numbers of step t, unit k. */
export const Equations = memo(function Equations({ trace, t, k }: { trace: SeqTrace; t: number; k: number }) {
  const H = trace.H;
  const val = { i: trace.i[t][k], f: trace.f[t][k], o: trace.o[t][k], g: trace.g[t][k] };
  const cPrev = t === 0 ? 0 : trace.c[t - 1][k];
  const c = trace.c[t][k];
  const h = trace.h[t][k];
  return (
    <div className="panel lstm-eqs" data-testid="lstm-equations">
      <h4>
        The six equations at step <Tex math={`t = ${t + 1}`} />, hidden unit <Tex math={`k = ${k + 1}`} />
      </h4>
      {GATES.map(({ j, sym, act, name }) => {
        const ax = trace.ax[t][j * H + k];
        const ah = trace.ah[t][j * H + k];
        const ab = trace.ab[j * H + k];
        const a = ax + ah + ab;
        return (
          <div key={sym} className="lstm-eq" data-eq={sym}>
            <span className="lstm-eq-name">{name}</span>
            <Tex
              display
              math={`\\begin{aligned}${sym}_t &= ${act}(\\theta_{x${sym}}x_t + \\theta_{h${sym}}h_{t-1} + b_${sym}) \\\\ &= ${act}(${texNum(ax)}${texSigned(ah)}${texSigned(ab)}) = ${act}(${texNum(a)}) = ${texNum(val[sym])}\\end{aligned}`}
            />
          </div>
        );
      })}
      <div className="lstm-eq" data-eq="C">
        <span className="lstm-eq-name">Cell</span>
        <Tex
          display
          math={`\\begin{aligned}C_t &= f_t \\odot C_{t-1} + i_t \\odot g_t \\\\ &= ${texNum(val.f)}\\cdot ${cPrev < 0 ? `(${texNum(cPrev)})` : texNum(cPrev)} + ${texNum(val.i)}\\cdot ${val.g < 0 ? `(${texNum(val.g)})` : texNum(val.g)} = ${texNum(c)}\\end{aligned}`}
        />
      </div>
      <div className="lstm-eq" data-eq="h">
        <span className="lstm-eq-name">Output</span>
        <Tex display math={`\\begin{aligned}h_t &= o_t \\odot \\tanh(C_t) \\\\ &= ${texNum(val.o)}\\cdot\\tanh(${texNum(c)}) = ${texNum(h)}\\end{aligned}`} />
      </div>
      <p className="muted">
        <Tex math="\theta_{xf}" /> is the forget block (columns <Tex math={`${H + 1}\\ldots${2 * H}`} />) of the notes’ <code>Wx</code>, and so
        on: the code computes all four gates at once as <code>a = x·Wx + prev_h·Wh + b</code> and slices <code>a</code> into i, f, o, g.
        {t === 0 ? ' At t = 1 the previous states are h₀ = C₀ = 0.' : ''}
      </p>
    </div>
  );
});
