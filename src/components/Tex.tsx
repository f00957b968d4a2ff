/**
 * The one KaTeX component. Renders to a string (memoised on the TeX source), so a formula fed live
 * values re-renders only when the digits it shows change. trust is off; strict is 'ignore'
 * (katexOptions.ts).
 *
 * Formulas written out in the source arrive typeset: the build runs KaTeX on them and passes the
 * HTML as `pre` (scripts/tex-prerender.ts). KaTeX's JavaScript (katexRender.ts, its own chunk) is
 * loaded only for formulas computed at run time — when one is to be shown, when the learner first
 * interacts with the page, or once the page has been idle a while, so it is there before printing.
 */
import { memo, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { isShown, onShown } from '../app/contentShown';
import { SectionShownContext } from '../app/progressiveSections';
import { whenEngaged } from '../app/whenEngaged';

export interface TexProps {
  math: string;
  display?: boolean;
  className?: string;
  /** KaTeX's HTML for `math`, inserted by the build for written-out TeX (scripts/tex-prerender.ts); never written by hand. */
  pre?: string;
}

type Renderer = (math: string, display: boolean) => string;
let renderer: Renderer | null = null;
let loading: Promise<void> | null = null;

let resolveLoaded: () => void = () => undefined;
/** Resolves once KaTeX is loaded, without asking for it. */
const katexLoaded = new Promise<void>((resolve) => {
  resolveLoaded = resolve;
});

/** Loads KaTeX (once). Resolves when formulas computed at run time can be typeset. */
export function loadKatex(): Promise<void> {
  loading ??= import('./katexRender').then((m) => {
    renderer = m.renderTex;
    resolveLoaded();
  });
  return loading;
}

/**
 * A page with formulas computed at run time loads KaTeX before they are needed: when the learner
 * first engages with the page (printing starts with a key too) or after a few quiet seconds — not
 * during the page load itself, where evaluating KaTeX would be one long task.
 */
let preloadArmed = false;
function preloadSoon() {
  if (preloadArmed || renderer) return;
  preloadArmed = true;
  whenEngaged(() => void loadKatex(), 6000);
}

const keyOf = (math: string, display: boolean) => (display ? 'd|' : 'i|') + math;

/** Rendered HTML by source, so a formula shown again (or fed back the same value) costs nothing. */
const cache = new Map<string, string>();
const CACHE_MAX = 4000;

/** The HTML for a formula: from the cache, else typeset now if KaTeX is loaded, else undefined. */
function typeset(math: string, display: boolean): string | undefined {
  const key = keyOf(math, display);
  let html = cache.get(key);
  if (html === undefined && renderer) {
    html = renderer(math, display);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, html);
  }
  return html;
}

/**
 * Time slicing for the first render of a page's formulas. A lecture has 100–300 formulas; typeset
 * in one go they block the main thread for a second or more on a slow phone. Formulas render
 * synchronously until a task has spent SLICE_MS on them (so the first screen paints complete);
 * the rest are queued and typeset in later tasks of at most SLICE_MS each, in page order.
 * A formula already on screen that changes (live values) always re-renders at once.
 */
const SLICE_MS = 5;
let sliceEnd = -1;
const pending: (() => void)[] = [];
let draining = false;

function inSlice(): boolean {
  const now = performance.now();
  if (sliceEnd < 0) {
    sliceEnd = now + SLICE_MS;
    setTimeout(() => { sliceEnd = -1; }, 0);
  }
  return now < sliceEnd;
}

function drain() {
  const end = performance.now() + SLICE_MS;
  while (pending.length > 0 && performance.now() < end) pending.shift()!();
  if (pending.length > 0) setTimeout(drain, 0);
  else draining = false;
}

function enqueue(job: () => void): () => void {
  pending.push(job);
  if (!draining) {
    draining = true;
    setTimeout(drain, 0);
  }
  return () => {
    const i = pending.indexOf(job);
    if (i >= 0) pending.splice(i, 1);
  };
}

/**
 * A display formula wider than its column scrolls; then it must be reachable by keyboard too.
 * Until it has been measured it is clipped instead (global.css: only `.tex-scrolls` scrolls), so a
 * formula in a section the browser has not rendered yet is never an unreachable scroller.
 * One ResizeObserver for every display formula: it reports after layout, in one batch, so reading
 * scrollWidth there forces no extra layout (a timer per formula did, 1–2 s on a long lecture).
 * The formula's own box is observed too, so a live formula that grows is re-measured.
 */
const overflowWatchers = new Map<Element, () => void>();
let overflowObserver: ResizeObserver | null = null;

/**
 * A formula's box does not change size when a KaTeX font arrives, but its content does (the
 * fallback font is narrower): measure every display formula again after each font load.
 */
let fontsWatched = false;
function remeasureAll() {
  new Set(overflowWatchers.values()).forEach((cb) => cb());
}
/** A lecture section the browser skipped until now is being rendered: measure its formulas. */
function remeasureIn(section: Element) {
  const seen = new Set<() => void>();
  overflowWatchers.forEach((cb, el) => {
    if (!seen.has(cb) && section.contains(el)) {
      seen.add(cb);
      cb();
    }
  });
}
/** And once more, in one batch, half a second after formulas stop arriving (late CSS, fonts). */
let settleTimer = 0;
function scheduleSettle() {
  window.clearTimeout(settleTimer);
  settleTimer = window.setTimeout(() => requestAnimationFrame(remeasureAll), 500);
}

function watchOverflow(el: Element, onChange: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  if (!fontsWatched && typeof document !== 'undefined' && document.fonts) {
    fontsWatched = true;
    document.fonts.addEventListener('loadingdone', () => requestAnimationFrame(remeasureAll));
    void document.fonts.ready.then(() => requestAnimationFrame(remeasureAll));
  }
  if (!overflowObserver) onShown(remeasureIn);
  overflowObserver ??= new ResizeObserver((entries) => {
    const seen = new Set<() => void>();
    for (const e of entries) {
      const cb = overflowWatchers.get(e.target);
      if (cb && !seen.has(cb)) {
        seen.add(cb);
        cb();
      }
    }
  });
  overflowWatchers.set(el, onChange);
  overflowObserver.observe(el);
  scheduleSettle();
  return () => {
    overflowWatchers.delete(el);
    overflowObserver?.unobserve(el);
  };
}

function useOverflows(html: string, ref: RefObject<HTMLElement | null>) {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Only formulas the browser renders: measuring one in a skipped section would lay it out.
    const measure = () => {
      if (isShown(el)) setOverflows(el.scrollWidth > el.clientWidth + 1);
    };
    const unwatch = [watchOverflow(el, measure)];
    if (el.firstElementChild) unwatch.push(watchOverflow(el.firstElementChild, measure));
    return () => unwatch.forEach((u) => u());
  }, [html, ref]);
  return overflows;
}

function DisplayTex({ html, className, elRef }: { html: string; className: string; elRef: RefObject<HTMLElement | null> }) {
  const overflows = useOverflows(html, elRef);
  return (
    <div
      ref={elRef as RefObject<HTMLDivElement | null>}
      className={overflows ? `${className} tex-scrolls` : className}
      tabIndex={overflows ? 0 : undefined}
      role={overflows ? 'region' : undefined}
      aria-label={overflows ? 'Formula (scrolls sideways)' : undefined}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/**
 * Formulas not typeset yet, by element. Before printing (and when a page reveals everything at
 * once for printing: the 'i2dl-typeset-now' event) they are all typeset synchronously, straight
 * into the DOM; React's own update, when it comes, writes the same HTML.
 */
const untypeset = new Map<HTMLElement, { math: string; display: boolean }>();
export const TYPESET_NOW_EVENT = 'i2dl-typeset-now';
let printHooked = false;
function typesetAllNow() {
  untypeset.forEach(({ math, display }, el) => {
    const html = typeset(math, display);
    if (html === undefined) {
      // KaTeX not loaded yet (printing within seconds of opening the page): print the TeX source.
      el.textContent = math;
      el.classList.add('tex-source');
    } else el.innerHTML = html;
    el.classList.remove('tex-pending');
    untypeset.delete(el);
  });
}

export const Tex = memo(function Tex({ math, display = false, className, pre }: TexProps) {
  const key = keyOf(math, display);
  if (pre !== undefined && !cache.has(key)) cache.set(key, pre);
  // In a lecture section, typeset once the section is rendered (near the viewport); elsewhere at once.
  const shown = useContext(SectionShownContext);
  // Decided at mount: shown now (typeset at build time, cached, or typeset within the slice) or later.
  const [ready, setReady] = useState(() => shown && (cache.has(key) || (renderer !== null && inSlice())));
  // Bumped when KaTeX arrives for a formula that was waiting for it.
  const [loadedTick, setLoaded] = useState(0);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (ready || !shown) return undefined;
    if (cache.has(key)) {
      setReady(true);
      return undefined;
    }
    let cancelled = false;
    let dequeue = () => undefined as void;
    void katexLoaded.then(() => {
      if (cancelled) return;
      dequeue = enqueue(() => {
        typeset(math, display); // the typesetting happens here, inside the slice
        setReady(true);
      });
    });
    // KaTeX is asked for once this formula is on screen; one just below waits for the learner to
    // engage (preloadSoon), so a page load does not evaluate KaTeX for a formula nobody sees yet.
    const el = ref.current;
    let onScreen: IntersectionObserver | null = null;
    if (renderer) void loadKatex();
    else if (el && typeof IntersectionObserver !== 'undefined') {
      onScreen = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        onScreen?.disconnect();
        void loadKatex();
      });
      onScreen.observe(el);
    } else void loadKatex();
    return () => {
      cancelled = true;
      dequeue();
      onScreen?.disconnect();
    };
    // Queued once; if math changes meanwhile, the render after setReady typesets the new source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, shown]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- loadedTick: KaTeX has arrived, try again
  const html = useMemo(() => (ready ? typeset(math, display) : undefined), [ready, math, display, loadedTick]);
  // A live formula whose new value is not cached while KaTeX is still loading: wait for it.
  const waiting = ready && html === undefined;
  useEffect(() => {
    if (!waiting) return undefined;
    let cancelled = false;
    void loadKatex().then(() => {
      if (!cancelled) setLoaded((n) => n + 1);
    });
    return () => {
      cancelled = true;
    };
  }, [waiting]);
  const pending = html === undefined;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!pending || !el) return undefined;
    if (!printHooked) {
      printHooked = true;
      window.addEventListener('beforeprint', typesetAllNow);
      window.addEventListener(TYPESET_NOW_EVENT, typesetAllNow);
    }
    if (!cache.has(key)) preloadSoon();
    untypeset.set(el, { math, display });
    return () => {
      untypeset.delete(el);
    };
  }, [pending, key, math, display]);
  const cls = `tex ${display ? 'tex-display' : 'tex-inline'}${className ? ` ${className}` : ''}${pending ? ' tex-pending' : ''}`;
  if (display) return <DisplayTex html={html ?? ''} className={cls} elRef={ref} />;
  return <span ref={ref} className={cls} dangerouslySetInnerHTML={{ __html: html ?? '' }} />;
});

/**
 * A number for TeX with `digits` significant digits: 0.000123 → 1.23\times10^{-4}, NaN → \text{NaN}.
 * Trailing zeros are kept to a fixed width so the formula does not jitter as values change.
 */
export function texNum(v: number, digits = 3): string {
  if (Number.isNaN(v)) return '\\text{NaN}';
  if (!Number.isFinite(v)) return v > 0 ? '\\infty' : '-\\infty';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) {
    const decimalsNeeded = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
    return v.toFixed(Math.min(decimalsNeeded, 6));
  }
  const [m, e] = v.toExponential(digits - 1).split('e');
  return `${m}\\times10^{${Number(e)}}`;
}

/** Signed term for sums: " + 0.5" / " - 0.5". */
export function texSigned(v: number, digits = 3): string {
  return v < 0 ? ` - ${texNum(-v, digits)}` : ` + ${texNum(v, digits)}`;
}
