import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../../app/registry';
import { makeSchedule } from '../../ml/diffusion';
import { defaults, type Schema, type Values } from '../../params/schema';
import { splitTex } from '../../selfcheck/RichText';
import type { BuiltQuestion, QuestionContext, SelfCheckSet } from '../../selfcheck/types';
import { DIFFUSION_PARAMS } from './labs/diffusion/params';
import { GNN_PARAMS } from './labs/gnn/params';
import { RL_PARAMS } from './labs/rl/params';
import set from './selfCheck';

type Overrides = Record<string, Record<string, unknown>>;

function fakeCtx(over: Overrides = {}): QuestionContext {
  return {
    params<S extends Schema>(labId: string, schema: S): Values<S> {
      return { ...defaults(schema), ...(over[labId] ?? {}) } as Values<S>;
    },
    isLive: (labId) => labId in over,
  };
}

function build(id: string, over: Overrides = {}): BuiltQuestion {
  const q = set.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q.build(fakeCtx(over));
}

function num(b: BuiltQuestion): number {
  if (b.answer.kind !== 'number') throw new Error('not numeric');
  return b.answer.value;
}

function checkShape(s: SelfCheckSet, contexts: Overrides[]) {
  expect(s.questions.length).toBeGreaterThanOrEqual(4);
  expect(s.questions.length).toBeLessThanOrEqual(8);
  expect(new Set(s.questions.map((q) => q.id)).size).toBe(s.questions.length);
  for (const over of contexts) {
    for (const q of s.questions) {
      const b = q.build(fakeCtx(over));
      expect(b.prompt.trim().length, q.id).toBeGreaterThan(10);
      expect(b.explanation.trim().length, q.id).toBeGreaterThan(20);
      expect(b.prompt + b.explanation, q.id).not.toMatch(/NaN|undefined|Infinity/);
      if (b.answer.kind === 'number') {
        expect(Number.isFinite(b.answer.value), q.id).toBe(true);
      } else {
        expect(b.answer.options.length, q.id).toBeGreaterThanOrEqual(2);
        expect(new Set(b.answer.options).size, q.id).toBe(b.answer.options.length);
        expect(b.answer.correct, q.id).toBeGreaterThanOrEqual(0);
        expect(b.answer.correct, q.id).toBeLessThan(b.answer.options.length);
      }
      if (b.fromLab) {
        expect(b.fromLab.values.length, q.id).toBeGreaterThan(0);
        const labs = REGISTRY.find((e) => e.info.slug === s.lecture)?.labs ?? [];
        expect(labs, q.id).toContainEqual(expect.objectContaining({ id: b.fromLab.labId, title: b.fromLab.labTitle }));
      }
      // Every $ opens and closes inline TeX.
      expect((b.prompt.match(/\$/g) ?? []).length % 2, q.id).toBe(0);
      expect((b.explanation.match(/\$/g) ?? []).length % 2, q.id).toBe(0);
      const texts = [b.prompt, b.explanation, ...(b.answer.kind === 'choice' ? b.answer.options : [])];
      for (const part of texts.flatMap(splitTex)) {
        if (part.tex) expect(() => katex.renderToString(part.s, { throwOnError: true, strict: 'ignore' }), `${q.id}: ${part.s}`).not.toThrow();
      }
    }
  }
}

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
