import { lazy, startTransition, Suspense, useEffect, useState } from 'react';
import { eagerLabs } from '../labs/LabSlot';
import { preloadKatexFonts } from './katexFonts';
import { LectureLayout } from './LectureLayout';
import { IMMEDIATE_SECTIONS, SectionQueue, SectionQueueProvider } from './progressiveSections';
import { useProgress } from './progress';
import { findLecture } from './registry';

// The outline of a lecture without a built page needs KaTeX: a chunk of its own.
const OutlineView = lazy(() => import('./OutlineView').then((m) => ({ default: m.OutlineView })));

/**
 * False until the page has painted once. The lecture's own chunks (its text, KaTeX) are requested
 * only then: the first frame — header, contents, the lecture's title — needs nothing but the shell,
 * and on a slow link it should not wait behind downloads it does not use.
 */
function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer = 0;
    const raf = requestAnimationFrame(() => {
      // As a transition, React renders the lecture in slices instead of one long task.
      timer = window.setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(raf);
      window.clearTimeout(timer);
    };
  }, []);
  return painted;
}

/**
 * Rendered with the lecture's text, so its effect runs once the text has arrived: then KaTeX's
 * main faces are requested (katexFonts.ts), before any section fills in and lays out formulas,
 * and not earlier, where they would compete with the first paint and the text itself.
 */
function PreloadFontsAfterText() {
  useEffect(() => preloadKatexFonts(), []);
  return null;
}

interface Props {
  slug: string;
  labId?: string;
}

export function LecturePage({ slug, labId }: Props) {
  const found = findLecture(slug);
  const markVisited = useProgress((s) => s.markVisited);
  const painted = usePaintedOnce();
  // Sections fill in one by one after the first screen, unless a link targets something on the page.
  const [queue] = useState(() => new SectionQueue(labId || eagerLabs() ? Infinity : IMMEDIATE_SECTIONS));
  useEffect(() => {
    if (labId) queue.flush();
  }, [queue, labId]);
  useEffect(() => () => queue.dispose(), [queue]);
  useEffect(() => {
    if (!found) return;
    markVisited(slug);
    document.title = `Lecture ${found.entry.info.number}: ${found.entry.info.title} · I2DL Playground`;
    // tfjs is not started here: the first lab that needs it starts it (src/labs/trainer.ts), so a
    // page being read costs no model engine and the badge says so until then.
  }, [found, slug, markVisited]);

  if (!found) {
    return (
      <div className="not-found">
        <h1>No such lecture</h1>
        <p>“{slug}” is not a lecture of this course. <a href="#/">See all lectures</a>.</p>
      </div>
    );
  }
  const { entry, index } = found;
  const Page = entry.page;
  const loading = <p className="loading">Loading the lecture…</p>;
  return (
    <LectureLayout entry={entry} index={index} labId={labId}>
      <SectionQueueProvider queue={queue}>
        {!painted ? loading : Page ? (
          <Suspense fallback={loading}>
            <Page info={entry.info} />
            <PreloadFontsAfterText />
          </Suspense>
        ) : (
          <Suspense fallback={<p className="loading">Loading the outline…</p>}>
            <OutlineView info={entry.info} />
          </Suspense>
        )}
      </SectionQueueProvider>
    </LectureLayout>
  );
}
