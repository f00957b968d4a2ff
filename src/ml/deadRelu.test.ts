import { describe, expect, it } from 'vitest';
import {
  allNegativeCount, createDeadRun, deadCount, deadReluData, gradientFreeCount, trainDeadEpoch, unitActivity, type DeadRunSpec,
} from './deadRelu';

const spec = (o: Partial<DeadRunSpec> = {}): DeadRunSpec => ({ width: 16, depth: 2, act: 'relu', lr: 0.1, biasInit: 0, seed: 1, batchSize: 10, ...o });

describe('dead ReLUs', () => {
  it('back-propagation matches finite differences (ReLU and leaky ReLU)', () => {
    const data = deadReluData(3, 'moons', 40);
    const idx = Int32Array.from({ length: data.n }, (_, i) => i);
    for (const act of ['relu', 'leakyRelu'] as const) {
      const { mlp } = createDeadRun(spec({ act, width: 6, depth: 3, biasInit: 0.05 }));
      mlp.gradient(data, idx, 0, data.n, 'none', 0);
      const params = [...mlp.weights, ...mlp.biases];
      const grads = [...mlp.gradW, ...mlp.gradB].map((g) => g.slice());
      const h = 1e-6;
      let worst = 0;
      params.forEach((p, t) => {
        for (let k = 0; k < p.length; k++) {
          const v = p[k];
          p[k] = v + h;
          const up = mlp.gradient(data, idx, 0, data.n, 'none', 0);
          p[k] = v - h;
          const down = mlp.gradient(data, idx, 0, data.n, 'none', 0);
          p[k] = v;
          const fd = (up - down) / (2 * h);
          worst = Math.max(worst, Math.abs(fd - grads[t][k]) / Math.max(1e-4, Math.abs(fd) + Math.abs(grads[t][k])));
        }
      });
      expect(worst).toBeLessThan(1e-5);
    }
  });

  it('a unit with all-negative pre-activations gets zero gradient and stays dead', () => {
    const data = deadReluData(1);
    const run = createDeadRun(spec());
    const { mlp } = run;
    // First-layer unit 0: inputs lie in [−1.2, 1.2]², so a bias of −10 keeps z < 0 on every input.
    mlp.biases[0][0] = -10;
    const before = [mlp.weights[0][0], mlp.weights[0][1], mlp.biases[0][0]];
    expect(unitActivity(mlp, data)[0][0]).toBe(0);
    gradientFreeCount(mlp, data);
    expect([mlp.gradW[0][0], mlp.gradW[0][1], mlp.gradB[0][0]]).toEqual([0, 0, 0]);
    for (let e = 0; e < 50; e++) trainDeadEpoch(run, data);
    expect([mlp.weights[0][0], mlp.weights[0][1], mlp.biases[0][0]]).toEqual(before);
    expect(unitActivity(mlp, data)[0][0]).toBe(0);
  });

  it('a high learning rate leaves more dead units than a normal one (default seed)', () => {
    const data = deadReluData(1);
    const normal = createDeadRun(spec({ lr: 0.1 }));
    const high = createDeadRun(spec({ lr: 2 }));
    for (let e = 0; e < 100; e++) {
      trainDeadEpoch(normal, data);
      trainDeadEpoch(high, data);
    }
    const dn = allNegativeCount(unitActivity(normal.mlp, data));
    const dh = allNegativeCount(unitActivity(high.mlp, data));
    expect(dh).toBeGreaterThan(dn + 5);
    // Dead = gradient-free for ReLU here.
    expect(gradientFreeCount(high.mlp, data)).toBeGreaterThanOrEqual(dh);
  });

  it('leaky ReLU has no dead units even where every pre-activation is negative', () => {
    const data = deadReluData(1);
    const leaky = createDeadRun(spec({ act: 'leakyRelu', lr: 2 }));
    for (let e = 0; e < 100; e++) trainDeadEpoch(leaky, data);
    const activity = unitActivity(leaky.mlp, data);
    expect(allNegativeCount(activity)).toBeGreaterThan(0);
    expect(deadCount(activity, 'leakyRelu')).toBe(0);
    expect(gradientFreeCount(leaky.mlp, data)).toBe(0);
  });

  it('runs that differ only in learning rate start from the same weights', () => {
    const a = createDeadRun(spec({ lr: 0.1 }));
    const b = createDeadRun(spec({ lr: 2, act: 'leakyRelu' }));
    expect(a.mlp.weights).toEqual(b.mlp.weights);
    expect(createDeadRun(spec({ biasInit: 0.01 })).mlp.biases[0][3]).toBe(0.01);
  });
});

describe('measureRun', () => {
  it('agrees with unitActivity and evaluate', async () => {
    const { measureRun } = await import('./deadRelu');
    const data = deadReluData(2);
    const run = createDeadRun(spec({ lr: 1 }));
    for (let e = 0; e < 5; e++) trainDeadEpoch(run, data);
    const m = measureRun(run.mlp, data);
    const ev = run.mlp.evaluate(data);
    expect(m.activity).toEqual(unitActivity(run.mlp, data));
    expect(m.loss).toBeCloseTo(ev.loss, 12);
    expect(m.accuracy).toBe(ev.accuracy);
  });
});
