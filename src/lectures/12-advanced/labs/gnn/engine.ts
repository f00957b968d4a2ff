/**
 * GNN lab engine: one full-batch Adam step on the labelled members per engine step (plain TypeScript,
 * src/ml/gnn.ts: 34 nodes and 156 directed edges are far too small for tfjs's dispatch to pay off;
 * a step takes ~1 ms). The view carries a copy of the weights, so the page can re-run the forward pass
 * for the step-by-step panel and the shuffle check with exactly the numbers trained so far.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Aggregation } from '../../../../ml/gnn';
import { createKarateRun, karateShape } from '../../../../ml/gnnKarate';
import type { GnnShape } from '../../../../ml/gnn';
import type { GnnParams } from './params';

export interface GnnView {
  shape: GnnShape;
  agg: Aggregation;
  /** Copy of the flat parameters at this read. */
  params: Float64Array;
  labelled: number[];
  /** h_i^(L), 34 × 2. */
  embedding: Float64Array;
  pred: Int32Array;
  /** P(Officer) per node. */
  pOfficer: Float64Array;
  /** Classifier on the 2-D embedding: logit difference (Officer − Mr. Hi) = a·x + b·y + c. */
  boundary: { a: number; b: number; c: number };
  step: number;
}

export function createGnnEngine(p: GnnParams): LabEngine<GnnView> {
  const opts = {
    agg: p.agg, features: p.feat, rounds: Math.round(p.rounds), hidden: Math.round(p.hidden), extra: Math.round(p.extra), lr: p.lr, seed: Math.round(p.seed),
  };
  const run = createKarateRun(opts);
  const shape = karateShape(opts);
  return {
    step() {
      run.step();
    },
    read(withView) {
      const ev = run.evaluate();
      const metrics: Record<string, number> = {
        loss: ev.loss,
        test_loss: ev.testLoss,
        acc: ev.acc,
        acc_all: ev.accAll,
        labelled: run.labelled.length,
        params: run.model.params.length,
      };
      if (!withView) return { metrics };
      const f = ev.forward;
      const W = run.model.cls.W;
      const b = run.model.cls.b;
      const pOfficer = new Float64Array(34);
      for (let i = 0; i < 34; i++) pOfficer[i] = f.probs[i * 2 + 1];
      return {
        metrics,
        view: {
          shape, agg: p.agg, params: Float64Array.from(run.model.params), labelled: run.labelled, embedding: Float64Array.from(f.embedding),
          pred: Int32Array.from(f.pred), pOfficer,
          boundary: { a: W[2] - W[0], b: W[3] - W[1], c: b[1] - b[0] },
          step: run.steps(),
        },
      };
    },
    isDone: () => run.steps() >= Math.round(p.epochs),
    dispose: () => undefined,
  };
}
