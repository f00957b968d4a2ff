import { Suspense, useEffect } from 'react';
import { ensureBackend } from '../labs/backend';
import { LectureLayout } from './LectureLayout';
import { OutlineView } from './OutlineView';
import { useProgress } from './progress';
import { findLecture } from './registry';

interface Props {
  slug: string;
  labId?: string;
}

export function LecturePage({ slug, labId }: Props) {
  const found = findLecture(slug);
  const markVisited = useProgress((s) => s.markVisited);
  useEffect(() => {
    if (!found) return;
    markVisited(slug);
    document.title = `Lecture ${found.entry.info.number}: ${found.entry.info.title} · I2DL Playground`;
    // Labs that need tfjs start it themselves. Otherwise start it once the page is quiet, so the
    // badge still tells the learner which backend the labs get (ensureBackend runs only once).
    const timer = window.setTimeout(() => void ensureBackend().catch(() => undefined), 1500);
    return () => window.clearTimeout(timer);
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
  return (
    <LectureLayout entry={entry} index={index} labId={labId}>
      {Page ? (
        <Suspense fallback={<p className="loading">Loading the lecture…</p>}>
          <Page info={entry.info} />
        </Suspense>
      ) : (
        <OutlineView info={entry.info} />
      )}
    </LectureLayout>
  );
}
