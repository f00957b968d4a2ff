/** Generic checks over every lecture's self-check set, and the pieces the component uses. */
import { describe, expect, it } from 'vitest';
import { REGISTRY, SELF_CHECK_COUNTS } from '../app/registry';
import { DEFAULT_CONTEXT, makeContext } from './context';
import { fmt, grade, signature } from './grading';
import { parseNumber } from './number';
import { plainText, splitTex } from './RichText';
import type { Answer, SelfCheckSet } from './types';

const modules = import.meta.glob<{ default: SelfCheckSet }>('../lectures/*/selfCheck.ts', { eager: true });
const sets = Object.entries(modules).map(([path, m]) => ({ slug: path.split('/')[2], set: m.default }));

describe('every self-check set', () => {
  it('exists for the lectures 02–06 at least', () => {
    const slugs = sets.map((s) => s.slug);
    for (const s of ['02-ml-basics', '03-neural-networks', '04-backprop', '05-optimization', '06-training-1']) expect(slugs).toContain(s);
  });
  for (const { slug, set } of sets) {
    describe(slug, () => {
      it('names its lecture, has 4–8 questions with unique ids, and the registry counts them', () => {
        expect(set.lecture).toBe(slug);
        expect(set.questions.length).toBeGreaterThanOrEqual(4);
        expect(set.questions.length).toBeLessThanOrEqual(8);
        const ids = set.questions.map((q) => q.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
        expect(SELF_CHECK_COUNTS[slug]).toBe(set.questions.length);
      });
      it('builds every question with the defaults, with a sound answer and explanation', () => {
        for (const q of set.questions) {
          const b = q.build(DEFAULT_CONTEXT);
          expect(b.prompt.trim().length, q.id).toBeGreaterThan(10);
          expect(b.explanation.trim().length, q.id).toBeGreaterThan(10);
          // Balanced inline TeX: an even number of unescaped dollars.
          for (const s of [b.prompt, b.explanation, b.fromLab?.values ?? '']) expect((s.replace(/\\\$/g, '').match(/\$/g) ?? []).length % 2, `${q.id}: ${s}`).toBe(0);
          if (b.answer.kind === 'number') {
            expect(Number.isFinite(b.answer.value), q.id).toBe(true);
          } else {
            expect(b.answer.options.length, q.id).toBeGreaterThanOrEqual(2);
            expect(Number.isInteger(b.answer.correct) && b.answer.correct >= 0 && b.answer.correct < b.answer.options.length, q.id).toBe(true);
          }
          if (b.fromLab) {
            const entry = REGISTRY.find((e) => e.info.slug === slug)!;
            expect(entry.labs.map((l) => l.id), q.id).toContain(b.fromLab.labId);
          }
        }
      });
      it('does not throw on odd live values (they are sanitised)', () => {
        const junk = makeContext(new Proxy({}, { get: () => new Proxy({}, { get: () => 'garbage', has: () => true }), has: () => true }));
        for (const q of set.questions) expect(() => q.build(junk), q.id).not.toThrow();
      });
    });
  }
  it('the registry counts only lectures that have a set', () => {
    for (const slug of Object.keys(SELF_CHECK_COUNTS)) expect(sets.map((s) => s.slug), slug).toContain(slug);
  });
});

describe('number parsing', () => {
  it.each([
    ['0.5', 0.5], ['-3', -3], ['−3', -3], ['1e-3', 0.001], ['1,5', 1.5], ['.5', 0.5], [' 2 ', 2], ['1/3', 1 / 3], ['80 %', 80], ['+4', 4], ['-2/3', -2 / 3],
  ])('reads %s', (s, v) => {
    const p = parseNumber(s);
    expect(p.ok && p.value).toBeCloseTo(v, 12);
  });
  it.each(['', 'abc', '1,000', '1.2.3', '1/0', '1e', '--2', '1,2,3'])('refuses %j with a message', (s) => {
    const p = parseNumber(s);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message.length).toBeGreaterThan(5);
  });
});

describe('grading', () => {
  const num = { kind: 'number', value: 0.25, abs: 0.001 } as const;
  it('accepts within tolerance and rejects outside', () => {
    expect(grade(num, { kind: 'number', text: '0.25' }).status).toBe('correct');
    expect(grade(num, { kind: 'number', text: '0,2505' }).status).toBe('correct');
    expect(grade(num, { kind: 'number', text: '1/4' }).status).toBe('correct');
    expect(grade(num, { kind: 'number', text: '0.26' }).status).toBe('wrong');
    expect(grade(num, { kind: 'number', text: 'x' }).status).toBe('invalid');
    expect(grade({ kind: 'number', value: 100 }, { kind: 'number', text: '100.9' }).status).toBe('correct');
    expect(grade({ kind: 'number', value: 100 }, { kind: 'number', text: '101.1' }).status).toBe('wrong');
  });
  it('grades a choice', () => {
    const c: Answer = { kind: 'choice', options: ['a', 'b'], correct: 1 };
    expect(grade(c, { kind: 'choice', index: 1 }).status).toBe('correct');
    expect(grade(c, { kind: 'choice', index: 0 }).status).toBe('wrong');
    expect(grade(c, { kind: 'choice', index: -1 }).status).toBe('invalid');
  });
  it('formats numbers for TeX and fingerprints questions', () => {
    expect(fmt(0.1 + 0.2)).toBe('0.3');
    expect(fmt(1e-8)).toBe('1\\times 10^{-8}');
    expect(signature({ prompt: 'a', answer: num })).not.toBe(signature({ prompt: 'a', answer: { ...num, value: 0.3 } }));
  });
  it('splits inline TeX, keeping escaped and unclosed dollars as text', () => {
    expect(splitTex('a $x$ b')).toEqual([{ tex: false, s: 'a ' }, { tex: true, s: 'x' }, { tex: false, s: ' b' }]);
    expect(splitTex('costs \\$5')).toEqual([{ tex: false, s: 'costs $5' }]);
    expect(splitTex('a $x')).toEqual([{ tex: false, s: 'a $x' }]);
    expect(plainText('$\\theta = (X^T X)^{-1} X^T y$')).toBe('theta = (X^T X)^-1 X^T y');
    expect(plainText('L1, $|y - \\hat{y}|$')).toBe('L1, |y - haty|');
  });
});

describe('the question context', () => {
  it('returns live values sanitised, and defaults for labs not on the page', () => {
    const schema = { k: { kind: 'number', label: 'k', urlKey: 'k', min: 1, max: 30, step: 1, default: 5 } } as const;
    const ctx = makeContext({ knn: { k: 999 } });
    expect(ctx.params('knn', schema).k).toBe(30);
    expect(ctx.isLive('knn')).toBe(true);
    expect(ctx.params('other', schema).k).toBe(5);
    expect(ctx.isLive('other')).toBe(false);
  });
});
