/**
 * Receptive fields across stacked layers (Lecture 9, "Receptive field"). Every layer is a square
 * window of size k moved with stride s, without padding ('valid'): output size ⌊(n − k)/s⌋ + 1.
 * The receptive field r and the jump j (the distance in input pixels between neighbouring
 * outputs) follow the recurrence
 *     r_l = r_{l−1} + (k_l − 1)·j_{l−1},   j_l = j_{l−1}·s_l,   r_0 = j_0 = 1.
 * Three 3×3 convolutions with stride 1 see 7×7 input pixels, like one 7×7 convolution.
 */

export type LayerKind = 'conv3s1' | 'conv3s2' | 'pool2s2';

export interface LayerSpec {
  kind: LayerKind;
  /** Window size. */
  k: number;
  /** Stride. */
  s: number;
  /** Has weights (a convolution) or not (pooling). */
  conv: boolean;
  label: string;
}

export const LAYER_SPECS: Record<LayerKind, LayerSpec> = {
  conv3s1: { kind: 'conv3s1', k: 3, s: 1, conv: true, label: '3×3 conv, stride 1' },
  conv3s2: { kind: 'conv3s2', k: 3, s: 2, conv: true, label: '3×3 conv, stride 2' },
  pool2s2: { kind: 'pool2s2', k: 2, s: 2, conv: false, label: '2×2 pool, stride 2' },
};

export const LAYER_KINDS = Object.keys(LAYER_SPECS) as LayerKind[];

export interface LayerStat {
  /** 0 = the input. */
  l: number;
  spec: LayerSpec | null;
  /** Spatial size n_l × n_l of this layer's output. */
  n: number;
  /** Jump j_l: input pixels between neighbouring outputs of layer l. */
  j: number;
  /** Receptive field r_l (side length in input pixels). */
  r: number;
}

export function outSize(n: number, k: number, s: number): number {
  return Math.floor((n - k) / s) + 1;
}

/**
 * The recurrence, layer by layer, from the input (l = 0) to the last layer that still has an
 * output (n ≥ 1); layers after that are dropped (`complete` says whether all fitted).
 */
export function rfTable(layers: readonly LayerSpec[], n0: number): { rows: LayerStat[]; complete: boolean } {
  const rows: LayerStat[] = [{ l: 0, spec: null, n: n0, j: 1, r: 1 }];
  for (const spec of layers) {
    const prev = rows[rows.length - 1];
    const n = outSize(prev.n, spec.k, spec.s);
    if (n < 1) return { rows, complete: false };
    rows.push({ l: rows.length, spec, n, j: prev.j * spec.s, r: prev.r + (spec.k - 1) * prev.j });
  }
  return { rows, complete: true };
}

/** Inclusive index ranges [r0, r1] × [c0, c1] in one layer's grid. */
export interface Region {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/**
 * The region of each layer that output pixel (row, col) of layer L depends on, from layer L down
 * to the input: output index i of a layer with (k, s) reads inputs i·s … i·s + k − 1.
 * Returns regions[l] for l = 0 … L.
 */
export function regionsOf(layers: readonly LayerSpec[], L: number, row: number, col: number): Region[] {
  const out: Region[] = new Array(L + 1);
  let reg: Region = { r0: row, r1: row, c0: col, c1: col };
  out[L] = reg;
  for (let l = L; l >= 1; l--) {
    const { k, s } = layers[l - 1];
    reg = { r0: reg.r0 * s, r1: reg.r1 * s + k - 1, c0: reg.c0 * s, c1: reg.c1 * s + k - 1 };
    out[l - 1] = reg;
  }
  return out;
}

/**
 * Brute force, for tests: propagate the set of pixels one output pixel is connected to, layer by
 * layer, by enumerating every window position — no formula. Returns the pixel sets (as "r,c").
 */
export function bruteRegions(layers: readonly LayerSpec[], n0: number, L: number, row: number, col: number): Set<string>[] {
  const sizes = [n0];
  for (let l = 0; l < L; l++) sizes.push(outSize(sizes[l], layers[l].k, layers[l].s));
  const sets: Set<string>[] = new Array(L + 1);
  sets[L] = new Set([`${row},${col}`]);
  for (let l = L; l >= 1; l--) {
    const { k, s } = layers[l - 1];
    const below = new Set<string>();
    // Every output position (i, j) of layer l: if it is in the set, add every input its window touches.
    for (let i = 0; i < sizes[l]; i++) {
      for (let j = 0; j < sizes[l]; j++) {
        if (!sets[l].has(`${i},${j}`)) continue;
        for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) below.add(`${i * s + u},${j * s + v}`);
      }
    }
    sets[l - 1] = below;
  }
  return sets;
}

/** Weights of a k×k convolution from C to C channels (biases left out, as in the comparison). */
export function convWeights(k: number, C: number): number {
  return k * k * C * C;
}
