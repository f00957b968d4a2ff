import { useCallback, useMemo } from 'react';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { outputSize, repeatingDecimalTex } from '../../../../ml/convArith';
import type { PoolingParams, PoolingView } from './engine';
import { DEFAULT_CELLS, MAX_SIDE, POOLING_PARAMS } from './params';
import { PhotoPools } from './PhotoPools';
import { poolData, type PoolData } from './example';
import { PoolExample } from './PoolExample';
import './pooling.css';

/**
 * Plain TypeScript, no tfjs (so no tensor-leak check). The engine loads the photo and pools its
 * activation map once per photo and filter; the small example's parameters are view-only and
 * pooled in the component as one types.
 */
export const poolingLab: LabDefinition<typeof POOLING_PARAMS, PoolingView> = {
  id: 'pooling',
  title: 'Max and average pooling',
  lecture: '09-cnn',
  schema: POOLING_PARAMS,
  engine: () => import('./engine').then((m) => m.createPoolingEngine),
  needsTf: false,
  lossKeys: [],
  maxSteps: () => 0,
  playOnChange: false,
  viewOnly: ['w', 'f', 's', 'cells'],
  fileTag: (p) => `W${p.w}-F${p.f}-S${p.s}-${p.photo}-${p.edge}`,
};

const EXAMPLES: { label: string; patch: Partial<PoolingParams> }[] = [
  { label: 'Notes’ example: 4×4, F = 2, S = 2', patch: { w: 4, f: 2, s: 2, cells: [...DEFAULT_CELLS] } },
  { label: 'Overlapping: 5×5, F = 3, S = 2', patch: { w: 5, f: 3, s: 2 } },
  { label: 'F = 3, S = 2 on the 4×4', patch: { w: 4, f: 3, s: 2 } },
];

function Examples({ setParams }: { setParams: (patch: Partial<PoolingParams>) => void }) {
  return (
    <fieldset className="pooling-box">
      <legend>Examples</legend>
      <div className="pooling-buttons">
        {EXAMPLES.map((e) => <button key={e.label} type="button" onClick={() => setParams(e.patch)}>{e.label}</button>)}
      </div>
    </fieldset>
  );
}

function SizePanel({ d }: { d: PoolData }) {
  const size = outputSize(d.w, d.f, d.s);
  const frac = `\\frac{${d.w} - ${d.f}}{${d.s}} + 1`;
  return (
    <div className="panel" data-testid="pooling-size">
      <h4>Output size</h4>
      <Tex display math="W_{out} = \frac{W_{in} - F}{S} + 1,\quad H_{out} = \frac{H_{in} - F}{S} + 1,\quad D_{out} = D_{in}" />
      {size.fits ? (
        <>
          <Tex display math={`W_{out} = ${frac} = ${repeatingDecimalTex(size.travel + d.s, d.s)}${size.legal ? '' : ` \\;\\to\\; \\lfloor\\cdot\\rfloor = ${size.size}`}`} />
          {size.legal ? null : (
            <p className="pooling-bad" role="status" data-testid="pooling-illegal">
              Not a whole number: the windows do not tile the input. Frameworks floor it (as for convolutions), so the output is{' '}
              {size.size}×{size.size} and the last {size.remainder} row{size.remainder > 1 ? 's' : ''} and column{size.remainder > 1 ? 's' : ''} are never pooled.
            </p>
          )}
        </>
      ) : (
        <p className="pooling-bad" role="status">The window is larger than the input: <Tex math={`F = ${d.f} > W_{in} = ${d.w}`} />.</p>
      )}
      <p className="muted">
        {d.s < d.f
          ? `S < F: neighbouring windows overlap by F − S = ${d.f - d.s} row${d.f - d.s > 1 ? 's' : ''}/column${d.f - d.s > 1 ? 's' : ''}, so some inputs feed several outputs.`
          : d.s > d.f
            ? `S > F: the windows leave gaps; some inputs are never looked at.`
            : 'S = F: the windows tile the input without overlap.'}
        {' '}No parameters to learn: pooling is a fixed function, applied to each depth slice separately.
      </p>
    </div>
  );
}

function PhotoNote({ view }: { view: PoolingView }) {
  const [photo, act] = view.panels;
  const pool = (f: number) => outputSize(act.width, f, f).size;
  return (
    <p className="muted wide" data-testid="pooling-photo-sizes">
      The Sobel filter (3×3, stride 1, no padding) turns the {photo.width}×{photo.height} photo into a {act.width}×{act.height} map
      ({photo.width} − 3 + 1 = {act.width}); pooling 2×2 with stride 2 gives <Tex math={`\\lfloor (${act.width} - 2)/2 \\rfloor + 1 = ${pool(2)}`} /> columns,
      4×4 with stride 4 gives {pool(4)}. Max pooling keeps each region's strongest edge response; averaging dilutes a thin edge with the zeros around it,
      so the average-pooled maps are dimmer (all activation maps share one grey scale, white at the map's 99th percentile).
    </p>
  );
}

export function PoolingLab() {
  const h = useLab(poolingLab);
  const { view, params: p, lab } = h;
  const w = Math.round(p.w);
  const d = useMemo(() => poolData(p.cells, MAX_SIDE, w, Math.round(p.f), Math.round(p.s)), [p.cells, w, p.f, p.s]);
  const fileBase = `lecture09-pooling-${poolingLab.fileTag(p)}`;
  const cells = p.cells;
  const onCell = useCallback((idx: number, v: number) => {
    const next = [...cells];
    next[Math.floor(idx / w) * MAX_SIDE + (idx % w)] = v;
    lab.setParams({ cells: next });
  }, [cells, w, lab]);
  return (
    <LabFrame
      handle={h}
      runControls={false}
      controls={['w', 'f', 's', 'photo', 'edge']}
      extraControls={<Examples setParams={lab.setParams} />}
      intro={
        <p>
          Pooling slides an <Tex math="F\times F" /> window with stride <Tex math="S" /> over each depth slice and keeps the largest value
          (max) or the mean (average). Edit the notes' example, make the windows overlap (<Tex math="S < F" />), then see what pooling does to a
          real activation map.
        </p>
      }
    >
      <PoolExample data={d} title="Pooling a single depth slice" fileBase={fileBase} onCell={onCell} />
      <SizePanel d={d} />
      {view ? (
        <>
          <div className="wide">
            <PhotoPools panels={view.panels} title="An activation map, max- and average-pooled" fileBase={fileBase} />
          </div>
          <PhotoNote view={view} />
        </>
      ) : h.status === 'error' ? null : (
        <p className="loading">Loading the photo…</p>
      )}
    </LabFrame>
  );
}
