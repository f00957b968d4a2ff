/**
 * A lecture page opens in steps. Its first sections render with the page; every later section
 * renders its heading at once and its content a moment later, one section per task, in page order
 * — so no single task inserts a whole lecture (100–360 formulas) and the first screen paints early.
 * Labs (LabSlot) wait until every section has its content, so a lab is never mounted because the
 * text above it had not been filled in yet.
 *
 * Everything renders at once when a link targets a section or lab (the target must not move),
 * before printing, and when `localStorage['i2dl-labs-eager'] = '1'` (the end-to-end tests).
 */
import { flushSync } from 'react-dom';
import { createContext, startTransition, useContext, useEffect, useState, type ReactNode, type RefObject } from 'react';
import { onShown, sectionRendered } from './contentShown';

/** How many sections render with the page: the first screen of a laptop (on a phone the contents list fills it). */
export const IMMEDIATE_SECTIONS = 1;

/** Gives a section its content; `urgent` when everything is revealed at once (flush). */
type Reveal = (urgent: boolean) => void;

export class SectionQueue {
  /** Every section seen, and whether it has its content. */
  private readonly ready = new Map<string, boolean>();
  private readonly waiting: { id: string; reveal: Reveal }[] = [];
  private readonly doneListeners = new Set<() => void>();
  private readonly flushListeners = new Set<() => void>();
  private inFlight: string | null = null;
  private inFlightReveal: Reveal | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private flushed: boolean;

  constructor(private readonly immediate: number) {
    this.flushed = immediate === Infinity;
  }

  /** Whether section `id` renders its content with the page. Asked during render: an id always gets the same answer. */
  initial(id: string): boolean {
    let now = this.ready.get(id);
    if (now === undefined) {
      now = this.flushed || this.ready.size < this.immediate;
      this.ready.set(id, now);
    }
    return now;
  }

  /** A deferred section waits its turn; `reveal` gives it its content. */
  enqueue(id: string, reveal: Reveal): () => void {
    const item = { id, reveal };
    this.ready.set(id, false);
    this.waiting.push(item);
    if (this.flushed) this.flush();
    else if (!this.started) {
      this.started = true;
      // After the first screen has painted: one frame, then a task per section.
      requestAnimationFrame(() => this.next());
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

  /** The next section, in a task of its own; it calls `advance` once its content has committed. */
  private next() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const item = this.waiting.shift();
      if (!item) {
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
    this.checkDone();
  }

  private checkDone() {
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
export function useSectionReady(id: string): boolean {
  const queue = useContext(QueueContext);
  const [ready, setReady] = useState(() => !queue || queue.initial(id));
  useEffect(() => {
    if (!queue) return undefined;
    if (ready) {
      queue.advance(id);
      return undefined;
    }
    // In turn, as a transition: React renders the section in slices of a few milliseconds.
    return queue.enqueue(id, (urgent) => (urgent ? setReady(true) : startTransition(() => setReady(true))));
  }, [queue, id, ready]);
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

/** For a lab: calls `cb` once the page's sections all have their content (at once outside a lecture page). */
export function useWhenSectionsDone(): (cb: () => void) => () => void {
  const queue = useContext(QueueContext);
  return (cb) => (queue ? queue.whenDone(cb) : (cb(), () => undefined));
}
