/** Tick positions shared by the canvas and recharts charts. Pure. */

/** Round tick steps (1, 2, 5 × 10^k), as in d3's tickIncrement; values are free of float noise. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max)) return [];
  const raw = (max - min) / Math.max(1, count);
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  const step = factor * 10 ** power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const ticks: number[] = [];
  const eps = step * 1e-9;
  for (let i = Math.ceil((min - eps) / step); i * step <= max + eps; i++) {
    const v = Number((i * step).toFixed(decimals));
    ticks.push(Object.is(v, -0) ? 0 : v);
  }
  return ticks;
}
