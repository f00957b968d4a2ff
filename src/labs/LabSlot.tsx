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
import { Suspense, useEffect, useRef, useState, type ComponentType, type LazyExoticComponent, type ReactNode, type RefObject } from 'react';
import { useWhenSectionsAboveDone } from '../app/progressiveSections';

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

/**
 * Mount-when-near, for labs and other heavy figures on a lecture page (the MNIST browser): false
 * until the anchor comes within about a screen of the viewport (once the page's sections all have
 * their content), or eagerly (tests), or before printing; `mountNow` mounts on request.
 */
export function useMountWhenNear(margin = '100% 0px'): { anchor: RefObject<HTMLDivElement | null>; mounted: boolean; mountNow: () => void } {
  const [mounted, setMounted] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const whenSectionsAboveDone = useWhenSectionsAboveDone();
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
    }, { rootMargin: margin });
    // Only once the text above it is complete: until then it sits higher than it will.
    const unwait = whenSectionsAboveDone(el, () => io.observe(el));
    const onPrint = () => setMounted(true);
    window.addEventListener('beforeprint', onPrint);
    return () => {
      unwait();
      io.disconnect();
      window.removeEventListener('beforeprint', onPrint);
      cancelAnimationFrame(raf1);
      cancelAnimationFrame(raf2);
    };
    // whenSectionsAboveDone is a fresh closure each render over the same queue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mounted, margin]);
  return { anchor, mounted, mountNow: () => setMounted(true) };
}

/** Renders `children` once near the viewport (useMountWhenNear, `margin` around it); `placeholder` until then. */
export function WhenNear({ placeholder, children, margin }: { placeholder: ReactNode; children: ReactNode; margin?: string }) {
  const { anchor, mounted } = useMountWhenNear(margin);
  if (!mounted) return <div ref={anchor}>{placeholder}</div>;
  return <>{children}</>;
}

export function LabSlot({ id, title, lab: Lab }: Props) {
  const { anchor, mounted, mountNow } = useMountWhenNear();
  if (!mounted) {
    return (
      <div ref={anchor} className="lab-slot">
        <Placeholder id={id} title={title} onLoad={mountNow} />
      </div>
    );
  }
  return (
    <Suspense fallback={<Placeholder id={id} title={title} />}>
      <Lab />
    </Suspense>
  );
}
