/**
 * Lecture 12: a GAN on 2-D distributions. G maps 2-D noise to points, D scores points as real or
 * generated; the plane shows D(x), both sample sets and where G is being pushed.
 */
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { PointsDataControls, PointsDropZone } from '../../../../labs/owndata/PointsDataControls';
import { useOwnPoints, type OwnPointsChange } from '../../../../labs/owndata/useOwnPoints';
import type { LabeledPoint } from '../../../../params/schema';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import type { SeriesPoint } from '../../../../labs/metricsBuffer';
import { presetDrawing, type Pt } from '../../../../ml/data/gan2d';
import type { GanView } from './engine';
import { GanPlot, REAL_COLOR, FAKE_COLOR } from './GanPlot';
import { COLLAPSE_PRESET, GAN_PARAMS, GRID_PRESET, PLANE, type GanParams } from './params';
import './gan.css';

export const ganLab: LabDefinition<typeof GAN_PARAMS, GanView> = {
  id: 'gan',
  title: 'A GAN on 2-D distributions',
  lecture: '12-advanced',
  schema: GAN_PARAMS,
  engine: () => import('./engine').then((m) => m.createGanEngine),
  needsTf: false,
  lossKeys: ['lossD', 'lossG'],
  maxSteps: (p) => p.steps,
  stepsPerFrame: 40,
  viewOnly: ['heat', 'arrows'],
  fileTag: (p) => `${p.dist}-${p.loss}-k${p.k}-lrD${p.lrD}-lrG${p.lrG}-h${p.hidden}-seed${p.seed}`,
};

type SetParams = (patch: Partial<GanParams>) => void;
const LN2 = Math.log(2);
const EMPTY: SeriesPoint[] = [];

function Losses({ p }: { p: GanParams }) {
  return (
    <div className="panel gan-losses" data-testid="gan-losses">
      <h4>The two losses</h4>
      <Tex display math={'J^{(D)} = -\\tfrac{1}{2}\\,\\mathbb{E}_{x\\sim p_{data}} \\log D(x) - \\tfrac{1}{2}\\,\\mathbb{E}_z \\log\\big(1 - D(G(z))\\big)'} />
      <Tex display math={p.loss === 'minimax'
        ? 'J^{(G)} = -J^{(D)}\\quad\\text{(minimax, as in the notes)}'
        : 'J^{(G)} = -\\tfrac{1}{2}\\,\\mathbb{E}_z \\log D(G(z))\\quad\\text{(non-saturating)}'} />
      <p className="muted">
        The minimax <Tex math="J^{(G)} = -J^{(D)}" /> saturates: while D confidently rejects the samples,{' '}
        <Tex math="\log(1 - D(G(z)))" /> is flat and G barely moves, so the default is the non-saturating loss (same fixed point,
        strong gradients where D says “generated”). Switch the loss to see it.
      </p>
      <p className="muted">
        One step: <Tex math={`k = ${Math.round(p.k)}`} /> Adam steps on <Tex math="J^{(D)}" /> (real and generated batches of{' '}
        <Tex math={`B = ${Math.round(p.batch)}`} />), then one on <Tex math="J^{(G)}" />, whose gradient reaches G only through D. At the
        saddle point <Tex math="D \equiv \tfrac12" />: <Tex math="J^{(D)} = \log 2 \approx 0.693" />.
      </p>
    </div>
  );
}

function LiveNumbers({ m, p }: { m: Record<string, number>; p: GanParams }) {
  const has = (k: string) => Number.isFinite(m[k]);
  const f = (v: number) => v.toFixed(3);
  return (
    <div className="panel gan-numbers" data-testid="gan-numbers">
      <span>Mean D(x): real points {has('dReal') ? f(m.dReal) : '–'}, generated points {has('dFake') ? f(m.dFake) : '–'}</span>
      {has('lossD') ? <span>J⁽ᴰ⁾ = {f(m.lossD)}, J⁽ᴳ⁾ = {f(m.lossG)} (mean over the last frame’s steps)</span> : null}
      {p.dist === 'ring' && has('dist') ? <span data-testid="gan-ring-dist">Mean distance to the ring {f(m.dist)} (goal: below 0.1 · r = 0.1), arc covered {Math.round(100 * m.coverage)} %</span> : null}
      {has('modes') ? <span data-testid="gan-modes">Modes covered: {m.modes} of {m.modesTotal} · samples within 3σ of a mode: {Math.round(100 * m.highQuality)} %</span> : null}
      {(p.dist === 'moons' || p.dist === 'drawn') && has('dist') ? <span>Mean distance to the target {f(m.dist)}</span> : null}
    </div>
  );
}

const LossChart = memo(function LossChart({ d, g, loss, fileBase }: { d: SeriesPoint[]; g: SeriesPoint[]; loss: GanParams['loss']; fileBase: string }) {
  const series = useMemo<LineSeries[]>(() => [
    { key: 'lossD', label: 'J⁽ᴰ⁾ (discriminator)', color: SERIES_COLORS[0], points: d },
    { key: 'lossG', label: loss === 'minimax' ? 'J⁽ᴳ⁾ = −J⁽ᴰ⁾' : 'J⁽ᴳ⁾ non-saturating', color: SERIES_COLORS[1], points: g },
  ], [d, g, loss]);
  const refs = useMemo<ReferenceLineSpec[]>(() => [
    { y: LN2, label: 'log 2', color: '#57606a' },
    loss === 'minimax' ? { y: -LN2, label: '−log 2', color: '#57606a' } : { y: LN2 / 2, label: '½ log 2', color: '#57606a' },
  ], [loss]);
  return <LineChart title="D and G losses" chartKey="losses" fileBase={fileBase} xLabel="G step" yLabel="loss" series={series} referenceLines={refs} height={200} />;
});

const QualityChart = memo(function QualityChart({ dist, modes, grid, fileBase }: { dist: SeriesPoint[]; modes: SeriesPoint[]; grid: boolean; fileBase: string }) {
  const distSeries = useMemo<LineSeries[]>(() => [{ key: 'distRel', label: 'mean distance / scale', color: SERIES_COLORS[2], points: dist }], [dist]);
  const refs = useMemo<ReferenceLineSpec[]>(() => [{ y: 0.1, label: '0.1', color: '#57606a' }], []);
  const modeSeries = useMemo<LineSeries[]>(() => [{ key: 'modes', label: 'modes covered', color: SERIES_COLORS[3], points: modes }], [modes]);
  return (
    <>
      <LineChart title="Distance of the generated samples to the target" chartKey="distance" fileBase={fileBase} xLabel="G step"
        yLabel={grid ? 'to nearest mode / spacing' : 'mean distance / radius'} series={distSeries} referenceLines={refs} logY height={180} />
      {grid ? (
        <LineChart title="Modes covered" chartKey="modes" fileBase={fileBase} xLabel="G step" yLabel="modes" series={modeSeries} height={160} />
      ) : null}
    </>
  );
});

function Extra({ p, setParams, pointsControls }: { p: GanParams; setParams: SetParams; pointsControls: ReactNode }) {
  return (
    <div className="control gan-extra">
      <p className="control-help">Presets (verified with seed 1):</p>
      <button type="button" onClick={() => setParams({ ...COLLAPSE_PRESET })}>Mode collapse: grid, k = 1, α_G = 0.01</button>{' '}
      <button type="button" onClick={() => setParams({ ...GRID_PRESET })}>Grid that works: k = 2, α_D = 0.002</button>{' '}
      <button type="button" onClick={() => setParams({ dist: 'ring', loss: 'minimax' })}>Ring with the minimax loss</button>
      {p.dist === 'drawn' ? (
        <div className="gan-draw">
          <p className="control-help">Click or drag on the plot to draw the target (keyboard: focus the plot and press Enter, or load the preset).</p>
          <button type="button" onClick={() => setParams({ points: presetDrawing().map((q) => ({ ...q, label: 0 })) })}>Load a drawing (a smile)</button>
          {pointsControls}
        </div>
      ) : null}
    </div>
  );
}

export function GanLab() {
  const h = useLab(ganLab);
  const { view, params: p, metrics, chartSeries } = h;
  const setParams = h.lab.setParams;
  const fileBase = `lecture12-gan-${ganLab.fileTag(p)}`;
  const apply = useCallback((points: LabeledPoint[], how: OwnPointsChange) => {
    setParams(how === 'load' ? { points, dist: 'drawn' } : { points });
  }, [setParams]);
  const own = useOwnPoints({ spec: GAN_PARAMS.points, points: p.points, range: PLANE, apply });
  const { replace } = own;
  const onDraw = useCallback((pts: Pt[]) => replace(pts.map((q) => ({ ...q, label: 0 }))), [replace]);
  const pointsControls = (
    <PointsDataControls own={own} labId="gan" classNames={['Your points']} brush={0} setBrush={() => undefined}
      drawHint="Or type a point, or load your own points:" fileBase={fileBase} />
  );
  const drawn = useMemo(() => p.points.map(({ x, y }) => ({ x, y })), [p.points]);
  const grid = p.dist === 'grid' || p.dist === 'grid25';
  return (
    <LabFrame
      handle={h}
      stepLabel="G step"
      controls={['dist', 'loss', 'lrD', 'lrG', 'k', 'batch', 'hidden', 'steps', 'heat', 'arrows', 'seed']}
      extraControls={<Extra p={p} setParams={setParams} pointsControls={pointsControls} />}
      intro={
        <p>
          The generator turns 2-D noise <Tex math="z \sim \mathcal{N}(0, I)" /> into <span className="gan-swatch" style={{ background: FAKE_COLOR }} aria-hidden="true" /> <strong>purple</strong> points;
          the discriminator learns to tell them from the <span className="gan-swatch" style={{ background: REAL_COLOR }} aria-hidden="true" /> <strong>green</strong> real ones (background:{' '}
          <Tex math="D(x)" />). Arrows show where each generated point is pushed. Press Play; then try the mode-collapse preset.
        </p>
      }
    >
      {view ? (
        <>
          {view.problem ? <p className="notice" role="alert">{view.problem}</p> : null}
          <div className="gan-top">
            <PointsDropZone own={own}>
              <GanPlot title="Real and generated samples over D(x)" fileBase={fileBase} view={view} showHeat={p.heat} showArrows={p.arrows}
                drawn={drawn} onDraw={onDraw} />
            </PointsDropZone>
            <div className="stack">
              <LiveNumbers m={metrics} p={p} />
              <LossChart d={chartSeries.lossD ?? EMPTY} g={chartSeries.lossG ?? EMPTY} loss={p.loss} fileBase={fileBase} />
            </div>
          </div>
          <QualityChart dist={chartSeries.distRel ?? EMPTY} modes={chartSeries.modes ?? EMPTY} grid={grid} fileBase={fileBase} />
          <Losses p={p} />
        </>
      ) : (
        <p className="loading">Preparing the networks…</p>
      )}
    </LabFrame>
  );
}
