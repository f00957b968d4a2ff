import { Tex } from '../components/Tex';
import type { LectureInfo } from './courseTypes';

/** A lecture whose labs are not built yet: its real outline from the notes. */
export function OutlineView({ info }: { info: LectureInfo }) {
  return (
    <div className="outline">
      <div className="notice info" role="note">
        The interactive labs for this lecture are on the way. Here is the lecture's outline from the course notes,
        with its key formulas.
      </div>
      {info.sections.map((s) => (
        <section key={s.id} id={s.id} className="lecture-section" aria-labelledby={`${s.id}-h`}>
          <h2 id={`${s.id}-h`}>{s.title}</h2>
          <p>{s.summary}</p>
          {s.formulas?.map((f) => <Tex key={f} math={f} display />)}
          {s.erratum ? (
            <p className="erratum"><strong>Correction to the notes:</strong> {s.erratum}</p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
