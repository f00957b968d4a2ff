import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../../ml/tf';
import { defaults } from '../../../params/schema';
import { createBackpropEngine, type BackpropView } from './backprop/engine';
import { stageCount } from './backprop/graphs';
import { stageTex } from './backprop/explain';
import { BACKPROP_PARAMS } from './backprop/params';
import { createChainEngine } from './chain/engine';
import { CHAIN_PARAMS } from './chain/params';
import { createGradcheckEngine, type GradcheckView } from './gradcheck/engine';
import { GRADCHECK_PARAMS } from './gradcheck/params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Engine = { step(): void; read(v: boolean): unknown; dispose(): void; isDone?(): boolean };
async function run<V>(engine: Engine, steps: number) {
  for (let i = 0; i < steps; i++) engine.step();
  return (await engine.read(true)) as { metrics: Record<string, number>; view: V };
}

describe('Lecture 4 lab engines', () => {
  it('backprop: the stepper reveals the notes’ numbers stage by stage', async () => {
    const p = defaults(BACKPROP_PARAMS);
    expect(stageCount(p)).toBe(4);
    const e = createBackpropEngine(p);
    const start = await run<BackpropView>(e, 0);
    expect(start.metrics).toEqual({ stage: 0 });
    const fwd = await run<BackpropView>(e, 2);
    expect(fwd.metrics.f).toBe(-8);
    expect(fwd.metrics.dfdx).toBeUndefined();
    const end = await run<BackpropView>(e, 2);
    expect(e.isDone?.()).toBe(true);
    expect(end.metrics).toEqual({ stage: 4, f: -8, dfdx: 4, dfdy: 4, dfdz: -2 });
    const last = stageTex(end.view.spec, end.view.stages[3], end.view.result);
    expect(last.lines[0]).toBe('\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial d} \\cdot \\frac{\\partial d}{\\partial x} = 4 \\cdot 1 = 4');
    const first = stageTex(end.view.spec, end.view.stages[2], end.view.result);
    expect(first.lines).toContain('\\frac{\\partial f}{\\partial d} = z = 4');
  });

  it('backprop: the sigmoid graph has 16 stages and ends with σ(1) and its gradients', async () => {
    const p = { ...defaults(BACKPROP_PARAMS), graph: 'sigmoid' as const };
    expect(stageCount(p)).toBe(16);
    const end = await run<BackpropView>(createBackpropEngine(p), 16);
    const s = 1 / (1 + Math.exp(-1));
    expect(end.metrics.f).toBeCloseTo(s, 12);
    expect(end.metrics.dfdb).toBeCloseTo(s * (1 - s), 12);
    expect(end.metrics.dfdw0).toBeCloseTo(-s * (1 - s), 12);
  });

  it('chain: starts at the notes’ values, and gradient descent lowers the loss', async () => {
    const e = createChainEngine(defaults(CHAIN_PARAMS));
    const start = await run(e, 0);
    expect(start.metrics.yHat).toBeCloseTo(2 / 3, 14);
    expect(start.metrics.loss).toBeCloseTo(4 / 9, 14);
    expect(start.metrics.dLdw1).toBeCloseTo(8 / 3, 14);
    expect(start.metrics.dLdw2).toBeCloseTo(4 / 9, 14);
    expect((await run(e, 50)).metrics.loss).toBeLessThan(0.01);
  });

  it('chain: without the ReLU a large learning rate diverges', async () => {
    const e = createChainEngine({ ...defaults(CHAIN_PARAMS), act: 'linear', lr: 1 });
    expect(Number.isFinite((await run(e, 60)).metrics.loss)).toBe(false);
  });

  it('gradcheck: all three agree; the broken formula is flagged', async () => {
    const ok = createGradcheckEngine(defaults(GRADCHECK_PARAMS));
    const r = await run<GradcheckView>(ok, 5);
    ok.dispose();
    expect(r.metrics.maxErrHand).toBeLessThan(1e-6);
    expect(r.metrics.maxErrAuto).toBeLessThan(1e-5);
    expect(r.metrics.flagged).toBe(0);
    expect(r.view.rows).toHaveLength(17);
    const bad = createGradcheckEngine({ ...defaults(GRADCHECK_PARAMS), broken: true });
    const b = await run<GradcheckView>(bad, 0);
    bad.dispose();
    expect(b.metrics.maxErrHand).toBeGreaterThan(1e-2);
    expect(b.metrics.flagged).toBeGreaterThan(0);
    expect(b.view.rows.filter((row) => row.errHand > 1e-4).every((row) => row.layer === 1)).toBe(true);
  });

  it('gradcheck: training lowers the loss', async () => {
    const e = createGradcheckEngine(defaults(GRADCHECK_PARAMS));
    const first = await run(e, 0);
    const later = await run(e, 100);
    e.dispose();
    expect(later.metrics.loss).toBeLessThan(first.metrics.loss);
  });

  it('gradcheck: tf.memory().numTensors stays flat across 20 create/step/dispose cycles', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const e = createGradcheckEngine({ ...defaults(GRADCHECK_PARAMS), seed: i + 1, act: i % 2 ? 'relu' : 'sigmoid' });
      await run(e, 3);
      e.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
