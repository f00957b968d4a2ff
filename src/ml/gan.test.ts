import { describe, expect, it } from 'vitest';
import { makeTarget, sampleQuality } from './data/gan2d';
import {
  backward, createGan, createNet, discriminatorLoss, forward, generatorLogitGrad, generatorLoss, sampleNoise, sigmoid, softplus, type Net,
} from './gan';
import { createRng } from './rng';

/** A scalar loss of the net's output: Σ c_i · out_i (so ∂/∂out = c). */
function lossOf(net: Net, x: Float64Array, n: number, c: Float64Array): number {
  const out = forward(net, x, n).acts[net.sizes.length - 1];
  let s = 0;
  for (let i = 0; i < out.length; i++) s += c[i] * out[i];
  return s;
}

function gradCheck(sizes: number[], seed: number) {
  const rng = createRng(seed);
  const net = createNet(sizes, rng);
  for (let i = 0; i < net.params.length; i++) net.params[i] += 0.1 * rng.normal(); // non-zero biases too
  const n = 5;
  const x = sampleNoise(rng, n);
  const c = new Float64Array(n * sizes[sizes.length - 1]).map(() => rng.normal());
  net.grads.fill(0);
  const dx = backward(net, forward(net, x, n), c);
  const eps = 1e-6;
  let worst = 0;
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-6, Math.abs(a) + Math.abs(b));
  for (let i = 0; i < net.params.length; i++) {
    const old = net.params[i];
    net.params[i] = old + eps;
    const up = lossOf(net, x, n, c);
    net.params[i] = old - eps;
    const down = lossOf(net, x, n, c);
    net.params[i] = old;
    worst = Math.max(worst, rel((up - down) / (2 * eps), net.grads[i]));
  }
  for (let i = 0; i < x.length; i++) {
    const old = x[i];
    x[i] = old + eps;
    const up = lossOf(net, x, n, c);
    x[i] = old - eps;
    const down = lossOf(net, x, n, c);
    x[i] = old;
    worst = Math.max(worst, rel((up - down) / (2 * eps), dx[i]));
  }
  return worst;
}

describe('GAN networks', () => {
  it('backward matches finite differences for G (2→16→16→2) and D (2→16→16→1), parameters and inputs', () => {
    expect(gradCheck([2, 16, 16, 2], 3)).toBeLessThan(1e-5);
    expect(gradCheck([2, 16, 16, 1], 4)).toBeLessThan(1e-5);
  });

  it('losses: D(x) = ½ everywhere gives J^(D) = log 2, minimax J^(G) = −log 2, non-saturating ½ log 2', () => {
    const zeros = new Float64Array(8);
    expect(discriminatorLoss(zeros, zeros)).toBeCloseTo(Math.log(2), 12);
    expect(generatorLoss('minimax', zeros, zeros)).toBeCloseTo(-Math.log(2), 12);
    expect(generatorLoss('nonsat', zeros, zeros)).toBeCloseTo(Math.log(2) / 2, 12);
    // Hand values: D(real) = 0.8, D(fake) = 0.3 → J^(D) = −½ log 0.8 − ½ log 0.7.
    const logit = (p: number) => Math.log(p / (1 - p));
    const jd = discriminatorLoss([logit(0.8)], [logit(0.3)]);
    expect(jd).toBeCloseTo(-0.5 * Math.log(0.8) - 0.5 * Math.log(0.7), 12);
    expect(generatorLoss('minimax', [logit(0.8)], [logit(0.3)])).toBeCloseTo(-jd, 12);
    expect(generatorLoss('nonsat', [logit(0.8)], [logit(0.3)])).toBeCloseTo(-0.5 * Math.log(0.3), 12);
    expect(softplus(800)).toBe(800);
    expect(sigmoid(-800)).toBe(0);
  });

  it('generator logit gradients match finite differences; the minimax one vanishes when D rejects G(z)', () => {
    const logits = [-3, -0.5, 0.2, 2];
    for (const kind of ['minimax', 'nonsat'] as const) {
      const g = generatorLogitGrad(kind, logits);
      logits.forEach((_, i) => {
        const up = [...logits];
        const down = [...logits];
        up[i] += 1e-6;
        down[i] -= 1e-6;
        const fd = (generatorLoss(kind, [0], up) - generatorLoss(kind, [0], down)) / 2e-6;
        expect(g[i]).toBeCloseTo(fd, 7);
      });
    }
    // D(G(z)) ≈ 0.0001: the minimax gradient is ~10⁴ times weaker than the non-saturating one.
    const l = [Math.log(1e-4)];
    expect(Math.abs(generatorLogitGrad('minimax', l)[0]) / Math.abs(generatorLogitGrad('nonsat', l)[0])).toBeLessThan(2e-4);
  });

  it('a short run on the ring brings the generated samples to the ring', () => {
    const target = makeTarget('ring')!;
    const gan = createGan({ hidden: 32, lrD: 1e-3, lrG: 1e-3, k: 1, batch: 64, loss: 'nonsat', sampleReal: target.sample }, createRng(1));
    const z = sampleNoise(createRng(99), 300);
    const before = sampleQuality(target, gan.generate(z, 300), 300).meanDist;
    for (let s = 0; s < 900; s++) gan.step();
    const after = sampleQuality(target, gan.generate(z, 300), 300).meanDist;
    expect(before).toBeGreaterThan(0.3);
    expect(after).toBeLessThan(0.1);
    const push = gan.pushAt(z, 10).push;
    for (const v of push) expect(Number.isFinite(v)).toBe(true);
  });
});
