import { describe, expect, it } from 'vitest';
import { chainFactors, chainLoss, chainStep, type ChainPoint } from './chain';

const NOTES = { x: 1, y: 0, w1: 1 / 3, w2: 2 };

describe("the notes' chain-rule example", () => {
  it('gives ŷ = 2/3, L = 4/9, ∂L/∂w₂ = 4/9, ∂L/∂w₁ = 8/3', () => {
    const f = chainFactors(NOTES);
    expect(f.yHat).toBeCloseTo(2 / 3, 14);
    expect(f.loss).toBeCloseTo(4 / 9, 14);
    expect(f.dLdyHat).toBeCloseTo(4 / 3, 14);
    expect(f.dyHatdSigma).toBe(2);
    expect(f.dSigmadz).toBe(1);
    expect(f.dzdw1).toBe(1);
    expect(f.dLdw2).toBeCloseTo(4 / 9, 14);
    expect(f.dLdw1).toBeCloseTo(8 / 3, 14);
  });

  it.each([NOTES, { x: 0.7, y: 1, w1: 0.9, w2: -1.4 }, { x: -1.2, y: 0.5, w1: -0.4, w2: 0.8 }, { x: 0.8, y: 0.2, w1: -0.5, w2: 1.5, act: 'linear' as const }])(
    'gradients match central finite differences at %o', (p) => {
      const eps = 1e-6;
      const f = chainFactors(p);
      const d1 = (chainLoss({ ...p, w1: p.w1 + eps }) - chainLoss({ ...p, w1: p.w1 - eps })) / (2 * eps);
      const d2 = (chainLoss({ ...p, w2: p.w2 + eps }) - chainLoss({ ...p, w2: p.w2 - eps })) / (2 * eps);
      expect(f.dLdw1).toBeCloseTo(d1, 7);
      expect(f.dLdw2).toBeCloseTo(d2, 7);
    });

  it('a small step lowers the loss; a dead ReLU (z ≤ 0) passes no gradient to w₁', () => {
    let p = NOTES;
    for (let i = 0; i < 20; i++) p = chainStep(p, 0.1);
    expect(chainLoss(p)).toBeLessThan(chainLoss(NOTES) / 10);
    expect(chainFactors({ ...NOTES, w1: -0.5 }).dLdw1).toBe(0);
  });

  it('too large a step kills the ReLU (loss stuck, no gradient); without the ReLU it diverges', () => {
    let p = { ...NOTES, y: 1 };
    for (let i = 0; i < 30; i++) p = chainStep(p, 2);
    expect(chainFactors(p).dSigmadz).toBe(0);
    expect(chainFactors(p).dLdw1).toBe(0);
    let q: ChainPoint = { ...NOTES, act: 'linear' };
    for (let i = 0; i < 60; i++) q = chainStep(q, 1);
    expect(Number.isFinite(chainLoss(q))).toBe(false);
  });
});
