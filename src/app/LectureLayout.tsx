import { useEffect, type ReactNode } from 'react';
import { hashPath, lectureHref, navigate, parseRoute } from './router';
import { REGISTRY, type LectureEntry } from './registry';

interface Props {
  entry: LectureEntry;
  index: number;
  labId?: string;
  children: ReactNode;
}

function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName) || t.getAttribute('role') === 'slider';
}

/**
 * ←/→ move between lectures, unless the learner is operating a control. The neighbours are looked
 * up from the URL at key time, so two quick presses move two lectures.
 */
function useArrowNavigation() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || isTyping(e.target)) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const route = parseRoute(hashPath());
      const i = route.name === 'lecture' ? REGISTRY.findIndex((r) => r.info.slug === route.slug) : -1;
      const target = i < 0 ? undefined : REGISTRY[i + (e.key === 'ArrowLeft' ? -1 : 1)];
      if (target) navigate(lectureHref(target.info.slug));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Scroll to the lab named in the route (deep link) once it is on the page. */
function useScrollToLab(labId?: string) {
  useEffect(() => {
    if (!labId) {
      window.scrollTo(0, 0);
      return;
    }
    let tries = 0;
    const timer = window.setInterval(() => {
      const el = document.getElementById(`lab-${labId}`) ?? document.getElementById(labId);
      if (el || ++tries > 50) {
        window.clearInterval(timer);
        el?.scrollIntoView({ block: 'start' });
      }
    }, 100);
    return () => window.clearInterval(timer);
  }, [labId]);
}

export function LectureLayout({ entry, index, labId, children }: Props) {
  const prev = REGISTRY[index - 1];
  const next = REGISTRY[index + 1];
  useArrowNavigation();
  useScrollToLab(labId);
  const { info, labs, toc } = entry;
  return (
    <div className="lecture">
      <nav className="toc" aria-label="Lecture contents">
        <p className="toc-title">Lecture {info.number}</p>
        <ol>
          {toc.map((s) => (
            <li key={s.id}>
              <a href={`#/lecture/${info.slug}/${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ol>
        {labs.length > 0 ? (
          <>
            <p className="toc-title">Labs</p>
            <ul>
              {labs.map((l) => (
                <li key={l.id}><a href={lectureHref(info.slug, l.id)}>{l.title}</a></li>
              ))}
            </ul>
          </>
        ) : null}
      </nav>
      <article className="lecture-content">
        <header className="lecture-header">
          <p className="lecture-number">Lecture {info.number}</p>
          <h1>{info.title}</h1>
        </header>
        {children}
        <nav className="prev-next" aria-label="Previous and next lecture">
          {prev ? <a href={lectureHref(prev.info.slug)} rel="prev">← Lecture {prev.info.number}: {prev.info.title}</a> : <span />}
          {next ? <a href={lectureHref(next.info.slug)} rel="next">Lecture {next.info.number}: {next.info.title} →</a> : <span />}
        </nav>
        <p className="muted key-hint">Tip: the ← and → keys move between lectures.</p>
      </article>
    </div>
  );
}
