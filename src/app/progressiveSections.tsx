/**
 * A lecture page opens in steps. Every section renders its heading with the page and its content
 * later, one section per task, in page order — so no single task inserts a whole lecture (100–360
 * formulas) and the first screen paints early.
 * The filling-in starts when a waiting section is on screen, when the learner first
 * engages with the page (scroll, key, pointer, touch: whenEngaged.ts), or after a few quiet seconds;
 * not while the page loads, when it would only delay what the learner is looking at.
 * A lab (LabSlot) waits until every section above it has its content, so it is never mounted
 * because the text above it had not been filled in yet.
 *
 * Everything renders at once when a link targets a section or lab (the target must not move),
 * before printing, and when `localStorage['i2dl-labs-eager'] = '1'` (the end-to-end tests).
 */
import { flushSync } from 'react-dom';
import { createContext, startTransition, useContext, useEffect, useState, type ReactNode, type RefObject } from 'react';
import { onShown, sectionRendered } from './contentShown';
import { whenEngaged } from './whenEngaged';

/**
 * How many sections render with the page itself: none. On a laptop the first section is on screen,
 * so it starts the filling-in a frame later; on a phone the contents list fills the first screen,
 * and the sections wait for the learner (or a few quiet seconds) instead of slowing the load.
 */
export const IMMEDIATE_SECTIONS = 0;

/** Gives a section its content; `urgent` when everything is revealed at once (flush). */
type Reveal = (urgent: boolean) => void;

/** Calls `start` when the sections should begin to fill in; returns a cancel function. */
export type StartTrigger = (start: () => void) => () => void;

/** Without engagement, sections start filling in this long after the page opened (then when idle). */
export const BACKGROUND_FILL_MS = 4000;
/** A waiting section on screen starts the filling-in at once. */
const NEAR_MARGIN = '0px';

/** `localStorage['i2dl-background-fill-ms']` overrides the quiet time (the end-to-end tests set it very long). */
export const BACKGROUND_FILL_KEY = 'i2dl-background-fill-ms';

function backgroundFillMs(): number {
  try {
    const v = Number(localStorage.getItem(BACKGROUND_FILL_KEY));
    return v > 0 ? v : BACKGROUND_FILL_MS;
  } catch {
    return BACKGROUND_FILL_MS;
  }
}

const startOnEngagement: StartTrigger = (start) => whenEngaged(start, backgroundFillMs());

export class SectionQueue {
  /** Every section seen, and whether it has its content. */
  private readonly ready = new Map<string, boolean>();
  private readonly waiting: { id: string; reveal: Reveal }[] = [];
  private readonly doneListeners = new Set<() => void>();
  private readonly flushListeners = new Set<() => void>();
  private inFlight: string | null = null;
  private inFlightReveal: Reveal | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private armed = false;
  private begun = false;
  /** Between begin() and the moment no section is left waiting. */
  private running = false;
  private cancelStart: (() => void) | null = null;
  private near: IntersectionObserver | null = null;
  private flushed: boolean;
  /** Section ids in page order (the order they first render in). */
  private readonly order: string[] = [];
  private readonly throughListeners = new Set<{ index: number; cb: () => void }>();

  constructor(private readonly immediate: number, private readonly trigger: StartTrigger = startOnEngagement) {
    this.flushed = immediate === Infinity;
  }

  /** Whether section `id` renders its content with the page. Asked during render: an id always gets the same answer. */
  initial(id: string): boolean {
    let now = this.ready.get(id);
    if (now === undefined) {
      now = this.flushed || this.ready.size < this.immediate;
      this.ready.set(id, now);
      this.order.push(id);
    }
    return now;
  }

  /** A deferred section waits its turn; `reveal` gives it its content. `el`: its element, watched for nearing the viewport. */
  enqueue(id: string, reveal: Reveal, el?: Element | null): () => void {
    const item = { id, reveal };
    this.ready.set(id, false);
    this.waiting.push(item);
    if (this.flushed) this.flush();
    else {
      if (!this.armed) {
        this.armed = true;
        this.cancelStart = this.trigger(() => this.begin());
      } else if (this.begun && !this.running) {
        // A section that came after the others had all filled in.
        this.running = true;
        this.next();
      }
      if (el && !this.begun && typeof IntersectionObserver !== 'undefined') {
        this.near ??= new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) this.begin();
        }, { rootMargin: NEAR_MARGIN });
        this.near.observe(el);
      }
    }
    return () => {
      const i = this.waiting.indexOf(item);
      if (i >= 0) {
        this.waiting.splice(i, 1);
        this.ready.delete(id);
      }
      if (this.inFlight === id) this.advance(id);
      this.checkDone();
    };
  }

  /** True once every section has its content. */
  get done(): boolean {
    return [...this.ready.values()].every(Boolean);
  }

  /** Calls `cb` once every section has its content (at once if that is already so). */
  whenDone(cb: () => void): () => void {
    if (this.done) {
      cb();
      return () => undefined;
    }
    this.doneListeners.add(cb);
    return () => {
      this.doneListeners.delete(cb);
    };
  }

  /**
   * Calls `cb` once section `id` and every section above it have their content (at once if so
   * already); for an id the queue does not know, once every section has.
   */
  whenReadyThrough(id: string | null | undefined, cb: () => void): () => void {
    const index = id ? this.order.indexOf(id) : -1;
    if (index < 0) return this.whenDone(cb);
    const entry = { index, cb };
    if (this.readyThrough(index)) {
      cb();
      return () => undefined;
    }
    this.throughListeners.add(entry);
    return () => {
      this.throughListeners.delete(entry);
    };
  }

  private readyThrough(index: number): boolean {
    for (let i = 0; i <= index; i++) if (this.ready.get(this.order[i]) !== true) return false;
    return true;
  }

  /** Starts filling in the waiting sections, one per task (after one frame, so what is there paints first). */
  private begin() {
    if (this.begun) return;
    this.begun = true;
    this.running = true;
    this.cancelStart?.();
    this.near?.disconnect();
    requestAnimationFrame(() => this.next());
  }

  /** True when every section renders everything at once (deep link, printing, the tests). */
  get allAtOnce(): boolean {
    return this.flushed;
  }

  /** Calls `cb` when the queue is flushed. */
  onFlush(cb: () => void): () => void {
    this.flushListeners.add(cb);
    return () => {
      this.flushListeners.delete(cb);
    };
  }

  /** Reveal every waiting section now (a link to something further down, printing). */
  flush(): void {
    const was = this.flushed;
    this.flushed = true;
    this.begun = true;
    this.cancelStart?.();
    this.near?.disconnect();
    if (!was) [...this.flushListeners].forEach((cb) => cb());
    clearTimeout(this.timer);
    // The section being revealed may still be rendering as a transition: make it urgent too.
    this.inFlightReveal?.(true);
    this.inFlight = null;
    this.inFlightReveal = null;
    this.waiting.splice(0).forEach((w) => this.reveal(w, true));
    this.checkDone();
  }

  private reveal(item: { id: string; reveal: Reveal }, urgent = false) {
    this.ready.set(item.id, true);
    item.reveal(urgent);
  }

  /** Stops watching and waiting (the page is gone). */
  dispose(): void {
    this.cancelStart?.();
    this.cancelStart = null;
    this.near?.disconnect();
    this.near = null;
    clearTimeout(this.timer);
    // Mounted again (React's StrictMode does that in development): the next section re-arms it.
    this.armed = false;
    this.begun = false;
    this.running = false;
  }

  /** The next section, in a task of its own; it calls `advance` once its content has committed. */
  private next() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const item = this.waiting.shift();
      if (!item) {
        this.running = false;
        this.inFlight = null;
        this.checkDone();
        return;
      }
      this.inFlight = item.id;
      this.inFlightReveal = item.reveal;
      this.reveal(item);
    }, 0);
  }

  /** Called by a section whose content has just committed. */
  advance(id: string): void {
    if (this.inFlight !== id) return;
    this.inFlight = null;
    this.inFlightReveal = null;
    if (this.waiting.length > 0) this.next();
    else this.running = false;
    this.checkDone();
  }

  private checkDone() {
    this.throughListeners.forEach((entry) => {
      if (!this.readyThrough(entry.index)) return;
      this.throughListeners.delete(entry);
      entry.cb();
    });
    if (!this.done) return;
    const listeners = [...this.doneListeners];
    this.doneListeners.clear();
    listeners.forEach((cb) => cb());
  }
}

const QueueContext = createContext<SectionQueue | null>(null);

export function SectionQueueProvider({ queue, children }: { queue: SectionQueue; children: ReactNode }) {
  useEffect(() => {
    // Printing lays the page out right after this event: the sections must be in the DOM by then.
    // Then every formula not typeset yet is typeset at once (Tex.tsx listens for this event).
    const onPrint = () => {
      flushSync(() => queue.flush());
      window.dispatchEvent(new Event('i2dl-typeset-now'));
    };
    window.addEventListener('beforeprint', onPrint);
    return () => window.removeEventListener('beforeprint', onPrint);
  }, [queue]);
  return <QueueContext.Provider value={queue}>{children}</QueueContext.Provider>;
}

/** For a section: whether its content is rendered yet. Outside a lecture page, always. */
export function useSectionReady(id: string, ref?: RefObject<HTMLElement | null>): boolean {
  const queue = useContext(QueueContext);
  const [ready, setReady] = useState(() => !queue || queue.initial(id));
  useEffect(() => {
    if (!queue) return undefined;
    if (ready) {
      queue.advance(id);
      return undefined;
    }
    // In turn, as a transition: React renders the section in slices of a few milliseconds.
    return queue.enqueue(id, (urgent) => (urgent ? setReady(true) : startTransition(() => setReady(true))), ref?.current);
  }, [queue, id, ready, ref]);
  return ready;
}

/**
 * Whether a section's formulas should be typeset: once the browser renders the section (it comes
 * within reach of the viewport; content-visibility, see contentShown.ts), or when everything is
 * rendered at once. Typesetting and laying out KaTeX is the costliest part of a lecture, and a
 * section far below is typeset only when the learner scrolls towards it (or prints).
 */
export const SectionShownContext = createContext(true);

export function useSectionShown(ref: RefObject<HTMLElement | null>): boolean {
  const queue = useContext(QueueContext);
  const [shown, setShown] = useState(() => !queue || queue.allAtOnce);
  useEffect(() => {
    if (shown) return undefined;
    const el = ref.current;
    if (!el || sectionRendered(el)) {
      setShown(true);
      return undefined;
    }
    const offShown = onShown((section) => {
      if (section === el) setShown(true);
    });
    const offFlush = queue?.onFlush(() => setShown(true));
    return () => {
      offShown();
      offFlush?.();
    };
  }, [shown, ref, queue]);
  return shown;
}

/**
 * For a lab: calls `cb` once the section holding `el` and every section above it have their
 * content (at once outside a lecture page).
 */
export function useWhenSectionsAboveDone(): (el: Element, cb: () => void) => () => void {
  const queue = useContext(QueueContext);
  return (el, cb) => (queue ? queue.whenReadyThrough(el.closest('.lecture-section')?.id, cb) : (cb(), () => undefined));
}
