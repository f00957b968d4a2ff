import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createOptimizersEngine, type OptView } from './engine';
import { OPT_PARAMS, type OptParams } from './params';

const base = (over: Partial<OptParams>): OptParams => ({ ...defaults(OPT_PARAMS), ...over });

async function run(p: OptParams, steps: number) {
  const e = createOptimizersEngine(p);
  for (let i = 0; i < steps; i++) e.step();
  const r = await e.read(true);
  e.dispose();
  return { metrics: r.metrics, view: r.view as OptView };
}

describe('optimizers engine', () => {
  it('Newton reaches the quadratic minimum in one step; Adam and Adam without bias correction differ', async () => {
    const { metrics } = await run(base({ kappa: 50, adamNoBias: true }), 1);
    expect(metrics.loss_newton).toBeLessThan(1e-10);
    expect(metrics.reach_newton).toBe(1);
    expect(Math.abs(metrics.x_adam - metrics.x_adamNoBias)).toBeGreaterThan(0.1);
  });

  it('momentum reaches f − f_min ≤ 1e-6 before gradient descent on κ = 50', async () => {
    const { metrics } = await run(base({ kappa: 50 }), 400);
    expect(metrics.reach_momentum).toBeGreaterThan(0);
    expect(metrics.reach_gd === -1 || metrics.reach_gd > metrics.reach_momentum).toBe(true);
  });

  it('stops a diverging optimizer alone and keeps every loss finite; one metric set per enabled optimizer', async () => {
    const { metrics, view } = await run(base({ surface: 'rosenbrock', x0: -1.2, y0: 1, lr: 0.5, lbfgs: true }), 50);
    expect(metrics.diverged_gd).toBe(1);
    expect(view.tracks.find((t) => t.id === 'gd')?.divergedAt).toBeGreaterThan(0);
    for (const id of ['gd', 'momentum', 'adam', 'newton', 'lbfgs']) expect(Number.isFinite(metrics[`loss_${id}`])).toBe(true);
    expect(metrics.loss_sgd).toBeUndefined();
  });

  it('keeps iterates inside the box on the saddle', async () => {
    const { view } = await run(base({ surface: 'saddle', x0: -1.8, y0: 0.02, lr: 0.1 }), 200);
    for (const t of view.tracks) for (const [x, y] of t.points) expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(2);
  });
});
