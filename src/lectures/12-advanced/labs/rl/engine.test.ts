import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createRlEngine, gridOf, type RlView } from './engine';
import { DEFAULT_ROWS, RL_PARAMS, type RlParams } from './params';

const base = (patch: Partial<RlParams> = {}): RlParams => ({ ...defaults(RL_PARAMS), ...patch });

async function run(p: RlParams, steps: number) {
  const e = createRlEngine(p);
  const first = await e.read(true);
  let k = 0;
  while (k < steps && !e.isDone?.()) {
    e.step();
    k++;
  }
  const last = await e.read(true);
  e.dispose();
  return { first, last, steps: k };
}

describe('rl engine', () => {
  it('value iteration sweeps to convergence on the default grid; the greedy policy reaches the goal', async () => {
    const { first, last, steps } = await run(base(), 5000);
    expect(first.metrics.agree).toBeLessThan(0.5);
    expect(last.metrics.converged).toBe(1);
    expect(last.metrics.residual).toBeLessThan(1e-10);
    expect(last.metrics.agree).toBe(1);
    expect(last.metrics.reaches_goal).toBe(1);
    expect(last.metrics.v_start).toBeCloseTo(last.metrics.v_start_star, 9);
    expect(steps).toBeLessThan(400);
    const v = last.view as RlView;
    expect(v.residuals.length).toBe(steps);
    console.log('VI sweeps', steps, 'V(start)', last.metrics.v_start, 'states', last.metrics.states);
  });

  it('Q-learning raises the reward per episode and agrees more and more with value iteration', async () => {
    const p = base({ method: 'q' });
    const e = createRlEngine(p);
    const marks: Record<number, Record<string, number>> = {};
    for (let k = 1; k <= 2000; k++) {
      e.step();
      if ([20, 100, 300, 500, 1000, 2000].includes(k)) marks[k] = (await e.read(false)).metrics;
    }
    for (const [k, m] of Object.entries(marks)) console.log(k, m.ret_ma.toFixed(3), m.agree.toFixed(3), m.goal_rate, m.reaches_goal);
    expect(marks[500].ret_ma).toBeGreaterThan(marks[20].ret_ma);
    expect(marks[2000].agree).toBeGreaterThan(marks[20].agree + 0.3);
    expect(marks[2000].reaches_goal).toBe(1);
    for (const m of Object.values(marks)) expect(Object.values(m).every(Number.isFinite)).toBe(true);
    e.dispose();
  });

  it('is reproducible from its seed', async () => {
    const a = await run(base({ method: 'q', seed: 5 }), 200);
    const b = await run(base({ method: 'q', seed: 5 }), 200);
    expect(a.last.metrics).toEqual(b.last.metrics);
  });

  it('falls back to the default grid for a corrupt one', () => {
    expect(gridOf(base({ grid: [1, 2, 3, 4, 5, 9] })).error).toMatch(/unknown cell code/);
    expect(gridOf(base()).error).toBeNull();
    expect(gridOf(base({ grid: [...DEFAULT_ROWS] })).grid.cells.length).toBe(48);
  });
});
