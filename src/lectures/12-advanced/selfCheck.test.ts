import { describe, expect, it } from 'vitest';
import { makeSchedule } from '../../ml/diffusion';
import { buildFrom, checkShape, num, type Overrides } from '../../selfcheck/testing';
import type { BuiltQuestion } from '../../selfcheck/types';
import { DIFFUSION_PARAMS } from './labs/diffusion/params';
import { GNN_PARAMS } from './labs/gnn/params';
import { RL_PARAMS } from './labs/rl/params';
import set from './selfCheck';

const build = (id: string, over: Overrides = {}): BuiltQuestion => buildFrom(set, id, over);

const df = DIFFUSION_PARAMS;
const CONTEXTS: Overrides[] = [
  {},
  {
    gnn: { rounds: GNN_PARAMS.rounds.min },
    diffusion: { schedule: 'cosine', T: df.T.min, t: df.t.max },
    rl: { gamma: RL_PARAMS.gamma.min, stepReward: RL_PARAMS.stepReward.min },
  },
  {
    gnn: { rounds: GNN_PARAMS.rounds.max },
    diffusion: { schedule: 'linear', T: df.T.max, t: df.t.min },
    rl: { gamma: RL_PARAMS.gamma.max, stepReward: RL_PARAMS.stepReward.max },
  },
  { diffusion: { schedule: 'linear', T: df.T.min, t: df.t.max } },
  { diffusion: { schedule: 'cosine', T: df.T.max, t: 500 }, rl: { gamma: 0.5, stepReward: -0.04 } },
];

describe('Lecture 12 self-check', () => {
  it('has 4–8 well-formed questions for defaults and extreme lab settings', () => {
    expect(set.lecture).toBe('12-advanced');
    checkShape(set, CONTEXTS);
  });

  it('message passing reaches L hops', () => {
    expect(num(build('gnn-hops'))).toBe(2);
    expect(num(build('gnn-hops', CONTEXTS[1]))).toBe(1);
    expect(num(build('gnn-hops', CONTEXTS[2]))).toBe(4);
  });

  it('the diffusion noise variance agrees with the lab library’s schedule within the stated tolerance', () => {
    const cases: [string, number, number][] = [];
    for (const kind of ['linear', 'cosine'] as const) {
      for (const T of [df.T.min, 30, 100, 370, df.T.max]) {
        for (const t of [0, 1, 2, 25, Math.floor(T / 2), T - 1, T, df.t.max]) {
          const over = { diffusion: { schedule: kind, T, t } };
          const tt = Math.min(Math.max(t, 1), T);
          const want = 1 - makeSchedule(kind, T).alphaBar[tt];
          const b = build('diffusion-noise', over);
          expect(b.answer.kind).toBe('number');
          if (b.answer.kind !== 'number') continue;
          // The built answer comes from the rounded numbers in the prompt: close to the exact value,
          // and the exact value is itself accepted by the tolerance given to the learner.
          expect(Math.abs(b.answer.value - want), `${kind} ${T} ${t}`).toBeLessThanOrEqual(1e-3 * want + 1e-12);
          expect(Math.abs(b.answer.value - want)).toBeLessThanOrEqual((b.answer.rel ?? 0.01) * Math.abs(b.answer.value));
          cases.push([kind, T, t]);
        }
      }
    }
    expect(cases.length).toBe(2 * 5 * 8);
    // Defaults: linear, T = 100, t = 25.
    expect(num(build('diffusion-noise'))).toBeCloseTo(1 - makeSchedule('linear', 100).alphaBar[25], 3);
  });

  it('discounted return of reaching the goal on the 4th move', () => {
    const ret = (g: number, r: number) => r + g * r + g * g * r + g * g * g * 1;
    expect(num(build('rl-return'))).toBeCloseTo(ret(0.9, -0.04), 12);
    expect(num(build('rl-return', CONTEXTS[1]))).toBeCloseTo(-0.5, 12); // γ = 0: only the first reward counts
    expect(num(build('rl-return', CONTEXTS[2]))).toBeCloseTo(ret(0.99, 0.1), 12);
    expect(num(build('rl-return', CONTEXTS[4]))).toBeCloseTo(-0.04 - 0.02 - 0.01 + 0.125, 12);
  });
});
