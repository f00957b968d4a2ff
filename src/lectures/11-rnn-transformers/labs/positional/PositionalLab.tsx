import { useCallback, useEffect, useMemo, useState } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries, type ReferenceLineSpec, type XY } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { peFrequency, peValue, peWavelength, rotatePair, similarityAtOffset } from '../../../../ml/positionalEncoding';
import type { PositionalView } from './engine';
import { Heatmap, type Cell } from './Heatmap';
import { POSITIONAL_PARAMS } from './params';
import './positional.css';

export const positionalLab: LabDefinition<typeof POSITIONAL_PARAMS, PositionalView> = {
  id: 'positional',
  title: 'Sinusoidal positional encoding',
  lecture: '11-rnn-transformers',
  schema: POSITIONAL_PARAMS,
  engine: () => import('./engine').then((m) => m.createPositionalEngine),
  needsTf: false,
  lossKeys: [],
  // One step moves the chosen position by one: Play sweeps it once along the sequence.
  maxSteps: (p) => Math.round(p.L),
  stepsPerFrame: 1,
  playOnChange: false,
  fileTag: (p) => `L${Math.round(p.L)}-d${p.d}-p${Math.round(p.pos)}`,
};

const f4 = (v: number) => texNum(v, 4);

/** Dimensions drawn as curves: the first pair and two slower sines, spread over the frequencies. */
function curveDims(d: number): number[] {
  const dims = [0, 1, 2 * Math.round(d / 8), 2 * Math.round(d / 4)].filter((j) => j < d);
  return [...new Set(dims)];
}

function Readout({ cell, d }: { cell: Cell; d: number }) {
  const { r: p, c: dim } = cell;
  const i = Math.floor(dim / 2);
  const fn = dim % 2 === 0 ? '\\sin' : '\\cos';
  const denom = Math.pow(10000, (2 * i) / d);
  const angle = p * peFrequency(i, d);
  const v = peValue(p, dim, d);
  return (
    <div className="panel positional-readout" data-testid="positional-readout" data-pos={p} data-dim={dim} data-value={v} aria-live="polite">
      <p>
        Cell: position <strong>{p}</strong>, dimension <strong>{dim}</strong> ({dim % 2 === 0 ? 'even: sine' : 'odd: cosine'} of pair{' '}
        <Tex math={`i = ${i}`} />, wavelength <Tex math={`2\\pi\\cdot 10000^{2i/d_{\\text{model}}} = ${texNum(peWavelength(i, d), 4)}`} /> positions)
      </p>
      <Tex display math={`\\begin{aligned} PE_{(${p},\\,${dim})} &= ${fn}\\left(\\frac{pos}{10000^{2i/d_{\\text{model}}}}\\right) = ${fn}\\left(\\frac{${p}}{10000^{${2 * i}/${d}}}\\right) \\\\ &= ${fn}\\left(\\frac{${p}}{${f4(denom)}}\\right) = ${fn}(${f4(angle)}) = ${f4(v)} \\end{aligned}`} />
    </div>
  );
}

function Rotation({ p, i, k, d }: { p: number; i: number; k: number; d: number }) {
  const r = rotatePair(p, k, i, d);
  const [a, b, c, e] = r.m;
  const vec = (x: number, y: number) => `\\begin{bmatrix} ${f4(x)} \\\\ ${f4(y)} \\end{bmatrix}`;
  return (
    <div className="panel positional-rotation" data-testid="positional-rotation">
      <h4>Relative positions: a rotation per pair</h4>
      <p>
        For every pair <Tex math="(2i, 2i+1)" />, moving <Tex math={`k = ${k}`} /> positions on rotates the pair by the angle{' '}
        <Tex math="k\,\omega_i" /> — the same matrix at every position, so “<Tex math="k" /> further on” is a linear function of the encoding.
        Here with pair <Tex math={`i = ${i}`} /> of the chosen cell, <Tex math={`\\omega_i = 1/10000^{2i/d_{\\text{model}}} = ${f4(peFrequency(i, d))}`} />:
      </p>
      <Tex display math={`\\begin{bmatrix} PE_{(p+k,\\,2i)} \\\\ PE_{(p+k,\\,2i+1)} \\end{bmatrix} = \\begin{bmatrix} \\cos k\\omega_i & \\sin k\\omega_i \\\\ -\\sin k\\omega_i & \\cos k\\omega_i \\end{bmatrix} \\begin{bmatrix} PE_{(p,\\,2i)} \\\\ PE_{(p,\\,2i+1)} \\end{bmatrix}`} />
      <Tex display math={`${vec(peValue(p + k, 2 * i, d), peValue(p + k, 2 * i + 1, d))}_{p+k\\,=\\,${p + k}} = \\begin{bmatrix} ${f4(a)} & ${f4(b)} \\\\ ${f4(c)} & ${f4(e)} \\end{bmatrix} ${vec(r.before[0], r.before[1])}_{p\\,=\\,${p}}`} />
    </div>
  );
}

export function PositionalLab() {
  const h = useLab(positionalLab);
  const { view, params } = h;
  const fileBase = `lecture11-positional-${positionalLab.fileTag(params)}`;
  const [peCell, setPeCell] = useState<Cell | null>(null);
  const [simCell, setSimCell] = useState<Cell | null>(null);
  const L = view?.L ?? 0;
  const d = view?.d ?? 0;
  const cursor = view?.cursor ?? 0;
  // A new size may leave the selected cells outside the matrices: clamp them.
  useEffect(() => {
    setPeCell((c) => (c && (c.r >= L || c.c >= d) ? { r: Math.min(c.r, L - 1), c: Math.min(c.c, d - 1) } : c));
    setSimCell((c) => (c && (c.r >= L || c.c >= L) ? { r: Math.min(c.r, L - 1), c: Math.min(c.c, L - 1) } : c));
  }, [L, d]);
  const cell = peCell ?? { r: Math.min(cursor, L - 1), c: Math.min(2, d - 1) };
  const sCell = simCell ?? { r: cursor, c: Math.min(L - 1, cursor + 3) };
  const pick = useCallback((c: Cell) => h.lab.setParams({ pos: c.r }), [h.lab]);

  const curves = useMemo<LineSeries[]>(() => {
    if (!view) return [];
    const n = Math.min(400, Math.max(2, 8 * view.L));
    return curveDims(view.d).map((dim, s) => {
      const i = Math.floor(dim / 2);
      const pts: XY[] = [];
      for (let j = 0; j <= n; j++) {
        const x = ((view.L - 1) * j) / n;
        pts.push({ x, y: peValue(x, dim, view.d) });
      }
      return {
        key: `dim${dim}`, color: SERIES_COLORS[s % SERIES_COLORS.length], dashed: dim % 2 === 1, points: pts,
        label: `dim ${dim} (${dim % 2 ? 'cos' : 'sin'}, λ = ${peWavelength(i, view.d).toPrecision(3)})`,
      };
    });
  }, [view]);

  const simSeries = useMemo<LineSeries[]>(() => {
    if (!view) return [];
    const row: XY[] = [];
    const closed: XY[] = [];
    for (let q = 0; q < view.L; q++) {
      row.push({ x: q, y: view.sim[view.cursor * view.L + q] });
      closed.push({ x: q, y: similarityAtOffset(q - view.cursor, view.d) });
    }
    return [
      { key: 'row', label: `PE(${view.cursor})·PE(q), computed`, color: SERIES_COLORS[0], points: row },
      { key: 'offset', label: 'Σᵢ cos((q − p)ωᵢ), offset only', color: SERIES_COLORS[1], points: closed, dashed: true },
    ];
  }, [view]);
  const simRefs = useMemo<ReferenceLineSpec[]>(() => [{ x: cursor, label: `p = ${cursor}`, color: '#1b1f24' }], [cursor]);

  const describePe = useCallback((c: Cell | null) => (c ? `Selected position ${c.r}, dimension ${c.c}.` : ''), []);
  const describeSim = useCallback((c: Cell | null) => (c ? `Selected positions ${c.r} and ${c.c}.` : ''), []);

  const sv = view ? view.sim[sCell.r * view.L + sCell.c] : 0;
  return (
    <LabFrame
      handle={h}
      stepLabel="position"
      controls={['L', 'd', 'pos', 'k']}
      intro={
        <p>
          Each position gets a vector of sines and cosines of geometrically falling frequencies. Point at (or tab to and move with the arrow
          keys) a cell of the encoding to see the formula with its numbers; click or press Enter to choose that position. Play sweeps the chosen
          position along: its similarity curve only shifts.
        </p>
      }
    >
      {view ? (
        <>
          {view.posClamped ? (
            <p className="notice" role="status">The chosen position is above L − 1 = {view.L - 1}; position {view.L - 1} is used.</p>
          ) : null}
          <Tex display math="PE_{(pos,2i)} = \sin\left(\frac{pos}{10000^{2i/d_{\text{model}}}}\right), \qquad PE_{(pos,2i+1)} = \cos\left(\frac{pos}{10000^{2i/d_{\text{model}}}}\right)" />
          <div className="positional-row">
            <Heatmap
              title="Positional encoding (positions × dimensions)" chartKey="pe" fileBase={fileBase} values={view.pe} rows={view.L} cols={view.d}
              rowLabel="position" colLabel="dimension" csvRow="position" csvCol="dim" plotW={360} plotH={288} selected={cell}
              markRow={view.cursor} onHover={setPeCell} onPick={pick} describe={describePe} testId="positional-pe"
            />
            <Readout cell={cell} d={view.d} />
          </div>
          <LineChart
            title="Dimensions against position" chartKey="curves" fileBase={fileBase} xLabel="position" yLabel="PE" series={curves}
            yDomain={[-1.05, 1.05]} height={200}
          />
          <p className="muted positional-note">
            Wavelengths grow geometrically from <Tex math="2\pi" /> (dimensions 0 and 1) to <Tex math={`2\\pi\\cdot 10000^{(d-2)/d} = ${texNum(peWavelength(view.d / 2 - 1, view.d), 4)}`} />:
            the fast pairs tell neighbours apart, the slow ones tell far-apart positions apart.
          </p>
          <div className="positional-row">
            <Heatmap
              title="Similarity PE·PEᵀ between positions" chartKey="sim" fileBase={fileBase} values={view.sim} rows={view.L} cols={view.L}
              rowLabel="position p" colLabel="position q" csvRow="p" csvCol="q" plotW={288} plotH={288} selected={sCell}
              markRow={view.cursor} onHover={setSimCell} onPick={pick} describe={describeSim} testId="positional-sim"
            />
            <div className="panel positional-readout" data-testid="positional-sim-readout" data-value={sv} aria-live="polite">
              <p>
                Positions <strong>{sCell.r}</strong> and <strong>{sCell.c}</strong>, offset <Tex math={`q - p = ${sCell.c - sCell.r}`} />:
              </p>
              <Tex display math={`PE_{${sCell.r}}\\cdot PE_{${sCell.c}} = \\sum_{i=0}^{${view.d / 2 - 1}} \\cos\\big((q-p)\\,\\omega_i\\big) = ${f4(sv)}`} />
              <p className="muted">
                Since <Tex math="\sin a \sin b + \cos a \cos b = \cos(a - b)" />, each pair contributes <Tex math="\cos((q-p)\omega_i)" />: the
                similarity depends on the offset only (every diagonal is constant; largest deviation here{' '}
                <span data-testid="positional-offset-dev">{view.offsetDev.toExponential(1)}</span>, float rounding), and peaks at{' '}
                <Tex math={`q = p`} /> with <Tex math={`d_{\\text{model}}/2 = ${view.d / 2}`} />.
              </p>
            </div>
          </div>
          <LineChart
            title="Similarity of the chosen position with every position" chartKey="simrow" fileBase={fileBase} xLabel="position q"
            yLabel="PE(p)·PE(q)" series={simSeries} referenceLines={simRefs} height={200}
          />
          <Rotation p={cell.r} i={Math.floor(cell.c / 2)} k={view.k} d={view.d} />
        </>
      ) : h.error ? <p className="notice danger" role="alert">{h.error}</p> : <p className="loading">Preparing…</p>}
    </LabFrame>
  );
}
