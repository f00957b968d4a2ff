/** Test helpers for question sets: build a question with given live lab params, and the checks every set must pass. */
import katex from 'katex';
import { expect } from 'vitest';
import { REGISTRY } from '../app/registry';
import { defaults, type Schema, type Values } from '../params/schema';
import { splitTex } from './RichText';
import { makeContext } from './context';
import type { BuiltQuestion, QuestionContext, SelfCheckSet } from './types';

export function buildWith(set: SelfCheckSet, id: string, byLab: Record<string, Record<string, unknown>> = {}): BuiltQuestion {
  const q = set.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q.build(makeContext(byLab));
}

export function numberOf(b: BuiltQuestion): number {
  if (b.answer.kind !== 'number') throw new Error('not numeric');
  return b.answer.value;
}

/** Lab parameters by lab id, laid over the schema defaults (not sanitised: tests pass extremes). */
export type Overrides = Record<string, Record<string, unknown>>;

export function fakeCtx(over: Overrides = {}): QuestionContext {
  return {
    params<S extends Schema>(labId: string, schema: S): Values<S> {
      return { ...defaults(schema), ...(over[labId] ?? {}) } as Values<S>;
    },
    isLive: (labId) => labId in over,
  };
}

export function buildFrom(set: SelfCheckSet, id: string, over: Overrides = {}): BuiltQuestion {
  const q = set.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q.build(fakeCtx(over));
}

export function num(b: BuiltQuestion): number {
  if (b.answer.kind !== 'number') throw new Error('not numeric');
  return b.answer.value;
}

export function checkShape(s: SelfCheckSet, contexts: Overrides[]) {
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
