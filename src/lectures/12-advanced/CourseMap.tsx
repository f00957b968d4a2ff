/**
 * The notes' closing overview as a map of the course: the four groups, their topics, and a link to
 * every lab that teaches each topic (labs already run are ticked, from the saved progress).
 */
import { useProgress } from '../../app/progress';
import { resolveCourseMap } from './courseMap';
import './course-map.css';

const GROUPS = resolveCourseMap();
const LAB_COUNT = new Set(GROUPS.flatMap((g) => g.topics.flatMap((t) => t.labs.map((l) => `${l.slug}/${l.labId}`)))).size;

export function CourseMap() {
  const labsRun = useProgress((s) => s.labsRun);
  const run = new Set(GROUPS.flatMap((g) => g.topics.flatMap((t) => t.labs.filter((l) => labsRun[l.labId]).map((l) => `${l.slug}/${l.labId}`)))).size;
  return (
    <div className="course-map" data-testid="course-map">
      <p className="course-map-count">
        {LAB_COUNT} labs across lectures 2–12; you have run <strong>{run}</strong> of them.
      </p>
      <div className="course-map-groups">
        {GROUPS.map((g) => (
          <section key={g.title} className="course-map-group" aria-label={g.title}>
            <h3>{g.title}</h3>
            <ul>
              {g.topics.map((t) => (
                <li key={t.topic}>
                  <span className="course-map-topic">{t.topic}</span>
                  <span className="course-map-labs">
                    {t.labs.map((l) => (
                      <a key={`${l.slug}/${l.labId}`} href={l.href} className={labsRun[l.labId] ? 'course-map-lab is-run' : 'course-map-lab'}>
                        <span className="course-map-lecture" aria-label={`Lecture ${l.lecture}:`}>
                          L{l.lecture}
                        </span>{' '}
                        {l.title}
                        {labsRun[l.labId] ? <span className="course-map-tick" aria-label="(run)"> ✓</span> : null}
                      </a>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
