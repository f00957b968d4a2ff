import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import {
  initAdam, initBase, initMomentum, initNesterov, initRmsProp, stepAdam, stepGd, stepMomentum, stepNesterov,
  stepRmsProp, stepSgd, type Objective2D, type Vec2,
} from './rules';

/** f = x² + 2y², ∇f = (2x, 4y): small numbers to follow by hand. */
const Q: Objective2D = { f: (x, y) => x * x + 2 * y * y, grad: (x, y) => [2 * x, 4 * y], hess: () => [2, 0, 4] };
const T0: Vec2 = [1, 1];

function close(a: Vec2, b: Vec2, digits = 10) {
  expect(a[0]).toBeCloseTo(b[0], digits);
  expect(a[1]).toBeCloseTo(b[1], digits);
}

describe('first-order rules against the notes by hand (f = x² + 2y², θ⁰ = (1, 1))', () => {
  it('gradient descent, α = 0.1', () => {
    const s1 = stepGd(initBase(T0), Q, 0.1);
    close(s1.theta, [0.8, 0.6]); // θ − 0.1·(2, 4)
    close(stepGd(s1, Q, 0.1).theta, [0.64, 0.36]); // (0.8, 0.6) − 0.1·(1.6, 2.4)
  });

  it('SGD with σ = 0 is gradient descent; with σ > 0 it adds the seeded noise', () => {
    close(stepSgd(initBase(T0), Q, 0.1, 0, createRng(1)).theta, [0.8, 0.6]);
    const r = createRng(7);
    const z: Vec2 = [r.normal(), r.normal()];
    close(stepSgd(initBase(T0), Q, 0.1, 0.5, createRng(7)).theta, [1 - 0.1 * (2 + 0.5 * z[0]), 1 - 0.1 * (4 + 0.5 * z[1])]);
  });

  it('momentum v ← βv − α∇L, θ ← θ + v (α = 0.1, β = 0.9)', () => {
    const s1 = stepMomentum(initMomentum(T0), Q, 0.1, 0.9);
    close(s1.v, [-0.2, -0.4]);
    close(s1.theta, [0.8, 0.6]);
    const s2 = stepMomentum(s1, Q, 0.1, 0.9);
    close(s2.v, [0.9 * -0.2 - 0.1 * 1.6, 0.9 * -0.4 - 0.1 * 2.4]); // (−0.34, −0.60)
    close(s2.theta, [0.46, 0]);
  });

  it('Nesterov takes the gradient at θ + βv (α = 0.1, β = 0.9)', () => {
    const s1 = stepNesterov(initNesterov(T0), Q, 0.1, 0.9);
    close(s1.theta, [0.8, 0.6]);
    const s2 = stepNesterov(s1, Q, 0.1, 0.9);
    close(s2.lookahead, [0.62, 0.24]);
    close(s2.v, [-0.18 - 0.1 * 1.24, -0.36 - 0.1 * 0.96]);
    close(s2.theta, [0.496, 0.144]);
  });

  it('RMSProp s ← βs + (1 − β)g², θ ← θ − αg/(√s + ε)', () => {
    const s1 = stepRmsProp(initRmsProp(T0), Q, 0.1, 0.9, 1e-8);
    close(s1.s, [0.4, 1.6]);
    close(s1.theta, [1 - 0.2 / (Math.sqrt(0.4) + 1e-8), 1 - 0.4 / (Math.sqrt(1.6) + 1e-8)]);
    const x1 = s1.theta[0];
    const sx = 0.9 * 0.4 + 0.1 * (2 * x1) ** 2;
    const s2 = stepRmsProp(s1, Q, 0.1, 0.9, 1e-8);
    expect(s2.s[0]).toBeCloseTo(sx, 12);
    expect(s2.theta[0]).toBeCloseTo(x1 - (0.1 * 2 * x1) / (Math.sqrt(sx) + 1e-8), 12);
  });

  it('Adam: bias-corrected first step is α·sign(g); without correction it is α/√(1 − β₂)·(1 − β₁)', () => {
    const h = { alpha: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, biasCorrection: true };
    const a1 = stepAdam(initAdam(T0), Q, h);
    close(a1.theta, [0.9, 0.9], 7);
    close(a1.mHat, [2, 4]);
    const n1 = stepAdam(initAdam(T0), Q, { ...h, biasCorrection: false });
    const raw = (0.1 * 0.1) / Math.sqrt(0.001); // α (1 − β₁) / √(1 − β₂) ≈ 0.316
    close(n1.theta, [1 - raw, 1 - raw], 7);
    // Step 2 by hand, x only.
    const g = 2 * a1.theta[0];
    const m = 0.9 * 0.2 + 0.1 * g;
    const v = 0.999 * 0.004 + 0.001 * g * g;
    const mh = m / (1 - 0.81);
    const vh = v / (1 - 0.999 ** 2);
    expect(stepAdam(a1, Q, h).theta[0]).toBeCloseTo(a1.theta[0] - (0.1 * mh) / (Math.sqrt(vh) + 1e-8), 12);
  });
});
