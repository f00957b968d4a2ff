import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { SCHEDULE_KINDS } from '../../../../ml/schedules';
import { createLrSchedulesEngine, type LrSchedulesView } from './engine';
import { LR_SCHEDULES_PARAMS } from './params';

const base = defaults(LR_SCHEDULES_PARAMS);

async function run(p = base, epochs = p.epochs) {
  const e = createLrSchedulesEngine({ ...p, epochs });
  const start = (await e.read(true)).metrics;
  for (let i = 0; i < epochs; i++) e.step();
  const end = await e.read(true);
  e.dispose();
  return { start, end: end.metrics, view: end.view as LrSchedulesView, done: e.isDone?.() };
}

describe('lr-schedules engine', () => {
  it("reports the chosen schedule's first α values (the notes' example)", async () => {
    const { start } = await run({ ...base, alpha0: 0.1, decay: 1, schedule: 'inverse' }, 1);
    expect([0, 1, 2, 3].map((e) => Number(start[`alpha${e}`].toPrecision(2)))).toEqual([0.1, 0.05, 0.033, 0.025]);
    expect(start.epoch).toBe(0);
  });

  it('all runs start from the same loss, stay finite and end with decay below the constant rate', async () => {
    const { start, end, view, done } = await run();
    expect(done).toBe(true);
    for (const k of SCHEDULE_KINDS) {
      expect(start[`loss_${k}`]).toBe(start.loss_constant);
      expect(Number.isFinite(end[`loss_${k}`])).toBe(true);
      expect(end[`loss_${k}`]).toBeLessThan(start[`loss_${k}`]);
    }
    // The default α₀ is large: the constant run ends noisier and higher than the best decayed run.
    const bestDecayed = Math.min(...SCHEDULE_KINDS.filter((k) => k !== 'constant').map((k) => end[`loss_${k}`]));
    expect(bestDecayed).toBeLessThan(end.loss_constant);
    expect(view.map.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(view.epoch).toBe(base.epochs);
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const a = await run(base, 10);
    const b = await run(base, 10);
    const c = await run({ ...base, seed: 2 }, 10);
    expect(a.end).toEqual(b.end);
    expect(c.end.loss).not.toBe(a.end.loss);
  });

  it('schedules that share α train identically (same initialisation and minibatches)', async () => {
    // With decay 0 inverse-time decay is constant: the two runs must match exactly.
    const { end } = await run({ ...base, schedule: 'inverse', decay: 0 }, 15);
    expect(end.loss_inverse).toBe(end.loss_constant);
  });
});
