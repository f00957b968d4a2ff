import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { ChartFrame, composeExportSvg, toCsv } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { ParamControls } from '../../../../labs/ParamControls';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { convWeights, regionsOf, type LayerStat, type Region } from '../../../../ml/receptiveField';
import type { RfView } from './engine';
import { CHART_GRID } from '../../../../charts';
import { cellSize, exportBody, layerCaption, REGION_FILL, SELECTED_FILL } from './grids';
import { LAYER_KEYS, presetPatch, RF_PARAMS, type PresetName, type RfParams } from './params';
import './receptive-field.css';
import { groupDigits } from '../../../../charts/format';

export const receptiveFieldLab: LabDefinition<typeof RF_PARAMS, RfView> = {
  id: 'receptive-field',
  title: 'Receptive fields',
  lecture: '09-cnn',
  schema: RF_PARAMS,
  engine: () => import('./engine').then((m) => m.createRfEngine),
  needsTf: false,
  lossKeys: [],
  maxSteps: () => 1,
  stepsPerFrame: 1,
  playOnChange: false,
  viewOnly: ['C'],
  fileTag: (p) => `${LAYER_KEYS.slice(0, Math.round(p.depth)).map((k) => p[k]).join('-')}-N${p.n}`,
};

const fmtInt = (v: number) => groupDigits(v);
const regionText = (g: Region) => `rows ${g.r0}–${g.r1}, columns ${g.c0}–${g.c1}`;
const regionShort = (g: Region) => `rows ${g.r0}–${g.r1}, cols ${g.c0}–${g.c1}`;
/** Thousands separators that KaTeX does not space out. */
const texInt = (v: number) => fmtInt(v).replace(/,/g, '{,}');

function Grid({ stat, cs, region, last, onPick }: {
  stat: LayerStat; cs: number; region: Region | null; last: boolean; onPick?: (r: number, c: number) => void;
}) {
  const side = stat.n * cs;
  const lines = useMemo(() => {
    let d = '';
    for (let i = 0; i <= stat.n; i++) d += `M${i * cs} 0V${side}M0 ${i * cs}H${side}`;
    return d;
  }, [stat.n, cs, side]);
  const rows = region ? region.r1 - region.r0 + 1 : 0;
  const cols = region ? region.c1 - region.c0 + 1 : 0;
  return (
    <svg width={side + 1} height={side + 1} viewBox={`-0.5 -0.5 ${side + 1} ${side + 1}`} data-layer={stat.l} className="rf-grid"
      aria-hidden={!last || undefined} role={last ? 'presentation' : undefined}>
      <rect x={0} y={0} width={side} height={side} fill="#ffffff" />
      {region ? (
        <rect className="rf-region" data-rows={rows} data-cols={cols} x={region.c0 * cs} y={region.r0 * cs} width={cols * cs} height={rows * cs}
          fill={last ? SELECTED_FILL : REGION_FILL} />
      ) : null}
      <path d={lines} stroke={CHART_GRID} strokeWidth={1} fill="none" />
      {last && onPick
        ? Array.from({ length: stat.n * stat.n }, (_, k) => {
          const r = Math.floor(k / stat.n);
          const c = k % stat.n;
          return <rect key={k} className="rf-hit" data-out={`${r},${c}`} x={c * cs} y={r * cs} width={cs} height={cs} fill="transparent"
            onMouseEnter={() => onPick(r, c)} onClick={() => onPick(r, c)} />;
        })
        : null}
    </svg>
  );
}

export function ReceptiveFieldLab() {
  const h = useLab(receptiveFieldLab);
  const { view, params: p, lab } = h;
  const fileBase = `lecture09-receptive-field-${receptiveFieldLab.fileTag(p)}`;
  const [sel, setSel] = useState<{ r: number; c: number } | null>(null);

  const rows = view?.rows;
  const L = rows ? rows.length - 1 : 0;
  const nL = rows ? rows[L].n : 1;
  // The selected output pixel: the learner's, clamped to the grid, or the centre.
  const pick = sel ? { r: Math.min(sel.r, nL - 1), c: Math.min(sel.c, nL - 1) } : { r: Math.floor((nL - 1) / 2), c: Math.floor((nL - 1) / 2) };
  useEffect(() => setSel(null), [view]);
  const regions = useMemo(() => (view ? regionsOf(view.layers, L, pick.r, pick.c) : []), [view, L, pick.r, pick.c]);
  const labels = useMemo(() => (rows ? rows.map((r) => r.spec?.label ?? 'input') : []), [rows]);
  const cs = cellSize(Math.round(p.n));

  const onKey = (e: KeyboardEvent) => {
    const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
    if (!d) return;
    e.preventDefault();
    setSel({ r: Math.max(0, Math.min(nL - 1, pick.r + d[0])), c: Math.max(0, Math.min(nL - 1, pick.c + d[1])) });
  };

  const getSvg = useCallback(() => {
    if (!rows) return composeExportSvg({ title: 'Receptive field, layer by layer', width: 10, height: 10, body: '', legend: [] });
    const { body, width, height } = exportBody(rows, labels, regions, cs);
    return composeExportSvg({
      title: 'Receptive field, layer by layer', width, height, body,
      legend: [{ label: `selected output pixel (${pick.r}, ${pick.c})`, color: SELECTED_FILL }, { label: 'the pixels it depends on', color: REGION_FILL }],
    });
  }, [rows, labels, regions, cs, pick.r, pick.c]);
  const getCsv = useCallback(
    () => toCsv(
      ['layer', 'type', 'k', 's', 'size', 'jump_j', 'receptive_field_r', 'region_row0', 'region_row1', 'region_col0', 'region_col1'],
      (rows ?? []).map((r, i) => [r.l, labels[i], r.spec?.k ?? '', r.spec?.s ?? '', r.n, r.j, r.r, regions[i].r0, regions[i].r1, regions[i].c0, regions[i].c1]),
    ),
    [rows, labels, regions],
  );

  const onPreset = (patch: Partial<RfParams>) => {
    if (patch.preset && patch.preset !== 'custom') lab.setParams(presetPatch(patch.preset as PresetName));
    else lab.setParams(patch);
  };
  const onLayers = (patch: Partial<RfParams>) => lab.setParams({ ...patch, preset: 'custom' });
  const depth = Math.round(p.depth);
  const C = Math.round(p.C);
  const last = rows?.[L];
  const convs = view ? view.layers.slice(0, L).filter((l) => l.conv).length : 0;

  const recurrence = rows && rows.length > 1
    ? `\\begin{aligned}${rows.slice(1).map((r, i) => {
      const prev = rows[i];
      const k = r.spec!.k;
      const s = r.spec!.s;
      return `r_{${r.l}} &= ${prev.r} + (${k} - 1)\\cdot ${prev.j} = ${r.r}, & j_{${r.l}} &= ${prev.j}\\cdot ${s} = ${r.j}`;
    }).join('\\\\')}\\end{aligned}`
    : '';

  return (
    <LabFrame
      handle={h}
      controls={['n', 'C']}
      extraControls={
        <div className="rf-stack-controls">
          <ParamControls schema={RF_PARAMS} values={p} onChange={onPreset} only={['preset']} />
          <ParamControls schema={RF_PARAMS} values={p} onChange={onLayers} only={['depth', ...LAYER_KEYS.slice(0, depth)]} />
        </div>
      }
      intro={
        <p>
          Choose a stack of layers and point at (or tab to and move with the arrow keys) a pixel of the last layer: the shaded squares are
          the pixels it depends on, layer by layer down to the input.
        </p>
      }
    >
      {view && rows && last ? (
        <>
          {!view.complete ? (
            <p className="notice" role="status">
              The input is too small for all {depth} layers: after layer {L} the map is smaller than the next window, so the rest are dropped.
            </p>
          ) : null}
          <ChartFrame title="Receptive field, layer by layer" chartKey="grids" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
            <div className="rf-grids">
              {rows.map((r, i) => (
                <div key={r.l} className="rf-layer">
                  {i === L ? (
                    <div className="rf-output" tabIndex={0} role="group" onKeyDown={onKey} data-testid="rf-output"
                      aria-label={`Output pixels of layer ${L}, ${nL} by ${nL}: pixel row ${pick.r}, column ${pick.c} selected; arrow keys move it.`}>
                      <Grid stat={r} cs={cs} region={regions[i]} last onPick={(rr, cc) => setSel({ r: rr, c: cc })} />
                    </div>
                  ) : (
                    <Grid stat={r} cs={cs} region={regions[i]} last={false} />
                  )}
                  <div className="rf-caption">
                    <span>{layerCaption(r, labels[i])}</span>
                    <span className="muted">r = {r.r}, j = {r.j}</span>
                  </div>
                </div>
              ))}
            </div>
          </ChartFrame>
          <p className="rf-status" aria-live="polite" data-testid="rf-status">
            Output pixel ({pick.r}, {pick.c}) of layer {L} sees input {regionText(regions[0])}:{' '}
            <strong>{regions[0].r1 - regions[0].r0 + 1} × {regions[0].c1 - regions[0].c0 + 1}</strong> pixels.
          </p>
          <div className="rf-table-wrap" tabIndex={0} role="region" aria-label="Receptive field per layer (scrolls sideways)">
            <table className="rf-table" data-testid="rf-table">
              <caption className="visually-hidden">Receptive field and jump per layer</caption>
              <thead>
                <tr>
                  <th scope="col">layer <Tex math="l" /></th><th scope="col">type</th><th scope="col"><Tex math="k_l" /></th>
                  <th scope="col"><Tex math="s_l" /></th><th scope="col">size</th><th scope="col">jump <Tex math="j_l" /></th>
                  <th scope="col">receptive field <Tex math="r_l" /></th><th scope="col">region of the pixel</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={r.l}>
                    <th scope="row">{r.l}</th><td>{labels[i]}</td><td>{r.spec?.k ?? '–'}</td><td>{r.spec?.s ?? '–'}</td>
                    <td>{r.n} × {r.n}</td><td>{r.j}</td><td>{r.r} × {r.r}</td><td>{regionShort(regions[i])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="rf-formulas">
            <Tex display math="r_l = r_{l-1} + (k_l - 1)\, j_{l-1}, \qquad j_l = j_{l-1}\, s_l, \qquad r_0 = j_0 = 1" />
            {recurrence ? <Tex display math={recurrence} /> : null}
          </div>
          <div className="panel rf-params" data-testid="rf-params">
            <h4>Three 3×3 convolutions or one 7×7?</h4>
            <p>
              Both see 7 × 7 input pixels. With <Tex math={`C = ${C}`} /> channels in and out (biases left out), three 3×3 layers hold{' '}
              <Tex math={`3 \\cdot 3^2 C^2 = 27C^2 = ${texInt(3 * convWeights(3, C))}`} /> weights, one 7×7 layer{' '}
              <Tex math={`7^2 C^2 = 49C^2 = ${texInt(convWeights(7, C))}`} />: 45 % fewer, and two more non-linearities in between.
            </p>
            <p className="muted">
              This stack: {convs} convolution{convs === 1 ? '' : 's'} of 3×3 ({fmtInt(convs * convWeights(3, C))} weights; pooling has none),
              receptive field {last.r} × {last.r}.
            </p>
          </div>
        </>
      ) : h.error ? <p className="notice danger" role="alert">{h.error}</p> : <p className="loading">Preparing…</p>}
    </LabFrame>
  );
}
