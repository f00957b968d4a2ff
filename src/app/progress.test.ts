import { describe, expect, it } from 'vitest';
import { validateSaved } from './progress';

describe('saved progress validation', () => {
  it('accepts well-formed data and nothing', () => {
    expect(validateSaved(null)).toEqual({ ok: true, value: null });
    const good = JSON.stringify({ state: { visited: { '02-ml-basics': 1 }, labsRun: {} }, version: 1 });
    expect(validateSaved(good)).toEqual({ ok: true, value: good });
  });
  it('rejects corrupt JSON and wrong shapes', () => {
    expect(validateSaved('{not json').ok).toBe(false);
    expect(validateSaved(JSON.stringify({ state: { visited: [1], labsRun: {} } })).ok).toBe(false);
    expect(validateSaved(JSON.stringify({ state: { visited: { a: 'x' }, labsRun: {} } })).ok).toBe(false);
    expect(validateSaved('42').ok).toBe(false);
  });
});

describe('self-check answers in saved progress', () => {
  it('loads data saved before questions existed, and data with them', () => {
    const old = JSON.stringify({ state: { visited: {}, labsRun: { knn: 5 } }, version: 1 });
    expect(validateSaved(old).ok).toBe(true);
    const withQ = JSON.stringify({ state: { visited: {}, labsRun: {}, questions: { '02-ml-basics/knn-vote': 7 } }, version: 1 });
    expect(validateSaved(withQ).ok).toBe(true);
  });
  it('rejects a malformed questions record', () => {
    expect(validateSaved(JSON.stringify({ state: { visited: {}, labsRun: {}, questions: ['a'] } })).ok).toBe(false);
    expect(validateSaved(JSON.stringify({ state: { visited: {}, labsRun: {}, questions: { a: true } } })).ok).toBe(false);
    expect(validateSaved(JSON.stringify({ state: { visited: {}, labsRun: {}, questions: null } })).ok).toBe(false);
  });
  it('records a right answer once and clears it on reset', async () => {
    const { useProgress } = await import('./progress');
    useProgress.getState().markQuestionRight('05-optimization/momentum');
    const t = useProgress.getState().questions['05-optimization/momentum'];
    expect(t).toBeGreaterThan(0);
    useProgress.getState().markQuestionRight('05-optimization/momentum');
    expect(useProgress.getState().questions['05-optimization/momentum']).toBe(t);
    useProgress.getState().reset();
    expect(useProgress.getState().questions).toEqual({});
  });
});
