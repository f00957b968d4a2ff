/**
 * A gridworld MDP (S, A, R, P, γ) with value iteration and tabular Q-learning. Plain TypeScript:
 * a few dozen states and four actions, so a tfjs op per update would cost more than the update.
 *
 * Conventions (the lab states them):
 * - Cells: 0 empty, 1 wall, 2 goal (+1, terminal), 3 pit (−1, terminal), 4 start (an empty cell).
 *   S is every non-wall cell; terminal cells absorb (V = 0 there: the episode has ended).
 * - A = {up, right, down, left}. P: the intended move with probability 1 − p, each of the two
 *   perpendicular moves with p/2; a move into a wall or off the grid stays put.
 * - R(s, a, s') is paid on arrival: +1 entering the goal, −1 entering the pit, the step reward
 *   r_step otherwise.
 */
import type { Rng } from './rng';

export const EMPTY = 0;
export const WALL = 1;
export const GOAL = 2;
export const PIT = 3;
export const START = 4;
export type Cell = 0 | 1 | 2 | 3 | 4;

export const GOAL_REWARD = 1;
export const PIT_REWARD = -1;

/** Actions: 0 up, 1 right, 2 down, 3 left. */
export const N_ACTIONS = 4;
export const ACTION_NAMES = ['up', 'right', 'down', 'left'] as const;
const DR = [-1, 0, 1, 0];
const DC = [0, 1, 0, -1];

export interface Grid {
  rows: number;
  cols: number;
  /** Row-major cell codes. */
  cells: Cell[];
}

export interface Mdp {
  grid: Grid;
  /** Step reward r_step (paid on every move that does not enter a terminal cell). */
  stepReward: number;
  /** Slip probability p. */
  slip: number;
  gamma: number;
}

export const isTerminal = (c: Cell) => c === GOAL || c === PIT;

export function startIndex(g: Grid): number {
  return g.cells.indexOf(START);
}

/** Where a deterministic move from `s` in direction `a` lands (walls and edges: stay). */
export function moveTo(g: Grid, s: number, a: number): number {
  const r = Math.floor(s / g.cols) + DR[a];
  const c = (s % g.cols) + DC[a];
  if (r < 0 || r >= g.rows || c < 0 || c >= g.cols) return s;
  const t = r * g.cols + c;
  return g.cells[t] === WALL ? s : t;
}

export function rewardOf(m: Mdp, next: number): number {
  const c = m.grid.cells[next];
  return c === GOAL ? GOAL_REWARD : c === PIT ? PIT_REWARD : m.stepReward;
}

/** P(· | s, a) as [s', probability] pairs (the same s' may appear more than once). */
export function transitions(m: Mdp, s: number, a: number): [number, number][] {
  const out: [number, number][] = [[moveTo(m.grid, s, a), 1 - m.slip]];
  if (m.slip > 0) {
    out.push([moveTo(m.grid, s, (a + 1) % 4), m.slip / 2]);
    out.push([moveTo(m.grid, s, (a + 3) % 4), m.slip / 2]);
  }
  return out;
}

/** Non-wall, non-terminal states (where the agent acts). */
export function activeStates(g: Grid): number[] {
  const out: number[] = [];
  g.cells.forEach((c, i) => {
    if (c !== WALL && !isTerminal(c)) out.push(i);
  });
  return out;
}

/** |S|: every non-wall cell, terminals included. */
export const stateCount = (g: Grid) => g.cells.filter((c) => c !== WALL).length;

/** Q(s, a) = Σ_{s'} P(s'|s,a) [R(s,a,s') + γ V(s')] for all actions, into `out`. */
export function backup(m: Mdp, v: ArrayLike<number>, s: number, out: Float64Array): Float64Array {
  for (let a = 0; a < N_ACTIONS; a++) {
    let q = 0;
    for (const [t, p] of transitions(m, s, a)) q += p * (rewardOf(m, t) + m.gamma * (isTerminal(m.grid.cells[t]) ? 0 : v[t]));
    out[a] = q;
  }
  return out;
}

/** One synchronous sweep V_{k+1}(s) = max_a Σ P[R + γ V_k(s')]; returns max|V_{k+1} − V_k|. */
export function valueIterationSweep(m: Mdp, v: Float64Array, next: Float64Array = new Float64Array(v.length)): { v: Float64Array; residual: number } {
  const q = new Float64Array(N_ACTIONS);
  next.fill(0);
  let residual = 0;
  for (const s of activeStates(m.grid)) {
    backup(m, v, s, q);
    const best = Math.max(q[0], q[1], q[2], q[3]);
    next[s] = best;
    residual = Math.max(residual, Math.abs(best - v[s]));
  }
  return { v: next, residual };
}

/** Sweeps from V_0 = 0 until the residual is below `tol` (or `maxSweeps`). */
export function valueIteration(m: Mdp, tol = 1e-12, maxSweeps = 100_000): { v: Float64Array; sweeps: number; residuals: number[] } {
  let v: Float64Array = new Float64Array(m.grid.cells.length);
  const residuals: number[] = [];
  for (let k = 0; k < maxSweeps; k++) {
    const r = valueIterationSweep(m, v);
    v = r.v;
    residuals.push(r.residual);
    if (r.residual < tol) break;
  }
  return { v, sweeps: residuals.length, residuals };
}

/** Bellman optimality residual max_s |max_a Σ P[R + γ V(s')] − V(s)|. */
export function bellmanResidual(m: Mdp, v: Float64Array): number {
  return valueIterationSweep(m, v).residual;
}

/** Q*(s, ·) from V (row-major states × 4; zero rows for walls and terminals). */
export function qFromV(m: Mdp, v: Float64Array): Float64Array {
  const q = new Float64Array(v.length * N_ACTIONS);
  const row = new Float64Array(N_ACTIONS);
  for (const s of activeStates(m.grid)) {
    backup(m, v, s, row);
    q.set(row, s * N_ACTIONS);
  }
  return q;
}

/**
 * Greedy action per cell from a Q table: −1 for walls, terminals and states whose actions are all
 * equal (no preference yet); ties otherwise go to the lowest action index.
 */
export function greedyPolicy(g: Grid, q: Float64Array): Int8Array {
  const pi = new Int8Array(g.cells.length).fill(-1);
  for (const s of activeStates(g)) {
    let best = 0;
    let lo = Infinity;
    for (let a = 0; a < N_ACTIONS; a++) {
      const x = q[s * N_ACTIONS + a];
      if (x > q[s * N_ACTIONS + best]) best = a;
      lo = Math.min(lo, x);
    }
    if (q[s * N_ACTIONS + best] > lo) pi[s] = best;
  }
  return pi;
}

/** max_a Q(s, a) per cell (0 for walls and terminals). */
export function maxQ(g: Grid, q: Float64Array): Float64Array {
  const v = new Float64Array(g.cells.length);
  for (const s of activeStates(g)) v[s] = Math.max(q[s * 4], q[s * 4 + 1], q[s * 4 + 2], q[s * 4 + 3]);
  return v;
}

/**
 * Fraction of acting states where policy `pi` picks an optimal action under Q* (within `tol`;
 * equally good actions all count). A state without a preference (−1) counts as disagreeing.
 */
export function policyAgreement(g: Grid, pi: Int8Array, qStar: Float64Array, tol = 1e-6): { agree: number; mask: Uint8Array } {
  const states = activeStates(g);
  const mask = new Uint8Array(g.cells.length);
  let n = 0;
  for (const s of states) {
    const a = pi[s];
    if (a < 0) continue;
    const best = Math.max(qStar[s * 4], qStar[s * 4 + 1], qStar[s * 4 + 2], qStar[s * 4 + 3]);
    if (qStar[s * 4 + a] >= best - tol) {
      mask[s] = 1;
      n++;
    }
  }
  return { agree: states.length ? n / states.length : 1, mask };
}

/** Sample s' ~ P(· | s, a). */
export function sampleNext(m: Mdp, s: number, a: number, rng: Rng): number {
  if (m.slip > 0) {
    const u = rng.next();
    if (u < m.slip / 2) return moveTo(m.grid, s, (a + 1) % 4);
    if (u < m.slip) return moveTo(m.grid, s, (a + 3) % 4);
  }
  return moveTo(m.grid, s, a);
}

/** ε-greedy: a random action with probability ε, else the greedy one (ties broken at random). */
export function epsilonGreedy(q: Float64Array, s: number, eps: number, rng: Rng): number {
  if (rng.next() < eps) return rng.int(N_ACTIONS);
  let best = -Infinity;
  let count = 0;
  let pick = 0;
  for (let a = 0; a < N_ACTIONS; a++) {
    const x = q[s * N_ACTIONS + a];
    if (x > best) {
      best = x;
      count = 1;
      pick = a;
    } else if (x === best) {
      count++;
      if (rng.int(count) === 0) pick = a;
    }
  }
  return pick;
}

export interface EpisodeResult {
  /** Undiscounted sum of rewards. */
  ret: number;
  length: number;
  /** Visited cells, the start first. */
  path: number[];
  /** How it ended: the goal, the pit, or the step limit. */
  end: 'goal' | 'pit' | 'limit';
}

/**
 * One ε-greedy episode of Q-learning from `start`, updating `q` in place:
 * Q(s,a) ← Q(s,a) + α[r + γ max_a' Q(s',a') − Q(s,a)] (no bootstrap from a terminal s').
 */
export function qLearningEpisode(m: Mdp, q: Float64Array, start: number, alpha: number, eps: number, rng: Rng, maxSteps = 200): EpisodeResult {
  let s = start;
  let ret = 0;
  const path = [s];
  for (let t = 0; t < maxSteps; t++) {
    const a = epsilonGreedy(q, s, eps, rng);
    const next = sampleNext(m, s, a, rng);
    const r = rewardOf(m, next);
    const done = isTerminal(m.grid.cells[next]);
    const boot = done ? 0 : Math.max(q[next * 4], q[next * 4 + 1], q[next * 4 + 2], q[next * 4 + 3]);
    const i = s * N_ACTIONS + a;
    q[i] += alpha * (r + m.gamma * boot - q[i]);
    ret += r;
    path.push(next);
    s = next;
    if (done) return { ret, length: t + 1, path, end: m.grid.cells[next] === GOAL ? 'goal' : 'pit' };
  }
  return { ret, length: maxSteps, path, end: 'limit' };
}

// ---------------------------------------------------------------------------------------------
// Editing and the URL codec.

/** Editing tools: a click with 'cycle' steps empty → wall → goal → pit → empty. */
export type Tool = 'cycle' | 'wall' | 'goal' | 'pit' | 'start' | 'erase';

export interface EditResult {
  grid: Grid;
  /** Why nothing changed, when the edit was refused. */
  refused?: string;
}

const CYCLE: Record<number, Cell> = { [EMPTY]: WALL, [WALL]: GOAL, [GOAL]: PIT, [PIT]: EMPTY };

/** Apply a tool to cell i. The start cell only moves (tool 'start'); it cannot be overwritten. */
export function editCell(g: Grid, i: number, tool: Tool): EditResult {
  if (i < 0 || i >= g.cells.length) return { grid: g, refused: 'That cell is outside the grid.' };
  const cur = g.cells[i];
  const cells = g.cells.slice();
  if (tool === 'start') {
    if (cur === START) return { grid: g };
    const old = cells.indexOf(START);
    if (old >= 0) cells[old] = EMPTY;
    cells[i] = START;
    return { grid: { ...g, cells } };
  }
  if (cur === START) return { grid: g, refused: 'The start cell stays empty: move the start (tool “Start”) first.' };
  const next: Cell = tool === 'cycle' ? CYCLE[cur] : tool === 'wall' ? WALL : tool === 'goal' ? GOAL : tool === 'pit' ? PIT : EMPTY;
  if (next === cur) return { grid: g };
  cells[i] = next;
  return { grid: { ...g, cells } };
}

/**
 * The grid as one number per row whose decimal digits are the cell codes, left to right
 * (leading empty cells drop out as leading zeros): row "00100020" → 100020.
 */
export function encodeGridRows(g: Grid): number[] {
  const out: number[] = [];
  for (let r = 0; r < g.rows; r++) {
    let n = 0;
    for (let c = 0; c < g.cols; c++) n = n * 10 + g.cells[r * g.cols + c];
    out.push(n);
  }
  return out;
}

/** Inverse of {@link encodeGridRows}; an error message for anything that is not a valid grid. */
export function decodeGridRows(rowsIn: readonly number[], rows: number, cols: number): Grid | string {
  if (rowsIn.length !== rows) return `expected ${rows} rows, got ${rowsIn.length}`;
  const cells: Cell[] = [];
  for (let r = 0; r < rows; r++) {
    let n = rowsIn[r];
    if (!Number.isInteger(n) || n < 0 || n >= 10 ** cols) return `row ${r + 1} is not a ${cols}-digit code`;
    const row: Cell[] = [];
    for (let c = 0; c < cols; c++) {
      const d = n % 10;
      if (d > START) return `row ${r + 1} has the unknown cell code ${d}`;
      row.unshift(d as Cell);
      n = Math.floor(n / 10);
    }
    cells.push(...row);
  }
  const starts = cells.filter((c) => c === START).length;
  if (starts !== 1) return `the grid needs exactly one start cell (found ${starts})`;
  return { rows, cols, cells };
}

/** A readable text form, one line per row: . empty, # wall, G goal, P pit, S start. */
const CHARS = ['.', '#', 'G', 'P', 'S'];
export function gridToText(g: Grid): string {
  const lines: string[] = [];
  for (let r = 0; r < g.rows; r++) lines.push(g.cells.slice(r * g.cols, (r + 1) * g.cols).map((c) => CHARS[c]).join(''));
  return lines.join('\n');
}

export function gridFromText(text: string): Grid {
  const lines = text.trim().split('\n').map((l) => l.trim());
  const cols = lines[0].length;
  const cells = lines.flatMap((l) => {
    if (l.length !== cols) throw new Error('ragged grid');
    return [...l].map((ch) => {
      const k = CHARS.indexOf(ch);
      if (k < 0) throw new Error(`unknown cell “${ch}”`);
      return k as Cell;
    });
  });
  return { rows: lines.length, cols, cells };
}
