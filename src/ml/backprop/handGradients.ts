/**
 * Gradients of the two-layer perceptron from the notes' hand-derived formulas, summed over samples:
 *   ∂L/∂s_i   = ŷ_i − y_i ('bce') or 2(ŷ_i − y_i) ('l2')
 *   ∂L/∂w_ji  = ∂L/∂s_i · h_j,                ∂L/∂b_i = ∂L/∂s_i
 *   ∂L/∂h_j   = Σ_i ∂L/∂s_i · w_ji
 *   ∂L/∂s¹_j  = ∂L/∂h_j · act′(s¹_j)          (h_j(1 − h_j) for the sigmoid, [s¹_j > 0] for ReLU)
 *   ∂L/∂w¹_kj = ∂L/∂s¹_j · x_k,               ∂L/∂b¹_j = ∂L/∂s¹_j
 * With `broken`, the first-layer chain forgets the activation derivative act′(s¹_j) — a typical slip.
 */
import { flatten, forward, type MlpConfig, type MlpWeights, type Sample } from './mlp';

/** act′(s¹_j) written through the stored forward values. */
function activationDerivative(cfg: MlpConfig, s1: number, h: number): number {
  return cfg.act === 'relu' ? (s1 > 0 ? 1 : 0) : h * (1 - h);
}

/** Hand-derived gradients, flattened like {@link flatten}. */
export function handGradients(w: MlpWeights, samples: readonly Sample[], cfg: MlpConfig, broken = false): number[] {
  const g: MlpWeights = {
    W1: w.W1.map((r) => r.map(() => 0)),
    b1: w.b1.map(() => 0),
    W2: w.W2.map((r) => r.map(() => 0)),
    b2: w.b2.map(() => 0),
  };
  const scale = cfg.loss === 'bce' ? 1 : 2;
  for (const { x, y } of samples) {
    const f = forward(w, x, cfg);
    const dS = f.yHat.map((p, i) => scale * (p - y[i]));
    dS.forEach((d, i) => {
      g.b2[i] += d;
      f.h.forEach((hj, j) => (g.W2[j][i] += d * hj));
    });
    f.h.forEach((hj, j) => {
      const dH = dS.reduce((acc, d, i) => acc + d * w.W2[j][i], 0);
      const dS1 = broken ? dH : dH * activationDerivative(cfg, f.s1[j], hj);
      g.b1[j] += dS1;
      x.forEach((xk, k) => (g.W1[k][j] += dS1 * xk));
    });
  }
  return flatten(g);
}
