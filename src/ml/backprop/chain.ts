/**
 * The notes' one-neuron example of the chain rule: ŷ = w₂·max(0, w₁x), L = (ŷ − y)².
 * Every factor of the chain is returned, so a page can show the products with live values.
 * `act: 'linear'` drops the ReLU (σ = z), to contrast a dead unit with a diverging one.
 */

export type ChainAct = 'relu' | 'linear';

export interface ChainPoint {
  x: number;
  y: number;
  w1: number;
  w2: number;
  /** Activation, 'relu' (the notes') by default. */
  act?: ChainAct;
}

export interface ChainFactors {
  /** z = x·w₁ */
  z: number;
  /** σ = max(0, z) (ReLU) */
  sigma: number;
  yHat: number;
  loss: number;
  /** ∂L/∂ŷ = 2(ŷ − y) */
  dLdyHat: number;
  /** ∂ŷ/∂σ = w₂ */
  dyHatdSigma: number;
  /** ∂ŷ/∂w₂ = σ */
  dyHatdw2: number;
  /** ∂σ/∂z = 1 if z > 0 else 0 (always 1 for 'linear') */
  dSigmadz: number;
  /** ∂z/∂w₁ = x */
  dzdw1: number;
  /** ∂L/∂w₁ = ∂L/∂ŷ · ∂ŷ/∂σ · ∂σ/∂z · ∂z/∂w₁ */
  dLdw1: number;
  /** ∂L/∂w₂ = ∂L/∂ŷ · ∂ŷ/∂w₂ */
  dLdw2: number;
}

/** Forward pass and every chain-rule factor at one point. */
export function chainFactors({ x, y, w1, w2, act = 'relu' }: ChainPoint): ChainFactors {
  const z = x * w1;
  const sigma = act === 'relu' ? Math.max(0, z) : z;
  const yHat = w2 * sigma;
  const loss = (yHat - y) ** 2;
  const dLdyHat = 2 * (yHat - y);
  const dSigmadz = act === 'linear' || z > 0 ? 1 : 0;
  return {
    z, sigma, yHat, loss, dLdyHat,
    dyHatdSigma: w2,
    dyHatdw2: sigma,
    dSigmadz,
    dzdw1: x,
    dLdw1: dLdyHat * w2 * dSigmadz * x,
    dLdw2: dLdyHat * sigma,
  };
}

/** The loss alone, L(w₁, w₂) = (w₂·σ(w₁x) − y)². */
export function chainLoss(p: ChainPoint): number {
  const z = p.x * p.w1;
  return (p.w2 * (p.act === 'linear' ? z : Math.max(0, z)) - p.y) ** 2;
}

/** One gradient-descent step W′ = W − α∇_W L on (w₁, w₂). */
export function chainStep(p: ChainPoint, lr: number): ChainPoint {
  const f = chainFactors(p);
  return { ...p, w1: p.w1 - lr * f.dLdw1, w2: p.w2 - lr * f.dLdw2 };
}
