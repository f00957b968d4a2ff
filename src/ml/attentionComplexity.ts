/**
 * The notes' complexity table (Vaswani et al. 2017, Table 1), evaluated for concrete n, d, k, r.
 * These are orders of growth: constants are dropped, so the numbers compare shapes, not FLOPs.
 *   self-attention             O(n²·d)     sequential O(1)   path O(1)
 *   recurrent                  O(n·d²)     sequential O(n)   path O(n)
 *   convolutional              O(k·n·d²)   sequential O(1)   path O(log_k n)   (dilated convolutions)
 *   self-attention, restricted O(r·n·d)    sequential O(1)   path O(n/r)
 */

export const LAYER_TYPES = ['self', 'recurrent', 'conv', 'restricted'] as const;
export type LayerType = (typeof LAYER_TYPES)[number];

export interface ComplexitySizes {
  /** Sequence length. */
  n: number;
  /** Representation dimension. */
  d: number;
  /** Convolution kernel size (≥ 2 for the logarithm). */
  k: number;
  /** Neighbourhood size of restricted self-attention. */
  r: number;
}

export const LAYER_NAMES: Record<LayerType, string> = {
  self: 'Self-attention',
  recurrent: 'Recurrent',
  conv: 'Convolutional',
  restricted: 'Self-attention (restricted)',
};

/** The table's entries in TeX (inside O(·)). */
export const LAYER_TEX: Record<LayerType, { cost: string; seq: string; path: string }> = {
  self: { cost: 'n^2 \\cdot d', seq: '1', path: '1' },
  recurrent: { cost: 'n \\cdot d^2', seq: 'n', path: 'n' },
  conv: { cost: 'k \\cdot n \\cdot d^2', seq: '1', path: '\\log_k(n)' },
  restricted: { cost: 'r \\cdot n \\cdot d', seq: '1', path: 'n/r' },
};

/**
 * A neighbourhood cannot be wider than the sequence: with r ≥ n restricted self-attention is full
 * self-attention, so r is taken as min(r, n).
 */
export function effectiveR(s: ComplexitySizes): number {
  return Math.min(s.r, s.n);
}

/** Complexity per layer (the order, constants dropped). */
export function costPerLayer(t: LayerType, s: ComplexitySizes): number {
  switch (t) {
    case 'self': return s.n * s.n * s.d;
    case 'recurrent': return s.n * s.d * s.d;
    case 'conv': return s.k * s.n * s.d * s.d;
    case 'restricted': return effectiveR(s) * s.n * s.d;
  }
}

/** Operations that must run one after the other. */
export function sequentialOps(t: LayerType, s: ComplexitySizes): number {
  return t === 'recurrent' ? s.n : 1;
}

/** Maximum path length between any two positions. */
export function maxPathLength(t: LayerType, s: ComplexitySizes): number {
  switch (t) {
    case 'self': return 1;
    case 'recurrent': return s.n;
    case 'conv': return Math.log(s.n) / Math.log(s.k);
    case 'restricted': return s.n / effectiveR(s);
  }
}

/** n at which self-attention (n²d) costs as much as recurrence (nd²): n = d. */
export function selfRecurrentCrossover(d: number): number {
  return d;
}

/** Self-attention is cheaper than a recurrent layer exactly while n < d (ratio n/d). */
export function selfOverRecurrent(s: ComplexitySizes): number {
  return costPerLayer('self', s) / costPerLayer('recurrent', s);
}

/** n at which self-attention costs as much as a convolution (n²d = k n d²): n = k·d. */
export function selfConvCrossover(d: number, k: number): number {
  return k * d;
}

/** The cheapest layer type per layer at these sizes (ties go to the earlier type in the table). */
export function cheapest(s: ComplexitySizes): LayerType {
  let best: LayerType = 'self';
  for (const t of LAYER_TYPES) if (costPerLayer(t, s) < costPerLayer(best, s)) best = t;
  return best;
}

/** Log-spaced integer sequence lengths from 1 to nMax (about `perDecade` points per factor 10). */
export function nGrid(nMax: number, perDecade = 24): number[] {
  const out: number[] = [];
  const steps = Math.max(2, Math.ceil(Math.log10(Math.max(2, nMax)) * perDecade));
  for (let j = 0; j <= steps; j++) {
    const v = Math.round(Math.pow(nMax, j / steps));
    if (out[out.length - 1] !== v) out.push(v);
  }
  return out;
}
