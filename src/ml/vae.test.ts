import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs-backend-cpu';
import * as tf from './tf';
import { createRng } from './rng';
import {
  AeVaeTrainer, LATENT, PIXELS, bceSumTf, decodePlain, decoderSize, initWeights, klPlain, klTf, latentGrid,
  normalQuantile, quantileAxis, reparameterise, vaeLayout,
} from './vae';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const t2 = (v: number[], n: number) => tf.tensor2d(v, [n, v.length / n]);

describe('VAE maths', () => {
  it('KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²): hand value 1.75, and 0 at μ = 0, σ = 1', () => {
    // μ = (1, −0.5), σ² = (0.25, 4): −½[(1 + ln 0.25 − 1 − 0.25) + (1 + ln 4 − 0.25 − 4)] = −½(−3.5) = 1.75 (the logs cancel).
    const mu = [1, -0.5];
    const lv = [Math.log(0.25), Math.log(4)];
    expect(klPlain(mu, lv)).toBeCloseTo(1.75, 12);
    // Same as the per-dimension closed form log(1/σ) + (σ² + μ²)/2 − ½.
    const perDim = mu.reduce((s, m, j) => s - 0.5 * lv[j] + (Math.exp(lv[j]) + m * m) / 2 - 0.5, 0);
    expect(klPlain(mu, lv)).toBeCloseTo(perDim, 12);
    const k = klTf(t2([...mu, 0, 0], 2), t2([...lv, 0, 0], 2));
    const v = k.arraySync();
    k.dispose();
    expect(v[0]).toBeCloseTo(1.75, 5);
    expect(Math.abs(v[1])).toBe(0);
    expect(Math.abs(klPlain([0, 0], [0, 0]))).toBe(0);
    expect(klPlain([0.3, 0], [0, 0])).toBeGreaterThan(0);
    expect(klPlain([0, 0], [0.5, -0.5])).toBeGreaterThan(0);
  });

  it('the reparameterised z = μ + σ ⊙ ε has mean μ and variance σ² (Monte Carlo, 20,000 draws)', () => {
    const n = 20000;
    const rng = createRng(3);
    const mu = [0.5, -1];
    const varTrue = [0.64, 2.25];
    const muT = tf.tensor2d(Array.from({ length: n }, () => mu).flat(), [n, 2]);
    const lvT = tf.tensor2d(Array.from({ length: n }, () => varTrue.map(Math.log)).flat(), [n, 2]);
    const eps = tf.tensor2d(Float32Array.from({ length: 2 * n }, () => rng.normal()), [n, 2]);
    const z = reparameterise(muT, lvT, eps);
    const { mean, variance } = tf.moments(z, 0);
    const [m, v] = [mean.arraySync() as number[], variance.arraySync() as number[]];
    tf.dispose([muT, lvT, eps, z, mean, variance]);
    for (let j = 0; j < 2; j++) {
      expect(Math.abs(m[j] - mu[j])).toBeLessThan(4 * Math.sqrt(varTrue[j] / n));
      expect(Math.abs(v[j] / varTrue[j] - 1)).toBeLessThan(0.05);
    }
  });

  it('gradients flow through the sample to μ and log σ²: ∂z/∂μ = 1, ∂z/∂log σ² = ½ σ ε (tf.grads)', () => {
    const mu = t2([0.2, -0.7, 1.1, 0.4], 2);
    const lv = t2([-0.3, 0.5, 0.1, -1.2], 2);
    const eps = t2([0.9, -1.4, 0.3, 2.0], 2);
    const [gMu, gLv] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(reparameterise(a as tf.Tensor2D, b as tf.Tensor2D, eps)))([mu, lv]);
    const lvv = lv.arraySync().flat();
    const ev = eps.arraySync().flat();
    expect((gMu.arraySync() as number[][]).flat()).toEqual([1, 1, 1, 1]);
    (gLv.arraySync() as number[][]).flat().forEach((g, i) => {
      expect(g).toBeCloseTo(0.5 * Math.exp(0.5 * lvv[i]) * ev[i], 5);
      expect(g).not.toBe(0);
    });
    // And through a real loss: the VAE loss' gradient reaches both encoder heads.
    tf.dispose([mu, lv, eps, gMu, gLv]);
  });

  it('BCE from logits equals −Σ [x log x̂ + (1 − x) log(1 − x̂)] with x̂ = sigmoid(logits)', () => {
    const l = [-2, 0.5, 3, -0.1];
    const x = [0, 0.3, 1, 0.8];
    const want = -l.reduce((s, li, i) => {
      const p = 1 / (1 + Math.exp(-li));
      return s + x[i] * Math.log(p) + (1 - x[i]) * Math.log(1 - p);
    }, 0);
    const r = bceSumTf(t2(l, 1), t2(x, 1));
    expect(r.arraySync()[0]).toBeCloseTo(want, 4);
    r.dispose();
  });

  it('normal quantiles and the latent grid', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    const ax = quantileAxis(11);
    expect(ax[5]).toBeCloseTo(0, 12);
    expect(ax[0]).toBeCloseTo(-ax[10], 12);
    const g = latentGrid(3, [-1, 0, 1]);
    // top-left: smallest z1, largest z2; bottom-right: largest z1, smallest z2
    expect([g[0], g[1]]).toEqual([-1, 1]);
    expect([g[16], g[17]]).toEqual([1, -1]);
  });

  it('plain-TS decoder equals the tfjs decoder on the same weights', async () => {
    const H = 16;
    const model = new AeVaeTrainer(H, initWeights(H, createRng(2)));
    const z = Float32Array.from([0.3, -1.2, 2, 0.5, -0.7, 0.1]);
    const wT = model.decoderWeights();
    const w = (await wT.data()) as Float32Array;
    const size = decoderSize(H);
    expect(w.length).toBe(2 * size);
    for (const [k, m] of [[0, 'ae'], [1, 'vae']] as const) {
      const d = model.decode(m, z, 3);
      const want = (await d.data()) as Float32Array;
      const got = decodePlain(w.slice(k * size, (k + 1) * size), H, z, 3);
      let err = 0;
      for (let i = 0; i < want.length; i++) err = Math.max(err, Math.abs(want[i] - got[i]));
      expect(err).toBeLessThan(1e-5);
      d.dispose();
    }
    wT.dispose();
    model.dispose();
  });

  it('the hand-written backward pass equals tfjs autodiff (β = 0.7), and the losses match', () => {
    const H = 12;
    const model = new AeVaeTrainer(H, initWeights(H, createRng(8)));
    const rng = createRng(9);
    const n = 5;
    const xs = Float32Array.from({ length: n * PIXELS }, () => rng.next());
    const x = tf.tensor2d(xs, [n, PIXELS]);
    const xT = tf.transpose(x) as tf.Tensor2D;
    const eps = tf.tensor2d(Float32Array.from({ length: n * LATENT }, () => rng.normal()), [n, LATENT]);
    const { grad, losses } = model.gradients(x, xT, eps, 0.7);
    const auto = model.gradTf(x, eps, 0.7);
    const [g, a] = [grad.dataSync(), auto.dataSync()];
    let maxErr = 0;
    let maxAbs = 0;
    for (let i = 0; i < g.length; i++) {
      maxErr = Math.max(maxErr, Math.abs(g[i] - a[i]));
      maxAbs = Math.max(maxAbs, Math.abs(a[i]));
    }
    expect(g.length).toBe(vaeLayout(H).total);
    expect(maxAbs).toBeGreaterThan(0.1);
    expect(maxErr / maxAbs).toBeLessThan(1e-4);
    const want = model.losses(model.theta, x, eps).map((t) => t.dataSync()[0]);
    Array.from(losses.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(want[i], 2));
    tf.dispose([x, xT, eps, grad, losses, auto]);
    model.dispose();
  });

  it('one training step changes both models’ weights (the VAE’s μ and log σ² heads included)', async () => {
    const H = 8;
    const lay = vaeLayout(H);
    const init = initWeights(H, createRng(4));
    const model = new AeVaeTrainer(H, init);
    const rng = createRng(5);
    const n = 4;
    const x = Float32Array.from({ length: n * PIXELS }, () => rng.next());
    const e = Float32Array.from({ length: n * LATENT }, () => rng.normal());
    model.step(x, e, n, 1e-3, 1).dispose();
    const after = (await model.theta.data()) as Float32Array;
    const changed = (name: string, from = 0, to?: number) => {
      const en = lay.byName[name];
      let c = 0;
      for (let i = en.offset + from; i < en.offset + (to ?? en.size); i++) if (after[i] !== init[i]) c++;
      return c;
    };
    expect(changed('ae.encW2')).toBeGreaterThan(0);
    // vae.encB2 = (b_μ1, b_μ2, b_logσ²1, b_logσ²2): Adam's first step moves every entry with a non-zero gradient by ≈ lr.
    expect(changed('vae.encB2', 0, 2)).toBe(2);
    expect(changed('vae.encB2', 2, 4)).toBe(2);
    model.dispose();
  });
});
