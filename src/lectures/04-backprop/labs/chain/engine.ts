/**
 * Gradient descent on the notes' one-neuron example ŷ = w₂·σ(w₁x), L = (ŷ − y)², with every
 * chain-rule factor recomputed after each step. Pure TypeScript (two numbers need no tensors).
 */
import { chainFactors, chainStep, type ChainFactors, type ChainPoint } from '../../../../ml/backprop/chain';
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { parseFraction, type CHAIN_PARAMS } from './params';

export type ChainParams = Values<typeof CHAIN_PARAMS>;

export interface ChainView {
  point: ChainPoint;
  factors: ChainFactors;
  /** (w₁, w₂) after every step, starting with the initial weights. */
  path: { w1: number; w2: number }[];
}

export function createChainEngine(p: ChainParams): LabEngine<ChainView> {
  let point: ChainPoint = { x: p.x, y: p.y, w1: parseFraction(p.w1), w2: p.w2, act: p.act };
  const path = [{ w1: point.w1, w2: point.w2 }];
  return {
    step() {
      point = chainStep(point, p.lr);
      path.push({ w1: point.w1, w2: point.w2 });
    },
    read(withView) {
      const factors = chainFactors(point);
      const metrics = {
        loss: factors.loss, yHat: factors.yHat, w1: point.w1, w2: point.w2,
        dLdw1: factors.dLdw1, dLdw2: factors.dLdw2, dead: factors.dSigmadz === 0 ? 1 : 0,
      };
      if (!withView) return { metrics };
      return { metrics, view: { point, factors, path: path.slice() } };
    },
    dispose: () => undefined,
  };
}
