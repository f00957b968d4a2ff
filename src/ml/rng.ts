/**
 * Seeded pseudo-random numbers. All randomness in src/ml goes through an {@link Rng} passed in
 * explicitly, so every dataset, split and initialisation is reproducible from its seed.
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state,
 * 32-bit output), with its state seeded through the splitmix32 hash of the seed.
 */

/** A seeded random source. */
export interface Rng {
  /** The seed this generator was created with. */
  readonly seed: number;
  /** Uniform sample u ~ U[0, 1). */
  next(): number;
  /** Standard normal sample z ~ N(0, 1) (Box–Muller transform of two uniforms). */
  normal(): number;
  /** Uniform integer in {0, …, n−1}; n must be a positive integer. */
  int(n: number): number;
}

/** splitmix32 step: returns the next hashed 32-bit word and advances the state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Creates a seeded generator (sfc32 seeded via splitmix32(seed)).
 * The same seed always yields the same sequence; different seeds give unrelated sequences.
 * Non-integer seeds are mixed in through their bits (seed and seed·2³² fractional part).
 * @param seed any finite number
 */
export function createRng(seed: number): Rng {
  const h = { s: (Math.floor(seed) ^ Math.floor((seed % 1) * 4294967296)) | 0 };
  let a = splitmix32(h);
  let b = splitmix32(h);
  let c = splitmix32(h);
  let d = splitmix32(h);
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextU32(); // warm-up
  let spare: number | null = null;
  const next = (): number => nextU32() / 4294967296;
  return {
    seed,
    next,
    normal(): number {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return z;
      }
      // Box–Muller: z0 = r cos θ, z1 = r sin θ with r = sqrt(−2 ln u1), θ = 2π u2, u1 ∈ (0, 1].
      const u1 = 1 - next();
      const u2 = next();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
    int(n: number): number {
      return Math.floor(next() * n);
    },
  };
}

/**
 * Fisher–Yates shuffle in place: for i = n−1 … 1 swap a[i] with a[j], j ~ U{0, …, i}.
 * @param a array of length n (mutated)
 * @returns the same array `a`
 */
export function shuffleInPlace<T>(a: T[], rng: Rng): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/**
 * Fills a Float32Array with i.i.d. samples w ~ N(0, std²) (i.e. std · z, z ~ N(0, 1)),
 * for deterministic initialisation of a tfjs variable of the given shape.
 * @param shape tensor shape [d0, d1, …]; the result has length ∏ dᵢ (1 for shape [])
 * @returns flat row-major values, ready for `tf.tensor(values, shape)`
 */
export function randomNormalTensorInit(shape: number[], std: number, rng: Rng): Float32Array {
  const size = shape.reduce((p, d) => p * d, 1);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = std * rng.normal();
  return out;
}
