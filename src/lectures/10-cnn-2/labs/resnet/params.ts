import { defineParams, seedParam, select, type Values } from '../../../../params/schema';

/** Training points (the two-arm spiral) and the minibatch size. */
export const N_POINTS = 256;
export const BATCH = 32;
/** Rows per evaluation chunk (one engine step each), so a 32-layer evaluation never blocks a frame. */
export const EVAL_CHUNK = 32;
export const EVAL_STEPS = N_POINTS / EVAL_CHUNK;
/** The loss curves average the minibatch losses over this many steps per point. */
export const CURVE_EVERY = 10;
/** Depths the sweep runs (those below the chosen depth D), after D itself. */
export const SWEEP_DEPTHS = [2, 4, 8, 16, 32] as const;

export const RESNET_PARAMS = defineParams({
  depth: {
    kind: 'number', label: 'Hidden layers', symbol: 'D', urlKey: 'D', min: 2, max: 32, step: 2, default: 16,
    help: 'Hidden layers between the input and the output layer; the residual net groups them into D/2 blocks of two.',
  },
  width: { kind: 'number', label: 'Width', symbol: 'n', urlKey: 'w', min: 8, max: 32, step: 4, default: 16, help: 'Units per hidden layer.' },
  init: select({
    label: 'Initialisation', urlKey: 'init', options: ['xavier', 'he'] as const, default: 'xavier',
    optionLabels: { xavier: 'Xavier, Var(w) = 1/n', he: 'He ("Xavier/2"), Var(w) = 2/n' },
  }),
  block: select({
    label: 'Residual block', urlKey: 'block', options: ['identity', 'post'] as const, default: 'identity',
    optionLabels: { identity: 'x + F(x)', post: 'ReLU(x + F(x)) (the notes’ block)' },
  }),
  lr: { kind: 'number', label: 'Adam learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.001, max: 0.1, step: 0, scale: 'log', default: 0.01 },
  iters: { kind: 'number', label: 'Steps per network', urlKey: 'it', min: 100, max: 1000, step: 50, default: 400, help: 'The fixed training budget: minibatch steps of 32 points.' },
  sweep: { kind: 'bool', label: 'Also train shallower nets (2, 4, 8, 16)', urlKey: 'sweep', default: true },
  seed: seedParam(),
});

export type ResnetParams = Values<typeof RESNET_PARAMS>;

/** The depths trained, in order: the chosen D first, then the sweep's shallower depths. */
export function runDepths(p: Pick<ResnetParams, 'depth' | 'sweep'>): number[] {
  const D = Math.round(p.depth);
  return p.sweep ? [D, ...SWEEP_DEPTHS.filter((d) => d < D)] : [D];
}

/** Engine steps of one network: evaluation at the start (chunks), the training steps, evaluation at the end. */
export function stepsPerRun(p: Pick<ResnetParams, 'iters'>): number {
  return EVAL_STEPS + Math.round(p.iters) + EVAL_STEPS;
}

/** Every depth trains a plain and a residual net. */
export function totalSteps(p: Pick<ResnetParams, 'depth' | 'sweep' | 'iters'>): number {
  return 2 * runDepths(p).length * stepsPerRun(p);
}
