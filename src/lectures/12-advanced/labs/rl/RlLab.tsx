import { memo, useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { LineChart, SERIES_COLORS, type LineSeries, type ReferenceLineSpec } from '../../../../charts';
import { Tex, texNum } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { useThrottled } from '../../../../labs/useThrottled';
import { editCell, encodeGridRows, stateCount, startIndex, WALL, type Tool } from '../../../../ml/gridworld';
import type { RlView } from './engine';
import { GridMap } from './GridMap';
import {
  DEFAULT_ROWS, epsilonAt, GRID_COLS, GRID_ROWS, gridOf, MA_WINDOW, MAX_EPISODE_STEPS, MAX_SWEEPS, RL_PARAMS, VI_TOL, type RlParams,
} from './params';
import './rl.css';

export const rlLab: LabDefinition<typeof RL_PARAMS, RlView> = {
  id: 'rl',
  title: 'Value iteration and Q-learning on a gridworld',
  lecture: '12-advanced',
  schema: RL_PARAMS,
  engine: () => import('./engine').then((m) => m.createRlEngine),
  needsTf: false,
  lossKeys: ['v_start'],
  maxSteps: (p) => (p.method === 'vi' ? MAX_SWEEPS : p.episodes),
  stepsPerFrame: 1,
  fileTag: (p) =>
    p.method === 'vi'
      ? `vi-g${p.gamma}-r${p.stepReward}-p${p.slip}`
      : `q-g${p.gamma}-r${p.stepReward}-p${p.slip}-a${p.alpha}-e${p.eps}${p.decay ? '-decay' : ''}-seed${p.seed}`,
};

const TOOLS: { value: Tool; label: string; key: string }[] = [
  { value: 'cycle', label: 'Cycle: empty → wall → +1 → −1', key: 'C' },
  { value: 'wall', label: 'Wall', key: 'W' },
  { value: 'goal', label: 'Goal (+1, terminal)', key: 'G' },
  { value: 'pit', label: 'Pit (−1, terminal)', key: 'P' },
  { value: 'start', label: 'Start', key: 'S' },
  { value: 'erase', label: 'Erase', key: 'E' },
];
const KEY_TOOL: Record<string, Tool> = { c: 'cycle', w: 'wall', g: 'goal', p: 'pit', s: 'start', e: 'erase', delete: 'erase', backspace: 'erase' };

/** A short number for formulas: 0.9, 0.05, −0.04 (no trailing zeros). */
const num = (x: number) => String(Number(x.toFixed(4)));

const RAW_COLOR = '#8c959f';
const MA_COLOR = SERIES_COLORS[0];
const RES_COLOR = SERIES_COLORS[1];

function MdpPanel({ p, view }: { p: RlParams; view: RlView }) {
  const grid = { rows: view.rows, cols: view.cols, cells: view.cells };
  const nS = stateCount(grid);
  const walls = view.cells.filter((c) => c === WALL).length;
  const r = num(p.stepReward);
  const slipTex = p.slip > 0
    ? `\\mathbb{P}(s'|s,a) = \\begin{cases} ${num(1 - p.slip)} & \\text{intended move} \\\\ ${num(p.slip / 2)} & \\text{each sideways move}\\end{cases}`
    : `\\mathbb{P}(s'|s,a) = 1 \\ \\text{for the intended move (deterministic)}`;
  return (
    <div className="panel rl-mdp" data-testid="rl-mdp">
      <h4>This grid as an MDP <Tex math="(\mathcal{S}, \mathcal{A}, \mathcal{R}, \mathbb{P}, \gamma)" /></h4>
      <Tex display math={`\\mathcal{S}:\\ ${GRID_ROWS}\\times${GRID_COLS} - ${walls}\\ \\text{walls} = ${nS}\\ \\text{cells},\\qquad \\mathcal{A} = \\{\\uparrow, \\rightarrow, \\downarrow, \\leftarrow\\},\\ |\\mathcal{A}| = 4`} />
      <Tex display math={`\\mathcal{R}(s,a,s') = \\begin{cases} +1 & s' = \\text{goal} \\\\ -1 & s' = \\text{pit} \\\\ ${r} & \\text{otherwise}\\end{cases}\\qquad \\gamma = ${num(p.gamma)}`} />
      <Tex display math={slipTex} />
      <p className="muted">
        A move into a wall or off the grid stays put; goal and pit end the episode. The values are expected <em>discounted</em> returns,{' '}
        <Tex math="V^\pi(s) = \mathbb{E}\big[\sum_{t \ge 0} \gamma^t r_{t+1} \mid s_0 = s\big]" /> (and <Tex math="Q^\pi(s,a)" /> with{' '}
        <Tex math="a_0 = a" /> fixed). The agent observes its cell, so{' '}
        <Tex math="o_t = s_t" /> and the next cell depends on <Tex math="s_t, a_t" /> only: the Markov assumption holds exactly.
      </p>
    </div>
  );
}

function RulePanel({ p, view, metrics }: { p: RlParams; view: RlView; metrics: Record<string, number> }) {
  if (view.method === 'vi') {
    const k = metrics.sweep ?? 0;
    return (
      <div className="panel rl-panel" data-testid="rl-rule">
        <h4>Value iteration: one sweep per step</h4>
        <Tex display math="V_{k+1}(s) = \max_a \sum_{s'} \mathbb{P}(s'|s,a)\,\big[\mathcal{R}(s,a,s') + \gamma\, V_k(s')\big],\qquad V_0 = 0" />
        <p>
          Sweep <Tex math={`k = ${k}`} />
          {k > 0 ? <>, residual <Tex math={`\\max_s |V_{k} - V_{k-1}| = ${texNum(metrics.residual ?? NaN, 3)}`} /></> : null}
          ; <Tex math={`V_k(\\text{start}) = ${texNum(metrics.v_start ?? 0, 4)}`} /> (converged: <Tex math={`V^*(\\text{start}) = ${texNum(metrics.v_start_star ?? 0, 4)}`} />).
          The arrows are the greedy policy <Tex math="\pi(s) = \arg\max_a Q_k(s,a)" />; it is optimal in{' '}
          {Math.round(100 * (metrics.agree ?? 0))} % of the {metrics.states} states. Sweeps stop when the residual falls below{' '}
          <Tex math={`10^{${Math.log10(VI_TOL)}}`} />: with <Tex math="\gamma < 1" /> each sweep shrinks the error by at least a factor <Tex math="\gamma" />.
        </p>
      </div>
    );
  }
  const k = metrics.episode ?? 0;
  return (
    <div className="panel rl-panel" data-testid="rl-rule">
      <h4>Q-learning: one episode per step</h4>
      <Tex display math="Q(s,a) \leftarrow Q(s,a) + \alpha\,\big[r + \gamma \max_{a'} Q(s',a') - Q(s,a)\big]" />
      <p>
        The agent knows neither <Tex math="\mathbb{P}" /> nor <Tex math="\mathcal{R}" />: it learns from its own moves, taking a random action with
        probability <Tex math={`\\varepsilon_k = ${texNum(epsilonAt(p, k), 3)}`} /> and the greedy one otherwise (ties at random), from the start
        cell until it reaches a terminal cell (or {MAX_EPISODE_STEPS} moves). After episode <Tex math={`k = ${k}`} />, the greedy policy{' '}
        <Tex math="\arg\max_a Q(s,a)" /> agrees with value iteration's in{' '}
        <strong data-testid="rl-agree">{Math.round(100 * (metrics.agree ?? 0))} %</strong> of the {metrics.states} states (dotted cells disagree;
        states never tried have no preference yet); <Tex math={`\\max_a Q(\\text{start},a) = ${texNum(metrics.v_start ?? 0, 3)}`} /> against{' '}
        <Tex math={`V^*(\\text{start}) = ${texNum(metrics.v_start_star ?? 0, 3)}`} />. The heatmap shows <Tex math="\max_a Q(s,a)" />; the grey line is
        the last episode. The reward curve sums the episode's rewards without discounting.
      </p>
    </div>
  );
}

const ResidualChart = memo(function ResidualChart({ residuals, fileBase }: { residuals: number[]; fileBase: string }) {
  const series = useMemo<LineSeries[]>(
    () => [{ key: 'res', label: 'max_s |V_{k} − V_{k−1}|', color: RES_COLOR, points: residuals.map((y, i) => ({ x: i + 1, y })) }],
    [residuals],
  );
  const refs = useMemo<ReferenceLineSpec[]>(() => [{ y: VI_TOL, label: 'stop', color: '#57606a' }], []);
  return (
    <LineChart title="Bellman residual per sweep" chartKey="residual" fileBase={fileBase} xLabel="sweep k" yLabel="max |V_k − V_{k−1}|"
      series={series} logY referenceLines={refs} />
  );
});

const RewardChart = memo(function RewardChart({ returns, ma, fileBase }: { returns: number[]; ma: number[]; fileBase: string }) {
  const series = useMemo<LineSeries[]>(() => [
    { key: 'raw', label: 'reward per episode', color: RAW_COLOR, points: returns.map((y, i) => ({ x: i + 1, y })) },
    { key: 'ma', label: `moving average (${MA_WINDOW} episodes)`, color: MA_COLOR, points: ma.map((y, i) => ({ x: i + 1, y })) },
  ], [returns, ma]);
  const refs = useMemo<ReferenceLineSpec[]>(() => [{ y: 0, label: '', color: '#d0d7de' }], []);
  return (
    <LineChart title="Reward per episode" chartKey="reward" fileBase={fileBase} xLabel="episode" yLabel="sum of rewards" series={series}
      referenceLines={refs} />
  );
});

export function RlLab() {
  const h = useLab(rlLab);
  const { view, params: p, metrics, lab } = h;
  const fileBase = `lecture12-rl-${rlLab.fileTag(p)}`;
  const [tool, setTool] = useState<Tool>('cycle');
  const [message, setMessage] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const grid = useMemo(() => gridOf(p).grid, [p]);
  const [cursor, setCursor] = useState(() => Math.max(0, startIndex(grid)));

  // A corrupt grid in the link: the engine already runs the default grid; say so and fix the parameter.
  useEffect(() => {
    const { error } = gridOf(lab.store.getState().params);
    if (!error) return;
    lab.store.setState((s) => ({
      params: { ...s.params, grid: [...DEFAULT_ROWS] },
      notices: [...s.notices, `Grid: ${error}; using the default grid.`],
    }));
  }, [lab]);

  const apply = useCallback((i: number, t: Tool) => {
    const res = editCell(grid, i, t);
    setCursor(i);
    if (res.refused) {
      setMessage(res.refused);
      return;
    }
    setMessage(null);
    if (res.grid !== grid) lab.setParams({ grid: encodeGridRows(res.grid) });
  }, [grid, lab]);
  const onCell = useCallback((i: number) => apply(i, tool), [apply, tool]);
  const onKey = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const k = e.key.toLowerCase();
    const move: Record<string, [number, number]> = { arrowup: [-1, 0], arrowdown: [1, 0], arrowleft: [0, -1], arrowright: [0, 1] };
    if (move[k]) {
      const r = Math.min(GRID_ROWS - 1, Math.max(0, Math.floor(cursor / GRID_COLS) + move[k][0]));
      const c = Math.min(GRID_COLS - 1, Math.max(0, (cursor % GRID_COLS) + move[k][1]));
      setCursor(r * GRID_COLS + c);
    } else if (k === 'enter' || k === ' ') {
      apply(cursor, tool);
    } else if (KEY_TOOL[k]) {
      apply(cursor, KEY_TOOL[k]);
    } else {
      return;
    }
    e.preventDefault();
  }, [cursor, apply, tool]);

  const live = h.status === 'running';
  const residuals = useThrottled(view?.residuals ?? EMPTY, live, 250);
  const returns = useThrottled(view?.returns ?? EMPTY, live, 250);
  const returnsMa = useThrottled(view?.returnsMa ?? EMPTY, live, 250);
  const controls = useMemo(
    () => (p.method === 'vi'
      ? (['method', 'gamma', 'stepReward', 'slip'] as const)
      : (['method', 'gamma', 'stepReward', 'slip', 'alpha', 'eps', 'decay', 'episodes', 'seed'] as const)),
    [p.method],
  );
  const vi = p.method === 'vi';
  return (
    <LabFrame
      handle={h}
      stepLabel={vi ? 'sweep' : 'episode'}
      controls={controls}
      intro={
        <p>
          An agent on a {GRID_ROWS}×{GRID_COLS} grid earns +1 at the goal, −1 in the pit and a small step reward for every other move. Value iteration
          computes the optimal values from the known model; Q-learning has to find them by trying. Press Step or Play, move <Tex math="\gamma" />,
          and click cells to redraw the world.
        </p>
      }
    >
      <div className="rl-tools">
        <label>
          Click tool{' '}
          <select value={tool} onChange={(e) => setTool(e.target.value as Tool)} data-testid="rl-tool">
            {TOOLS.map((t) => <option key={t.value} value={t.value}>{t.label} ({t.key})</option>)}
          </select>
        </label>
        <button type="button" onClick={() => { setMessage(null); lab.setParams({ grid: [...DEFAULT_ROWS] }); }}>Default grid</button>
        <span className="muted">Keyboard: focus the grid, arrows move, Enter applies; C W G P S E pick a tool for the cell.</span>
      </div>
      {message ? <p className="notice" role="alert">{message}</p> : null}
      {view ? (
        <>
          <GridMap title={vi ? 'Values V_k and greedy policy' : 'Values max_a Q(s, a) and greedy policy'} fileBase={fileBase} view={view}
            cursor={cursor} showCursor={focused} onCell={onCell} onKey={onKey} onFocusChange={setFocused} />
          {vi
            ? <ResidualChart residuals={residuals} fileBase={fileBase} />
            : <RewardChart returns={returns} ma={returnsMa} fileBase={fileBase} />}
          <RulePanel p={p} view={view} metrics={metrics} />
          <MdpPanel p={p} view={view} />
        </>
      ) : (
        <p className="loading">Preparing…</p>
      )}
    </LabFrame>
  );
}

const EMPTY: number[] = [];
