/**
 * Lecture sections have `content-visibility: auto` (global.css): the browser skips styling and
 * laying out a section until it nears the viewport, which is most of a long lecture at load.
 * Reading an element's geometry (scrollWidth) inside a skipped section forces the browser to lay
 * that section out after all — measuring every formula of a lecture that way cost 100–200 ms per
 * pass on a phone. So geometry checks ask `isShown` first and run again from `onShown` when the
 * section starts being rendered.
 *
 * The browser reports every `content-visibility: auto` element's state once when it is first
 * rendered and again on each change (contentvisibilityautostatechange); until that first report a
 * section counts as not shown.
 */

/** The elements the app gives `content-visibility: auto` (keep in step with global.css). */
export const SKIPPABLE = '.lecture-section';

const state = new WeakMap<Element, boolean>(); // element → skipped
const listeners = new Set<(el: Element) => void>();
let listening = false;

function listen() {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  // The event does not bubble; a capturing listener on the document still sees every one.
  document.addEventListener('contentvisibilityautostatechange', (e) => {
    const target = e.target;
    if (!(target instanceof Element)) return;
    const skipped = (e as Event & { skipped?: boolean }).skipped === true;
    state.set(target, skipped);
    if (!skipped) listeners.forEach((cb) => cb(target));
  }, true);
}

// From the start: the first reports arrive with the first frame a section is in.
listen();

/** Whether the browser supports (and so fires) the state-change event. */
function supported(): boolean {
  return typeof window !== 'undefined' && 'ContentVisibilityAutoStateChangeEvent' in window;
}

/** False while `el` sits in a section whose content the browser is skipping (or has not reported yet). */
export function isShown(el: Element): boolean {
  listen();
  if (!supported()) return true;
  const section = el.closest(SKIPPABLE);
  if (!section || section === el) return true;
  return state.get(section) === false;
}

/** Whether the browser is rendering this skippable section (true where the event is not supported). */
export function sectionRendered(section: Element): boolean {
  return !supported() || state.get(section) === false;
}

/** Calls `cb(section)` each time a skippable section starts being rendered. */
export function onShown(cb: (section: Element) => void): () => void {
  listen();
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
}
