/** Pure histogram binning used by the Histogram chart. */

export interface HistogramBin {
  /** Inclusive lower edge. */
  x0: number;
  /** Exclusive upper edge, except for the last bin, which includes `range[1]`. */
  x1: number;
  count: number;
}

/** [min, max] of the finite values, widened when degenerate so bins have non-zero width. */
export function valueRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [0, 1];
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/**
 * Count values into `bins` equal-width bins over `range` (default: the data's extent).
 * Non-finite values and values outside the range are ignored.
 */
export function histogram(values: ArrayLike<number>, bins: number, range?: [number, number]): HistogramBin[] {
  const n = Math.max(1, Math.floor(Number.isFinite(bins) ? bins : 1));
  let [lo, hi] = range ?? valueRange(values);
  if (!(hi > lo)) [lo, hi] = valueRange([lo, hi]);
  const width = (hi - lo) / n;
  // Edges from lo + i·width (not cumulative sums) so they do not drift, and the last is exact.
  const out: HistogramBin[] = Array.from({ length: n }, (_, i) => ({
    x0: lo + i * width,
    x1: i === n - 1 ? hi : lo + (i + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v < lo || v > hi) continue;
    const idx = Math.min(n - 1, Math.floor((v - lo) / width));
    out[idx].count += 1;
  }
  return out;
}
