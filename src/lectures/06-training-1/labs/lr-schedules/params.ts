import { defineParams, seedParam, select, type Values } from '../../../../params/schema';
import { DEFAULT_RATE, SCHEDULE_KINDS, type ScheduleKind, type ScheduleSpec } from '../../../../ml/schedules';

/** Training points (XOR, noise 1 → σ = 0.25 per coordinate). */
export const N_POINTS = 200;
export const NOISE = 1;
/** The network every schedule trains: 2 inputs, 8 tanh units, 1 sigmoid output. */
export const SIZES = [2, 8, 1] as const;
/** Minibatch size: small, so a constant α keeps bouncing on the gradient noise. */
export const BATCH = 4;

export const SCHEDULE_LABELS = {
  inverse: 'inverse time  α₀/(1 + decay·epoch)',
  step: 'step  α ← α − t·α every n epochs',
  exponential: 'exponential  t^epoch·α₀',
  invsqrt: 'inverse square root  t/√epoch·α₀',
  constant: 'constant  α₀ (reference)',
} as const;

export const LR_SCHEDULES_PARAMS = defineParams({
  schedule: select({
    label: 'Chosen schedule', urlKey: 'sch', options: SCHEDULE_KINDS, default: 'inverse', optionLabels: SCHEDULE_LABELS,
    help: 'Changing it resets the decay rate to the usual value for that rule.',
  }),
  alpha0: {
    kind: 'number', label: 'Initial learning rate', symbol: '\\alpha_0', urlKey: 'a0', min: 0.01, max: 10, step: 0, scale: 'log', default: 2,
    help: 'α at epoch 0 for every schedule.',
  },
  decay: {
    kind: 'number', label: 'Decay rate (chosen schedule)', symbol: 't', urlKey: 'decay', min: 0, max: 2, step: 0.01, default: 1,
    help: 'decay for inverse time; the share t cut (step) or the factor t (exponential), both below 1; t for 1/√epoch.',
  },
  every: { kind: 'number', label: 'Step decay every n epochs', symbol: 'n', urlKey: 'n', min: 1, max: 50, step: 1, default: 20 },
  warmup: {
    kind: 'number', label: 'Warm-up epochs (chosen schedule)', symbol: 'w', urlKey: 'w', min: 0, max: 30, step: 1, default: 0,
    help: 'α rises linearly to α₀ over w epochs, then the chosen decay starts.',
  },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'epochs', min: 20, max: 300, step: 10, default: 100 },
  logY: { kind: 'bool', label: 'Log scale for α', urlKey: 'logy', default: true },
  seed: seedParam(1),
});

export type LrSchedulesParams = Values<typeof LR_SCHEDULES_PARAMS>;

/** Decision map grid over the data square. */
export const MAP_GRID = { xMin: -1.2, xMax: 1.2, yMin: -1.2, yMax: 1.2, nx: 60, ny: 60 };

/** The schedule of each run: the chosen one takes the sliders' decay rate and warm-up, the others their usual rate. */
export function runSpec(kind: ScheduleKind, p: LrSchedulesParams): ScheduleSpec {
  const chosen = kind === p.schedule;
  return { kind, alpha0: p.alpha0, rate: chosen ? p.decay : DEFAULT_RATE[kind], every: p.every, warmup: chosen ? p.warmup : 0 };
}
