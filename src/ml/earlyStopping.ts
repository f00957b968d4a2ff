/**
 * Early stopping (Lecture 8): watch the validation loss after every epoch; an epoch improves when
 * its loss is below the best so far by more than min-delta (L < L_best − δ); training stops once
 * `patience` epochs in a row have not improved, and the weights of the best epoch are restored.
 * Same rule as Keras' EarlyStopping(monitor='val_loss', patience, min_delta, restore_best_weights).
 * Pure TypeScript.
 */

export interface EarlyStopConfig {
  /** Epochs without improvement before stopping (≥ 1). */
  patience: number;
  /** Minimum decrease that counts as an improvement (≥ 0). */
  minDelta: number;
}

export interface EarlyStopState {
  /** Best monitored value so far (+∞ before the first epoch). */
  best: number;
  /** Epoch of that value (−1 before the first epoch). */
  bestEpoch: number;
  /** Epochs since the last improvement. */
  wait: number;
  /** Epoch at which the rule fired, or −1 while training goes on. */
  stopEpoch: number;
}

export interface EarlyStopUpdate {
  improved: boolean;
  /** True exactly at the epoch where the rule fires. */
  stopNow: boolean;
}

export function checkEarlyStopConfig(c: EarlyStopConfig): void {
  if (!Number.isInteger(c.patience) || c.patience < 1) throw new Error(`patience must be a whole number ≥ 1 (got ${c.patience})`);
  if (!(c.minDelta >= 0)) throw new Error(`min-delta must be ≥ 0 (got ${c.minDelta})`);
}

export function earlyStopState(): EarlyStopState {
  return { best: Infinity, bestEpoch: -1, wait: 0, stopEpoch: -1 };
}

/**
 * Feed the validation loss of `epoch` (epochs in increasing order). After the rule has fired,
 * further epochs change nothing (the caller may keep training to show what would have happened).
 * A non-finite loss never improves.
 */
export function earlyStopUpdate(s: EarlyStopState, c: EarlyStopConfig, epoch: number, value: number): EarlyStopUpdate {
  if (s.stopEpoch >= 0) return { improved: false, stopNow: false };
  if (Number.isFinite(value) && value < s.best - c.minDelta) {
    s.best = value;
    s.bestEpoch = epoch;
    s.wait = 0;
    return { improved: true, stopNow: false };
  }
  s.wait++;
  if (s.wait >= c.patience) {
    s.stopEpoch = epoch;
    return { improved: false, stopNow: true };
  }
  return { improved: false, stopNow: false };
}

/**
 * The rule on a whole curve: `values[i]` is the validation loss after epoch `firstEpoch + i`.
 * Returns the best epoch, its value and the stop epoch (−1 if the curve ends before the rule fires).
 */
export function earlyStopOnCurve(values: readonly number[], c: EarlyStopConfig, firstEpoch = 1): EarlyStopState {
  checkEarlyStopConfig(c);
  const s = earlyStopState();
  for (let i = 0; i < values.length && s.stopEpoch < 0; i++) earlyStopUpdate(s, c, firstEpoch + i, values[i]);
  return s;
}
