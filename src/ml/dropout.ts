/**
 * Dropout on one unit, z = Σᵢ θᵢ xᵢ, and the notes' weight-scaling inference rule.
 *
 * Convention (PyTorch's `nn.Dropout(p)`): p is the DROP probability, q = 1 − p the keep
 * probability. A mask m has mᵢ ~ Bernoulli(q) independently. The notes write the test-time rule as
 * z = (θ₁x₁ + θ₂x₂)·p with p = 0.5: there p is the keep probability — with p = 0.5 both readings
 * agree, in general the scale factor is q = 1 − p.
 *
 * - Plain dropout: train with z̃ = Σ mᵢθᵢxᵢ; E[z̃] = q·Σ θᵢxᵢ, so at test time scale the weights by q.
 * - Inverted dropout (what frameworks do): train with z̃ = Σ (mᵢ/q)θᵢxᵢ; E[z̃] = Σ θᵢxᵢ, so the test
 *   pass uses the weights unchanged.
 * Pure TypeScript, no tfjs.
 */
import type { Rng } from './rng';

/** Keep probability q = 1 − p for a drop probability p ∈ [0, 1). */
export function keepProbability(drop: number): number {
  if (!(drop >= 0 && drop < 1)) throw new Error(`drop probability must be in [0, 1) (got ${drop})`);
  return 1 - drop;
}

/** z = Σ θᵢ xᵢ (the test-time pre-activation with every input kept). */
export function unitOutput(theta: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < theta.length; i++) z += theta[i] * x[i];
  return z;
}

/** z̃ = scale · Σ mᵢ θᵢ xᵢ for a 0/1 mask (scale = 1 plain, 1/q inverted). */
export function maskedOutput(theta: readonly number[], x: readonly number[], mask: ArrayLike<number>, scale = 1): number {
  let z = 0;
  for (let i = 0; i < theta.length; i++) if (mask[i]) z += theta[i] * x[i];
  return scale * z;
}

/** A 0/1 mask with mᵢ = 1 (kept) with probability q = 1 − p. */
export function sampleMask<T extends Uint8Array>(n: number, drop: number, rng: Rng, out: T = new Uint8Array(n) as T): T {
  for (let i = 0; i < n; i++) out[i] = rng.next() >= drop ? 1 : 0;
  return out;
}

export interface MaskTerm {
  mask: number[];
  /** P(mask) = q^k (1 − q)^(n − k), k = kept inputs. */
  prob: number;
  /** z̃ for this mask (plain dropout, no rescaling). */
  z: number;
}

/**
 * E[z̃] by enumerating all 2ⁿ masks (n ≤ 16): Σ_m P(m)·Σ mᵢθᵢxᵢ — the notes' four-term sum for n = 2.
 * Equals q·Σ θᵢxᵢ exactly (up to rounding).
 */
export function enumerateExpectation(theta: readonly number[], x: readonly number[], drop: number): { expectation: number; terms: MaskTerm[] } {
  const n = theta.length;
  if (n > 16) throw new Error(`enumeration is limited to 16 inputs (got ${n})`);
  const q = keepProbability(drop);
  const terms: MaskTerm[] = [];
  let expectation = 0;
  for (let bits = 0; bits < 1 << n; bits++) {
    const mask = Array.from({ length: n }, (_, i) => (bits >> i) & 1);
    const k = mask.reduce((s, m) => s + m, 0);
    const prob = q ** k * (1 - q) ** (n - k);
    const z = maskedOutput(theta, x, mask);
    terms.push({ mask, prob, z });
    expectation += prob * z;
  }
  return { expectation, terms };
}

/**
 * Running Monte Carlo means of the unit's output over sampled masks, for plain dropout (→ q·z) and
 * inverted dropout (→ z), both on the same masks. Keeps Welford sums for the standard errors.
 */
export class UnitMonteCarlo {
  readonly q: number;
  /** z with every input kept (inverted dropout's test-time output). */
  readonly z: number;
  /** q·z: the weight-scaled test-time output of plain dropout. */
  readonly zScaled: number;
  count = 0;
  meanPlain = 0;
  meanInverted = 0;
  private m2Plain = 0;
  private readonly mask: Uint8Array<ArrayBuffer>;

  constructor(readonly theta: readonly number[], readonly x: readonly number[], readonly drop: number, private readonly rng: Rng) {
    this.q = keepProbability(drop);
    this.z = unitOutput(theta, x);
    this.zScaled = this.q * this.z;
    this.mask = new Uint8Array(theta.length);
  }

  /** Draw `k` more masks; the last mask drawn stays readable in {@link lastMask}. */
  sample(k: number): void {
    for (let s = 0; s < k; s++) {
      sampleMask(this.theta.length, this.drop, this.rng, this.mask);
      const zp = maskedOutput(this.theta, this.x, this.mask);
      this.count++;
      const d = zp - this.meanPlain;
      this.meanPlain += d / this.count;
      this.m2Plain += d * (zp - this.meanPlain);
      this.meanInverted += (zp / this.q - this.meanInverted) / this.count;
    }
  }

  get lastMask(): readonly number[] {
    return [...this.mask];
  }

  /** Standard error of the plain-dropout mean, s/√N (0 before two samples). */
  get standardError(): number {
    return this.count > 1 ? Math.sqrt(this.m2Plain / (this.count - 1) / this.count) : 0;
  }

  /** Exact standard deviation of one plain-dropout sample: √(q(1−q)·Σ (θᵢxᵢ)²). */
  get sampleStd(): number {
    let s = 0;
    for (let i = 0; i < this.theta.length; i++) s += (this.theta[i] * this.x[i]) ** 2;
    return Math.sqrt(this.q * (1 - this.q) * s);
  }
}
