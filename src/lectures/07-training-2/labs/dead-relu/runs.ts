/** Names and colours of the runs (shared by the charts and the unit picture). */
import { SERIES_COLORS, formatNumber } from '../../../../charts';
import type { RunKey } from './params';

export const RUN_COLORS: Record<RunKey, string> = {
  normal: SERIES_COLORS[0], high: SERIES_COLORS[1], bias: SERIES_COLORS[5], biasHigh: SERIES_COLORS[4], leaky: SERIES_COLORS[2],
};

export function runName(k: RunKey, lr: number, lrHigh: number, b0: number): string {
  const a = formatNumber(lr);
  const ah = formatNumber(lrHigh);
  switch (k) {
    case 'normal': return `ReLU, α = ${a}, b = 0`;
    case 'high': return `ReLU, α = ${ah}, b = 0`;
    case 'bias': return `ReLU, α = ${a}, b = ${formatNumber(b0)}`;
    case 'biasHigh': return `ReLU, α = ${ah}, b = ${formatNumber(b0)}`;
    case 'leaky': return `leaky ReLU, α = ${ah}, b = 0`;
  }
}

/** Compact names for chart legends (which recharts gives one line of room). */
export function shortName(k: RunKey, lr: number, lrHigh: number): string {
  const a = formatNumber(lr);
  const ah = formatNumber(lrHigh);
  switch (k) {
    case 'normal': return `α ${a}`;
    case 'high': return `α ${ah}`;
    case 'bias': return `α ${a}, b₀`;
    case 'biasHigh': return `α ${ah}, b₀`;
    case 'leaky': return `leaky, α ${ah}`;
  }
}
