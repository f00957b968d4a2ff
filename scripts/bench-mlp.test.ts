/**
 * Epochs per second of the Lecture 3 playground engine in Node (no browser, no drawing):
 *   npx vitest run --config scripts/vitest.bench.config.ts (npm run bench runs it)
 * Prints figures only; nothing here asserts on timing.
 */
import { it } from 'vitest';
import { defaults } from '../src/params/schema';
import { createMlpEngine } from '../src/lectures/03-neural-networks/labs/mlp/engine';
import { MLP_PARAMS, SPIRAL_PRESET } from '../src/lectures/03-neural-networks/labs/mlp/params';

async function epochsPerSecond(label: string, p: typeof base, viewEvery: number) {
  const engine = createMlpEngine(p);
  for (let i = 0; i < 200; i++) engine.step(); // warm-up
  const t0 = performance.now();
  let epochs = 0;
  while (performance.now() - t0 < 1500) {
    engine.step();
    epochs++;
    if (epochs % viewEvery === 0) await engine.read(true);
  }
  const rate = epochs / ((performance.now() - t0) / 1000);
  engine.dispose();
  console.log(`${label}: ${rate.toFixed(0)} epochs/s`);
}

const base = defaults(MLP_PARAMS);

it('prints epochs/s of the mlp engine', async () => {
  await epochsPerSecond('TF Playground defaults (2→4→2→1 tanh, batch 10, 250 training points), no views', base, Infinity);
  await epochsPerSecond('same, every heatmap recomputed every 10 epochs', base, 10);
  await epochsPerSecond('same, every heatmap recomputed every epoch', base, 1);
  await epochsPerSecond('spiral preset (4→8→8→1)', { ...base, ...SPIRAL_PRESET }, Infinity);
  await epochsPerSecond('largest (7 inputs, 6 × 8 hidden)', { ...base, x1sq: true, x2sq: true, x1x2: true, sin1: true, sin2: true, layers: 6, w1: 8, w2: 8, w3: 8, w4: 8, w5: 8, w6: 8 }, Infinity);
}, 60_000);
