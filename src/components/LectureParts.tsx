/** The building blocks every lecture page is written with. */
import type { ReactNode } from 'react';

/** A section of the lecture; its id is the deep-link and table-of-contents target. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="lecture-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
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
