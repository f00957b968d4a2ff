import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { NETWORK_IDS } from '../../../../ml/architectures';
import { createArchEngine, walkSteps, type ArchParams } from './engine';
import { ARCH_PARAMS } from './params';

const base = defaults(ARCH_PARAMS) as ArchParams;

describe('architectures engine', () => {
  it('walks every network layer by layer to the end, all metrics finite', async () => {
    for (const net of NETWORK_IDS) {
      const p = { ...base, net };
      const e = createArchEngine(p);
      const n = walkSteps(p);
      expect(n).toBeGreaterThan(5);
      for (let i = 0; i < n + 3; i++) e.step();
      expect(e.isDone?.()).toBe(true);
      const r = await e.read(true);
      expect(r.metrics.walk).toBe(n);
      for (const [k, v] of Object.entries(r.metrics)) expect(Number.isFinite(v), k).toBe(true);
      e.dispose();
    }
  });
  it('the toy: default labels give top-1 error 3/6 and top-5 error 1/6', async () => {
    const r = await createArchEngine(base).read(false);
    expect(r.metrics.top1_err).toBe(0.5);
    expect(r.metrics.top5_err).toBeCloseTo(1 / 6, 12);
  });
  it('a too-small input reports the failing layer instead of throwing', async () => {
    const p = { ...base, net: 'alexnet' as const, side: 3 };
    const r = await createArchEngine(p).read(true);
    expect(r.metrics.ok).toBe(0);
    expect(walkSteps(p)).toBe(0);
    expect(r.view?.table.ok).toBe(false);
  });
});
