import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createConvVariantEngine, VARIANTS, type ConvVariantParams } from './engine';
import { CONV_VARIANT_PARAMS } from './params';

const base = defaults(CONV_VARIANT_PARAMS) as ConvVariantParams;

describe('conv-variants engine', () => {
  it('defaults: the Inception example and finite costs; the tour ends after every variant', async () => {
    const e = createConvVariantEngine(base);
    for (let i = 0; i < 10; i++) e.step();
    expect(e.isDone?.()).toBe(true);
    const r = await e.read(true);
    expect(r.metrics.focus).toBe(VARIANTS.length);
    expect(r.metrics.incN_macs).toBe(854196224);
    expect(r.metrics.incR_macs).toBe(271351808);
    for (const k of VARIANTS) expect(Number.isFinite(r.metrics[`${k}_macs`]), k).toBe(true);
  });
  it('groups that do not divide the channels: no grouped cost, a message', async () => {
    const r = await createConvVariantEngine({ ...base, groups: 3 }).read(true);
    expect(r.metrics.grp_ok).toBe(0);
    expect(r.metrics.grp_macs).toBeNaN();
    expect(r.view?.groupsProblem).toMatch(/groups = 3/);
  });
});
