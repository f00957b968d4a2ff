/** Text with `$…$` inline TeX (a literal dollar written `\$`), rendered with the kit's Tex. */
import { Fragment } from 'react';
import { Tex } from '../components/Tex';

/** Splits into alternating plain and TeX parts; an unclosed `$` is kept as plain text. */
export function splitTex(text: string): { tex: boolean; s: string }[] {
  const parts: { tex: boolean; s: string }[] = [];
  let buf = '';
  let inTex = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '$') {
      buf += inTex ? '\\$' : '$';
      i++;
    } else if (c === '$') {
      if (buf) parts.push({ tex: inTex, s: buf });
      buf = '';
      inTex = !inTex;
    } else buf += c;
  }
  if (inTex) {
    // Unclosed: put the dollar back and treat the rest as text.
    const prev = parts.length && !parts[parts.length - 1].tex ? parts.pop()!.s : '';
    parts.push({ tex: false, s: `${prev}$${buf}` });
  } else if (buf) parts.push({ tex: false, s: buf });
  return parts;
}

export function RichText({ text }: { text: string }) {
  return (
    <>
      {splitTex(text).map((p, i) => (p.tex ? <Tex key={i} math={p.s} /> : <Fragment key={i}>{p.s}</Fragment>))}
    </>
  );
}

/**
 * A plain-text reading of rich text, for accessible names: screen readers cannot name a radio
 * button from KaTeX output alone, so TeX is spelt out roughly (commands and braces dropped).
 */
export function plainText(text: string): string {
  return splitTex(text)
    .map((p) => (p.tex ? p.s.replace(/\\(left|right|big|Big|,|;|!|quad|qquad)/g, ' ').replace(/\\([a-zA-Z]+)/g, '$1').replace(/[{}]/g, '').replace(/\\/g, '') : p.s))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
