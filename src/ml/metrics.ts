/** Numeric helpers for monitoring training values. */

/** True iff v is a number and finite (not NaN, not ±Infinity). */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Divergence check over a series: true if any value is NaN, ±Infinity or |v| > 1e12.
 * @param values any length (false for an empty array)
 */
export function hasDiverged(values: readonly number[]): boolean {
  return values.some((v) => !Number.isFinite(v) || Math.abs(v) > 1e12);
}

/**
 * Formats a number for display: fixed-point with `digits` decimals when 1e-3 ≤ |v| < 1e5
 * (and for 0), exponential with `digits` decimals otherwise; '—' for NaN, '∞' / '−∞' for
 * infinities.
 */
export function formatNumber(v: number, digits = 3): string {
  if (Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  const a = Math.abs(v);
  if (a === 0) return (0).toFixed(digits);
  return a < 1e-3 || a >= 1e5 ? v.toExponential(digits) : v.toFixed(digits);
}
