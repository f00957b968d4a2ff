import { describe, expect, it } from 'vitest';
import { KARATE_FACTION } from './data/karate';
import {
  checkPermutation, createModel, edgeInit, forward, graphFromEdges, initModel, lossAndGrad, messagePassingRound, nodeFeatures,
  type Aggregation, type Dense,
} from './gnn';
import { createKarateRun, KARATE_GRAPH, karateShape } from './gnnKarate';
import { createRng } from './rng';

const AGGS: Aggregation[] = ['sum', 'mean', 'max'];

const dense = (W: number[], b: number[], act: Dense['act']): Dense => ({
  nIn: W.length / b.length, nOut: b.length, act, W: Float64Array.from(W), b: Float64Array.from(b),
});

describe('one message-passing round on a 4-node graph, by hand', () => {
  // Friendships 0–1, 0–2, 0–3, 1–2; scalar node states h = (1, 2, 3, −2); every edge starts at h_(i,j)^(0) = 1.
  // N_e([h_i, h_(i,j), h_j]) = ReLU(1·h_i + 1·h_(i,j) + 2·h_j − 4) = ReLU(h_i + 2h_j − 3):
  //   node 0: h_(0,1) = ReLU(1+4−3) = 2, h_(0,2) = ReLU(1+6−3) = 4, h_(0,3) = ReLU(1−4−3) = 0
  //   node 1: h_(1,0) = ReLU(2+2−3) = 1, h_(1,2) = ReLU(2+6−3) = 5
  //   node 2: h_(2,0) = ReLU(3+2−3) = 2, h_(2,1) = ReLU(3+4−3) = 4
  //   node 3: h_(3,0) = ReLU(−2+2−3) = 0
  // Φ:  sum  m = (6, 6, 6, 0);  mean m = (2, 3, 3, 0);  max m = (4, 5, 4, 0)
  // N_v([m_i, h_i]) = 1·m_i − 1·h_i + 1 (linear):
  //   sum (6, 5, 4, 3);  mean (2, 2, 1, 3);  max (4, 4, 2, 3)
  const g = graphFromEdges(4, [[0, 1], [0, 2], [0, 3], [1, 2]]);
  const H = Float64Array.from([1, 2, 3, -2]);
  const E = edgeInit(g);
  const w = { ne: dense([1, 1, 2], [-4], 'relu'), nv: dense([1, -1], [1], 'identity') };
  const edgeValue = (t: ReturnType<typeof messagePassingRound>, i: number, j: number) => {
    const k = [...g.recv].findIndex((r, kk) => r === i && g.nbr[kk] === j);
    return t.edgeOut[k];
  };
  const expected: Record<Aggregation, { m: number[]; h: number[] }> = {
    sum: { m: [6, 6, 6, 0], h: [6, 5, 4, 3] },
    mean: { m: [2, 3, 3, 0], h: [2, 2, 1, 3] },
    max: { m: [4, 5, 4, 0], h: [4, 4, 2, 3] },
  };
  for (const agg of AGGS) {
    it(`${agg}: edge updates, m_i and h_i^(1)`, () => {
      const t = messagePassingRound(g, H, 1, E, 1, w, agg);
      const edges: [number, number, number][] = [[0, 1, 2], [0, 2, 4], [0, 3, 0], [1, 0, 1], [1, 2, 5], [2, 0, 2], [2, 1, 4], [3, 0, 0]];
      for (const [i, j, v] of edges) expect(edgeValue(t, i, j)).toBe(v);
      expect([...t.msg]).toEqual(expected[agg].m);
      expect([...t.nodeOut]).toEqual(expected[agg].h);
    });
  }
});

describe('permutation invariance on the karate club', () => {
  for (const agg of AGGS) {
    for (const features of ['onehot', 'degree'] as const) {
      it(`${agg}, ${features}: shuffled node and edge order, same output per node to 1e-12`, () => {
        const run = createKarateRun({ agg, features, rounds: 3, hidden: 4, extra: 1, lr: 0.01, seed: 3 });
        for (let s = 0; s < 20; s++) run.step();
        for (let trial = 1; trial <= 3; trial++) {
          const c = checkPermutation(run.model, run.graph, run.X, run.E0, agg, createRng(trial));
          expect([...c.perm].some((p, i) => p !== i)).toBe(true);
          expect(c.maxEmbeddingDiff).toBeLessThan(1e-12);
          expect(c.maxProbDiff).toBeLessThan(1e-12);
          expect(c.predChanges).toBe(0);
        }
      });
    }
  }

  it('a model that reads node positions (not a GNN) fails the same check', () => {
    // Sanity check that the test can fail: concatenating the one-hot of the *position* breaks equivariance.
    const run = createKarateRun({ agg: 'mean', features: 'onehot', rounds: 2, hidden: 4, extra: 0, lr: 0.01, seed: 1 });
    const a = forward(run.model, run.graph, run.X, run.E0, 'mean');
    // Same graph relabelled, but features left in position order (the identity no longer follows the member).
    const perm = Int32Array.from({ length: 34 }, (_, i) => (i + 1) % 34);
    const gp = { ...run.graph, recv: run.graph.recv.map((i) => perm[i]), nbr: run.graph.nbr.map((i) => perm[i]) };
    gp.deg = new Int32Array(34);
    for (const i of gp.recv) gp.deg[i]++;
    const b = forward(run.model, gp, run.X, run.E0, 'mean');
    let diff = 0;
    for (let i = 0; i < 34; i++) for (let c = 0; c < 2; c++) diff = Math.max(diff, Math.abs(a.embedding[i * 2 + c] - b.embedding[perm[i] * 2 + c]));
    expect(diff).toBeGreaterThan(1e-3);
  });
});

describe('backward pass against finite differences', () => {
  for (const agg of AGGS) {
    for (const features of ['onehot', 'degree'] as const) {
      it(`${agg}, ${features}, 2 rounds: every parameter`, () => {
        const g = KARATE_GRAPH;
        const { X } = nodeFeatures(features, g);
        const E0 = edgeInit(g);
        const shape = karateShape({ features, rounds: 2, hidden: 3 });
        const model = initModel(shape, createRng(11));
        const nodes = [0, 5, 9, 33];
        const { grad } = lossAndGrad(model, g, X, E0, agg, nodes, KARATE_FACTION);
        const loss = (p: Float64Array) => lossAndGrad(createModel(shape, p), g, X, E0, agg, nodes, KARATE_FACTION).loss;
        const h = 1e-6;
        let worst = 0;
        for (let k = 0; k < model.params.length; k++) {
          const p = Float64Array.from(model.params);
          p[k] += h;
          const up = loss(p);
          p[k] -= 2 * h;
          const down = loss(p);
          const fd = (up - down) / (2 * h);
          worst = Math.max(worst, Math.abs(fd - grad[k]) / Math.max(1e-4, Math.abs(fd) + Math.abs(grad[k])));
        }
        expect(worst).toBeLessThan(1e-5);
        expect(grad.some((v) => v !== 0)).toBe(true);
      });
    }
  }
});

describe('training on the karate club', () => {
  it('from the two leaders only (mean, L = 2, d = 4): ≥ 90 % of the unlabelled members on most seeds', () => {
    const accs: number[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const run = createKarateRun({ agg: 'mean', features: 'onehot', rounds: 2, hidden: 4, extra: 0, lr: 0.01, seed });
      const loss0 = run.evaluate().loss;
      for (let s = 0; s < 200; s++) run.step();
      const ev = run.evaluate();
      expect(ev.loss).toBeLessThan(0.1 * loss0);
      accs.push(ev.acc);
    }
    // Measured: 9 of 12 seeds ≥ 90 % (seed 1, the lab's default, among them); the others put most members on the wrong side.
    expect(accs[0]).toBeGreaterThanOrEqual(0.9);
    expect(accs.filter((a) => a >= 0.9).length).toBeGreaterThanOrEqual(9);
  });

  it('two extra labelled members per faction: ≥ 90 % on 10 of 12 seeds', () => {
    const accs: number[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const run = createKarateRun({ agg: 'mean', features: 'onehot', rounds: 2, hidden: 4, extra: 2, lr: 0.01, seed });
      expect(run.labelled.length).toBe(6);
      for (let s = 0; s < 200; s++) run.step();
      accs.push(run.evaluate().acc);
    }
    expect(accs.filter((a) => a >= 0.9).length).toBeGreaterThanOrEqual(10);
  });
});
