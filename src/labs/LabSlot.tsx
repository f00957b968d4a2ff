/**
 * Where a lab sits in a lecture page. The lab's code (charts, engine) is a separate chunk, mounted
 * when the learner comes near it: within about a screen of the viewport (IntersectionObserver), when
 * a link targets it, or before printing. A lecture therefore opens as text and formulas only, and a
 * phone does not build seven models the learner has not scrolled to yet.
 *
 * The observer starts once the page's sections all have their content (progressiveSections.tsx).
 *
 * `localStorage['i2dl-labs-eager'] = '1'` mounts every lab as soon as the page has painted (the
 * end-to-end tests set it; see playwright.config.ts).
 */
import { Suspense, useEffect, useRef, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { useWhenSectionsDone } from '../app/progressiveSections';

interface Props {
  id: string;
  title: string;
  lab: LazyExoticComponent<ComponentType>;
}

export const EAGER_LABS_KEY = 'i2dl-labs-eager';

export function eagerLabs(): boolean {
  try {
    return localStorage.getItem(EAGER_LABS_KEY) === '1';
  } catch {
    return false;
  }
}

function Placeholder({ id, title, onLoad }: { id: string; title: string; onLoad?: () => void }) {
  return (
    <section className="lab lab-placeholder" id={`lab-${id}`} aria-busy="true" aria-label={`${title} lab, loading`}>
      <h3><span className="lab-kind">Lab</span> {title}</h3>
      <p className="loading">
        Loading the lab…
        {onLoad ? <> <button type="button" className="lab-load-now" onClick={onLoad}>Load it now</button></> : null}
      </p>
    </section>
  );
}

export function LabSlot({ id, title, lab: Lab }: Props) {
  const [mounted, setMounted] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const whenSectionsDone = useWhenSectionsDone();
  useEffect(() => {
    if (mounted) return;
    let raf1 = 0;
    let raf2 = 0;
    const mountAfterPaint = () => {
      // Two frames: let the lecture text paint first, then build the lab.
      raf1 = requestAnimationFrame(() => {
        raf2 = requestAnimationFrame(() => setMounted(true));
      });
    };
    const el = anchor.current;
    if (eagerLabs() || typeof IntersectionObserver === 'undefined' || !el) {
      mountAfterPaint();
      return () => {
        cancelAnimationFrame(raf1);
        cancelAnimationFrame(raf2);
      };
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        mountAfterPaint();
      }
    }, { rootMargin: '100% 0px' });
    // Only once the text around it is complete: until then the page is shorter than it will be.
    const unwait = whenSectionsDone(() => io.observe(el));
    const onPrint = () => setMounted(true);
    window.addEventListener('beforeprint', onPrint);
    return () => {
      unwait();
      io.disconnect();
      window.removeEventListener('beforeprint', onPrint);
      cancelAnimationFrame(raf1);
      cancelAnimationFrame(raf2);
    };
    // whenSectionsDone is a fresh closure each render over the same queue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mounted]);
  if (!mounted) {
    return (
      <div ref={anchor} className="lab-slot">
        <Placeholder id={id} title={title} onLoad={() => setMounted(true)} />
      </div>
    );
  }
  return (
    <Suspense fallback={<Placeholder id={id} title={title} />}>
      <Lab />
    </Suspense>
  );
}
