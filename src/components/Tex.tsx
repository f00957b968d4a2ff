/**
 * The one KaTeX component. Renders to a string (memoised on the TeX source), so a formula fed live
 * values re-renders only when the digits it shows change. trust is off; strict is 'ignore'.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo, useEffect, useMemo, useRef, useState } from 'react';

export interface TexProps {
  math: string;
  display?: boolean;
  className?: string;
}

function render(math: string, display: boolean): string {
  return katex.renderToString(math, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    output: 'htmlAndMathml',
  });
}

/**
 * A display formula wider than its column scrolls; then it must be reachable by keyboard too.
 * Measuring forces a layout, so it is debounced: a formula fed live values (10 updates a second
 * while a lab trains) is measured once it settles, not on every update.
 */
function useOverflows(html: string) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    const timer = window.setTimeout(check, 300);
    return () => window.clearTimeout(timer);
  }, [html]);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setOverflows(el.scrollWidth > el.clientWidth + 1));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, overflows };
}

function DisplayTex({ html, className }: { html: string; className: string }) {
  const { ref, overflows } = useOverflows(html);
  return (
    <div
      ref={ref}
      className={className}
      tabIndex={overflows ? 0 : undefined}
      role={overflows ? 'region' : undefined}
      aria-label={overflows ? 'Formula (scrolls sideways)' : undefined}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

export const Tex = memo(function Tex({ math, display = false, className }: TexProps) {
  const html = useMemo(() => render(math, display), [math, display]);
  const cls = `tex ${display ? 'tex-display' : 'tex-inline'}${className ? ` ${className}` : ''}`;
  if (display) return <DisplayTex html={html} className={cls} />;
  return <span className={cls} dangerouslySetInnerHTML={{ __html: html }} />;
});

/**
 * A number for TeX with `digits` significant digits: 0.000123 → 1.23\times10^{-4}, NaN → \text{NaN}.
 * Trailing zeros are kept to a fixed width so the formula does not jitter as values change.
 */
export function texNum(v: number, digits = 3): string {
  if (Number.isNaN(v)) return '\\text{NaN}';
  if (!Number.isFinite(v)) return v > 0 ? '\\infty' : '-\\infty';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) {
    const decimalsNeeded = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
    return v.toFixed(Math.min(decimalsNeeded, 6));
  }
  const [m, e] = v.toExponential(digits - 1).split('e');
  return `${m}\\times10^{${Number(e)}}`;
}

/** Signed term for sums: " + 0.5" / " - 0.5". */
export function texSigned(v: number, digits = 3): string {
  return v < 0 ? ` - ${texNum(-v, digits)}` : ` + ${texNum(v, digits)}`;
}
