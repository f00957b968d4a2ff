/**
 * Input features of the 2-D playground: the raw coordinates and fixed transforms of them, as in
 * TensorFlow Playground. Our data live in [−1, 1]², where sin x ≈ x, so the sine features use
 * sin(πx) (one full period across the plane) to add something a linear unit cannot make.
 */
export type FeatureKey = 'x1' | 'x2' | 'x1sq' | 'x2sq' | 'x1x2' | 'sin1' | 'sin2';

export const FEATURE_KEYS: readonly FeatureKey[] = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2'];

/** KaTeX of each feature. */
export const FEATURE_TEX: Record<FeatureKey, string> = {
  x1: 'x_1',
  x2: 'x_2',
  x1sq: 'x_1^2',
  x2sq: 'x_2^2',
  x1x2: 'x_1 x_2',
  sin1: '\\sin \\pi x_1',
  sin2: '\\sin \\pi x_2',
};

/** Plain-text name of each feature (for labels read aloud and CSV). */
export const FEATURE_TEXT: Record<FeatureKey, string> = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁x₂',
  sin1: 'sin πx₁',
  sin2: 'sin πx₂',
};

export function featureValue(key: FeatureKey, x1: number, x2: number): number {
  switch (key) {
    case 'x1': return x1;
    case 'x2': return x2;
    case 'x1sq': return x1 * x1;
    case 'x2sq': return x2 * x2;
    case 'x1x2': return x1 * x2;
    case 'sin1': return Math.sin(Math.PI * x1);
    case 'sin2': return Math.sin(Math.PI * x2);
  }
}

/** Row-major n × keys.length matrix of the features of the points. */
export function featureMatrix(points: readonly { x: number; y: number }[], keys: readonly FeatureKey[]): Float64Array {
  const d = keys.length;
  const out = new Float64Array(points.length * d);
  points.forEach((p, i) => keys.forEach((k, j) => (out[i * d + j] = featureValue(k, p.x, p.y))));
  return out;
}

/** Cell centres of an nx × ny grid over a box, row 0 at the top (yMax), as points. */
export function gridPoints(box: { xMin: number; xMax: number; yMin: number; yMax: number; nx: number; ny: number }): { x: number; y: number }[] {
  const pts: { x: number; y: number }[] = [];
  for (let r = 0; r < box.ny; r++) {
    const y = box.yMax - ((r + 0.5) / box.ny) * (box.yMax - box.yMin);
    for (let c = 0; c < box.nx; c++) pts.push({ x: box.xMin + ((c + 0.5) / box.nx) * (box.xMax - box.xMin), y });
  }
  return pts;
}
