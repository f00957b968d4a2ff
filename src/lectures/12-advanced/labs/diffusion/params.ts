import { defineParams, seedParam, select } from '../../../../params/schema';

/** Training points of the swiss roll (x_0 ~ q(x)). */
export const N_DATA = 2000;
/** Points drawn by the reverse process, and the fresh real points the quality metric compares them with. */
export const N_SAMPLES = 400;
/** Largest t the forward slider offers (it is clamped to the chosen T). */
export const T_MAX = 1000;

export const DIFFUSION_PARAMS = defineParams({
  schedule: select({
    label: 'β schedule', urlKey: 'sched', options: ['linear', 'cosine'] as const, default: 'linear',
    optionLabels: { linear: 'linear (DDPM)', cosine: 'cosine (Nichol & Dhariwal)' },
  }),
  T: {
    kind: 'number', label: 'Diffusion steps', symbol: 'T', urlKey: 'T', min: 20, max: T_MAX, step: 10, default: 100,
    help: 'Length of the chain. The linear β range 10⁻⁴…0.02 (DDPM, T = 1000) is scaled by 1000/T.',
  },
  t: {
    kind: 'number', label: 'Forward step', symbol: 't', urlKey: 't', min: 0, max: T_MAX, step: 1, default: 25,
    help: 'Where to look along the forward chain (view only: never retrains).',
  },
  digit: {
    kind: 'number', label: 'MNIST digit (index)', urlKey: 'digit', min: 0, max: 9999, step: 1, default: 0,
    help: 'Which of the 10,000 digits to diffuse.',
  },
  width: select({
    label: 'Hidden width', urlKey: 'width', options: ['32', '64', '128'] as const, default: '64',
    help: 'Units per hidden layer of ε_θ.',
  }),
  layers: { kind: 'number', label: 'Hidden layers', urlKey: 'layers', min: 1, max: 4, step: 1, default: 3 },
  lr: { kind: 'number', label: 'Learning rate (Adam)', symbol: '\\eta', urlKey: 'lr', min: 1e-4, max: 1e-2, step: 0, scale: 'log', default: 3e-3 },
  batch: { kind: 'number', label: 'Batch size', symbol: 'B', urlKey: 'B', min: 16, max: 256, step: 16, default: 128 },
  iters: {
    kind: 'number', label: 'Training iterations', urlKey: 'iters', min: 200, max: 20000, step: 100, default: 4000,
    help: 'Adam steps; when they are done the reverse process draws the final samples.',
  },
  seed: seedParam(),
});
