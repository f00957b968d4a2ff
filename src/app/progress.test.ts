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
