/**
 * Plain against residual networks of growing depth on the two-arm spiral. For each depth (the
 * chosen D first, then 2, 4, 8, … below it) a plain and a residual net start from the very same
 * weights and see the same minibatches with the same optimiser (Adam) for the same number of
 * steps; the gap in final training loss is the degradation problem. One engine step is one
 * minibatch step or one 32-row chunk of a full-set evaluation, so even 32 layers stay within a frame.
 *
 * Plain TypeScript (src/ml/residualNet.ts), not tfjs: these nets are tiny and deep, so tfjs would
 * spend its time dispatching ~100 small ops a step.
 */
import type { LabEngine } from '../../../../labs/types';
import { generate2D } from '../../../../ml/data/datasets2d';
import {
  adamStep, backward, createAdam, createDeepNet, createWorkspace, forward, zeroGrads,
  type Adam, type DeepGrads, type DeepNet, type DeepNetSpec, type DeepWorkspace,
} from '../../../../ml/residualNet';
import { createRng, type Rng } from '../../../../ml/rng';
import { BATCH, CURVE_EVERY, EVAL_CHUNK, EVAL_STEPS, N_POINTS, runDepths, type ResnetParams } from './params';

export interface RunView {
  depth: number;
  residual: boolean;
  /** (step, mean minibatch loss over the last CURVE_EVERY steps); step 0 is the full training loss at initialisation. */
  curve: { x: number; y: number }[];
  initLoss: number | null;
  finalLoss: number | null;
  finalAcc: number | null;
}

export interface GradNorms {
  init: number[] | null;
  end: number[] | null;
}

export interface ResnetView {
  runs: RunView[];
  /** RMS over the training points of ‖∂ℓᵢ/∂hˡ‖ for h⁰ … h^D of the chosen depth (ℓᵢ: one point's loss). */
  grads: { plain: GradNorms; residual: GradNorms };
  current: number;
  depth: number;
  points: { x: number; y: number; label: number }[];
}

type Phase = 'init' | 'train' | 'final';

interface Run {
  view: RunView;
  net: DeepNet | null;
  ws: DeepWorkspace | null;
  g: DeepGrads | null;
  dhSq: Float64Array | null;
  adam: Adam | null;
  rng: Rng | null;
  phase: Phase;
  t: number;
  chunk: number;
  sumLoss: number;
  correct: number;
  windowLoss: number;
  windowCount: number;
}

export function createResnetEngine(p: ResnetParams): LabEngine<ResnetView> {
  const points = generate2D({ kind: 'spiral', n: N_POINTS, noise: 0, classes: 2, seed: p.seed });
  const x = new Float64Array(N_POINTS * 2);
  const y = new Int32Array(N_POINTS);
  points.forEach((q, i) => {
    x[2 * i] = q.x;
    x[2 * i + 1] = q.y;
    y[i] = q.label;
  });
  const D = Math.round(p.depth);
  const width = Math.round(p.width);
  const iters = Math.round(p.iters);
  const runs: Run[] = runDepths(p).flatMap((depth) =>
    [false, true].map((residual) => ({
      view: { depth, residual, curve: [], initLoss: null, finalLoss: null, finalAcc: null },
      net: null, ws: null, g: null, dhSq: null, adam: null, rng: null, phase: 'init' as Phase, t: 0, chunk: 0, sumLoss: 0, correct: 0, windowLoss: 0, windowCount: 0,
    })),
  );
  const grads: ResnetView['grads'] = { plain: { init: null, end: null }, residual: { init: null, end: null } };
  let current = 0;
  const xb = new Float64Array(BATCH * 2);
  const yb = new Int32Array(BATCH);

  function start(r: Run) {
    const spec: DeepNetSpec = { inputs: 2, width, depth: r.view.depth, classes: 2, residual: r.view.residual, block: p.block };
    // The same seed per depth: the plain and the residual net start from identical weights and draw the same batches.
    r.net = createDeepNet(spec, p.init, createRng(p.seed * 1009 + r.view.depth));
    r.rng = createRng(p.seed * 7919 + r.view.depth);
    r.ws = createWorkspace(spec, BATCH);
    r.g = zeroGrads(r.net);
    r.dhSq = new Float64Array(r.view.depth + 1);
    r.adam = createAdam(r.net);
  }

  /** One 32-row chunk of the full-set loss (and, for the chosen depth, the full-batch gradient). */
  function evalChunk(r: Run): boolean {
    const net = r.net!;
    const ws = r.ws!;
    const withGrad = r.view.depth === D;
    if (r.chunk === 0) {
      r.sumLoss = 0;
      r.correct = 0;
      r.dhSq!.fill(0);
    }
    const s = r.chunk * EVAL_CHUNK;
    const xs = x.subarray(2 * s, 2 * (s + EVAL_CHUNK));
    const ys = y.subarray(s, s + EVAL_CHUNK);
    r.sumLoss += forward(net, xs, ys, ws) * EVAL_CHUNK;
    for (let i = 0; i < EVAL_CHUNK; i++) if ((ws.logits[2 * i + 1] > ws.logits[2 * i] ? 1 : 0) === ys[i]) r.correct++;
    if (withGrad) backward(net, xs, ws, r.g!, r.dhSq!);
    r.chunk++;
    if (r.chunk < EVAL_STEPS) return false;
    r.chunk = 0;
    // The chunk's loss is a mean over EVAL_CHUNK rows, so one point's gradient is EVAL_CHUNK times its row.
    if (withGrad) grads[r.view.residual ? 'residual' : 'plain'][r.phase === 'init' ? 'init' : 'end'] = [...r.dhSq!].map((q) => EVAL_CHUNK * Math.sqrt(q / N_POINTS));
    return true;
  }

  function trainStep(r: Run) {
    const rng = r.rng!;
    for (let i = 0; i < BATCH; i++) {
      const k = rng.int(N_POINTS);
      xb[2 * i] = x[2 * k];
      xb[2 * i + 1] = x[2 * k + 1];
      yb[i] = y[k];
    }
    const loss = forward(r.net!, xb, yb, r.ws!);
    backward(r.net!, xb, r.ws!, r.g!);
    adamStep(r.net!, r.g!, r.adam!, p.lr);
    r.t++;
    r.windowLoss += loss;
    r.windowCount++;
    if (r.windowCount === CURVE_EVERY || r.t === iters) {
      r.view.curve.push({ x: r.t, y: r.windowLoss / r.windowCount });
      r.windowLoss = 0;
      r.windowCount = 0;
    }
  }

  function finish(r: Run) {
    r.net = null;
    r.ws = null;
    r.g = null;
    r.dhSq = null;
    r.adam = null;
    r.rng = null;
  }

  const chosen = (residual: boolean) => runs[residual ? 1 : 0].view;

  return {
    step() {
      const r = runs[current];
      if (!r) return;
      if (!r.net) start(r);
      if (r.phase === 'init') {
        if (evalChunk(r)) {
          r.view.initLoss = r.sumLoss / N_POINTS;
          r.view.curve.push({ x: 0, y: r.view.initLoss });
          r.phase = 'train';
        }
      } else if (r.phase === 'train') {
        trainStep(r);
        if (r.t >= iters) r.phase = 'final';
      } else if (evalChunk(r)) {
        r.view.finalLoss = r.sumLoss / N_POINTS;
        r.view.finalAcc = r.correct / N_POINTS;
        finish(r);
        current++;
      }
    },
    read(withView) {
      const metrics: Record<string, number> = { runs_done: current, runs_total: runs.length };
      for (const residual of [false, true]) {
        const v = chosen(residual);
        const tag = residual ? 'res' : 'plain';
        const last = v.curve[v.curve.length - 1];
        if (last) metrics[`loss_${tag}`] = last.y;
        if (v.finalLoss !== null) {
          metrics[`final_${tag}`] = v.finalLoss;
          metrics[`acc_${tag}`] = v.finalAcc!;
        }
        const gn = grads[residual ? 'residual' : 'plain'];
        for (const when of ['init', 'end'] as const) {
          const n = gn[when];
          // The gradient reaching the first hidden state over the last one's: ≪ 1 when it vanishes on the way down.
          if (n) metrics[`gratio_${tag}_${when}`] = n[0] / n[n.length - 1];
        }
      }
      for (const r of runs) if (r.view.finalLoss !== null) metrics[`final_${r.view.residual ? 'res' : 'plain'}_d${r.view.depth}`] = r.view.finalLoss;
      if (!withView) return { metrics };
      const view: ResnetView = {
        runs: runs.map((r) => ({ ...r.view, curve: r.view.curve.slice() })),
        grads: {
          plain: { init: grads.plain.init, end: grads.plain.end },
          residual: { init: grads.residual.init, end: grads.residual.end },
        },
        current,
        depth: D,
        points,
      };
      return { metrics, view };
    },
    isDone: () => current >= runs.length,
    dispose: () => {
      for (const r of runs) finish(r);
    },
  };
}
