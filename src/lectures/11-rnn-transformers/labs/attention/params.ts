import { defineParams, seedParam, type Values } from '../../../../params/schema';

/** Largest editable sizes: n tokens (rows of Q, K, V), d_k columns of Q and K, d_v columns of V. */
export const MAX_N = 6;
export const MAX_DK = 8;
export const MAX_DV = 4;
/** Typed entries must lie in [−ENTRY_LIMIT, ENTRY_LIMIT]. */
export const ENTRY_LIMIT = 10;

/** Row-major storage with the maximal row length, so changing n or d_k keeps what was typed. */
export function pack(rows: readonly (readonly number[])[], stride: number, total: number): number[] {
  const out = new Array<number>(total).fill(0);
  rows.forEach((row, i) => row.forEach((v, j) => { out[i * stride + j] = v; }));
  return out;
}
export function unpack(flat: readonly number[], stride: number, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => flat[i * stride + j] ?? 0));
}

/**
 * The default ("soft indexing"): keys 3·e₁ … 3·e₄; query 1 equals key 2, query 2 equals key 1,
 * query 3 equals key 4, and query 4 lies between keys 1 and 3 (so it averages their values).
 */
export const INDEX_Q = [[0, 3, 0, 0], [3, 0, 0, 0], [0, 0, 0, 3], [2, 0, 2, 0]];
export const INDEX_K = [[3, 0, 0, 0], [0, 3, 0, 0], [0, 0, 3, 0], [0, 0, 0, 3]];
export const INDEX_V = [[1, 0], [0, 1], [1, 1], [-1, 0]];

const entries = (help: string) => ({ min: -ENTRY_LIMIT, max: ENTRY_LIMIT, help });

export const ATTENTION_PARAMS = defineParams({
  n: { kind: 'number', label: 'Tokens (rows of Q, K, V)', symbol: 'n', urlKey: 'n', min: 2, max: MAX_N, step: 1, default: 4 },
  dk: { kind: 'number', label: 'Query/key dimension', symbol: 'd_k', urlKey: 'dk', min: 1, max: MAX_DK, step: 1, default: 4 },
  dv: { kind: 'number', label: 'Value dimension', symbol: 'd_v', urlKey: 'dv', min: 1, max: MAX_DV, step: 1, default: 2 },
  q: { kind: 'vector', label: 'Queries Q', urlKey: 'Q', length: MAX_N * MAX_DK, default: pack(INDEX_Q, MAX_DK, MAX_N * MAX_DK), ...entries('Row-major, 8 entries per row; the top-left n×d_k block is used.') },
  k: { kind: 'vector', label: 'Keys K', urlKey: 'K', length: MAX_N * MAX_DK, default: pack(INDEX_K, MAX_DK, MAX_N * MAX_DK), ...entries('Row-major, 8 entries per row; the top-left n×d_k block is used.') },
  v: { kind: 'vector', label: 'Values V', urlKey: 'V', length: MAX_N * MAX_DV, default: pack(INDEX_V, MAX_DV, MAX_N * MAX_DV), ...entries('Row-major, 4 entries per row; the top-left n×d_v block is used.') },
  scale: { kind: 'bool', label: 'Divide by √d_k', urlKey: 'scale', default: true, help: 'Scaled dot-product attention (on) or the plain dot product (off).' },
  causal: { kind: 'bool', label: 'Causal mask', urlKey: 'causal', default: false, help: 'Key j > query i is set to −∞ before the softmax.' },
  qi: { kind: 'number', label: 'Query shown', symbol: 'i', urlKey: 'i', min: 1, max: MAX_N, step: 1, default: 4, help: 'Which (query, key) cell the formula spells out.' },
  kj: { kind: 'number', label: 'Key shown', symbol: 'j', urlKey: 'j', min: 1, max: MAX_N, step: 1, default: 1 },
  heads: { kind: 'number', label: 'Heads', symbol: 'h', urlKey: 'h', min: 1, max: 4, step: 1, default: 2, help: 'd_model = 12 split into h heads of d_k = 12/h.' },
  trials: {
    kind: 'number', label: 'Random queries per d_k', urlKey: 'trials', min: 100, max: 1000, step: 100, default: 300,
    help: 'Monte Carlo samples of the saturation experiment (8 keys each).',
  },
  seed: seedParam(),
});

export type AttentionParams = Values<typeof ATTENTION_PARAMS>;
