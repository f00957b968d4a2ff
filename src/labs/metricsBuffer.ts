/**
 * Loss histories per metric, sampled by charts at ~10 Hz. Bounded: when a series passes
 * `capacity` points, every other point is dropped (the curve keeps its shape, memory stays flat).
 */
export interface SeriesPoint {
  x: number;
  y: number;
}

export class MetricsBuffer {
  private series = new Map<string, SeriesPoint[]>();
  private stride = new Map<string, number>();
  private seen = new Map<string, number>();

  constructor(private readonly capacity = 2000) {}

  /** Record finite values only: a NaN is a divergence, reported by the trainer, not a chart point. */
  push(x: number, metrics: Record<string, number>): void {
    for (const [key, y] of Object.entries(metrics)) {
      if (!Number.isFinite(y)) continue;
      const count = (this.seen.get(key) ?? 0) + 1;
      this.seen.set(key, count);
      const stride = this.stride.get(key) ?? 1;
      if ((count - 1) % stride !== 0) continue;
      let s = this.series.get(key);
      if (!s) this.series.set(key, (s = []));
      s.push({ x, y });
      if (s.length > this.capacity) {
        this.series.set(key, s.filter((_, i) => i % 2 === 0));
        this.stride.set(key, stride * 2);
      }
    }
  }

  /** A copy per series, safe to hand to React. */
  snapshot(): Record<string, SeriesPoint[]> {
    const out: Record<string, SeriesPoint[]> = {};
    for (const [k, v] of this.series) out[k] = v.slice();
    return out;
  }

  clear(): void {
    this.series.clear();
    this.stride.clear();
    this.seen.clear();
  }
}
