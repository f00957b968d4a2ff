import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SectionQueue } from './progressiveSections';

/** Drive the queue like React would: each revealed section "commits" and then calls advance. */
function mount(q: SectionQueue, ids: string[], log: string[]) {
  const initial = ids.map((id) => q.initial(id)); // render: every section asks first
  const unmounts = ids.map((id, i) => {
    if (initial[i]) return () => undefined;
    return q.enqueue(id, () => {
      log.push(id);
      q.advance(id); // its content committed
    });
  });
  return { initial, unmounts };
}

describe('SectionQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 16));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('renders the first sections at once and the rest one per task, in page order', () => {
    const q = new SectionQueue(2);
    const log: string[] = [];
    const { initial } = mount(q, ['a', 'b', 'c', 'd', 'e'], log);
    expect(initial).toEqual([true, true, false, false, false]);
    expect(q.done).toBe(false);
    vi.advanceTimersByTime(16); // first paint
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['c']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['c', 'd']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['c', 'd', 'e']);
    expect(q.done).toBe(true);
  });

  it('answers the same for an id asked twice (React may render a component twice)', () => {
    const q = new SectionQueue(1);
    expect(q.initial('a')).toBe(true);
    expect(q.initial('b')).toBe(false);
    expect(q.initial('a')).toBe(true);
    expect(q.initial('b')).toBe(false);
  });

  it('tells a lab when every section has its content, and at once when that is already so', () => {
    const q = new SectionQueue(1);
    const log: string[] = [];
    mount(q, ['a', 'b', 'c'], log);
    const done = vi.fn();
    q.whenDone(done);
    vi.advanceTimersByTime(16);
    vi.advanceTimersByTime(1);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(done).toHaveBeenCalledTimes(1);
    const later = vi.fn();
    q.whenDone(later);
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('flush reveals everything waiting at once (a link further down, printing)', () => {
    const q = new SectionQueue(1);
    const log: string[] = [];
    mount(q, ['a', 'b', 'c', 'd'], log);
    q.flush();
    expect(log).toEqual(['b', 'c', 'd']);
    expect(q.done).toBe(true);
    // A section that appears later renders at once.
    expect(q.initial('late')).toBe(true);
    vi.runAllTimers();
    expect(log).toEqual(['b', 'c', 'd']);
  });

  it('flush also hurries the section whose turn it is (still rendering as a transition)', () => {
    const q = new SectionQueue(1);
    const calls: [string, boolean][] = [];
    q.initial('a');
    q.initial('b');
    q.initial('c');
    q.enqueue('b', (urgent) => calls.push(['b', urgent])); // never commits by itself
    q.enqueue('c', (urgent) => calls.push(['c', urgent]));
    vi.advanceTimersByTime(17);
    expect(calls).toEqual([['b', false]]);
    q.flush();
    expect(calls).toEqual([['b', false], ['b', true], ['c', true]]);
  });

  it('renders everything at once when told to (deep links, the tests)', () => {
    const q = new SectionQueue(Infinity);
    const log: string[] = [];
    const { initial } = mount(q, ['a', 'b', 'c'], log);
    expect(initial).toEqual([true, true, true]);
    expect(q.done).toBe(true);
  });

  it('a section that unmounts while waiting neither blocks the others nor the labs', () => {
    const q = new SectionQueue(1);
    const log: string[] = [];
    const { unmounts } = mount(q, ['a', 'b', 'c'], log);
    const done = vi.fn();
    q.whenDone(done);
    unmounts[1](); // b goes away before its turn
    vi.advanceTimersByTime(16);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['c']);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('waits for its start signal (the learner engaging, a section nearing the viewport, a quiet while)', () => {
    let start = () => undefined as void;
    const cancel = vi.fn();
    const q = new SectionQueue(1, (go) => {
      start = go;
      return cancel;
    });
    const log: string[] = [];
    mount(q, ['a', 'b', 'c'], log);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
    start();
    expect(cancel).toHaveBeenCalledTimes(1); // the other signals stop being watched
    vi.advanceTimersByTime(16); // one frame first
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['b']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['b', 'c']);
    // A section that turns up after the others had all filled in gets its turn too.
    q.enqueue('d', () => {
      log.push('d');
      q.advance('d');
    });
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['b', 'c', 'd']);
  });

  it('lets a lab in so soon as its own section and every one above it are filled in', () => {
    let start = () => undefined as void;
    const q = new SectionQueue(1, (go) => {
      start = go;
      return () => undefined;
    });
    const log: string[] = [];
    mount(q, ['a', 'b', 'c'], log);
    const inA = vi.fn();
    const inB = vi.fn();
    const unknown = vi.fn();
    q.whenReadyThrough('a', inA);
    q.whenReadyThrough('b', inB);
    q.whenReadyThrough(undefined, unknown);
    expect(inA).toHaveBeenCalledTimes(1); // 'a' renders with the page
    expect(inB).not.toHaveBeenCalled();
    start();
    vi.advanceTimersByTime(17);
    expect(log).toEqual(['b']);
    expect(inB).toHaveBeenCalledTimes(1);
    expect(unknown).not.toHaveBeenCalled(); // outside any section: waits for all
    vi.advanceTimersByTime(1);
    expect(unknown).toHaveBeenCalledTimes(1);
  });
});
