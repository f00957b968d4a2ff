/** Checking an answer and showing numbers, shared by the component and the tests. */
import type { Answer } from './types';
import { parseNumber } from './number';

export type Given = { kind: 'number'; text: string } | { kind: 'choice'; index: number };

export type Grade = { status: 'correct' | 'wrong' } | { status: 'invalid'; message: string };

/** The tolerance of a numeric answer: max(abs, rel·|value|), defaults abs 0, rel 0.01. */
export function tolerance(a: Extract<Answer, { kind: 'number' }>): number {
  return Math.max(a.abs ?? 0, (a.rel ?? 0.01) * Math.abs(a.value));
}

export function grade(answer: Answer, given: Given): Grade {
  if (answer.kind === 'choice') {
    if (given.kind !== 'choice' || given.index < 0) return { status: 'invalid', message: 'Choose one of the options first.' };
    return { status: given.index === answer.correct ? 'correct' : 'wrong' };
  }
  if (given.kind !== 'number') return { status: 'invalid', message: 'Type a number first.' };
  const parsed = parseNumber(given.text);
  if (!parsed.ok) return { status: 'invalid', message: parsed.message };
  return { status: Math.abs(parsed.value - answer.value) <= tolerance(answer) + 1e-12 ? 'correct' : 'wrong' };
}

/** A number for prompts and explanations: up to `digits` significant digits, no trailing zeros. */
export function fmt(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) {
    const [m, e] = v.toExponential(digits - 1).split('e');
    return `${String(Number(m))}\\times 10^{${Number(e)}}`;
  }
  return String(Number(v.toPrecision(digits)));
}

/** A stable fingerprint of a built question: when it changes, earlier feedback no longer applies. */
export function signature(q: { prompt: string; answer: Answer }): string {
  return JSON.stringify([q.prompt, q.answer]);
}
