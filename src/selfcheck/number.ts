/**
 * Reading a number the learner typed. Accepted: "0.5", "-3", "−3" (typographic minus), "+2",
 * "1e-3", ".5", "1/3" (a fraction), a trailing "%" (ignored: the unit is shown next to the box),
 * and a decimal comma, "1,5" = 1.5. A comma followed by exactly three digits ("1,000") is refused
 * as ambiguous (thousands separator or decimal comma?), with a message saying how to write it.
 */
export type ParsedNumber = { ok: true; value: number } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function plain(s: string): number | null {
  return NUMBER.test(s) ? Number(s) : null;
}

export function parseNumber(raw: string): ParsedNumber {
  let s = raw.trim().replace(/[\u2212\u2013]/g, '-').replace(/\s+/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  if (s === '') return { ok: false, message: 'Type a number first.' };
  if (/^[+-]?\d+,\d{3}$/.test(s)) {
    return { ok: false, message: `“${raw.trim()}” is ambiguous: write a thousand as 1000 and a decimal with a point, e.g. 1.5.` };
  }
  if (/^[^.]*,[^.,]*$/.test(s)) s = s.replace(',', '.');
  const slash = s.indexOf('/');
  if (slash > 0) {
    const n = plain(s.slice(0, slash));
    const d = plain(s.slice(slash + 1));
    if (n !== null && d !== null && d !== 0) return { ok: true, value: n / d };
  }
  const v = plain(s);
  if (v === null || !Number.isFinite(v)) {
    return { ok: false, message: `“${raw.trim()}” is not a number I can read. Examples: 0.5, -3, 1e-3, 1,5 or 1/3.` };
  }
  return { ok: true, value: v };
}
