import { lectureHref } from './router';
import { useProgress } from './progress';
import { REGISTRY, TOTAL_LABS, TOTAL_QUESTIONS } from './registry';

export function Home() {
  const visited = useProgress((s) => s.visited);
  const labsRun = useProgress((s) => s.labsRun);
  const questions = useProgress((s) => s.questions);
  const reset = useProgress((s) => s.reset);
  const visitedCount = REGISTRY.filter((e) => visited[e.info.slug]).length;
  const labsCount = REGISTRY.reduce((n, e) => n + e.labs.filter((l) => labsRun[l.id]).length, 0);
  // Right answers per lecture, capped at its current number of questions.
  const rightIn = (slug: string, total: number) => Math.min(total, Object.keys(questions).filter((k) => k.startsWith(`${slug}/`)).length);
  const questionsRight = REGISTRY.reduce((n, e) => n + rightIn(e.info.slug, e.questions), 0);
  return (
    <div className="home">
      <section className="hero">
        <h1>Introduction to Deep Learning, by doing it</h1>
        <p>
          Eleven lectures, from nearest neighbours to diffusion models. Each page follows its lecture: the formulas
          are typeset live, and the models train right here in your browser as you drag the sliders.
        </p>
      </section>
      <section className="progress-panel" aria-labelledby="progress-title">
        <h2 id="progress-title">Your progress</h2>
        <p>
          <strong data-testid="progress-visited">{visitedCount}</strong> of {REGISTRY.length} lectures visited ·{' '}
          <strong data-testid="progress-labs">{labsCount}</strong> of {TOTAL_LABS} labs run ·{' '}
          <strong data-testid="progress-questions">{questionsRight}</strong> of {TOTAL_QUESTIONS} self-check questions right
        </p>
        <progress max={REGISTRY.length} value={visitedCount} aria-label="Lectures visited" />
        <p className="muted">Saved in this browser only.</p>
        <button type="button" onClick={reset}>Reset progress</button>
      </section>
      <section aria-labelledby="lectures-title">
        <h2 id="lectures-title">Lectures</h2>
        <ol className="lecture-grid">
          {REGISTRY.map(({ info, labs, questions: nQuestions }) => (
            <li key={info.slug} className={`lecture-card${visited[info.slug] ? ' visited' : ''}`}>
              <a href={lectureHref(info.slug)} className="lecture-card-link">
                <span className="lecture-number">Lecture {info.number}</span>
                <span className="lecture-title">{info.title}</span>
              </a>
              <ul className="topics">
                {info.topics.map((t) => <li key={t}>{t}</li>)}
              </ul>
              <p className="lecture-meta">
                {labs.length > 0 ? `${labs.filter((l) => labsRun[l.id]).length}/${labs.length} labs run` : 'Outline · labs on the way'}
                {nQuestions > 0 ? <span data-testid={`questions-${info.slug}`}> · {rightIn(info.slug, nQuestions)}/{nQuestions} questions right</span> : null}
                {visited[info.slug] ? <span className="visited-mark"> · visited ✓</span> : null}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
