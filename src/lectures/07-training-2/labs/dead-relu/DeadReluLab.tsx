import { useMemo } from 'react';
import { LineChart, type LineSeries } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { DEAD_POINTS } from '../../../../ml/deadRelu';
import { ActivityFigure } from './ActivityFigure';
import type { DeadReluView } from './engine';
import { DEAD_BATCH, DEAD_RELU_PARAMS, RUN_KEYS, type RunKey } from './params';
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
  fileTag: (p) => `lr${p.lr}-lrh${p.lrHigh}-b${p.bias}-w${p.width}-d${p.depth}-seed${p.seed}`,
};

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
  return (
    <LabFrame
      handle={h}
      stepLabel="epoch"
      controls={['lr', 'lrHigh', 'bias', 'width', 'depth', 'epochs', 'seed']}
      intro={
        <p>
          Five ReLU networks (2 → {p.depth} × {p.width} → 1, Kaiming weights) learn the same {DEAD_POINTS} moons points from the same
          weights on the same minibatches of {DEAD_BATCH}. A hidden unit is <strong>dead</strong> when its pre-activation{' '}
          <Tex math="z = \sum_i w_i x_i + b \le 0" /> for every training input: then <Tex math="\max(0, z) = 0" /> and its gradient is 0 on all of
          them, so nothing can bring it back. Raise the high learning rate and watch units die; leaky ReLU <Tex math="\max(0.01z, z)" /> keeps a
          small gradient.
        </p>
      }
    >
      {view ? (
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
          <ActivityFigure view={view} names={names} fileBase={fileBase} />
          <div className="panel" data-testid="dead-relu-summary">
            <h4>What the runs show</h4>
            <ul>
              {RUN_KEYS.map((k) => {
                const r = view.runs[k];
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
