import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createRfEngine } from './engine';
import { presetPatch, RF_PARAMS } from './params';

async function metricsOf(patch: object) {
  const e = createRfEngine({ ...defaults(RF_PARAMS), ...patch });
  e.step();
  const r = await e.read(true);
  e.dispose();
  return r.metrics;
}

describe('receptive-field engine', () => {
  it('three 3×3 convs (default): RF 7, jump 1, 16 → 10; 27C² against 49C² weights', async () => {
    const m = await metricsOf({});
    expect([m.rf, m.jump, m.n_out, m.layers]).toEqual([7, 1, 10, 3]);
    expect(m.weights_stack).toBe(27 * 64 * 64);
    expect(m.weights_7x7).toBe(49 * 64 * 64);
  });

  it('conv-pool-conv-pool: RF 10, jump 4; pools add no weights', async () => {
    const m = await metricsOf(presetPatch('cpcp'));
    expect([m.rf_1, m.rf_2, m.rf_3, m.rf_4]).toEqual([3, 4, 8, 10]);
    expect(m.jump).toBe(4);
    expect(m.weights_stack).toBe(2 * 9 * 64 * 64);
  });

  it('drops layers that no longer fit and says so', async () => {
    const m = await metricsOf({ ...presetPatch('strided'), depth: 4, l4: 'conv3s2', n: 8 });
    expect(m.complete).toBe(0);
    expect(m.layers).toBeLessThan(4);
    for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
  });
});
