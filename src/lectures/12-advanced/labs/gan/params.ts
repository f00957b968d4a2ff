import { GAN_DISTRIBUTIONS } from '../../../../ml/data/gan2d';
import { GAN_LOSSES } from '../../../../ml/gan';
import { defineParams, seedParam, select, type Values } from '../../../../params/schema';

/** The plane shown (all targets live in about [−1.5, 1.5]²). */
export const PLANE = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
/** Resolution of the D(x) heatmap (HEAT_N × HEAT_N cells over PLANE). */
export const HEAT_N = 48;

export const GAN_PARAMS = defineParams({
  dist: select({
    label: 'Target distribution', urlKey: 'dist', options: GAN_DISTRIBUTIONS, default: 'ring',
    optionLabels: { ring: 'Ring (radius 1)', grid: '3 × 3 grid of Gaussians', grid25: '5 × 5 grid of Gaussians', moons: 'Two moons', drawn: 'Draw your own' },
  }),
  loss: select({
    label: 'Generator loss', urlKey: 'loss', options: GAN_LOSSES, default: 'nonsat',
    optionLabels: { nonsat: 'Non-saturating  −½ E log D(G(z))', minimax: 'Minimax  J⁽ᴳ⁾ = −J⁽ᴰ⁾ (notes)' },
  }),
  lrD: { kind: 'number', label: 'Learning rate of D', symbol: '\\alpha_D', urlKey: 'lrD', min: 0.00001, max: 0.1, step: 0, scale: 'log', default: 0.002 },
  lrG: { kind: 'number', label: 'Learning rate of G', symbol: '\\alpha_G', urlKey: 'lrG', min: 0.00001, max: 0.1, step: 0, scale: 'log', default: 0.002 },
  k: { kind: 'number', label: 'D steps per G step', symbol: 'k', urlKey: 'k', min: 1, max: 10, step: 1, default: 1 },
  batch: { kind: 'number', label: 'Batch size', symbol: 'B', urlKey: 'bs', min: 8, max: 256, step: 8, default: 32, help: 'Real and generated points per step (each).' },
  hidden: { kind: 'number', label: 'Hidden units per layer', symbol: 'h', urlKey: 'h', min: 4, max: 64, step: 4, default: 16, help: 'Both G and D have two hidden layers of this width (leaky ReLU).' },
  steps: { kind: 'number', label: 'Step budget (G steps)', urlKey: 'steps', min: 100, max: 20000, step: 100, default: 1500, help: 'Seed 1–3 reach the ring (mean distance < 0.1 r) by step 1,000–1,200.' },
  points: { kind: 'points', label: 'Your drawing', urlKey: 'pts', maxCount: 200, classes: 1, default: [] },
  heat: { kind: 'bool', label: 'Show D(x) heatmap', urlKey: 'heat', default: true },
  arrows: { kind: 'bool', label: 'Show the generator’s gradients', urlKey: 'arrows', default: true },
  seed: seedParam(1),
});

export type GanParams = Values<typeof GAN_PARAMS>;

/** Settings that collapse the 3 × 3 grid onto one or a few modes (checked in engine.test.ts). */
export const COLLAPSE_PRESET = { dist: 'grid', loss: 'nonsat', k: 1, lrD: 0.001, lrG: 0.01, hidden: 32, batch: 64, steps: 4000 } as const;
/** Settings that cover most of the 3 × 3 grid. */
export const GRID_PRESET = { dist: 'grid', loss: 'nonsat', k: 2, lrD: 0.002, lrG: 0.001, hidden: 32, batch: 64, steps: 4000 } as const;
