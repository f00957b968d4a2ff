/**
 * The one KaTeX component. Renders to a string (memoised on the TeX source), so a formula fed live
 * values re-renders only when the digits it shows change. trust is off; strict is 'ignore'.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { isShown, onShown } from '../app/contentShown';
import { SectionShownContext } from '../app/progressiveSections';

export interface TexProps {
  math: string;
  display?: boolean;
  className?: string;
}

function render(math: string, display: boolean): string {
  return katex.renderToString(math, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    output: 'htmlAndMathml',
  });
}

/** Rendered HTML by source, so a formula shown again (or fed back the same value) costs nothing. */
const cache = new Map<string, string>();
const CACHE_MAX = 4000;

function renderCached(math: string, display: boolean): string {
  const key = (display ? 'd|' : 'i|') + math;
  let html = cache.get(key);
  if (html === undefined) {
    html = render(math, display);
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
    el.innerHTML = renderCached(math, display);
    el.classList.remove('tex-pending');
  });
  untypeset.clear();
}

export const Tex = memo(function Tex({ math, display = false, className }: TexProps) {
  // In a lecture section, typeset once the section is rendered (near the viewport); elsewhere at once.
  const shown = useContext(SectionShownContext);
  // Decided at mount: typeset now (within the slice or already cached) or queue it.
  const [ready, setReady] = useState(() => cache.has((display ? 'd|' : 'i|') + math) || (shown && inSlice()));
  useEffect(() => {
    if (ready || !shown) return undefined;
    return enqueue(() => {
      renderCached(math, display); // the typesetting happens here, inside the slice
      setReady(true);
    });
    // Queued once; if math changes meanwhile, the render after setReady typesets the new source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, shown]);
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (ready || !el) return undefined;
    if (!printHooked) {
      printHooked = true;
      window.addEventListener('beforeprint', typesetAllNow);
      window.addEventListener(TYPESET_NOW_EVENT, typesetAllNow);
    }
    untypeset.set(el, { math, display });
    return () => {
      untypeset.delete(el);
    };
  }, [ready, math, display]);
  const html = useMemo(() => (ready ? renderCached(math, display) : ''), [ready, math, display]);
  const cls = `tex ${display ? 'tex-display' : 'tex-inline'}${className ? ` ${className}` : ''}${ready ? '' : ' tex-pending'}`;
  if (display) return <DisplayTex html={html} className={cls} elRef={ref} />;
  return <span ref={ref} className={cls} dangerouslySetInnerHTML={{ __html: html }} />;
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
