import { defineParams, seedParam, select, type Values } from '../../../../params/schema';

/** Symbols to remember (classes) and distractor symbols of the long-range task. */
export const K_SYMBOLS = 4;
export const M_DISTRACTORS = 4;
/** Sequences per training step (shared by both models). */
export const BATCH = 16;
/** The LSTM processes its batch in micro-batches of this size, one engine step each, so a step stays within a frame. */
export const LSTM_MICRO = 16;
/** Engine steps per training iteration: one for the RNN, BATCH/LSTM_MICRO for the LSTM. */
export const STEPS_PER_ITER = 1 + BATCH / LSTM_MICRO;
/** Accuracy and loss points average this many iterations. */
export const CURVE_EVERY = 10;

export const RNN_GRAD_PARAMS = defineParams({
  // Part 1 (view only: computed in the page, no training)
  l1: { kind: 'number', label: 'Eigenvalue λ₁', symbol: '\\lambda_1', urlKey: 'l1', min: -1.5, max: 1.5, step: 0.01, default: 0.9 },
  l2: { kind: 'number', label: 'Eigenvalue λ₂', symbol: '\\lambda_2', urlKey: 'l2', min: -1.5, max: 1.5, step: 0.01, default: 0.6 },
  phi: {
    kind: 'number', label: 'Eigenvector angle (degrees)', symbol: '\\varphi', urlKey: 'phi', min: 0, max: 180, step: 5, default: 30,
    help: 'Q is the rotation by φ: q₁ = (cos φ, sin φ), q₂ = (−sin φ, cos φ).',
  },
  a0: { kind: 'number', label: 'Angle of A₀ (degrees, ‖A₀‖ = 1)', urlKey: 'a0', min: 0, max: 360, step: 5, default: 100 },
  steps: { kind: 'number', label: 'Steps shown', symbol: 't_{\\max}', urlKey: 'ts', min: 5, max: 100, step: 5, default: 40 },
  // Part 2 (training)
  T: {
    kind: 'number', label: 'Sequence length', symbol: 'T', urlKey: 'T', min: 2, max: 50, step: 1, default: 40,
    help: 'The first input is the symbol to remember; the next T − 1 inputs are distractors; the answer is asked for after step T.',
  },
  H: { kind: 'number', label: 'Hidden units (both models)', symbol: 'H', urlKey: 'H', min: 8, max: 32, step: 4, default: 16 },
  scale: {
    kind: 'number', label: 'RNN recurrent-weight scale', symbol: 's', urlKey: 's', min: 0.2, max: 3, step: 0.05, default: 0.8,
    help: 'θ_c = s·G/√H with G Gaussian (spectral radius ≈ s), or s times a random orthogonal matrix.',
  },
  init: select({
    label: 'RNN recurrent initialisation', urlKey: 'init', options: ['gaussian', 'orthogonal'] as const, default: 'gaussian',
    optionLabels: { gaussian: 'Gaussian, s·N(0, 1/H)', orthogonal: 's × orthogonal' },
  }),
  act: select({
    label: 'RNN activation', urlKey: 'act', options: ['tanh', 'linear'] as const, default: 'tanh',
    optionLabels: { tanh: 'tanh', linear: 'none (the notes’ linear Aₜ)' },
  }),
  fb: {
    kind: 'number', label: 'LSTM forget-gate bias at initialisation', symbol: 'b_f', urlKey: 'fb', min: 0, max: 5, step: 0.5, default: 3,
    help: 'σ(b_f) is the forget gate a fresh LSTM starts with: σ(3) ≈ 0.95 keeps the cell (and its gradient) over many steps.',
  },
  opt: select({ label: 'Optimiser', urlKey: 'opt', options: ['adam', 'sgd'] as const, default: 'adam', optionLabels: { adam: 'Adam', sgd: 'SGD' } }),
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.0005, max: 0.5, step: 0, scale: 'log', default: 0.01 },
  clip: { kind: 'bool', label: 'Clip the gradient norm', urlKey: 'clip', default: false },
  tau: { kind: 'number', label: 'Clipping threshold', symbol: '\\tau', urlKey: 'tau', min: 0.01, max: 10, step: 0, scale: 'log', default: 1 },
  iters: { kind: 'number', label: 'Training steps per model', urlKey: 'it', min: 100, max: 3000, step: 100, default: 1000 },
  seed: seedParam(),
});

export type RnnGradParams = Values<typeof RNN_GRAD_PARAMS>;

/** Parameters of Part 1: they only change the page's own computation, never the training run. */
export const PART1_KEYS = ['l1', 'l2', 'phi', 'a0', 'steps'] as const;
