/** Small pure helpers for building SVG markup as strings (safe to use without a DOM). */

/** Escape text for use in XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Coordinates rounded to 0.01 px keep exported files small without visible change. */
export function svgNum(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Build `name="value"` pairs, escaping values and skipping undefined ones. */
export function svgAttrs(attrs: Record<string, string | number | undefined>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    const text = typeof value === 'number' ? svgNum(value) : value;
    parts.push(`${name}="${escapeXml(text)}"`);
  }
  return parts.join(' ');
}

export function svgEl(tag: string, attrs: Record<string, string | number | undefined>, content?: string): string {
  const open = `<${tag} ${svgAttrs(attrs)}`;
  return content === undefined ? `${open}/>` : `${open}>${content}</${tag}>`;
}

/**
 * Rough text width for layout without a DOM. DejaVu Sans averages ~0.6 em per character;
 * erring wide only costs a little whitespace in exported legends.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}
