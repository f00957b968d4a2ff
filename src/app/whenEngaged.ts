/**
 * Work a page can do without while it loads — filling in sections far below, loading KaTeX for
 * formulas computed at run time — starts when the learner first engages with the page (a scroll,
 * wheel, key, pointer or touch; finding in the page and printing start with a key), or once the
 * page has been left alone for `fallbackMs` and the browser is idle. Not during the load itself:
 * there it would only delay what the learner is looking at.
 */
const EVENTS = ['scroll', 'wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

export function whenEngaged(cb: () => void, fallbackMs: number): () => void {
  if (typeof window === 'undefined') {
    cb();
    return () => undefined;
  }
  let over = false;
  let idle = 0;
  const stop = () => {
    over = true;
    EVENTS.forEach((e) => window.removeEventListener(e, go, true));
    window.clearTimeout(timer);
    if (idle && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
  };
  function go() {
    if (over) return;
    stop();
    cb();
  }
  EVENTS.forEach((e) => window.addEventListener(e, go, { capture: true, passive: true }));
  const timer = window.setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(go, { timeout: 2000 });
    else go();
  }, fallbackMs);
  return stop;
}
