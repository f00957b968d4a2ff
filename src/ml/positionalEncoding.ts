/**
 * Sinusoidal positional encoding (Vaswani et al. 2017, as in the lecture notes):
 *   PE(pos, 2i)   = sin(pos / 10000^{2i/d_model})
 *   PE(pos, 2i+1) = cos(pos / 10000^{2i/d_model})
 * Plain TypeScript (no tfjs): a few thousand sin/cos evaluations.
 */

/** Angular frequency ω_i = 1 / 10000^{2i/d_model} of the pair (2i, 2i+1). */
export function peFrequency(i: number, dModel: number): number {
  return 1 / Math.pow(10000, (2 * i) / dModel);
}

/** Single PE entry PE(pos, dim); dim even → sin, odd → cos of the same frequency. */
export function peValue(pos: number, dim: number, dModel: number): number {
  const i = Math.floor(dim / 2);
  const angle = pos * peFrequency(i, dModel);
  return dim % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
}

/** Row-major maxLen × dModel matrix of positional encodings (row = position). */
export function positionalEncoding(maxLen: number, dModel: number): Float32Array {
  const out = new Float32Array(maxLen * dModel);
  for (let pos = 0; pos < maxLen; pos++) {
    for (let dim = 0; dim < dModel; dim++) out[pos * dModel + dim] = peValue(pos, dim, dModel);
  }
  return out;
}

/** Wavelength 2π·10000^{2i/d_model} (in positions) of the pair (2i, 2i+1). */
export function peWavelength(i: number, dModel: number): number {
  return (2 * Math.PI) / peFrequency(i, dModel);
}

/**
 * Similarity matrix S = PE·PEᵀ (maxLen × maxLen, row-major) from a row-major PE matrix:
 * S[p][q] = PE(p)·PE(q), computed as plain dot products (symmetric, so half of them).
 */
export function peSimilarity(pe: ArrayLike<number>, maxLen: number, dModel: number): Float32Array {
  const s = new Float32Array(maxLen * maxLen);
  for (let p = 0; p < maxLen; p++) {
    for (let q = p; q < maxLen; q++) {
      let acc = 0;
      const a = p * dModel;
      const b = q * dModel;
      for (let j = 0; j < dModel; j++) acc += pe[a + j] * pe[b + j];
      s[p * maxLen + q] = acc;
      s[q * maxLen + p] = acc;
    }
  }
  return s;
}

/**
 * Closed form of the similarity for an even d_model: PE(p)·PE(q) = Σ_i [sin pω_i sin qω_i + cos pω_i cos qω_i]
 * = Σ_i cos((p − q)·ω_i), a function of the offset k = q − p only (and even in k).
 */
export function similarityAtOffset(k: number, dModel: number): number {
  let acc = 0;
  for (let i = 0; i < dModel / 2; i++) acc += Math.cos(k * peFrequency(i, dModel));
  return acc;
}

/**
 * The relative-position property: for every frequency pair i, (PE(pos+k, 2i), PE(pos+k, 2i+1)) is a
 * fixed rotation of (PE(pos, 2i), PE(pos, 2i+1)) that depends on k only:
 *   [sin((p+k)ω)]   [ cos kω   sin kω] [sin pω]
 *   [cos((p+k)ω)] = [−sin kω   cos kω] [cos pω]
 * Returns the rotation matrix (row-major 2×2) and the rotated pair.
 */
export function rotatePair(pos: number, k: number, i: number, dModel: number): { m: [number, number, number, number]; before: [number, number]; after: [number, number] } {
  const w = peFrequency(i, dModel);
  const c = Math.cos(k * w);
  const s = Math.sin(k * w);
  const before: [number, number] = [Math.sin(pos * w), Math.cos(pos * w)];
  return { m: [c, s, -s, c], before, after: [c * before[0] + s * before[1], -s * before[0] + c * before[1]] };
}
