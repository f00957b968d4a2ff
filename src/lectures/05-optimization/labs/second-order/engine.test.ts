import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createSecondOrderEngine, type SecondOrderView } from './engine';
import { SECOND_ORDER_PARAMS } from './params';

function run(steps: number, over: Partial<ReturnType<typeof defaults<typeof SECOND_ORDER_PARAMS>>> = {}) {
  const e = createSecondOrderEngine({ ...defaults(SECOND_ORDER_PARAMS), ...over });
  const first = e.read(false) as { metrics: Record<string, number> };
  for (let i = 0; i < steps; i++) e.step();
  const last = e.read(true) as { metrics: Record<string, number>; view: SecondOrderView };
  return { first: first.metrics, ...last };
}

describe('second-order engine', () => {
  it('with the defaults GN and LM converge in a few iterations, far fewer than GD', () => {
    const { first, metrics, view } = run(200);
    expect(metrics.loss_lm).toBeLessThan(first.loss_lm);
    expect(metrics.conv_gn).toBeGreaterThan(0);
    expect(metrics.conv_gn).toBeLessThan(15);
    expect(metrics.conv_lm).toBeGreaterThan(0);
    expect(metrics.conv_lm).toBeLessThan(25);
    expect(metrics.conv_lev).toBeGreaterThan(0);
    const gd = metrics.conv_gd < 0 ? Infinity : metrics.conv_gd;
    expect(gd).toBeGreaterThan(metrics.conv_lm);
    expect(metrics.loss_gd).toBeLessThan(first.loss_gd);
    expect(view.methods.lm.losses).toHaveLength(201);
    expect(view.methods.lm.lambdas[5]).toBeLessThan(view.methods.lm.lambdas[0]);
    expect(Math.abs(view.methods.lm.theta.a - 2)).toBeLessThan(0.1);
    expect(Math.abs(view.methods.lm.theta.b + 1)).toBeLessThan(0.1);
  });

  it('Newton 1D walks to a stationary point of the quartic', () => {
    const { first, metrics } = run(10);
    expect(Math.abs(metrics.newton_grad)).toBeLessThan(1e-10);
    expect(Math.abs(metrics.newton_x - first.newton_x)).toBeGreaterThan(0.5);
  });

  it('the same parameters give the same run', () => {
    expect(run(20).metrics).toEqual(run(20).metrics);
  });

  it('from a bad start, LM still converges while λ rejects steps', () => {
    const { metrics, view } = run(200, { a0: 0.5, b0: -3 });
    expect(metrics.conv_lm).toBeGreaterThan(0);
    expect(Number.isFinite(metrics.loss_lm)).toBe(true);
    expect(view.methods.lm.rejected + view.methods.lev.rejected).toBeGreaterThan(0);
  });
});
