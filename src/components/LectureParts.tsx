/** The building blocks every lecture page is written with. */
import { useRef, type ReactNode } from 'react';
import { SectionShownContext, useSectionReady, useSectionShown } from '../app/progressiveSections';

/**
 * A section of the lecture; its id is the deep-link and table-of-contents target. Its heading is
 * there at once; further down the page its content follows a moment later, and its formulas are
 * typeset when the learner nears it (progressiveSections.tsx).
 */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  const ready = useSectionReady(id, ref);
  const shown = useSectionShown(ref);
  return (
    <section ref={ref} id={id} className={ready ? 'lecture-section' : 'lecture-section section-pending'} aria-labelledby={`${id}-h`} aria-busy={ready ? undefined : true}>
      <h2 id={`${id}-h`}>{title}</h2>
      <SectionShownContext.Provider value={shown}>{ready ? children : null}</SectionShownContext.Provider>
    </section>
  );
}

/** Where the course notes are wrong: what they say and what is right. */
export function Erratum({ children }: { children: ReactNode }) {
  return (
    <p className="erratum">
      <strong>Correction to the notes:</strong> {children}
    </p>
  );
}
