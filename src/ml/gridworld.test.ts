import { describe, expect, it } from 'vitest';
import {
  bellmanResidual, decodeGridRows, editCell, encodeGridRows, greedyPolicy, gridFromText, gridToText, maxQ, policyAgreement,
  qFromV, qLearningEpisode, stateCount, transitions, valueIteration, valueIterationSweep, type Mdp,
} from './gridworld';
import { createRng } from './rng';

/**
 * The 3×3 hand example (deterministic, p = 0; goal +1 in the top-right corner, a wall in the middle):
 *
 *     . . G        shortest distances d to G:   2 1 –
 *     . # .                                     3 # 1
 *     S . .                                     4 3 2
 *
 * With r_step = 0 and γ = 0.9, the reward +1 arrives on the d-th move, so V(s) = γ^(d−1):
 *   d = 1 → 1, d = 2 → 0.9, d = 3 → 0.81, d = 4 → 0.729.
 * With r_step = −0.1: V = −0.1·(1 + γ + … + γ^(d−2)) + γ^(d−1):
 *   d = 1 → 1, d = 2 → −0.1 + 0.9 = 0.8, d = 3 → −0.1 − 0.09 + 0.81 = 0.62,
 *   d = 4 → −0.1 − 0.09 − 0.081 + 0.729 = 0.458.
 */
const HAND = gridFromText(`
..G
.#.
S..`);
const mdp = (stepReward: number, slip = 0, gamma = 0.9, grid = HAND): Mdp => ({ grid, stepReward, slip, gamma });

describe('gridworld MDP', () => {
  it('counts states and moves with slips', () => {
    expect(stateCount(HAND)).toBe(8);
    // From the start (index 6) going up with p = 0.2: up → 3 (0.8), right → 7 (0.1), left → edge, stays 6 (0.1).
    expect(transitions(mdp(0, 0.2), 6, 0)).toEqual([[3, 0.8], [7, 0.1], [6, 0.1]]);
    // Into the wall (index 4) from 3 going right: stays.
    expect(transitions(mdp(0), 3, 1)).toEqual([[3, 1]]);
  });

  it('value iteration on the 3×3 grid matches the hand-computed values (r_step = 0)', () => {
    const { v } = valueIteration(mdp(0));
    const want = [0.9, 1, 0, 0.81, 0, 1, 0.729, 0.81, 0.9];
    want.forEach((w, i) => expect(v[i]).toBeCloseTo(w, 12));
  });

  it('value iteration on the 3×3 grid matches the hand-computed values (r_step = −0.1)', () => {
    const { v } = valueIteration(mdp(-0.1));
    const want = [0.8, 1, 0, 0.62, 0, 1, 0.458, 0.62, 0.8];
    want.forEach((w, i) => expect(v[i]).toBeCloseTo(w, 12));
  });

  it('the first sweeps propagate the reward one step at a time', () => {
    let v: Float64Array = new Float64Array(9);
    const r1 = valueIterationSweep(mdp(0), v);
    v = r1.v;
    // After one sweep only the goal's neighbours know: V_1 = 1 there, 0 elsewhere.
    expect([...v]).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 0]);
    expect(r1.residual).toBe(1);
    const r2 = valueIterationSweep(mdp(0), v);
    expect(r2.v[0]).toBeCloseTo(0.9, 15);
    expect(r2.v[8]).toBeCloseTo(0.9, 15);
    expect(r2.residual).toBeCloseTo(0.9, 15);
  });

  it('reaches a Bellman optimality residual below 1e-10, also with slips and a pit', () => {
    const g = gridFromText(`
...G
.#.P
S...`);
    const m = mdp(-0.04, 0.2, 0.95, g);
    const { v, residuals } = valueIteration(m, 1e-12);
    expect(bellmanResidual(m, v)).toBeLessThan(1e-10);
    // A γ-contraction: the residual shrinks at least by γ per sweep.
    for (let k = 1; k < residuals.length; k++) expect(residuals[k]).toBeLessThanOrEqual(0.95 * residuals[k - 1] + 1e-15);
    // The greedy policy from the start heads up (left column), away from the pit.
    const pi = greedyPolicy(g, qFromV(m, v));
    expect(pi[8]).toBe(0);
    expect(pi[6]).toBe(0); // next to the pit (7 is P): go up towards the goal, not right
  });

  it('Q-learning (seeded) converges to value iteration’s greedy policy on a small deterministic grid', () => {
    const g = gridFromText(`
...G
.#.P
S...`);
    const m = mdp(-0.04, 0, 0.9, g);
    const qStar = qFromV(m, valueIteration(m).v);
    const q = new Float64Array(g.cells.length * 4);
    const rng = createRng(7);
    for (let e = 0; e < 3000; e++) qLearningEpisode(m, q, 8, 0.5, 0.3, rng);
    const pi = greedyPolicy(g, q);
    expect(policyAgreement(g, pi, qStar).agree).toBe(1);
    // And its values approach V*.
    const vq = maxQ(g, q);
    const vStar = maxQ(g, qStar);
    for (let s = 0; s < g.cells.length; s++) expect(Math.abs(vq[s] - vStar[s])).toBeLessThan(0.02);
  });

  it('an unlearned Q table agrees nowhere', () => {
    const m = mdp(0);
    const qStar = qFromV(m, valueIteration(m).v);
    const pi = greedyPolicy(HAND, new Float64Array(36));
    expect([...pi].every((a) => a === -1)).toBe(true);
    expect(policyAgreement(HAND, pi, qStar).agree).toBe(0);
  });
});

describe('gridworld editing and URL codec', () => {
  it('cycles empty → wall → goal → pit → empty and protects the start', () => {
    let g = HAND;
    g = editCell(g, 0, 'cycle').grid;
    expect(g.cells[0]).toBe(1);
    g = editCell(g, 0, 'cycle').grid;
    expect(g.cells[0]).toBe(2);
    g = editCell(g, 0, 'cycle').grid;
    expect(g.cells[0]).toBe(3);
    g = editCell(g, 0, 'cycle').grid;
    expect(g.cells[0]).toBe(0);
    const refused = editCell(g, 6, 'wall');
    expect(refused.refused).toMatch(/start/);
    expect(refused.grid).toBe(g);
    const moved = editCell(g, 8, 'start').grid;
    expect(moved.cells[6]).toBe(0);
    expect(moved.cells[8]).toBe(4);
    expect(editCell(moved, 2, 'erase').grid.cells[2]).toBe(0);
    expect(HAND.cells[0]).toBe(0); // edits never mutate
  });

  it('round-trips the grid through one number per row', () => {
    const g = gridFromText(`
..#...G.
.#..#..P
S.......`);
    const rows = encodeGridRows(g);
    expect(rows).toEqual([100020, 1001003, 40000000]);
    const back = decodeGridRows(rows, 3, 8);
    expect(back).toEqual(g);
    expect(gridToText(back as typeof g)).toBe(gridToText(g));
  });

  it('rejects corrupt grids', () => {
    expect(decodeGridRows([1, 2], 3, 8)).toMatch(/expected 3 rows/);
    expect(decodeGridRows([0, 0, 0.5], 3, 3)).toMatch(/row 3/);
    expect(decodeGridRows([0, 9, 4], 3, 3)).toMatch(/unknown cell code 9/);
    expect(decodeGridRows([0, 0, 1000], 3, 3)).toMatch(/row 3/);
    expect(decodeGridRows([0, 0, 0], 3, 3)).toMatch(/exactly one start/);
    expect(decodeGridRows([4, 4, 0], 3, 3)).toMatch(/found 2/);
    expect(decodeGridRows([0, 0, 400], 3, 3)).not.toBeTypeOf('string');
  });
});
