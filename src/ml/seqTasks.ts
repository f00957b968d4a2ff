/**
 * Toy sequence-to-sequence tasks for the transformer lab: a sequence of L digits (0–9) in, a sequence
 * of L digits out, one output token per input position (so an encoder-only model can solve them).
 *   reverse  y_i = x_{L−1−i}
 *   sort     y = the digits of x in ascending order
 *   copy     y = x
 */
import type { Rng } from './rng';

export type SeqTask = 'reverse' | 'sort' | 'copy';
export const SEQ_TASKS: readonly SeqTask[] = ['reverse', 'sort', 'copy'];
export const DIGITS = 10;

/** The target of input `x` under `task` (a new array). */
export function seqTarget(task: SeqTask, x: ArrayLike<number>): number[] {
  const a = Array.from(x);
  if (task === 'reverse') return a.reverse();
  if (task === 'sort') return a.sort((p, q) => p - q);
  return a;
}

export interface SeqSet {
  n: number;
  len: number;
  /** n × len input digits, row-major. */
  x: Int32Array;
  /** n × len target digits. */
  y: Int32Array;
}

const key = (x: ArrayLike<number>, off: number, len: number) => {
  let s = '';
  for (let i = 0; i < len; i++) s += x[off + i];
  return s;
};

/**
 * `n` random sequences of `len` digits and their targets. Sequences whose digit string is in
 * `exclude` are drawn again (so training batches never contain a held-out sequence).
 */
export function sampleSeqs(task: SeqTask, n: number, len: number, rng: Rng, exclude?: ReadonlySet<string>, out?: SeqSet): SeqSet {
  const set = out ?? { n, len, x: new Int32Array(n * len), y: new Int32Array(n * len) };
  const row = new Array<number>(len);
  for (let s = 0; s < n; s++) {
    do {
      for (let i = 0; i < len; i++) row[i] = rng.int(DIGITS);
    } while (exclude?.has(key(row, 0, len)));
    const t = seqTarget(task, row);
    for (let i = 0; i < len; i++) {
      set.x[s * len + i] = row[i];
      set.y[s * len + i] = t[i];
    }
  }
  return set;
}

/** The digit strings of a set's inputs (for `exclude`). */
export function seqKeys(set: SeqSet): Set<string> {
  const keys = new Set<string>();
  for (let s = 0; s < set.n; s++) keys.add(key(set.x, s * set.len, set.len));
  return keys;
}

/**
 * Parse a learner's input: exactly `len` digits, spaces and commas ignored. Returns the digits or an
 * error message.
 */
export function parseDigits(text: string, len: number): { digits: number[] } | { error: string } {
  const s = text.replace(/[\s,]/g, '');
  if (!/^[0-9]*$/.test(s)) return { error: 'Use the digits 0–9 only.' };
  if (s.length !== len) return { error: `Type exactly ${len} digits (got ${s.length}).` };
  return { digits: [...s].map(Number) };
}
