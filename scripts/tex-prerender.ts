/**
 * Build-time typesetting of the formulas whose TeX is written out in the source.
 *
 * A `<Tex math="…" />` (or `math={'…'}`, `math={"…"}`, `math={String.raw`…`}` without `${…}`) always
 * shows the same formula, so it is typeset here, once, by the same KaTeX with the same options as in
 * the browser (src/components/katexOptions.ts), and the HTML is passed as the `pre` prop. A lecture
 * page then needs no KaTeX JavaScript at all (≈ 260 kB, and 30–70 ms just to evaluate on a slow
 * phone) until a formula computed at run time is shown: lab read-outs, numbers derived in code.
 * The KaTeX CSS and fonts are still loaded with the page.
 *
 * Runs before the JSX transform, on .tsx files under src/ that import `Tex`. It only inserts text
 * (` pre={"…"}` right after `<Tex`), so the source map stays exact outside that insertion.
 */
import katex from 'katex';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';
import { KATEX_OPTIONS } from '../src/components/katexOptions.ts';

export interface PrerenderResult {
  code: string;
  map: ReturnType<MagicString['generateMap']>;
  /** Formulas typeset. */
  count: number;
  /** Formulas left to the browser: computed TeX, or TeX that KaTeX rejects (listed in `errors`). */
  skipped: number;
  errors: string[];
}

type Attr = { kind: 'bool' } | { kind: 'string'; text: string } | { kind: 'expr'; text: string };

const IMPORTS_TEX = /import\s*\{[^}]*\bTex\b[^}]*\}\s*from\s*['"][^'"]*\/Tex['"]/;

/** End (exclusive) of the `{…}` expression container starting at `i`, skipping strings, templates and comments. */
function exprEnd(code: string, i: number): number {
  let depth = 0;
  // Stack of contexts: '{' for braces (a template's `${` included), '`' for template text.
  const stack: string[] = [];
  for (let p = i; p < code.length; p++) {
    const c = code[p];
    const top = stack[stack.length - 1];
    if (top === '`') {
      if (c === '\\') p++;
      else if (c === '`') stack.pop();
      else if (c === '$' && code[p + 1] === '{') {
        stack.push('{');
        depth++;
        p++;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      const q = c;
      for (p++; p < code.length && code[p] !== q; p++) if (code[p] === '\\') p++;
    } else if (c === '`') stack.push('`');
    else if (c === '/' && code[p + 1] === '/') p = code.indexOf('\n', p) < 0 ? code.length : code.indexOf('\n', p);
    else if (c === '/' && code[p + 1] === '*') p = code.indexOf('*/', p) + 1;
    else if (c === '{') {
      stack.push('{');
      depth++;
    } else if (c === '}') {
      stack.pop();
      depth--;
      if (depth === 0) return p + 1;
    }
  }
  return -1;
}

/** The attributes of the JSX opening element whose name ends at `i`, or null if it cannot be read (a spread, say). */
function readAttrs(code: string, i: number): Map<string, Attr> | null {
  const attrs = new Map<string, Attr>();
  for (;;) {
    while (/\s/.test(code[i] ?? '')) i++;
    if (code[i] === '>' || code.startsWith('/>', i)) return attrs;
    const name = /^[A-Za-z_][\w-]*/.exec(code.slice(i, i + 64))?.[0];
    if (!name) return null;
    i += name.length;
    while (/\s/.test(code[i] ?? '')) i++;
    if (code[i] !== '=') {
      attrs.set(name, { kind: 'bool' });
      continue;
    }
    i++;
    while (/\s/.test(code[i] ?? '')) i++;
    const c = code[i];
    if (c === '"' || c === "'") {
      const end = code.indexOf(c, i + 1);
      if (end < 0) return null;
      attrs.set(name, { kind: 'string', text: code.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '{') {
      const end = exprEnd(code, i);
      if (end < 0) return null;
      attrs.set(name, { kind: 'expr', text: code.slice(i + 1, end - 1).trim() });
      i = end;
    } else return null;
  }
}

const SINGLE = /^'(?:[^'\\\n]|\\.)*'$/s;
const DOUBLE = /^"(?:[^"\\\n]|\\.)*"$/s;
const RAW = /^String\.raw`([^`$]|\$(?!\{))*`$/s;

/** The TeX of a `math` attribute when it is written out in full, else null. */
export function staticMath(attr: Attr | undefined): string | null {
  if (!attr) return null;
  if (attr.kind === 'string') {
    // JSX decodes HTML entities in attribute strings; leave those (none today) to the browser.
    return /&[a-zA-Z#][a-zA-Z0-9]*;/.test(attr.text) ? null : attr.text;
  }
  if (attr.kind !== 'expr') return null;
  const t = attr.text;
  if (SINGLE.test(t) || DOUBLE.test(t) || RAW.test(t)) {
    // A plain string literal, checked by the patterns above: evaluating it runs no code.
    return new Function(`return ${t};`)() as string;
  }
  return null;
}

export function renderStatic(math: string, display: boolean): string {
  return katex.renderToString(math, { ...KATEX_OPTIONS, displayMode: display, throwOnError: true });
}

/** Inserts `pre` into every `<Tex>` with written-out TeX; null when the file has none. */
export function prerenderTex(code: string, id = 'file'): PrerenderResult | null {
  if (!code.includes('<Tex') || !IMPORTS_TEX.test(code)) return null;
  const s = new MagicString(code);
  let count = 0;
  let skipped = 0;
  const errors: string[] = [];
  const re = /<Tex(?=[\s/>])/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const at = m.index + m[0].length;
    const attrs = readAttrs(code, at);
    if (!attrs || attrs.has('pre')) {
      skipped++;
      continue;
    }
    const display = attrs.get('display');
    const math = staticMath(attrs.get('math'));
    if (math === null || (display && display.kind !== 'bool')) {
      skipped++;
      continue;
    }
    let html: string;
    try {
      html = renderStatic(math, display !== undefined);
    } catch (e) {
      // The browser renders it (in KaTeX's red error style) and the unit tests report it.
      const line = code.slice(0, m.index).split('\n').length;
      errors.push(`${id}:${line}: ${(e as Error).message}`);
      skipped++;
      continue;
    }
    s.appendLeft(at, ` pre={${JSON.stringify(html)}}`);
    count++;
  }
  if (count === 0 && errors.length === 0) return null;
  return { code: s.toString(), map: s.generateMap({ hires: true, source: id, includeContent: true }), count, skipped, errors };
}

export function texPrerender(): Plugin {
  return {
    name: 'tex-prerender',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!file.endsWith('.tsx') || !file.includes('/src/') || file.includes('node_modules')) return null;
      const r = prerenderTex(code, file);
      if (!r) return null;
      for (const e of r.errors) this.warn(`KaTeX cannot typeset a formula, the browser will show the error: ${e}`);
      return { code: r.code, map: r.map };
    },
  };
}
