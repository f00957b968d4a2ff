import { describe, expect, it } from 'vitest';
import { createPositionalEngine } from './engine';

const base = { L: 64, d: 64, pos: 16, k: 4 };

describe('positional engine', () => {
  it('reads the formula values and the similarity row of the chosen position', async () => {
    const e = createPositionalEngine(base);
    const r = await e.read(true);
    expect(r.metrics.pe_0_0).toBe(0);
    expect(r.metrics.pe_0_1).toBe(1);
    expect(r.metrics.pe_1_0).toBeCloseTo(Math.sin(1), 6);
    expect(r.metrics.self_sim).toBeCloseTo(32, 4);
    expect(r.metrics.sim_argmax).toBe(16);
    expect(r.metrics.offset_dev).toBeLessThan(1e-4);
    expect(r.view!.pe.length).toBe(64 * 64);
    expect(r.view!.sim.length).toBe(64 * 64);
  });
  it('a step moves the chosen position by one, wrapping at L', async () => {
    const e = createPositionalEngine({ ...base, L: 8, pos: 6 });
    e.step();
    expect((await e.read(false)).metrics.pos).toBe(7);
    e.step();
    const m = (await e.read(false)).metrics;
    expect(m.pos).toBe(0);
    expect(m.sim_argmax).toBe(0);
  });
  it('clamps the chosen position below L; all values finite at the largest sizes', async () => {
    const r = await createPositionalEngine({ L: 256, d: 256, pos: 255, k: 64 }).read(true);
    expect(r.metrics.pos).toBe(255);
    const c = await createPositionalEngine({ ...base, L: 10, pos: 200 }).read(true);
    expect(c.metrics.pos).toBe(9);
    expect(c.view!.posClamped).toBe(true);
    for (const v of Object.values(r.metrics)) expect(Number.isFinite(v)).toBe(true);
  });
});
