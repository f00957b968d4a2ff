/** The small pooling example: the W×W corner of the editable cells, max- and average-pooled. */
import { pool2d, type PoolMode } from '../../../../ml/convArith';

export interface PoolData {
  w: number;
  f: number;
  s: number;
  input: number[];
  max: { out: number[]; size: number };
  avg: { out: number[]; size: number };
}

export function poolData(cells: readonly number[], side: number, w: number, f: number, s: number): PoolData {
  const input: number[] = [];
  for (let i = 0; i < w; i++) for (let j = 0; j < w; j++) input.push(cells[i * side + j]);
  const run = (mode: PoolMode) => {
    if (f > w) return { out: [], size: 0 };
    const r = pool2d(input, w, w, f, s, mode);
    return { out: [...r.out], size: r.outW };
  };
  return { w, f, s, input, max: run('max'), avg: run('avg') };
}

