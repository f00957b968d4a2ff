/**
 * Where a lab sits in a lecture page. The lab's code (charts, engine) is a separate chunk, mounted
 * once the lecture text has painted, so the page is readable and responsive before any model exists.
 */
import { Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';

interface Props {
  id: string;
  title: string;
  lab: LazyExoticComponent<ComponentType>;
}

function Placeholder({ id, title }: { id: string; title: string }) {
  return (
    <section className="lab lab-placeholder" id={`lab-${id}`} aria-busy="true" aria-label={`${title} lab, loading`}>
      <h3><span className="lab-kind">Lab</span> {title}</h3>
      <p className="loading">Loading the lab…</p>
    </section>
  );
}

export function LabSlot({ id, title, lab: Lab }: Props) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    // Two frames: let the lecture text paint first, then build the lab.
    let raf2 = 0;
    const raf1 = requestAnimationFrame(() => {
      raf2 = requestAnimationFrame(() => setMounted(true));
    });
    return () => {
      cancelAnimationFrame(raf1);
      cancelAnimationFrame(raf2);
    };
  }, []);
  if (!mounted) return <Placeholder id={id} title={title} />;
  return (
    <Suspense fallback={<Placeholder id={id} title={title} />}>
      <Lab />
    </Suspense>
  );
}
