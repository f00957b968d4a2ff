import { describe, expect, it } from 'vitest';
import { defaults } from '../../../../params/schema';
import { createMlpEngine, layerSizes, makePoints, type MlpView } from './engine';
import { MLP_PARAMS, SPIRAL_PRESET, UNIT_GRID, type MlpParams } from './params';

const base = defaults(MLP_PARAMS);

async function train(p: MlpParams, epochs: number, every = 10) {
  const engine = createMlpEngine(p);
  let firstBelow = -1;
  for (let e = 1; e <= epochs; e++) {
    engine.step();
    if (e % every === 0 && firstBelow < 0) {
      const { metrics } = await engine.read(false);
      if (metrics.testLoss < 0.1) firstBelow = e;
    }
  }
  const r = await engine.read(true);
  engine.dispose();
  return { ...r, firstBelow };
}

describe('mlp lab engine', () => {
  it('uses TensorFlow Playground’s defaults: 2 → 4 → 2 → 1, 250 + 250 points', () => {
    expect(layerSizes(base)).toEqual([2, 4, 2, 1]);
    const pts = makePoints(base);
    expect(pts.filter((q) => q.set === 'train')).toHaveLength(250);
    expect(pts.filter((q) => q.set === 'test')).toHaveLength(250);
  });

  it('is deterministic for a seed and returns a complete view', async () => {
    const a = await train(base, 20);
    const b = await train(base, 20);
    expect(a.metrics).toEqual(b.metrics);
    const view = a.view as MlpView;
    expect(view.unitMaps.map((l) => l.length)).toEqual([2, 4, 2, 1]);
    expect(view.unitMaps[1][0]).toHaveLength(UNIT_GRID.nx * UNIT_GRID.ny);
    expect(a.metrics.params).toBe(25);
  });

  it.each([1, 2, 3, 4, 5])('the spiral preset (2 × 8 tanh) gets the TEST loss below 0.1 within 1,000 epochs, seed %i', async (seed) => {
    const r = await train({ ...base, ...SPIRAL_PRESET, seed }, SPIRAL_PRESET.epochs);
    expect(r.firstBelow).toBeGreaterThan(0);
    expect(r.metrics.testLoss).toBeLessThan(0.1);
  });

  it('learner points join the training set; regression targets are ±1 by the brush', () => {
    const pts = [{ x: 0.1, y: 0.2, label: 1 }, { x: -0.3, y: 0.4, label: 0 }];
    const cls = makePoints({ ...base, points: pts }).filter((q) => q.set === 'user');
    expect(cls.map((q) => q.t)).toEqual([1, 0]);
    const reg = makePoints({ ...base, problem: 'regression', points: pts }).filter((q) => q.set === 'user');
    expect(reg.map((q) => q.t)).toEqual([1, -1]);
  });

  it('regression surfaces train to a small MSE; a huge learning rate diverges', async () => {
    const ok = await train({ ...base, problem: 'regression', surface: 'plane', lr: 0.03 }, 100);
    expect(ok.metrics.testLoss).toBeLessThan(0.01);
    const bad = await train({ ...base, problem: 'regression', surface: 'bumps', lr: 10, activation: 'relu' }, 50);
    expect(Number.isFinite(bad.metrics.trainLoss) && bad.metrics.trainLoss < 1e12).toBe(false);
  });
});
