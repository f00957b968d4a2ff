import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { drawnProblem, gridModes, makeTarget, presetDrawing, RING_RADIUS, ringCoverage, sampleQuality } from './gan2d';

describe('GAN 2-D targets', () => {
  it('exact ring points are at distance 0; a ring of radius 1.2 at 0.2', () => {
    const n = 64;
    const on = new Float64Array(2 * n);
    const off = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      on.set([RING_RADIUS * Math.cos(a), RING_RADIUS * Math.sin(a)], 2 * i);
      off.set([1.2 * Math.cos(a), 1.2 * Math.sin(a)], 2 * i);
    }
    const ring = makeTarget('ring')!;
    expect(sampleQuality(ring, on, n).meanDist).toBeLessThan(1e-12);
    expect(sampleQuality(ring, off, n).meanDist).toBeCloseTo(0.2, 12);
    expect(ringCoverage(on, n)).toBe(1);
    expect(ringCoverage(on, 8)).toBeCloseTo(2 / 12, 12); // the first 8 of 64 points span 0°–39.4°: sectors 1 and 2 of 12
  });

  it('counts covered modes of the 3 × 3 grid', () => {
    const grid = makeTarget('grid')!;
    expect(grid.modes).toEqual(gridModes(3, 1));
    expect(grid.modes.length).toBe(9);
    // 90 samples: 30 on each of three modes → 3 covered, all "high quality".
    const xy = new Float64Array(180);
    for (let i = 0; i < 90; i++) {
      const m = grid.modes[[0, 4, 8][i % 3]];
      xy.set([m.x + 0.01, m.y - 0.01], 2 * i);
    }
    let q = sampleQuality(grid, xy, 90);
    expect(q.modesCovered).toBe(3);
    expect(q.highQuality).toBe(1);
    expect(q.meanDist).toBeCloseTo(Math.SQRT2 * 0.01, 12);
    // One stray sample on a fourth mode is below a quarter of the fair share (90/9/4): not covered.
    xy.set([grid.modes[1].x, grid.modes[1].y], 0);
    q = sampleQuality(grid, xy, 90);
    expect(q.modesCovered).toBe(3);
    // Real samples cover all nine modes.
    const real = new Float64Array(2 * 900);
    grid.sample(createRng(1), 900, real);
    expect(sampleQuality(grid, real, 900).modesCovered).toBe(9);
    expect(sampleQuality(makeTarget('grid25')!, (() => { const r = new Float64Array(5000); makeTarget('grid25')!.sample(createRng(2), 2500, r); return r; })(), 2500).modesCovered).toBe(25);
  });

  it('moons: samples lie near the arcs, far points are far', () => {
    const moons = makeTarget('moons')!;
    const xy = new Float64Array(2000);
    moons.sample(createRng(3), 1000, xy);
    expect(sampleQuality(moons, xy, 1000).meanDist).toBeLessThan(0.04);
    expect(moons.distance(0, 1.5)).toBeCloseTo(Math.hypot(0.45, 1.725) - 0.9, 12); // nearest: the upper arc (centre (−0.45, −0.225))
  });

  it('drawings: empty and tiny drawings are refused with a message; samples stay near the drawn points', () => {
    expect(drawnProblem([])).toMatch(/Nothing drawn/);
    expect(drawnProblem([{ x: 0, y: 0 }])).toMatch(/at least 3/);
    expect(makeTarget('drawn', [])).toBeNull();
    const pts = presetDrawing();
    const t = makeTarget('drawn', pts)!;
    const xy = new Float64Array(400);
    t.sample(createRng(4), 200, xy);
    expect(sampleQuality(t, xy, 200).meanDist).toBeLessThan(0.1);
  });
});
