import { useCallback, useMemo } from 'react';
import { toCsv } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { ParamControls } from '../../../../labs/ParamControls';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { LINEAR_KERNELS, type Plane } from '../../../../ml/imageFilters';
import { CanvasFigure } from '../../../07-training-2/labs/init/CanvasFigure';
import type { FiltersView } from './engine';
import { KernelEditor } from './KernelEditor';
import { fmt, paintPanels, panelLayout, type Panel } from './panels';
import {
  FILTERS_PARAMS, KERNEL_LABELS, RGB_PRESETS, STACK_FILTERS, WEIGHT_LIMIT, type FiltersParams,
} from './params';
import './filters.css';

export const filtersLab: LabDefinition<typeof FILTERS_PARAMS, FiltersView> = {
  id: 'filters',
  title: 'Image filters and activation maps',
  lecture: '09-cnn',
  schema: FILTERS_PARAMS,
  engine: () => import('./engine').then((m) => m.createFiltersEngine),
  needsTf: false,
  lossKeys: [],
  maxSteps: () => 1,
  stepsPerFrame: 1,
  playOnChange: false,
  fileTag: (p) => `${p.photo}-${p.kernel}-${p.rgbPreset}-K${STACK_FILTERS.filter((f) => p[f.key]).length}`,
};

const STACK_KEYS = STACK_FILTERS.map((f) => f.key);
const CHANNEL_NAMES = ['Red channel', 'Green channel', 'Blue channel'] as const;

/** A figure of panels on a canvas that fills its column; export PNG/SVG and the values as CSV. */
function PanelFigure(props: {
  title: string; chartKey: string; fileBase: string; panels: Panel[]; columns: number; aspect: number; csv: () => string; summary: string;
}) {
  const { panels, columns, aspect } = props;
  // Narrow screens: at most two panels per row.
  const cols = useCallback((w: number) => (w < 480 ? Math.min(2, columns) : columns), [columns]);
  const height = useCallback((w: number) => panelLayout(panels.length, cols(w), w, aspect).height, [panels.length, cols, aspect]);
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D, w: number) => paintPanels(ctx, panels, panelLayout(panels.length, cols(w), w, aspect)),
    [panels, cols, aspect],
  );
  return (
    <div className="filters-fig">
      <CanvasFigure title={props.title} chartKey={props.chartKey} fileBase={props.fileBase} height={height} paint={paint} csv={props.csv}
        summary={props.summary} maxWidth={760} />
    </div>
  );
}

/** Rows of (row, col, value…) for maps of the same size. */
function mapsCsv(header: string[], planes: Plane[], extra?: (k: number) => number[]): string {
  const { width, height } = planes[0];
  const rows: number[][] = [];
  for (let i = 0; i < height; i++) {
    for (let j = 0; j < width; j++) {
      const k = i * width + j;
      rows.push([i, j, ...planes.map((p) => p.data[k]), ...(extra ? extra(k) : [])]);
    }
  }
  return toCsv(header, rows);
}

/** "+ 0.5" or "- 0.5" for a term of a sum in TeX. */
function signed(v: number): string {
  return v < 0 ? `- ${texNum(-v)}` : `+ ${texNum(v)}`;
}

function rangeText(min: number, max: number): string {
  return `${fmt(min)} to ${fmt(max)}`;
}

export function FiltersLab() {
  const h = useLab(filtersLab);
  const { view, params: p, lab } = h;
  const fileBase = `lecture09-filters-${filtersLab.fileTag(p)}`;
  const set = lab.setParams;

  const onKernel = (patch: Partial<FiltersParams>) => {
    const k = patch.kernel;
    if (k && k in LINEAR_KERNELS) set({ kernel: k, weights: [...LINEAR_KERNELS[k as keyof typeof LINEAR_KERNELS]] });
    else set(patch);
  };
  const onRgbPreset = (patch: Partial<FiltersParams>) => {
    const r = patch.rgbPreset;
    if (r && r in RGB_PRESETS) set({ rgbPreset: r, rgbWeights: [...RGB_PRESETS[r as keyof typeof RGB_PRESETS]] });
    else set(patch);
  };
  const setRgbChannel = (c: number, w: number[]) => {
    const next = [...p.rgbWeights];
    next.splice(c * 9, 9, ...w);
    set({ rgbPreset: 'custom', rgbWeights: next });
  };

  const aspect = view ? view.grey.height / view.grey.width : 2 / 3;
  const mag = p.kernel === 'sobelMag';

  const mainPanels = useMemo<Panel[]>(() => {
    if (!view) return [];
    const { grey, out } = view;
    const ps: Panel[] = [
      { kind: 'plane', label: `grey input x (${grey.width} × ${grey.height})`, plane: grey, mode: { kind: 'grey', lo: 0, hi: 1 } },
      { kind: 'plane', label: `output z (${out.plane.width} × ${out.plane.height})`, plane: out.plane, mode: out.mode },
      ...view.kernels.map((k): Panel => ({ kind: 'kernel', label: `kernel: ${k.label}`, weights: k.weights })),
      { kind: 'colorbar', label: 'colour scale of z', mode: out.mode },
    ];
    return ps;
  }, [view]);

  const rgbPanels = useMemo<Panel[]>(() => {
    if (!view) return [];
    const { rgb, channels, photo } = view;
    const div = { kind: 'diverging' as const, lo: rgb.lo, hi: rgb.hi };
    const g01 = { kind: 'grey' as const, lo: 0, hi: 1 };
    const names = ['R', 'G', 'B'];
    return [
      { kind: 'rgb', label: `colour input (${photo.width} × ${photo.height} × 3)`, img: photo },
      ...channels.map((c, i): Panel => ({ kind: 'plane', label: `x_${names[i]}`, plane: c, mode: g01 })),
      ...rgb.partials.map((c, i): Panel => ({ kind: 'plane', label: `w_${names[i]} ⋆ x_${names[i]}`, plane: c, mode: div })),
      { kind: 'plane', label: `z = Σ + b (${rgb.z.width} × ${rgb.z.height} × 1)`, plane: rgb.z, mode: div },
      ...[0, 1, 2].map((c): Panel => ({ kind: 'kernel', label: `w_${names[c]}`, weights: p.rgbWeights.slice(c * 9, c * 9 + 9) })),
      { kind: 'colorbar', label: 'colour scale of row 2', mode: div },
    ];
  }, [view, p.rgbWeights]);

  const stackPanels = useMemo<Panel[]>(
    () => (view ? view.stack.map((t, k): Panel => ({ kind: 'plane', label: `${k + 1}: ${t.label}`, plane: t.plane, mode: t.mode })) : []),
    [view],
  );

  const mainCsv = useCallback(() => {
    if (!view) return '';
    const { grey, out } = view;
    return mapsCsv(['row', 'col', 'output_z', 'input_at_window_centre'], [out.plane], (k) => {
      const i = Math.floor(k / out.plane.width);
      const j = k % out.plane.width;
      return [grey.data[(i + 1) * grey.width + j + 1]];
    });
  }, [view]);
  const rgbCsv = useCallback(
    () => (view ? mapsCsv(['row', 'col', 'part_r', 'part_g', 'part_b', 'z', 'bias'], [...view.rgb.partials, view.rgb.z], () => [p.bias]) : ''),
    [view, p.bias],
  );
  const stackCsv = useCallback(
    () => (view && view.stack.length ? mapsCsv(['row', 'col', ...view.stack.map((t) => t.label)], view.stack.map((t) => t.plane)) : 'row,col\r\n'),
    [view],
  );

  const out = view?.out;
  const K = view?.stack.length ?? 0;
  const tile = view?.stack[0]?.plane;
  const c = view?.centre;

  return (
    <LabFrame
      handle={h}
      controls={['photo']}
      extraControls={
        <div className="filters-kernel-controls">
          <ParamControls schema={FILTERS_PARAMS} values={p} onChange={onKernel} only={['kernel']} />
          <p className="filters-editor-title">3×3 kernel <Tex math="w" /> (type numbers or fractions such as 1/9)</p>
          <KernelEditor name="Kernel" values={p.weights} limit={WEIGHT_LIMIT} disabled={mag} testId="filters-kernel-editor"
            onCommit={(w) => set({ kernel: 'custom', weights: w })} />
          {mag ? <p className="muted">The magnitude combines two kernels non-linearly, so it has no single 3×3 kernel to edit.</p> : null}
        </div>
      }
      intro={
        <p>
          Pick a photo and a kernel (or type your own): each output pixel is the kernel’s weighted sum of the 3×3 window under it. Below,
          one 3×3×3 filter turns the colour photo into one activation map, and a layer of several filters gives a stack of maps.
        </p>
      }
    >
      {h.error ? <p className="notice danger" role="alert">{h.error}</p> : null}
      {view && out ? (
        <>
          <p className="filters-formula">
            <Tex math="z_{i,j} = \sum_{u=1}^{3}\sum_{v=1}^{3} w_{u,v}\, x_{i+u-1,\,j+v-1}" />
            {mag ? <> ; magnitude <Tex math="\sqrt{G_x^2 + G_y^2}" /></> : null}
          </p>
          <PanelFigure title="Filtered photo" chartKey="filtered" fileBase={fileBase} panels={mainPanels} columns={2} aspect={aspect} csv={mainCsv}
            summary={`The grey photo and its ${KERNEL_LABELS[p.kernel]} output, values from ${rangeText(out.range.min, out.range.max)}.`} />
          <p className="filters-range" data-testid="filters-range">
            Output <strong>{out.plane.width} × {out.plane.height}</strong> (no padding: <Tex math="N - F + 1" /> per side), values from{' '}
            <strong>{rangeText(out.range.min, out.range.max)}</strong>;{' '}
            {out.mode.kind === 'diverging'
              ? <>signed, so shown on a diverging scale <Tex math={`\\pm ${texNum(out.mode.hi)}`} /> (white = 0).</>
              : out.mode.lo === 0 && out.mode.hi === 1
                ? <>the weights sum to 1, so the output is an image again, shown on [0, 1]{out.clipped ? <> ({out.clipped} pixels outside it, clipped)</> : null}.</>
                : <>non-negative, shown from 0 (black) to {fmt(out.mode.hi)} (white).</>}
          </p>
          <p className="muted filters-note">
            As in every deep-learning library, the “convolution” here is a cross-correlation: the kernel is not flipped (flipping only
            changes the sign of the edge filters).
          </p>

          <h4 className="filters-subhead">A 3×3×3 filter on the colour photo gives one activation map</h4>
          <div className="filters-rgb-controls">
            <ParamControls schema={FILTERS_PARAMS} values={p} onChange={onRgbPreset} only={['rgbPreset']} />
            <div className="filters-rgb-editors">
              {CHANNEL_NAMES.map((name, ch) => (
                <div key={name}>
                  <p className="filters-editor-title">{name} <Tex math={`w_{${'RGB'[ch]}}`} /></p>
                  <KernelEditor name={name} values={p.rgbWeights.slice(ch * 9, ch * 9 + 9)} limit={WEIGHT_LIMIT} testId={`filters-rgb-editor-${ch}`}
                    onCommit={(w) => setRgbChannel(ch, w)} />
                </div>
              ))}
            </div>
            <ParamControls schema={FILTERS_PARAMS} values={p} onChange={set} only={['bias']} />
          </div>
          <p className="filters-formula">
            <Tex display math="z_{i,j} = \sum_{c \in \{R,G,B\}} \sum_{u=1}^{3}\sum_{v=1}^{3} w_{c,u,v}\, x_{c,\,i+u-1,\,j+v-1} + b" />
          </p>
          {c ? (
            <p className="filters-centre" data-testid="filters-centre">
              At the centre pixel <Tex math={`(i, j) = (${c.i}, ${c.j})`} />:{' '}
              <Tex math={`z = ${texNum(c.parts[0])} ${[...c.parts.slice(1), c.bias].map(signed).join(' ')} = ${texNum(c.z)}`} />{' '}
              (red, green and blue parts, then the bias).
            </p>
          ) : null}
          <PanelFigure title="One RGB filter, one activation map" chartKey="rgb" fileBase={fileBase} panels={rgbPanels} columns={4} aspect={aspect}
            csv={rgbCsv}
            summary={`The colour photo, its three channels, each channel filtered by its slice of the 3×3×3 filter, and their sum plus bias: one map with values from ${rangeText(view.rgb.range.min, view.rgb.range.max)}.`} />
          <p className="muted">
            Depth is implicit: the filter has as many slices as the input has channels, and the three filtered channels are added into
            ONE map, values from {rangeText(view.rgb.range.min, view.rgb.range.max)}.
          </p>

          <h4 className="filters-subhead">A convolution layer: K filters give K activation maps</h4>
          <fieldset className="filters-stack-controls">
            <legend>Filters of the layer</legend>
            <ParamControls schema={FILTERS_PARAMS} values={p} onChange={set} only={STACK_KEYS} />
          </fieldset>
          {K > 0 && tile ? (
            <>
              <p className="filters-shape" data-testid="filters-shape">
                Input <Tex math={`${view.grey.width} \\times ${view.grey.height} \\times 3`} />, <Tex math={`K = ${K}`} /> filters of{' '}
                <Tex math="3 \times 3 \times 3" /> → output <strong><Tex math={`${tile.width} \\times ${tile.height} \\times ${K}`} /></strong>{' '}
                (<Tex math="W \times H \times K" />), with <Tex math={`K\\,(3 \\cdot 3 \\cdot 3 + 1) = ${K * 28}`} /> parameters.
              </p>
              <PanelFigure title="Activation maps of the layer" chartKey="stack" fileBase={fileBase} panels={stackPanels} columns={Math.min(4, K)}
                aspect={aspect} csv={stackCsv} summary={`${K} activation maps of ${tile.width} × ${tile.height}: ${view.stack.map((t) => t.label).join(', ')}.`} />
              <p className="muted">
                Each map has its own scale (signed maps diverging, blurred images grey). The grey kernels act on the brightness: as 3×3×3
                filters their slices are <Tex math="0.299\,w,\ 0.587\,w,\ 0.114\,w" />.
              </p>
            </>
          ) : (
            <p className="notice" role="status">Choose at least one filter: a layer with K = 0 filters has no output.</p>
          )}
        </>
      ) : h.error ? null : (
        <p className="loading">Loading the photo…</p>
      )}
    </LabFrame>
  );
}
