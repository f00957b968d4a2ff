import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createLossesEngine } from './engine';
import { LOSSES_PARAMS, type LossesParams } from './params';

async function metricsAfter(p: Partial<LossesParams>, steps: number) {
  const e = createLossesEngine({ ...defaults(LOSSES_PARAMS), ...p });
  const start = (await e.read(false)).metrics;
  for (let i = 0; i < steps; i++) e.step();
  const end = await e.read(true);
  return { start, end: end.metrics, view: end.view, done: e.isDone?.() };
}

describe('loss explorer engine', () => {
  it('MSE: descent from −2 reaches y = 1 and the curves span the axis', async () => {
    const r = await metricsAfter({}, 200);
    expect(r.start.loss).toBe(9);
    expect(r.end.pred).toBeCloseTo(1, 6);
    expect(r.view?.lossCurve[0].x).toBe(-5);
  });

  it('L1 overshoots: the prediction keeps jumping across the target', async () => {
    const r = await metricsAfter({ loss: 'l1', lr: 0.3, target: 1.1 }, 200);
    expect(Math.abs(r.end.pred - 1.1)).toBeGreaterThan(0.01);
    expect(Math.abs(r.end.pred - 1.1)).toBeLessThanOrEqual(0.3 + 1e-9);
  });

  it('BCE on the probability stays in (0, 1); on the logit the gradient fades as the loss falls', async () => {
    const p = await metricsAfter({ loss: 'bce', axis: 'prob', p0: 0.1 }, 50);
    expect(p.end.pred).toBeLessThan(1);
    expect(p.end.loss).toBeLessThan(p.start.loss);
    const z = await metricsAfter({ loss: 'bce', axis: 'logit', x0: -2, lr: 1 }, 200);
    expect(Math.abs(z.start.grad)).toBeGreaterThan(0.8);
    expect(Math.abs(z.end.grad)).toBeLessThan(0.05);
  });

  it('a too-large MSE step diverges to a non-finite loss', async () => {
    const r = await metricsAfter({ lr: 5 }, 400);
    expect(Number.isFinite(r.end.loss)).toBe(false);
  });
});
