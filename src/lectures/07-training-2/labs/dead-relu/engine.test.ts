import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createDeadReluEngine, type TrainedView } from './engine';
import { DEAD_RELU_PARAMS, RUN_KEYS } from './params';

describe('dead-relu lab engine', () => {
  it('default run: the high rate ends with more dead units, leaky with none, losses finite', () => {
    const p = defaults(DEAD_RELU_PARAMS);
    const e = createDeadReluEngine(p);
    const start = e.read(true) as { metrics: Record<string, number>; view: TrainedView };
    expect(start.metrics.epoch).toBe(0);
    for (let i = 0; i < p.epochs; i++) e.step();
    const end = e.read(true) as { metrics: Record<string, number>; view: TrainedView };
    for (const k of RUN_KEYS) expect(Number.isFinite(end.metrics[`dead_${k}`])).toBe(true);
    expect(end.metrics.deadn_high).toBeGreaterThan(end.metrics.deadn_normal + 5);
    expect(end.metrics.deadn_leaky).toBe(0);
    expect(end.metrics.loss_normal).toBeLessThan(0.1);
    expect(end.view.runs.high.activity).toHaveLength(p.depth);
    expect(end.view.runs.high.activity[0]).toHaveLength(p.width);
  });

  it('is reproducible for a seed', () => {
    const p = { ...defaults(DEAD_RELU_PARAMS), epochs: 10 };
    const run = () => {
      const e = createDeadReluEngine(p);
      for (let i = 0; i < 10; i++) e.step();
      return (e.read(false) as { metrics: Record<string, number> }).metrics;
    };
    expect(run()).toEqual(run());
  });
});
