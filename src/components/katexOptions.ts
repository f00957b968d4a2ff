import type { KatexOptions } from 'katex';

/**
 * KaTeX options shared by the browser (katexRender.ts) and the build (scripts/tex-prerender.ts), so
 * a formula typeset at build time is exactly what the browser would have produced. trust is off;
 * strict is 'ignore'; MathML goes along for screen readers.
 */
export const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  output: 'htmlAndMathml',
} as const satisfies KatexOptions;
