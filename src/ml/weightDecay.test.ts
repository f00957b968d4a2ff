import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import {
  adamL2Step, adamState, adamWStep, ADAM_DEFAULTS, decayToL2, l2ToDecay, relativeDifference, sgdDecayStep, sgdL2Step,
} from './weightDecay';

describe('L2 regularisation against weight decay', () => {
  it('one SGD step with L2 equals one step of the notes’ weight decay with λ = αλ₂ (exact numbers)', () => {
    const theta = [1.5, -2];
    const g = [0.75, 0.25];
    const lr = 0.5;
    const l2 = 0.25;
    const decay = l2ToDecay(l2, lr);
    expect(decay).toBe(0.125);
    expect(decayToL2(decay, lr)).toBe(l2);
    // θ − α(g + λ₂θ): 1.5 − 0.5(0.75 + 0.375) = 0.9375;  (1 − λ)θ − αg: 0.875·1.5 − 0.375 = 0.9375.
    expect([...sgdL2Step(theta, g, lr, l2)]).toEqual([0.9375, -1.875]);
    expect([...sgdDecayStep(theta, g, lr, decay)]).toEqual([0.9375, -1.875]);
  });

  it('SGD trajectories with L2 and with weight decay agree to rounding over 500 random steps', () => {
    const rng = createRng(5);
    const n = 50;
    let a: Float64Array<ArrayBufferLike> = Float64Array.from({ length: n }, () => rng.normal());
    let b: Float64Array<ArrayBufferLike> = Float64Array.from(a);
    const mask = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 0 : 1));
    const lr = 0.1;
    const l2 = 0.03;
    for (let k = 0; k < 500; k++) {
      // A quadratic loss ½‖θ − c‖² plus noise: the gradient depends on θ, so any difference would grow.
      const noise = Array.from({ length: n }, () => 0.1 * rng.normal());
      const ga = Array.from(a, (x, i) => x - 1 + noise[i]);
      const gb = Array.from(b, (x, i) => x - 1 + noise[i]);
      a = sgdL2Step(a, ga, lr, l2, mask);
      b = sgdDecayStep(b, gb, lr, l2ToDecay(l2, lr), mask);
    }
    expect(relativeDifference(a, b)).toBeLessThan(1e-14);
    // and the decay did something: masked entries settle at 1, decayed ones at 1/(1 + λ₂) < 1.
    expect(a[0]).toBeGreaterThan(a[1]);
  });

  it('one Adam step with L2 differs from AdamW by the hand-computed amount', () => {
    const h = { lr: 0.1, ...ADAM_DEFAULTS };
    const eps = h.eps;
    const theta = [1, 1];
    const g = [0.5, -0.5];
    const l2 = 1;
    const decay = l2ToDecay(l2, h.lr); // 0.1
    const withL2 = adamL2Step(theta, g, adamState(2), h, l2);
    const adamW = adamWStep(theta, g, adamState(2), h, decay);
    // Step 1: m̂ = g, v̂ = g², so Adam moves by α·g/(|g| + ε) ≈ α·sign(g).
    // L2 (g + λ₂θ = 1.5 and 0.5):   θ = 1 − 0.1·1.5/(1.5 + ε),  1 − 0.1·0.5/(0.5 + ε)
    // AdamW:                          θ = 0.9 − 0.1·0.5/(0.5 + ε), 0.9 + 0.1·0.5/(0.5 + ε)
    const l2Hand = [1 - (0.1 * 1.5) / (1.5 + eps), 1 - (0.1 * 0.5) / (0.5 + eps)];
    const wHand = [0.9 - (0.1 * 0.5) / (0.5 + eps), 0.9 + (0.1 * 0.5) / (0.5 + eps)];
    expect(withL2[0]).toBeCloseTo(l2Hand[0], 15);
    expect(withL2[1]).toBeCloseTo(l2Hand[1], 15);
    expect(adamW[0]).toBeCloseTo(wHand[0], 15);
    expect(adamW[1]).toBeCloseTo(wHand[1], 15);
    // The differences: +λθ = 0.1 where the L2 term kept the sign (the normalisation swallowed it),
    // −0.1 where it flipped the sign of the step (the second weight).
    expect(withL2[0] - adamW[0]).toBeCloseTo(0.1, 8);
    expect(withL2[1] - adamW[1]).toBeCloseTo(-0.1, 8);
  });

  it('Adam + L2 shrinks weights with small gradients much faster than weights with large ones; AdamW at one rate', () => {
    const h = { lr: 1e-3, ...ADAM_DEFAULTS };
    const l2 = 0.5;
    const decay = l2ToDecay(l2, h.lr);
    // Weight 0 sees a large constant gradient pull towards 1 (around θ = 1 it cancels), weight 1 none.
    let a = [1, 1];
    let w = [1, 1];
    const sa = adamState(2);
    const sw = adamState(2);
    for (let k = 0; k < 200; k++) {
      a = [...adamL2Step(a, [100 * (a[0] - 1), 0], sa, h, l2)];
      w = [...adamWStep(w, [100 * (w[0] - 1), 0], sw, h, decay)];
    }
    // AdamW: the gradient-free weight decays as (1 − λ)^200.
    expect(w[1]).toBeCloseTo((1 - decay) ** 200, 12);
    // Adam + L2: its only gradient is λ₂θ, normalised to ≈ α per step: ≈ 1 − 200α.
    expect(a[1]).toBeCloseTo(1 - 200 * h.lr, 1);
    expect(1 - a[1]).toBeGreaterThan(2 * (1 - w[1]));
    // The large-gradient weight hardly moves under L2 (λ₂θ is small next to its gradient).
    expect(1 - a[0]).toBeLessThan(0.01);
  });
});
