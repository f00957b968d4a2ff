/** Test helpers for question sets: build a question with given live lab params. */
import { makeContext } from './context';
import type { BuiltQuestion, SelfCheckSet } from './types';

export function buildWith(set: SelfCheckSet, id: string, byLab: Record<string, Record<string, unknown>> = {}): BuiltQuestion {
  const q = set.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q.build(makeContext(byLab));
}

export function numberOf(b: BuiltQuestion): number {
  if (b.answer.kind !== 'number') throw new Error('not numeric');
  return b.answer.value;
}
