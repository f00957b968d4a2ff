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
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/** How many sections render with the page: enough for the first screen of a phone or a laptop. */
export const IMMEDIATE_SECTIONS = 2;

type Reveal = () => void;

export class SectionQueue {
  /** Every section seen, and whether it has its content. */
  private readonly ready = new Map<string, boolean>();
  private readonly waiting: { id: string; reveal: Reveal }[] = [];
  private readonly doneListeners = new Set<() => void>();
  private inFlight: string | null = null;
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

  /** Reveal every waiting section now (a link to something further down, printing). */
  flush(): void {
    this.flushed = true;
    clearTimeout(this.timer);
    this.inFlight = null;
    this.waiting.splice(0).forEach((w) => this.reveal(w));
    this.checkDone();
  }

  private reveal(item: { id: string; reveal: Reveal }) {
    this.ready.set(item.id, true);
    item.reveal();
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
      this.reveal(item);
    }, 0);
  }

  /** Called by a section whose content has just committed. */
  advance(id: string): void {
    if (this.inFlight !== id) return;
    this.inFlight = null;
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
    const onPrint = () => queue.flush();
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
    return queue.enqueue(id, () => setReady(true));
  }, [queue, id, ready]);
  return ready;
}

/** For a lab: calls `cb` once the page's sections all have their content (at once outside a lecture page). */
export function useWhenSectionsDone(): (cb: () => void) => () => void {
  const queue = useContext(QueueContext);
  return (cb) => (queue ? queue.whenDone(cb) : (cb(), () => undefined));
}
