import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { saturationTotalSteps } from '../../../../ml/attention';
import { createAttentionEngine } from './engine';
import { ATTENTION_PARAMS } from './params';

describe('attention engine', () => {
  it('default (soft indexing): query 1 picks key 2, query 4 splits between keys 1 and 3; the Monte Carlo runs to the end', async () => {
    const p = defaults(ATTENTION_PARAMS);
    const e = createAttentionEngine(p);
    const r0 = await e.read(true);
    // q₁ = k₂ = 3e₂: logit 9/√4 = 4.5 against 0 → e^4.5/(e^4.5 + 3).
    expect(r0.metrics.w1_2).toBeCloseTo(Math.exp(4.5) / (Math.exp(4.5) + 3), 12);
    // q₄ = (2, 0, 2, 0): logits 3, 0, 3, 0 → e³/(2e³ + 2) on keys 1 and 3.
    expect(r0.metrics.w4_1).toBeCloseTo(Math.exp(3) / (2 * Math.exp(3) + 2), 12);
    expect(r0.metrics.w4_3).toBeCloseTo(r0.metrics.w4_1, 12);
    expect(r0.metrics.row_sum_err).toBeLessThan(1e-12);
    expect(r0.metrics.heads).toBe(2);
    let steps = 0;
    while (!e.isDone!()) {
      e.step();
      steps++;
    }
    expect(steps).toBe(saturationTotalSteps(p.trials));
    const r = await e.read(true);
    expect(r.metrics.sat_progress).toBe(1);
    expect(r.metrics.sat_dk).toBe(512);
    for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
    expect(r.view!.sat.length).toBe(10);
    e.dispose();
  });

  it('causal mask and no scaling', async () => {
    const p = { ...defaults(ATTENTION_PARAMS), causal: true, scale: false, heads: 3 };
    const r = await createAttentionEngine(p).read(true);
    expect(r.metrics.upper_max).toBe(0);
    expect(r.metrics.mh_upper_max).toBe(0);
    expect(r.metrics.divisor).toBe(1);
    expect(r.metrics.w1_1).toBe(1);
    expect(r.view!.mh.heads.length).toBe(3);
  });
});
