/**
 * Boxes that scroll sideways (wide tables on a phone) must be reachable by keyboard (WCAG 2.1.1;
 * axe's scrollable-region-focusable). One watcher for the whole app: every element matching
 * SCROLLERS gets tabindex="0", role="region" and a label while — and only while — its content is
 * wider than the box, so narrow tables add no tab stops. Display formulas do the same in Tex.tsx.
 */
export const SCROLLERS = '.notes-table, .notes-scroll, .table-scroll, .activations-table-wrap, .softmax-tables';

const MARK = 'data-scroll-region';

function label(el: Element): string {
  const caption = el.querySelector('caption')?.textContent?.trim();
  return caption ? `${caption} (scrolls sideways)` : 'Table (scrolls sideways)';
}

function update(el: HTMLElement) {
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
  // The box and its content are both observed (either can change size); both map to the box.
  const boxOf = new WeakMap<Element, HTMLElement>();
  // Reported after layout, in one batch: reading scrollWidth here forces no extra layout.
  const ro = new ResizeObserver((entries) => {
    const boxes = new Set<HTMLElement>();
    for (const e of entries) {
      const box = boxOf.get(e.target);
      if (box) boxes.add(box);
    }
    boxes.forEach(update);
  });
  const scan = () => {
    root.querySelectorAll<HTMLElement>(SCROLLERS).forEach((el) => {
      if (boxOf.has(el)) return;
      boxOf.set(el, el);
      ro.observe(el);
      const inner = el.firstElementChild;
      if (inner && !boxOf.has(inner)) {
        boxOf.set(inner, el);
        ro.observe(inner);
      }
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
  return () => {
    mo.disconnect();
    ro.disconnect();
  };
}
