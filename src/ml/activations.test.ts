import { describe, expect, it } from 'vitest';
import { activation, ACTIVATION_KINDS, centralDiff, saturatedIntervals, type ActivationParams } from './activations';
import { createRng } from './rng';
import { createNeuronRun, drawZ, neuronGrad, neuronInput, neuronStep, type Vec2 } from './zeroCentring';

const P: ActivationParams = { alpha: 0.25, eluAlpha: 1.3, beta: 1.7, w1: 1, b1: 0.3, w2: -0.5, b2: -0.2 };

describe('activations', () => {
  it('every derivative matches central finite differences away from the kinks', () => {
    const xs = Array.from({ length: 121 }, (_, i) => -6 + i * 0.1 + 0.013);
    for (const kind of ACTIVATION_KINDS) {
      for (const params of [P, { ...P, alpha: 0.6, eluAlpha: 0.5, beta: 0.3, w1: -1.2, b1: 1, w2: 0.4, b2: 0 }]) {
        const a = activation(kind, params);
        for (const x of xs) {
          if (a.kinks.some((k) => Math.abs(x - k) < 1e-3)) continue;
          expect(a.df(x), `${kind} at ${x}`).toBeCloseTo(centralDiff(a.f, x), 6);
        }
      }
    }
  });

  it('leaky ReLU is 0.01x (not 0.01) for x < 0; PReLU is max(αx, x)', () => {
    const l = activation('leaky', P);
    expect(l.f(-3)).toBeCloseTo(-0.03, 15);
    expect(l.f(2)).toBe(2);
    const pr = activation('prelu', P);
    for (const x of [-2, -0.5, 0.5, 3]) expect(pr.f(x)).toBeCloseTo(Math.max(0.25 * x, x), 15);
  });

  it("Swish limits in the notes' form 2xσ(βx): β = 0 gives x, large β approaches 2·max(0, x)", () => {
    const s0 = activation('swish', { ...P, beta: 0 });
    for (const x of [-4, -1, 0, 0.5, 3]) expect(s0.f(x)).toBeCloseTo(x, 14);
    const big = activation('swish', { ...P, beta: 200 });
    for (const x of [-4, -1, -0.1, 0.1, 0.5, 3]) expect(big.f(x)).toBeCloseTo(2 * Math.max(0, x), 6);
    // Usual Swish xσ(βx) is exactly half of it.
    const s = activation('swish', P);
    expect(s.f(1.3)).toBeCloseTo(2 * 1.3 / (1 + Math.exp(-1.7 * 1.3)), 14);
  });

  it('Swish is bounded below for β > 0: minimum ≈ −0.557/β', () => {
    for (const beta of [0.5, 1, 4]) {
      const s = activation('swish', { ...P, beta });
      let min = Infinity;
      for (let x = -20; x <= 0; x += 1e-3) min = Math.min(min, s.f(x));
      expect(min * beta).toBeCloseTo(-0.557, 3);
    }
  });

  it('saturation regions: sigmoid |x| > 4.6, tanh |x| > 3.0, ReLU x < 0, step everywhere, leaky nowhere', () => {
    const [l, r] = saturatedIntervals(activation('sigmoid', P), -6, 6, 0.01, 1200);
    expect(l[0]).toBe(-6);
    expect(l[1]).toBeCloseTo(-4.6, 1);
    expect(r[0]).toBeCloseTo(4.6, 1);
    const t = saturatedIntervals(activation('tanh', P), -6, 6, 0.01, 1200);
    expect(t[0][1]).toBeCloseTo(-3.0, 1);
    const re = saturatedIntervals(activation('relu', P), -6, 6, 0.01, 1200);
    expect(re).toEqual([[-6, 0]]);
    expect(saturatedIntervals(activation('step', P), -6, 6)).toEqual([[-6, 6]]);
    expect(saturatedIntervals(activation('leaky', P), -6, 6)).toEqual([]);
    expect(saturatedIntervals(activation('linear', P), -6, 6)).toEqual([]);
    const elu = saturatedIntervals(activation('elu', { ...P, eluAlpha: 1 }), -6, 6, 0.01, 1200);
    expect(elu[0][1]).toBeCloseTo(Math.log(0.01), 1);
    // Swish (β = 1): the far left, below about −7.1, plus a sliver around its minimum where f′ crosses 0.
    const sw = saturatedIntervals(activation('swish', { ...P, beta: 1 }), -10, 6, 0.01, 3200);
    expect(sw[0][1]).toBeCloseTo(-7.1, 1);
  });
});

describe('zero-centring (two-weight neuron)', () => {
  it('with all-positive inputs both gradient components always share a sign', () => {
    const rng = createRng(7);
    for (let i = 0; i < 2000; i++) {
      const z = drawZ(rng, 2);
      const w: Vec2 = [4 * rng.normal(), 4 * rng.normal()];
      const t: Vec2 = [4 * rng.normal(), 4 * rng.normal()];
      const x: Vec2 = [neuronInput(z[0], 'positive'), neuronInput(z[1], 'positive')];
      expect(x[0]).toBeGreaterThan(0);
      const g = neuronGrad(w, t, x);
      expect(Math.sign(g[0]) * Math.sign(g[1])).toBeGreaterThanOrEqual(0);
    }
  });

  it('the gradient is (s − t)·x (finite differences)', () => {
    const w: Vec2 = [0.3, -1.2];
    const t: Vec2 = [1.5, -1];
    const x: Vec2 = [0.7, 0.2];
    const L = (v: Vec2) => 0.5 * (v[0] * x[0] + v[1] * x[1] - t[0] * x[0] - t[1] * x[1]) ** 2;
    const g = neuronGrad(w, t, x);
    expect(g[0]).toBeCloseTo((L([w[0] + 1e-6, w[1]]) - L([w[0] - 1e-6, w[1]])) / 2e-6, 6);
    expect(g[1]).toBeCloseTo((L([w[0], w[1] + 1e-6]) - L([w[0], w[1] - 1e-6])) / 2e-6, 6);
  });

  it('the all-positive path zig-zags: 100 % same-sign steps and a longer path; the centred one about half', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rng = createRng(seed);
      const t: Vec2 = [1.5, -1];
      const pos = createNeuronRun('positive', [-1, 1]);
      const cen = createNeuronRun('centred', [-1, 1]);
      for (let i = 0; i < 300; i++) {
        const z = drawZ(rng, 1.5);
        neuronStep(pos, t, z, 2, 0.02);
        neuronStep(cen, t, z, 2, 0.02);
      }
      expect(pos.sameSign).toBe(pos.counted);
      expect(cen.sameSign / cen.counted).toBeGreaterThan(0.3);
      expect(cen.sameSign / cen.counted).toBeLessThan(0.7);
      expect(pos.length).toBeGreaterThan(2 * cen.length);
      expect(pos.reachedAt).not.toBeNull();
      expect(cen.reachedAt).not.toBeNull();
    }
  });
});
