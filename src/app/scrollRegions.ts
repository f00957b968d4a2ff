/**
 * Boxes that scroll sideways (wide tables on a phone) must be reachable by keyboard (WCAG 2.1.1;
 * axe's scrollable-region-focusable). One watcher for the whole app: every element matching
 * SCROLLERS gets tabindex="0", role="region" and a label while — and only while — its content is
 * wider than the box, so narrow tables add no tab stops. Display formulas do the same in Tex.tsx.
 * Boxes in a lecture section are measured only once the browser renders that section (see
 * contentShown.ts); until then global.css clips them rather than letting them scroll unreachably.
 */
import { isShown, onShown } from './contentShown';

export const SCROLLERS = '.notes-table, .notes-scroll, .table-scroll, .activations-table-wrap, .softmax-tables, main pre';

const MARK = 'data-scroll-region';

function label(el: Element): string {
  if (el.tagName === 'PRE') return 'Code (scrolls sideways)';
  const caption = el.querySelector('caption')?.textContent?.trim();
  return caption ? `${caption} (scrolls sideways)` : 'Table (scrolls sideways)';
}

function update(el: HTMLElement) {
  if (!isShown(el)) return;
  const overflows = el.scrollWidth > el.clientWidth + 1;
  const marked = el.hasAttribute(MARK);
  // Leave boxes the page made focusable itself alone.
  if (!marked && el.hasAttribute('tabindex')) return;
  if (overflows && !marked) {
    el.setAttribute(MARK, '');
    el.tabIndex = 0;
    if (!el.getAttribute('role')) el.setAttribute('role', 'region');
    if (!el.getAttribute('aria-label')) el.setAttribute('aria-label', label(el));
  } else if (!overflows && marked) {
    el.removeAttribute(MARK);
    el.removeAttribute('tabindex');
    if (el.getAttribute('role') === 'region') el.removeAttribute('role');
    el.removeAttribute('aria-label');
  }
}

export function watchScrollRegions(root: HTMLElement = document.body): () => void {
  if (typeof ResizeObserver === 'undefined' || typeof MutationObserver === 'undefined') return () => undefined;
  // Each box and its content are observed (either can change size); a resize of either re-checks the box.
  const boxes = new WeakSet<Element>();
  // Reported after layout, in one batch: reading scrollWidth here forces no extra layout.
  const ro = new ResizeObserver((entries) => {
    const toCheck = new Set<HTMLElement>();
    for (const e of entries) {
      if (boxes.has(e.target)) toCheck.add(e.target as HTMLElement);
      const parent = e.target.parentElement;
      if (parent && boxes.has(parent)) toCheck.add(parent);
    }
    toCheck.forEach(update);
  });
  const scan = () => {
    root.querySelectorAll<HTMLElement>(SCROLLERS).forEach((el) => {
      if (boxes.has(el)) return;
      boxes.add(el);
      ro.observe(el);
      if (el.firstElementChild) ro.observe(el.firstElementChild);
    });
  };
  let queued = false;
  const mo = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      scan();
    });
  });
  mo.observe(root, { childList: true, subtree: true });
  scan();
  const unShown = onShown((section) => section.querySelectorAll<HTMLElement>(SCROLLERS).forEach((el) => {
    if (boxes.has(el)) update(el);
  }));
  return () => {
    unShown();
    mo.disconnect();
    ro.disconnect();
  };
}
