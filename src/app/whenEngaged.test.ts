import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenEngaged } from './whenEngaged';

describe('whenEngaged', () => {
  let win: EventTarget & { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    win = Object.assign(new EventTarget(), { setTimeout, clearTimeout });
    vi.stubGlobal('window', win);
    vi.stubGlobal('requestIdleCallback', (cb: () => void) => setTimeout(cb, 50));
    vi.stubGlobal('cancelIdleCallback', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('starts at the first scroll, key, pointer or touch, once', () => {
    for (const type of ['scroll', 'wheel', 'keydown', 'pointerdown', 'touchstart']) {
      const cb = vi.fn();
      whenEngaged(cb, 4000);
      expect(cb).not.toHaveBeenCalled();
      win.dispatchEvent(new Event(type));
      win.dispatchEvent(new Event(type));
      vi.advanceTimersByTime(10_000);
      expect(cb, type).toHaveBeenCalledTimes(1);
    }
  });

  it('starts by itself after the quiet time, when the browser is idle', () => {
    const cb = vi.fn();
    whenEngaged(cb, 4000);
    vi.advanceTimersByTime(4000);
    expect(cb).not.toHaveBeenCalled(); // waiting for an idle moment
    vi.advanceTimersByTime(50);
    expect(cb).toHaveBeenCalledTimes(1);
    win.dispatchEvent(new Event('keydown'));
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled', () => {
    const cb = vi.fn();
    const cancel = whenEngaged(cb, 4000);
    cancel();
    win.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(10_000);
    expect(cb).not.toHaveBeenCalled();
  });
});
