import { describe, expect, it } from 'vitest';
import { defineParams, seedParam, select } from '../params/schema';
import {
  diffFrom, differingLegend, emptyHistory, MAX_PINNED, MAX_POINTS, MAX_UNPINNED, parseHistory, recordRun, serializeHistory,
  setPinned, snapshotSeries, type RunHistoryState, type RunSnapshot,
} from './runHistory';

const SCHEMA = defineParams({
  lr: { kind: 'number', label: 'Learning rate', symbol: '\\alpha', urlKey: 'lr', min: 0.001, max: 1, step: 0, scale: 'log', default: 0.1 },
  batch: { kind: 'number', label: 'Batch size', urlKey: 'b', min: 1, max: 256, step: 1, default: 32 },
  steps: { kind: 'number', label: 'Iterations', urlKey: 'steps', min: 10, max: 500, step: 10, default: 100 },
  opt: select({ label: 'Optimizer', urlKey: 'opt', options: ['sgd', 'adam'], optionLabels: { sgd: 'SGD', adam: 'Adam' }, default: 'sgd' }),
  zoom: { kind: 'number', label: 'Zoom', urlKey: 'z', min: 1, max: 4, step: 1, default: 1 },
  seed: seedParam(),
});

const params = (over: Record<string, unknown> = {}) => ({ lr: 0.1, batch: 32, steps: 100, opt: 'sgd', zoom: 1, seed: 1, ...over });

const snap = (key: string, over: Partial<RunSnapshot> = {}): RunSnapshot => ({
  key, params: params(), series: { loss: [{ x: 0, y: 1 }, { x: 1, y: 0.5 }] }, metrics: { loss: 0.5 }, steps: 1, status: 'done', ...over,
});

describe('recording runs', () => {
  it('numbers runs in order and records the same run only once (a second record updates it)', () => {
    let h = recordRun(emptyHistory(), snap('a:1', { status: 'running', steps: 5 }), 1, true);
    h = recordRun(h, snap('a:2'), 2);
    h = recordRun(h, snap('a:1', { status: 'done', steps: 100 }), 3);
    expect(h.runs.map((r) => [r.key, r.number, r.status, r.steps, r.pinned])).toEqual([
      ['a:1', 1, 'done', 100, true],
      ['a:2', 2, 'done', 1, false],
    ]);
    expect(h.nextNumber).toBe(3);
  });

  it('keeps the last MAX_UNPINNED unpinned runs and every pinned one', () => {
    let h: RunHistoryState = emptyHistory();
    h = recordRun(h, snap('p1'), 0, true);
    for (let i = 0; i < MAX_UNPINNED + 5; i++) h = recordRun(h, snap(`u${i}`), i);
    expect(h.runs).toHaveLength(MAX_UNPINNED + 1);
    expect(h.runs[0].key).toBe('p1');
    expect(h.runs.filter((r) => !r.pinned).map((r) => r.key)).toEqual(Array.from({ length: MAX_UNPINNED }, (_, i) => `u${i + 5}`));
  });

  it('caps pinned runs at MAX_PINNED with a message, and unpinning clears it', () => {
    let h: RunHistoryState = emptyHistory();
    for (let i = 0; i < MAX_PINNED; i++) h = setPinned(recordRun(h, snap(`r${i}`), i), `r${i}`, true);
    h = recordRun(h, snap(`r${MAX_PINNED}`), 50);
    expect(h.message).toBeNull();
    h = setPinned(h, `r${MAX_PINNED}`, true);
    expect(h.runs.filter((r) => r.pinned)).toHaveLength(MAX_PINNED);
    expect(h.message).toMatch(/Up to 8 runs can be pinned/);
    h = recordRun(h, snap('extra'), 99, true);
    expect(h.runs.find((r) => r.key === 'extra')?.pinned).toBe(false);
    h = setPinned(h, 'r0', false);
    expect(h.message).toBeNull();
    h = setPinned(h, `r${MAX_PINNED}`, true);
    expect(h.runs.find((r) => r.key === `r${MAX_PINNED}`)?.pinned).toBe(true);
  });

  it('downsamples each series to at most MAX_POINTS, keeping the ends and a spike, loss keys first', () => {
    const long = Array.from({ length: 2000 }, (_, i) => ({ x: i, y: i === 1234 ? 1e6 : 1 / (i + 1) }));
    const s = snapshotSeries({ acc: long, loss: long, bad: [{ x: 0, y: NaN }] }, ['loss']);
    expect(Object.keys(s)).toEqual(['loss', 'acc']);
    expect(s.loss.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(s.loss[0]).toEqual({ x: 0, y: 1 });
    expect(s.loss[s.loss.length - 1].x).toBe(1999);
    expect(s.loss.some((p) => p.y === 1e6)).toBe(true);
  });
});

describe('what differed', () => {
  it('names each run by the parameters that vary and lists the rest once', () => {
    const { labels, same } = differingLegend(SCHEMA, [
      { name: 'Run 1', params: params({ lr: 0.1, batch: 32, zoom: 3 }) },
      { name: 'Run 3', params: params({ lr: 0.01, batch: 32 }) },
      { name: 'Current run', params: params({ lr: 0.01, batch: 8, opt: 'adam' }) },
    ], ['zoom']);
    expect(labels).toEqual(['Run 1: α = 0.1, batch size 32, optimizer SGD', 'Run 3: α = 0.01, batch size 32, optimizer SGD', 'Current run: α = 0.01, batch size 8, optimizer Adam']);
    expect(same).toBe('Same in all: iterations 100, seed 1');
  });

  it('a run alone has no differences; identical runs are named only', () => {
    expect(differingLegend(SCHEMA, [{ name: 'Current run', params: params() }])).toEqual({
      labels: ['Current run'], same: 'Same in all: α = 0.1, batch size 32, iterations 100, optimizer SGD, zoom 1, seed 1',
    });
    expect(diffFrom(SCHEMA, params({ seed: 7, zoom: 2 }), params(), ['zoom'])).toEqual(['seed 7']);
  });
});

describe('sessionStorage data', () => {
  const full = () => {
    let h = recordRun(emptyHistory(), snap('a:1', { status: 'diverged', metrics: { loss: NaN } }), 5, true);
    h = recordRun(h, snap('a:2'), 6);
    return h;
  };

  it('round-trips, NaN metrics included', () => {
    const back = parseHistory(serializeHistory(full()), Object.keys(SCHEMA));
    expect(back?.runs).toHaveLength(2);
    expect(back?.runs[0].pinned).toBe(true);
    expect(back?.runs[0].metrics.loss).toBeNaN();
    expect(back?.runs[1].series.loss).toEqual([{ x: 0, y: 1 }, { x: 1, y: 0.5 }]);
    expect(back?.nextNumber).toBe(3);
    expect(serializeHistory(full(), true)).not.toContain('a:2');
  });

  it('discards corrupt data instead of throwing', () => {
    const good = JSON.parse(serializeHistory(full()));
    const bad: unknown[] = [
      '{not json', '[]', 'null', JSON.stringify({ ...good, v: 99 }),
      JSON.stringify({ ...good, runs: [{ ...good.runs[0], series: { loss: [1, 2, 3] } }] }),
      JSON.stringify({ ...good, runs: [{ ...good.runs[0], status: 'exploded' }] }),
      JSON.stringify({ ...good, runs: [{ ...good.runs[0], params: 'lr=1' }] }),
      JSON.stringify({ ...good, runs: [good.runs[0], good.runs[0]] }),
      JSON.stringify({ ...good, runs: [{ ...good.runs[0], series: { loss: new Array(2 * MAX_POINTS + 2).fill(1) } }] }),
    ];
    for (const raw of bad) expect(parseHistory(raw as string)).toBeNull();
    expect(parseHistory(null)).toBeNull();
  });

  it('drops runs whose parameters no longer match the lab', () => {
    const back = parseHistory(serializeHistory(full()), [...Object.keys(SCHEMA), 'renamed']);
    expect(back?.runs).toEqual([]);
    expect(back?.nextNumber).toBe(3);
  });
});
