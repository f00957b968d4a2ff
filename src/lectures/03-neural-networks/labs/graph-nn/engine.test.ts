import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createGraphEngine } from './engine';
import { computeNodeCount, GRAPH_PARAMS } from './params';

describe('computational-graph engine', () => {
  it('walks the default network node by node up to the loss, reproducibly', async () => {
    const p = defaults(GRAPH_PARAMS);
    expect(computeNodeCount(p)).toBe(15);
    const e = createGraphEngine(p);
    expect((await e.read(true)).view?.current).toBe('x');
    e.step();
    const one = await e.read(true);
    expect(one.view?.current).toBe('W1');
    expect(one.view?.values.W1).toHaveLength(3);
    for (let i = 1; i < 15; i++) e.step();
    expect(e.isDone?.()).toBe(true);
    const end = await e.read(true);
    expect(end.view?.current).toBe('loss');
    expect(end.metrics.parameters).toBe(64);
    const again = createGraphEngine(p);
    for (let i = 0; i < 15; i++) again.step();
    expect((await again.read(false)).metrics.loss).toBe(end.metrics.loss);
  });
});
