import { memo, useCallback, useMemo, useState } from 'react';
import { CLASS_COLORS, LineChart, ScatterHeatmap, type LineSeries } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import { PointsDataControls, PointsDropZone } from '../../../../labs/owndata/PointsDataControls';
import { useApplyOwnDataset, useOwnPoints } from '../../../../labs/owndata/useOwnPoints';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { DEAD_POINTS } from '../../../../ml/deadRelu';
import { ActivityFigure } from './ActivityFigure';
import type { DeadReluView, TrainedView } from './engine';
import { DEAD_BATCH, DEAD_DOMAIN, DEAD_RELU_PARAMS, MIN_OWN_POINTS, RUN_KEYS, type RunKey } from './params';
import { RUN_COLORS, runName, shortName } from './runs';
import './dead-relu.css';
import { useThrottled } from '../../../../labs/useThrottled';

export const deadReluLab: LabDefinition<typeof DEAD_RELU_PARAMS, DeadReluView> = {
  id: 'dead-relu',
  title: 'Dead ReLUs',
  lecture: '07-training-2',
  schema: DEAD_RELU_PARAMS,
  engine: () => import('./engine').then((m) => m.createDeadReluEngine),
  needsTf: false,
  // The high-rate runs may blow up on purpose (they are stopped alone); only the normal run counts.
  lossKeys: ['loss_normal'],
  maxSteps: (p) => p.epochs,
  stepsPerFrame: 10,
  fileTag: (p) => `lr${p.lr}-lrh${p.lrHigh}-b${p.bias}-w${p.width}-d${p.depth}${p.dataset === 'own' ? `-own${p.points.length}` : p.points.length ? `-mine${p.points.length}` : ''}-seed${p.seed}`,
};

const CLASS_NAMES = ['class 0', 'class 1'];
const DATA_COLORS = CLASS_COLORS.slice(0, 2);

const DataPlot = memo(function DataPlot({ view, fileBase, onAdd }: { view: DeadReluView; fileBase: string; onAdd: (x: number, y: number) => void }) {
  return (
    <ScatterHeatmap title="Training data of every run" chartKey="data" fileBase={fileBase} domain={DEAD_DOMAIN} points={view.data}
      classColors={DATA_COLORS} classNames={CLASS_NAMES} size={300} onCanvasClick={onAdd} />
  );
});

const curve = (ys: readonly number[]) => ys.map((y, x) => ({ x, y })).filter((q) => Number.isFinite(q.y));

export function DeadReluLab() {
  const h = useLab(deadReluLab);
  const { view, params: p } = h;
  const fileBase = `lecture07-dead-relu-${deadReluLab.fileTag(p)}`;
  const names = useMemo(
    () => Object.fromEntries(RUN_KEYS.map((k) => [k, runName(k, p.lr, p.lrHigh, p.bias)])) as Record<RunKey, string>,
    [p.lr, p.lrHigh, p.bias],
  );
  const short = useMemo(
    () => Object.fromEntries(RUN_KEYS.map((k) => [k, shortName(k, p.lr, p.lrHigh)])) as Record<RunKey, string>,
    [p.lr, p.lrHigh],
  );
  // The engine keeps one point per epoch; the charts follow it at ~4 Hz while training (recharts is slow).
  const runs = useThrottled(view?.runs ?? null, h.status === 'running', 250);
  const deadSeries = useMemo<LineSeries[]>(() => (runs ? [
    ...RUN_KEYS.map((k) => ({
      key: `dead_${k}`, label: short[k], color: RUN_COLORS[k], points: curve(runs[k].deadHistory),
    })),
    { key: 'neg_leaky', label: `${short.leaky}: z ≤ 0 on all`, color: RUN_COLORS.leaky, dashed: true, points: curve(runs.leaky.negHistory) },
  ] : []), [runs, short]);
  const lossSeries = useMemo<LineSeries[]>(
    () => (runs ? RUN_KEYS.map((k) => ({ key: `loss_${k}`, label: short[k], color: RUN_COLORS[k], points: curve(runs[k].lossHistory) })) : []),
    [runs, short],
  );
  const units = p.width * p.depth;
  const [brush, setBrush] = useState(0);
  const setParams = h.lab.setParams;
  const apply = useApplyOwnDataset(setParams);
  const own = useOwnPoints({ spec: DEAD_RELU_PARAMS.points, points: p.points, range: DEAD_DOMAIN, apply });
  const { add } = own;
  const addPoint = useCallback((x: number, y: number) => void add(x, y, brush), [add, brush]);
  const mineOnly = p.dataset === 'own';
  const nData = view ? view.data.length : 0;
  const ownControls = (
    <PointsDataControls
      own={own}
      labId="dead-relu"
      classNames={CLASS_NAMES}
      brush={brush}
      setBrush={setBrush}
      drawHint="Click the data plot to add a training point of"
      fileBase={fileBase}
      note={mineOnly
        ? `Data “Your points only”: every run trains on your points alone (at least ${MIN_OWN_POINTS}).`
        : 'Your points join the moons; a loaded file switches the data to “Your points only”.'}
    />
  );
  const dataPlot = view ? (
    <PointsDropZone own={own}>
      <DataPlot view={view} fileBase={fileBase} onAdd={addPoint} />
    </PointsDropZone>
  ) : null;
  const trained = view && view.runs ? (view as TrainedView) : null;
  return (
    <LabFrame
      handle={h}
      stepLabel="epoch"
      controls={['lr', 'lrHigh', 'bias', 'width', 'depth', 'epochs', 'dataset', 'seed']}
      extraControls={ownControls}
      intro={
        <p>
          Five ReLU networks (2 → {p.depth} × {p.width} → 1, Kaiming weights) learn the same {mineOnly ? `${nData} point${nData === 1 ? '' : 's'} of yours` : `${DEAD_POINTS} moons points${nData > DEAD_POINTS ? ` (and ${nData - DEAD_POINTS} of yours)` : ''}`} from the same
          weights on the same minibatches of {DEAD_BATCH}. A hidden unit is <strong>dead</strong> when its pre-activation{' '}
          <Tex math="z = \sum_i w_i x_i + b \le 0" /> for every training input: then <Tex math="\max(0, z) = 0" /> and its gradient is 0 on all of
          them, so nothing can bring it back. Raise the high learning rate and watch units die; leaky ReLU <Tex math="\max(0.01z, z)" /> keeps a
          small gradient.
        </p>
      }
    >
      {view && !trained ? (
        <>
          <p className="notice wide" role="status" data-testid="dead-relu-owndata-notice">{view.notice}</p>
          {dataPlot}
        </>
      ) : trained ? (
        <>
          <div className="dead-relu-chart">
            <LineChart title="Dead units per epoch" chartKey="dead" fileBase={fileBase} xLabel="epoch" yLabel="share of units"
              series={deadSeries} yDomain={[0, 1]} />
          </div>
          <p className="muted dead-relu-key">
            Runs: ReLU unless marked leaky; hidden biases start at 0, or at <Tex math={`b_0 = ${p.bias}`} /> where marked. Dashed: leaky units
            with <Tex math="z \le 0" /> on every input, which still get a gradient. {units} hidden units per run.
          </p>
          <div className="dead-relu-chart">
            <LineChart title="Training loss per epoch" chartKey="loss" fileBase={fileBase} xLabel="epoch" yLabel="cross-entropy" series={lossSeries} logY />
          </div>
          <ActivityFigure view={trained} names={names} fileBase={fileBase} />
          {dataPlot}
          <div className="panel" data-testid="dead-relu-summary">
            <h4>What the runs show</h4>
            <ul>
              {RUN_KEYS.map((k) => {
                const r = trained.runs[k];
                return (
                  <li key={k}>
                    {names[k]}: {r.dead} of {units} units dead{r.act === 'leakyRelu' ? <> ({r.allNegative} have <Tex math="z \le 0" /> on every input but still learn with slope 0.01)</> : null}
                    {' '}(at the start: {r.deadAtStart}), training accuracy {(100 * r.accuracy).toFixed(1)} %
                    {r.divergedAt !== null ? `, diverged at epoch ${r.divergedAt}` : ''}
                  </li>
                );
              })}
            </ul>
            <p className="muted">
              One large step can push a unit's bias and weights so far that <Tex math="z \le 0" /> on every input; its weights then never change
              again. A bias of <Tex math="b_0" /> only helps at the start (the unit is active on more inputs); it is no protection against
              large steps. A unit in a deeper layer can come back when the layers before it change its inputs; a first-layer unit cannot.
            </p>
          </div>
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}
