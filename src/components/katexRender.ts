/**
 * KaTeX itself, in a chunk of its own: loaded only when a formula computed at run time has to be
 * typeset (Tex.tsx); formulas written out in the source arrive typeset from the build.
 */
import katex from 'katex';
import { KATEX_OPTIONS } from './katexOptions';

export function renderTex(math: string, display: boolean): string {
  return katex.renderToString(math, { ...KATEX_OPTIONS, displayMode: display });
}
