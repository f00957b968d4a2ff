/** The lr lab's surface constants and contour bands, shared by the engine and the view (no engine import in the view). */
import { illConditionedQuadratic, quadValue } from '../../../../ml/quadratic2d';

export type RunKey = 'low' | 'right' | 'high' | 'line';
export const RUN_KEYS: readonly RunKey[] = ['low', 'right', 'high', 'line'];

/** Rotation of the bowl's axes (30°). */
export const BOWL_ANGLE = Math.PI / 6;
/** The view window [−R, R]². */
export const VIEW_RADIUS = 3;

/** Contour bands of f on an n×n grid over [−R, R]² (row 0 on top): band b covers f ∈ [3^(b−5), 3^(b−4)). */
export function contourBands(kappa: number, n = 90): Uint8Array {
  const q = illConditionedQuadratic(kappa, BOWL_ANGLE);
  const out = new Uint8Array(n * n);
  for (let r = 0; r < n; r++) {
    const y = VIEW_RADIUS - ((r + 0.5) * 2 * VIEW_RADIUS) / n;
    for (let c = 0; c < n; c++) {
      const x = -VIEW_RADIUS + ((c + 0.5) * 2 * VIEW_RADIUS) / n;
      const f = quadValue(q, [x, y]);
      out[r * n + c] = Math.max(0, Math.min(7, Math.floor(Math.log(f) / Math.log(3)) + 5));
    }
  }
  return out;
}
