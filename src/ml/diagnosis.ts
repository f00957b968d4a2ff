/**
 * Reading training and validation loss curves, by the criteria of Lecture 6 ("To Summarize"):
 *
 * - Underfitting: training and validation losses still decrease at the end of training — or
 *   both stay high (far above the noise floor no model can beat).
 * - Overfitting: training loss decreases while validation loss increases — or a big gap between them.
 * - Ideal training: small gap between training and validation loss, both go down at the same rate.
 * - Bad signs: training error not going down, validation error not going down, performance on
 *   validation better than on training.
 *
 * Pure: it sees only the two curves (one value per epoch) and the noise floor.
 */

export type FitKind = 'untrained' | 'underfitting' | 'overfitting' | 'good';
export type BadSign = 'train-flat' | 'val-flat' | 'val-better';

export interface CurveDiagnosis {
  kind: FitKind;
  /** One sentence per criterion that decided the verdict, with the numbers. */
  reasons: string[];
  /** The notes' bad signs seen in the curves. */
  badSigns: BadSign[];
  trainEnd: number;
  valEnd: number;
  /** val − train at the end. */
  gap: number;
  /** Lowest validation loss and the index of the curve point where it was reached. */
  valBest: number;
  valBestAt: number;
  /** Relative change over the last quarter of the run: (end − start) / start. */
  trainTrend: number;
  valTrend: number;
}

export interface DiagnosisOptions {
  /**
   * The lowest loss any model can reach on this data (the noise variance σ² for the squared error):
   * "high" and "big gap" are measured against it. Floors below 1e−3 count as 1e−3.
   */
  floor: number;
  /** The epoch of each curve point, when the curves are not sampled every epoch (default: the index). */
  epochs?: readonly number[];
}

/** Fewer epochs than this: nothing to read yet. */
export const MIN_EPOCHS = 10;
/** A loss above this many noise floors is "high": the model misses structure, not just noise. */
export const HIGH_FACTOR = 1.5;
/** Relative change over the last quarter that counts as still going down (or up). */
export const TREND = 0.02;
/** A gap val − train above this many floors (and val ≥ 2·train) is "big". */
export const GAP_FACTOR = 1;
/** Validation rising this many floors above its minimum (while training falls) is overfitting. */
export const RISE_FACTOR = 0.5;
/** Losses that did not drop below this share of their start "did not go down". */
export const FLAT = 0.95;
/** Validation below this share of training counts as "validation better than training". */
export const VAL_BETTER = 0.8;

const fmt = (v: number) => (Math.abs(v) >= 100 || Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toPrecision(3));
const pct = (v: number) => `${v > 0 ? '+' : ''}${(100 * v).toFixed(1)} %`;

/** (end − value at 75 %) / value at 75 %, over the last quarter of the curve. */
export function endTrend(curve: readonly number[]): number {
  const n = curve.length;
  if (n < 2) return 0;
  const from = curve[Math.min(n - 2, Math.floor(0.75 * (n - 1)))];
  const to = curve[n - 1];
  return from > 0 ? (to - from) / from : 0;
}

export function diagnoseCurves(train: readonly number[], val: readonly number[], o: DiagnosisOptions): CurveDiagnosis {
  const n = Math.min(train.length, val.length);
  const floor = Math.max(o.floor, 1e-3);
  const trainEnd = n ? train[n - 1] : NaN;
  const valEnd = n ? val[n - 1] : NaN;
  let valBest = Infinity;
  let valBestAt = -1;
  for (let i = 0; i < n; i++) if (val[i] < valBest) [valBest, valBestAt] = [val[i], i];
  const base = {
    trainEnd, valEnd, gap: valEnd - trainEnd, valBest: n ? valBest : NaN, valBestAt,
    trainTrend: endTrend(train.slice(0, n)), valTrend: endTrend(val.slice(0, n)),
  };
  if (n < MIN_EPOCHS || !Number.isFinite(trainEnd) || !Number.isFinite(valEnd)) {
    return { kind: 'untrained', reasons: ["Train for a few more epochs to read the curves."], badSigns: [], ...base };
  }

  const badSigns: BadSign[] = [];
  if (trainEnd >= FLAT * train[0]) badSigns.push('train-flat');
  if (valEnd >= FLAT * val[0]) badSigns.push('val-flat');
  if (valEnd < VAL_BETTER * trainEnd) badSigns.push('val-better');

  const { trainTrend, valTrend } = base;
  const trainFalling = trainTrend < -TREND;
  const valRise = valEnd - valBest;
  const reasons: string[] = [];
  let kind: FitKind;

  const risingVal = valRise > RISE_FACTOR * floor && valEnd > valBest * (1 + TREND) && trainTrend <= 0 && valBestAt < n - 1;
  const trainHigh = trainEnd > HIGH_FACTOR * floor;
  const bigGap = valEnd - trainEnd > GAP_FACTOR * floor && valEnd > 2 * trainEnd;
  const bothFalling = trainFalling && valTrend < -TREND;

  if (trainHigh) {
    kind = 'underfitting';
    reasons.push(
      `Both losses are high: training ${fmt(trainEnd)} and validation ${fmt(valEnd)}, against a noise floor of ${fmt(floor)} — the model misses structure in the data.`,
    );
    if (bothFalling) reasons.push(`Both are still decreasing at the end (${pct(trainTrend)} and ${pct(valTrend)} over the last quarter).`);
  } else if (risingVal) {
    kind = 'overfitting';
    reasons.push(
      `Training loss ${trainFalling ? 'keeps decreasing' : 'stays low'} (${fmt(trainEnd)}, ${pct(trainTrend)} over the last quarter) while the validation loss increases: from its minimum ${fmt(valBest)} at epoch ${o.epochs?.[valBestAt] ?? valBestAt} to ${fmt(valEnd)}.`,
    );
    if (bigGap) reasons.push(`Big gap: validation ${fmt(valEnd)} against training ${fmt(trainEnd)}.`);
  } else if (bigGap) {
    kind = 'overfitting';
    reasons.push(
      `Big gap: training loss ${fmt(trainEnd)} is far below the validation loss ${fmt(valEnd)} (gap ${fmt(valEnd - trainEnd)} > noise floor ${fmt(floor)}): the model fits noise of the training set.`,
    );
  } else if (bothFalling) {
    kind = 'underfitting';
    reasons.push(
      `Training and validation losses still decrease at the end of training (${pct(trainTrend)} and ${pct(valTrend)} over the last quarter): train longer.`,
    );
  } else {
    kind = 'good';
    reasons.push(
      `Small gap: validation ${fmt(valEnd)} against training ${fmt(trainEnd)} (gap ${fmt(valEnd - trainEnd)}, below the noise floor ${fmt(floor)}), and both went down together and levelled off near that floor.`,
    );
  }
  return { kind, reasons, badSigns, ...base };
}

/** What the notes call each bad sign. */
export const BAD_SIGN_TEXT: Record<BadSign, string> = {
  'train-flat': 'Training error not going down.',
  'val-flat': 'Validation error not going down.',
  'val-better': 'Performance on validation better than on the training set.',
};

/** Numeric code of a verdict, for test probes: 0 untrained, 1 underfitting, 2 good, 3 overfitting. */
export const FIT_CODE: Record<FitKind, number> = { untrained: 0, underfitting: 1, good: 2, overfitting: 3 };
