/** Compact number formatting for ticks, tooltips and aria-labels (not for CSV: that keeps full precision). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(1).replace('e+', 'e');
  // toPrecision then Number() drops trailing zeros and float noise such as 0.30000000000000004.
  return String(Number(value.toPrecision(3)));
}

/**
 * An integer with thousands separators: 3072 → "3,072" (sep "{,}" for TeX). Plain string work:
 * the first toLocaleString() of a page loads locale data and blocked the main thread ~0.2 s.
 */
export function groupDigits(v: number, sep = ','): string {
  if (!Number.isFinite(v)) return String(v);
  const sign = v < 0 ? '-' : '';
  return sign + String(Math.round(Math.abs(v))).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}
