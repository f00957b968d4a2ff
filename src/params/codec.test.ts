import { describe, expect, it } from 'vitest';
import { decodeParams, encodeParams, normalizeNumber } from './codec';
import { defaults, defineParams, seedParam, select } from './schema';

const schema = defineParams({
  k: { kind: 'number', label: 'Neighbours k', urlKey: 'k', min: 1, max: 25, step: 1, default: 5 },
  lr: { kind: 'number', label: 'Learning rate', urlKey: 'lr', min: 1e-4, max: 1, step: 0, scale: 'log', default: 0.1 },
  noise: { kind: 'number', label: 'Noise', urlKey: 'noise', min: 0, max: 1, step: 0.05, default: 0.2 },
  metric: select({ label: 'Distance', urlKey: 'd', options: ['l1', 'l2'] as const, default: 'l2' }),
  show: { kind: 'bool', label: 'Show', urlKey: 'show', default: true },
  theta: { kind: 'vector', label: 'θ', urlKey: 'th', length: 3, min: -10, max: 10, default: [0.2, 0.64, 1] },
  pts: { kind: 'points', label: 'Your points', urlKey: 'pts', maxCount: 4, classes: 2, default: [] },
  seed: seedParam(7),
});

describe('parameter codec', () => {
  it('round-trips every kind of value', () => {
    const v = { ...defaults(schema), k: 9, lr: 0.003, noise: 0.35, metric: 'l1' as const, show: false, theta: [1, -2.5, 3], pts: [{ x: 0.5, y: -0.25, label: 1 }], seed: 42 };
    const q = encodeParams(schema, v, 'knn', new URLSearchParams('other=1'));
    expect(q.get('other')).toBe('1');
    const back = decodeParams(schema, new URLSearchParams(q.toString()), 'knn');
    expect(back.notices).toEqual([]);
    expect(back.values).toEqual(v);
  });

  it('gives defaults with no notice when nothing is in the URL', () => {
    const d = decodeParams(schema, new URLSearchParams(''), 'knn');
    expect(d.values).toEqual(defaults(schema));
    expect(d.notices).toEqual([]);
  });

  it('clamps out-of-range numbers and says so', () => {
    const d = decodeParams(schema, new URLSearchParams('knn.k=400&knn.lr=5&knn.noise=-3'), 'knn');
    expect(d.values.k).toBe(25);
    expect(d.values.lr).toBe(1);
    expect(d.values.noise).toBe(0);
    expect(d.notices).toHaveLength(3);
    expect(d.notices[0]).toMatch(/clamped to 25/);
  });

  it('snaps numbers to the step grid', () => {
    expect(normalizeNumber(schema.noise, 0.337)).toBe(0.35);
    expect(normalizeNumber(schema.k, 4.6)).toBe(5);
    expect(normalizeNumber(schema.lr, 0.0123456)).toBe(0.0123);
  });

  it('falls back to defaults on garbage strings', () => {
    const q = new URLSearchParams();
    q.set('knn.k', 'abc');
    q.set('knn.d', 'cosine<script>');
    q.set('knn.show', 'maybe');
    q.set('knn.th', '1,2');
    q.set('knn.pts', '0.1_0.2_1~zz~5_5_9~0.3_0.3_0');
    q.set('knn.seed', '');
    const d = decodeParams(schema, q, 'knn');
    expect(d.values.k).toBe(5);
    expect(d.values.metric).toBe('l2');
    expect(d.values.show).toBe(true);
    expect(d.values.theta).toEqual([0.2, 0.64, 1]);
    expect(d.values.pts).toEqual([
      { x: 0.1, y: 0.2, label: 1 },
      { x: 0.3, y: 0.3, label: 0 },
    ]);
    expect(d.values.seed).toBe(7);
    expect(d.notices.length).toBe(6);
    expect(d.notices.join(' ')).toMatch(/not a number/);
  });

  it('ignores other labs’ keys', () => {
    const d = decodeParams(schema, new URLSearchParams('linreg.k=3'), 'knn');
    expect(d.values.k).toBe(5);
  });
});
