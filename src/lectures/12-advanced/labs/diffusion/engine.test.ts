import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createDiffusionEngine, type DiffusionView } from './engine';
import { DIFFUSION_PARAMS } from './params';

async function read(e: ReturnType<typeof createDiffusionEngine>) {
  return (await e.read(true)) as { metrics: Record<string, number>; view: DiffusionView };
}

describe('diffusion engine', () => {
  it('starts finite, samples from the untrained model on request, trains, then samples better and finishes', async () => {
    const p = { ...defaults(DIFFUSION_PARAMS), T: 50, iters: 1200, width: '64' as const, layers: 2 };
    const e = createDiffusionEngine(p);
    const r0 = await read(e);
    expect(Number.isFinite(r0.metrics.loss)).toBe(true);
    expect(r0.metrics.sample_t).toBe(-1);
    expect(r0.metrics.iter).toBe(0);
    // Sampling before training: the engine steps the reverse process, not the training.
    r0.view.requestSample();
    let guard = 0;
    let sawMiddle = false;
    while ((await read(e)).metrics.samplings < 1 && guard++ < 10_000) {
      e.step();
      const m = (await e.read(false)).metrics;
      if (m.sampling === 1 && m.sample_t > 0 && m.sample_t < 50) sawMiddle = true;
    }
    expect(sawMiddle).toBe(true);
    const untrained = await read(e);
    expect(untrained.metrics.iter).toBe(0);
    expect(untrained.metrics.sample_t).toBe(0);
    const qUntrained = untrained.metrics.quality;
    guard = 0;
    while (!e.isDone!() && guard++ < 100_000) e.step();
    const end = await read(e);
    expect(end.metrics.iter).toBe(1200);
    expect(end.metrics.loss).toBeLessThan(0.8 * end.metrics.loss0);
    expect(end.metrics.samplings).toBe(2);
    expect(end.metrics.quality).toBeLessThan(end.metrics.quality_noise);
    expect(end.metrics.quality).toBeLessThan(qUntrained);
    expect(end.view.losses.length).toBeGreaterThan(10);
    expect(end.view.samples!.every(Number.isFinite)).toBe(true);
    e.dispose();
  }, 120_000);
});
