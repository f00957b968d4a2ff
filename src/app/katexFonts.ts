/**
 * KaTeX's most used faces, requested as soon as a lecture's text has arrived (LecturePage.tsx)
 * rather than when the first formula is laid out. A formula laid out before its font has arrived is laid out twice (first in
 * a fallback font, which on some systems means a slow search through the installed fonts), so
 * the first screen of formulas costs several times more than with the faces already there.
 * The URLs are the very files katex.min.css points to (Vite emits each once).
 */
import ams from 'katex/dist/fonts/KaTeX_AMS-Regular.woff2?url';
import mainBold from 'katex/dist/fonts/KaTeX_Main-Bold.woff2?url';
import mainRegular from 'katex/dist/fonts/KaTeX_Main-Regular.woff2?url';
import mathItalic from 'katex/dist/fonts/KaTeX_Math-Italic.woff2?url';
import size1 from 'katex/dist/fonts/KaTeX_Size1-Regular.woff2?url';
import size2 from 'katex/dist/fonts/KaTeX_Size2-Regular.woff2?url';

export const KATEX_PRELOAD_FONTS = [mainRegular, mathItalic, mainBold, size1, size2, ams];

let done = false;

/** Adds `<link rel="preload" as="font">` for each face (once per page). */
export function preloadKatexFonts(): void {
  if (done || typeof document === 'undefined') return;
  done = true;
  for (const href of KATEX_PRELOAD_FONTS) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'font';
    link.type = 'font/woff2';
    link.crossOrigin = 'anonymous'; // fonts are fetched in CORS mode; the preload must match
    link.href = href;
    document.head.appendChild(link);
  }
}
