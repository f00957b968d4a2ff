import { decodeGridRows, encodeGridRows, gridFromText, type Grid } from '../../../../ml/gridworld';
import { defineParams, seedParam, select, type Values } from '../../../../params/schema';

/** The lab's grid size (fixed, so a link's grid is always 6 numbers). */
export const GRID_ROWS = 6;
export const GRID_COLS = 8;
/** Moving-average window of the reward-per-episode curve. */
export const MA_WINDOW = 20;
/** An episode that has not ended after this many moves is cut off. */
export const MAX_EPISODE_STEPS = 200;
/** Value iteration stops when max|V_{k+1} − V_k| falls below this. */
export const VI_TOL = 1e-10;
export const MAX_SWEEPS = 5000;

/** . empty, # wall, G goal (+1), P pit (−1), S start. */
export const DEFAULT_GRID: Grid = gridFromText(`
.......G
.##.##.P
..#...#.
..#.#...
....#P#.
S.......`);

export const DEFAULT_ROWS = encodeGridRows(DEFAULT_GRID);

export const RL_PARAMS = defineParams({
  method: select({
    label: 'Method', urlKey: 'm', options: ['vi', 'q'] as const, default: 'vi',
    optionLabels: { vi: 'value iteration (knows P and R)', q: 'Q-learning (ε-greedy episodes)' },
  }),
  gamma: {
    kind: 'number', label: 'Discount factor', symbol: '\\gamma', urlKey: 'g', min: 0, max: 0.99, step: 0.01, default: 0.9,
    help: 'How much a reward one step later is worth.',
  },
  stepReward: {
    kind: 'number', label: 'Step reward', symbol: 'r_{\\text{step}}', urlKey: 'r', min: -0.5, max: 0.1, step: 0.01, default: -0.04,
    help: 'Paid on every move that does not enter the goal (+1) or the pit (−1).',
  },
  slip: {
    kind: 'number', label: 'Slip probability', symbol: 'p', urlKey: 'p', min: 0, max: 0.6, step: 0.05, default: 0.1,
    help: 'With probability p the move goes sideways (p/2 each side) instead of the intended way.',
  },
  alpha: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'a', min: 0.01, max: 1, step: 0, scale: 'log', default: 0.2 },
  eps: {
    kind: 'number', label: 'Exploration', symbol: '\\varepsilon', urlKey: 'e', min: 0, max: 1, step: 0.01, default: 0.2,
    help: 'Probability of a random action instead of the greedy one.',
  },
  decay: { kind: 'bool', label: 'Decay ε linearly to 0', urlKey: 'dec', default: false, help: 'ε_k = ε·(1 − k/N) over the N episodes.' },
  episodes: { kind: 'number', label: 'Episodes', symbol: 'N', urlKey: 'n', min: 100, max: 10000, step: 100, default: 2000 },
  grid: {
    kind: 'vector', label: 'Grid', urlKey: 'grid', length: GRID_ROWS, min: 0, max: 44444444, default: DEFAULT_ROWS,
    help: 'One number per row; its digits are the cells (0 empty, 1 wall, 2 goal, 3 pit, 4 start).',
  },
  seed: seedParam(),
});

export type RlParams = Values<typeof RL_PARAMS>;

/** The grid a parameter set describes (the default grid when the link's grid is corrupt). */
export function gridOf(p: RlParams): { grid: Grid; error: string | null } {
  const g = decodeGridRows(p.grid, GRID_ROWS, GRID_COLS);
  return typeof g === 'string' ? { grid: DEFAULT_GRID, error: g } : { grid: g, error: null };
}

export function epsilonAt(p: RlParams, episode: number): number {
  return p.decay ? p.eps * Math.max(0, 1 - episode / p.episodes) : p.eps;
}

