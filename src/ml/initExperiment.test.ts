import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import { createRng } from './rng';
import { sampleWeights, theoryPerLayer, type DeepActivation, type InitScheme } from './init';
import { experimentSteps, InitExperiment, type DeepSpec } from './initExperiment';
import * as tf from './tf';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function run(spec: DeepSpec) {
  const e = new InitExperiment(spec);
  while (!e.done) {
    e.step();
    await e.collect();
  }
  await e.collect();
  const stats = e.layerStats();
  e.dispose();
  return stats;
}

const base = (scheme: InitScheme, act: DeepActivation): DeepSpec => ({ layers: 10, width: 200, samples: 300, act, scheme, seed: 1 });

describe('initialisation experiment (tfjs)', () => {
  it('N(0, 0.01²) + tanh collapses toward 0 layer by layer', async () => {
    const s = await run(base('small', 'tanh'));
    const theory = theoryPerLayer('small', 'tanh', 200, 10);
    expect(s[0].std).toBeGreaterThan(0.1);
    expect(s[9].std).toBeLessThan(1e-5);
    for (let l = 0; l < 10; l++) expect(Math.abs(Math.log(s[l].std / theory[l].std))).toBeLessThan(0.15);
    // Vanishing gradients: ∂L/∂W^l = (a^{l−1})ᵀ ∂L/∂s^l, small inputs forward times a signal that shrinks
    // by 0.01·√n per layer backward: every layer's gradient is ~(0.01·√n)^{L−1} ≈ 1e-8 of Xavier's.
    const xavier = await run(base('xavier', 'tanh'));
    for (let l = 0; l < 10; l++) expect(s[l].gradW).toBeLessThan(1e-5 * xavier[l].gradW);
  });

  it('N(0, 1) + tanh saturates at ±1', async () => {
    const s = await run(base('big', 'tanh'));
    for (const l of s.slice(1)) {
      expect(l.saturated).toBeGreaterThan(0.8); // s ~ N(0, ≈200): P(|s| < atanh 0.99 = 2.65) ≈ 0.15
      expect(l.std).toBeGreaterThan(0.95);
    }
  });

  it('Xavier + tanh keeps the std roughly steady and matches the n → ∞ theory', async () => {
    const s = await run(base('xavier', 'tanh'));
    const theory = theoryPerLayer('xavier', 'tanh', 200, 10);
    for (let l = 0; l < 10; l++) {
      expect(s[l].std).toBeGreaterThan(0.2);
      expect(Math.abs(s[l].std / theory[l].std - 1)).toBeLessThan(0.1);
    }
    expect(s[9].std / s[0].std).toBeGreaterThan(0.3);
    expect(s[9].gradW / s[0].gradW).toBeGreaterThan(0.1);
  });

  it('Kaiming + ReLU keeps the second moment steady; Xavier + ReLU halves it per layer', async () => {
    const k = await run(base('kaiming', 'relu'));
    // E[a²] = Var(s)/2 = (2/n · n · E[x²])/2 = 1 in every layer.
    for (const l of k) expect(Math.abs(l.second - 1)).toBeLessThan(0.3);
    const x = await run(base('xavier', 'relu'));
    for (let l = 0; l < 10; l++) expect(Math.abs(Math.log2(x[l].second) + (l + 1))).toBeLessThan(0.4);
    expect(x[4].zero).toBeGreaterThan(0.4);
  });

  it('all-zero weights give all-zero activations and gradients', async () => {
    const s = await run({ ...base('zero', 'tanh'), layers: 3 });
    for (const l of s) {
      expect(l.std).toBe(0);
      expect(l.gradW).toBe(0);
    }
  });

  it('hand-written backward pass matches tf.grad, also with several chunks', async () => {
    for (const act of ['tanh', 'relu', 'linear'] as const) {
      const spec: DeepSpec = { layers: 3, width: 40, samples: 100, act, scheme: 'kaiming', seed: 5, chunkMacs: 30 * 40 * 40 };
      // Replay the engine's random draws to build the same network for tf.grad.
      const e = new InitExperiment(spec);
      expect(e.chunks).toBe(4);
      const rngX = createRng(spec.seed * 2654435761 + 1);
      const rngG = createRng(spec.seed * 2654435761 + 2);
      const rngW = createRng(spec.seed * 2654435761 + 3);
      const N = spec.samples;
      const n = spec.width;
      const xs: number[][] = [];
      const gs: number[][] = [];
      for (let c = 0; c < e.chunks; c++) {
        const r = Math.min(e.rows, N - c * e.rows);
        const xv = Array.from({ length: r * n }, () => rngX.normal());
        const gv = Array.from({ length: r * n }, () => rngG.normal() / N);
        xs.push(xv);
        gs.push(gv);
      }
      const x = tf.tensor2d(xs.flat(), [N, n]);
      const g = tf.tensor2d(gs.flat(), [N, n]);
      const ws = [1, 2, 3].map(() => tf.tensor2d(sampleWeights('kaiming', n, n, rngW), [n, n]));
      const f = (s: tf.Tensor) => (act === 'tanh' ? tf.tanh(s) : act === 'relu' ? tf.relu(s) : s);
      const grads = tf.grads((w1: tf.Tensor, w2: tf.Tensor, w3: tf.Tensor) => {
        const a3 = f(tf.matMul(f(tf.matMul(f(tf.matMul(x, w1)), w2)), w3));
        return tf.sum(tf.mul(a3, g));
      })(ws);
      const rms = await Promise.all(grads.map(async (gw) => Math.sqrt((await tf.mean(tf.square(gw)).data())[0])));
      while (!e.done) {
        e.step();
        await e.collect();
      }
      const s = e.layerStats();
      for (let l = 0; l < 3; l++) expect(s[l].gradW / rms[l]).toBeCloseTo(1, 4);
      e.dispose();
      tf.dispose([x, g, ...ws, ...grads]);
    }
  });

  it('splits the work into chunks of one layer each way', () => {
    expect(experimentSteps({ layers: 10, width: 500, samples: 500 })).toBe(20);
    expect(experimentSteps({ layers: 10, width: 1000, samples: 1000 })).toBe(160);
    expect(experimentSteps({ layers: 3, width: 100, samples: 1000 })).toBe(6);
  });

  it('numTensors stays flat across 20 create/step/dispose cycles', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const e = new InitExperiment({ layers: 3, width: 30, samples: 50, act: i % 2 ? 'relu' : 'tanh', scheme: 'xavier', seed: i + 1, chunkMacs: 20 * 30 * 30 });
      for (let k = 0; k < 1 + (i % 7); k++) e.step();
      if (i % 3 === 0) await e.collect();
      e.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
