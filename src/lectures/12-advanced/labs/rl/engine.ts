/**
 * Value iteration (one step = one synchronous sweep) or Q-learning (one step = one ε-greedy
 * episode) on the lab's gridworld. Plain TypeScript (src/ml/gridworld.ts): ≤ 48 states × 4
 * actions, where tfjs dispatch would cost far more than the arithmetic.
 */
import type { LabEngine } from '../../../../labs/types';
import {
  activeStates, greedyPolicy, maxQ, policyAgreement, qFromV, qLearningEpisode, startIndex, valueIteration,
  valueIterationSweep, type Cell, type Grid, type Mdp,
} from '../../../../ml/gridworld';
import { createRng } from '../../../../ml/rng';
import { epsilonAt, gridOf, MA_WINDOW, MAX_EPISODE_STEPS, VI_TOL, type RlParams } from './params';

export { epsilonAt, gridOf } from './params';

export interface RlView {
  method: 'vi' | 'q';
  rows: number;
  cols: number;
  cells: Cell[];
  /** V_k (value iteration) or max_a Q(s, a) (Q-learning), per cell. */
  values: number[];
  /** Greedy action per cell (−1: none). */
  policy: number[];
  /** 1 where the greedy action is optimal under value iteration's converged Q*. */
  agree: number[];
  /** The last episode's cells (Q-learning). */
  path: number[];
  /** max|V_{k+1} − V_k| per sweep (value iteration). */
  residuals: number[];
  /** Reward per episode and its moving average (Q-learning). */
  returns: number[];
  returnsMa: number[];
  /** The converged V* (for the comparison line under the map). */
  vStar: number[];
}

export function createRlEngine(p: RlParams): LabEngine<RlView> {
  const { grid } = gridOf(p);
  const mdp: Mdp = { grid, stepReward: p.stepReward, slip: p.slip, gamma: p.gamma };
  const n = grid.cells.length;
  const start = startIndex(grid);
  const acting = activeStates(grid);
  // The reference: value iteration run to convergence once.
  const ref = valueIteration(mdp, 1e-12);
  const qStar = qFromV(mdp, ref.v);
  const rng = createRng(p.seed);

  // Value iteration state.
  let v: Float64Array = new Float64Array(n);
  let spare: Float64Array = new Float64Array(n);
  const residuals: number[] = [];
  // Q-learning state.
  const q = new Float64Array(n * 4);
  const returns: number[] = [];
  const returnsMa: number[] = [];
  let maSum = 0;
  let goals = 0;
  const ends: number[] = [];
  let path: number[] = [start];
  let lastLen = 0;

  const vi = p.method === 'vi';

  function currentQ(): Float64Array {
    return vi ? qFromV(mdp, v) : q;
  }

  return {
    step() {
      if (vi) {
        const r = valueIterationSweep(mdp, v, spare);
        spare = v;
        v = r.v;
        residuals.push(r.residual);
        return;
      }
      const k = returns.length;
      const res = qLearningEpisode(mdp, q, start, p.alpha, epsilonAt(p, k), rng, MAX_EPISODE_STEPS);
      returns.push(res.ret);
      maSum += res.ret;
      if (returns.length > MA_WINDOW) maSum -= returns[returns.length - 1 - MA_WINDOW];
      returnsMa.push(maSum / Math.min(returns.length, MA_WINDOW));
      const g = res.end === 'goal' ? 1 : 0;
      ends.push(g);
      goals += g;
      if (ends.length > MA_WINDOW) goals -= ends[ends.length - 1 - MA_WINDOW];
      path = res.path;
      lastLen = res.length;
    },
    isDone() {
      return vi && residuals.length > 0 && residuals[residuals.length - 1] < VI_TOL;
    },
    read(withView) {
      const qt = currentQ();
      const pi = greedyPolicy(grid, qt);
      const ag = policyAgreement(grid, pi, qStar);
      const values = vi ? v : maxQ(grid, qt);
      const metrics: Record<string, number> = {
        v_start: values[start],
        v_start_star: ref.v[start],
        agree: ag.agree,
        states: acting.length,
        ref_sweeps: ref.sweeps,
      };
      if (vi) {
        metrics.sweep = residuals.length;
        if (residuals.length) metrics.residual = residuals[residuals.length - 1];
        metrics.converged = residuals.length > 0 && residuals[residuals.length - 1] < VI_TOL ? 1 : 0;
        // Does the greedy policy lead from the start into the goal (following the intended moves)?
        metrics.reaches_goal = reachesGoal(grid, pi, start);
      } else {
        const k = returns.length;
        metrics.episode = k;
        metrics.eps = epsilonAt(p, k);
        if (k) {
          metrics.ret = returns[k - 1];
          metrics.ret_ma = returnsMa[k - 1];
          metrics.goal_rate = goals / Math.min(k, MA_WINDOW);
          metrics.len = lastLen;
        }
        metrics.reaches_goal = reachesGoal(grid, pi, start);
      }
      if (!withView) return { metrics };
      return {
        metrics,
        view: {
          method: p.method,
          rows: grid.rows,
          cols: grid.cols,
          cells: grid.cells.slice(),
          values: Array.from(values),
          policy: Array.from(pi),
          agree: Array.from(ag.mask),
          path: vi ? [] : path.slice(),
          residuals: residuals.slice(),
          returns: returns.slice(),
          returnsMa: returnsMa.slice(),
          vStar: Array.from(ref.v),
        },
      };
    },
    dispose: () => undefined,
  };
}

/** 1 when following the greedy arrows (no slips) from the start enters the goal. */
export function reachesGoal(grid: Grid, pi: Int8Array, start: number): number {
  const seen = new Set<number>();
  let s = start;
  const dr = [-1, 0, 1, 0];
  const dc = [0, 1, 0, -1];
  while (!seen.has(s)) {
    seen.add(s);
    const c = grid.cells[s];
    if (c === 2) return 1;
    if (c === 3) return 0;
    const a = pi[s];
    if (a < 0) return 0;
    const r = Math.floor(s / grid.cols) + dr[a];
    const col = (s % grid.cols) + dc[a];
    if (r < 0 || r >= grid.rows || col < 0 || col >= grid.cols || grid.cells[r * grid.cols + col] === 1) return 0;
    s = r * grid.cols + col;
  }
  return 0;
}
