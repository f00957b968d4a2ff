/**
 * Segmentation scores from a confusion matrix C (K × K, rows the true class, columns the
 * predicted one, entries pixel counts):
 *   pixel accuracy = Σ_k C_kk / Σ_ij C_ij,
 *   IoU_k = C_kk / (Σ_j C_kj + Σ_i C_ik − C_kk)   (intersection over union of class k),
 *   mean IoU = the mean of IoU_k over the classes present in the truth or the prediction.
 * C is a flat row-major array (as read back from a [K, K] tensor).
 */

/** Confusion counts of two class maps of equal length (rows truth, columns prediction). */
export function confusionFromMaps(truth: ArrayLike<number>, pred: ArrayLike<number>, K: number): Float64Array {
  if (truth.length !== pred.length) throw new Error(`the maps differ in length (${truth.length} vs ${pred.length})`);
  const c = new Float64Array(K * K);
  for (let i = 0; i < truth.length; i++) c[truth[i] * K + pred[i]]++;
  return c;
}

export function pixelAccuracy(conf: ArrayLike<number>, K: number): number {
  let diag = 0;
  let total = 0;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) total += conf[i * K + j];
    diag += conf[i * K + i];
  }
  return total > 0 ? diag / total : NaN;
}

/** IoU of each class; NaN for a class absent from both the truth and the prediction. */
export function iouPerClass(conf: ArrayLike<number>, K: number): number[] {
  return Array.from({ length: K }, (_, k) => {
    let row = 0;
    let col = 0;
    for (let j = 0; j < K; j++) {
      row += conf[k * K + j];
      col += conf[j * K + k];
    }
    const union = row + col - conf[k * K + k];
    return union > 0 ? conf[k * K + k] / union : NaN;
  });
}

/** Mean of the defined per-class IoUs (classes seen in the truth or the prediction). */
export function meanIoU(conf: ArrayLike<number>, K: number): number {
  const ious = iouPerClass(conf, K).filter((v) => Number.isFinite(v));
  return ious.length ? ious.reduce((a, b) => a + b, 0) / ious.length : NaN;
}
