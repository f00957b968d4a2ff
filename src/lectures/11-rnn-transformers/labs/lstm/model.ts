/**
 * The lab's sequence task and model: "remember the marked digit". Each sequence has T steps; every
 * step shows a random digit 0…K−1 (one-hot) and one step also carries a marker bit. After the last
 * step the network must name the marked digit. An LSTM (src/ml/lstm.ts) reads the sequence; a
 * linear softmax readout on h_T gives the answer; loss = cross-entropy at the last step only,
 * gradients by backpropagation through time, Adam.
 *
 * Plain TypeScript (no tfjs): H ≈ 8 and D ≈ 5 make every matrix product a few hundred
 * multiply-adds, where tfjs would spend its time dispatching ~20 small ops per time step.
 */
import { createLstmWeights, lstmBackward, lstmForward, type LstmWeights } from '../../../../ml/lstm';
import { createRng, type Rng } from '../../../../ml/rng';

/** One sequence: digits per step and the marked step. */
export interface Sequence {
  digits: number[];
  marker: number;
}

/** Input width: K one-hot digit channels and 1 marker channel. */
export const inputDim = (K: number): number => K + 1;

/** A random sequence of length T over K digits, with the marker on one of the first T − 1 steps. */
export function randomSequence(T: number, K: number, rng: Rng): Sequence {
  const digits = Array.from({ length: T }, () => rng.int(K));
  const marker = rng.int(Math.max(1, T - 1));
  return { digits, marker };
}

export const target = (s: Sequence): number => s.digits[s.marker];

/** Batch of sequences → T inputs of shape N×(K+1). */
export function encode(seqs: readonly Sequence[], T: number, K: number): Float64Array[] {
  const D = inputDim(K);
  const N = seqs.length;
  return Array.from({ length: T }, (_, t) => {
    const x = new Float64Array(N * D);
    seqs.forEach((s, n) => {
      x[n * D + s.digits[t]] = 1;
      if (s.marker === t) x[n * D + K] = 1;
    });
    return x;
  });
}

export interface SeqModel {
  K: number;
  lstm: LstmWeights;
  /** H×K readout weights and K biases. */
  Wy: Float64Array;
  by: Float64Array;
}

export function createSeqModel(K: number, H: number, rng: Rng, forgetBias: number): SeqModel {
  const lstm = createLstmWeights(inputDim(K), H, () => rng.next(), { forgetBias });
  const s = 1 / Math.sqrt(H);
  const Wy = Float64Array.from({ length: H * K }, () => (2 * rng.next() - 1) * s);
  return { K, lstm, Wy, by: new Float64Array(K) };
}

/** Softmax probabilities of the readout on h (N×H) → N×K. */
export function readout(m: SeqModel, h: Float64Array, N: number): Float64Array {
  const { K, Wy, by } = m;
  const H = m.lstm.H;
  const p = new Float64Array(N * K);
  for (let n = 0; n < N; n++) {
    let mx = -Infinity;
    for (let k = 0; k < K; k++) {
      let z = by[k];
      for (let j = 0; j < H; j++) z += h[n * H + j] * Wy[j * K + k];
      p[n * K + k] = z;
      if (z > mx) mx = z;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += p[n * K + k] = Math.exp(p[n * K + k] - mx);
    for (let k = 0; k < K; k++) p[n * K + k] /= sum;
  }
  return p;
}

export interface BatchResult {
  loss: number;
  accuracy: number;
}

/** Loss and accuracy on a batch (forward only). */
export function evaluate(m: SeqModel, seqs: readonly Sequence[], T: number): BatchResult {
  const N = seqs.length;
  const H = m.lstm.H;
  const f = lstmForward(encode(seqs, T, m.K), new Float64Array(N * H), new Float64Array(N * H), m.lstm, N);
  const p = readout(m, f.hs[T - 1], N);
  return score(p, seqs, m.K);
}

function score(p: Float64Array, seqs: readonly Sequence[], K: number): BatchResult {
  let loss = 0;
  let correct = 0;
  seqs.forEach((s, n) => {
    const y = target(s);
    loss -= Math.log(Math.max(p[n * K + y], 1e-300));
    let best = 0;
    for (let k = 1; k < K; k++) if (p[n * K + k] > p[n * K + best]) best = k;
    if (best === y) correct++;
  });
  return { loss: loss / seqs.length, accuracy: correct / seqs.length };
}

export interface SeqGrads {
  dWx: Float64Array;
  dWh: Float64Array;
  db: Float64Array;
  dWy: Float64Array;
  dby: Float64Array;
}

/** Forward + BPTT on a batch: mean cross-entropy at the last step and its gradients. */
export function lossAndGrads(m: SeqModel, seqs: readonly Sequence[], T: number): BatchResult & { grads: SeqGrads } {
  const N = seqs.length;
  const { K } = m;
  const H = m.lstm.H;
  const f = lstmForward(encode(seqs, T, K), new Float64Array(N * H), new Float64Array(N * H), m.lstm, N);
  const hT = f.hs[T - 1];
  const p = readout(m, hT, N);
  const r = score(p, seqs, K);
  // dL/dz = (p − onehot(y)) / N
  const dz = p.slice();
  seqs.forEach((s, n) => (dz[n * K + target(s)] -= 1));
  for (let q = 0; q < dz.length; q++) dz[q] /= N;
  const dWy = new Float64Array(H * K);
  const dby = new Float64Array(K);
  const dhT = new Float64Array(N * H);
  for (let n = 0; n < N; n++) {
    for (let k = 0; k < K; k++) {
      const d = dz[n * K + k];
      dby[k] += d;
      for (let j = 0; j < H; j++) {
        dWy[j * K + k] += hT[n * H + j] * d;
        dhT[n * H + j] += d * m.Wy[j * K + k];
      }
    }
  }
  const dhs = f.hs.map((_, t) => (t === T - 1 ? dhT : new Float64Array(N * H)));
  const g = lstmBackward(dhs, f.caches);
  return { ...r, grads: { dWx: g.dWx, dWh: g.dWh, db: g.db, dWy, dby } };
}

/** Adam state over the model's five parameter arrays. */
export interface AdamState {
  t: number;
  m: Float64Array[];
  v: Float64Array[];
}

const paramsOf = (m: SeqModel): Float64Array[] => [m.lstm.Wx, m.lstm.Wh, m.lstm.b, m.Wy, m.by];
const gradsOf = (g: SeqGrads): Float64Array[] => [g.dWx, g.dWh, g.db, g.dWy, g.dby];

export function createAdam(m: SeqModel): AdamState {
  return { t: 0, m: paramsOf(m).map((p) => new Float64Array(p.length)), v: paramsOf(m).map((p) => new Float64Array(p.length)) };
}

/**
 * One Adam step (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) after clipping the global gradient norm to `clip`
 * (recurrent nets occasionally produce a large gradient). Returns the norm before clipping.
 */
export function adamUpdate(m: SeqModel, g: SeqGrads, s: AdamState, lr: number, clip = 5): number {
  const ps = paramsOf(m);
  const gs = gradsOf(g);
  let sq = 0;
  for (const a of gs) for (let k = 0; k < a.length; k++) sq += a[k] * a[k];
  const norm = Math.sqrt(sq);
  const scale = norm > clip ? clip / norm : 1;
  s.t += 1;
  const b1 = 0.9;
  const b2 = 0.999;
  const c1 = 1 - b1 ** s.t;
  const c2 = 1 - b2 ** s.t;
  ps.forEach((p, i) => {
    const gm = s.m[i];
    const gv = s.v[i];
    const ga = gs[i];
    for (let k = 0; k < p.length; k++) {
      const gk = ga[k] * scale;
      gm[k] = b1 * gm[k] + (1 - b1) * gk;
      gv[k] = b2 * gv[k] + (1 - b2) * gk * gk;
      p[k] -= (lr * (gm[k] / c1)) / (Math.sqrt(gv[k] / c2) + 1e-8);
    }
  });
  return norm;
}

/** Seeded batch of sequences. */
export function randomBatch(n: number, T: number, K: number, rng: Rng): Sequence[] {
  return Array.from({ length: n }, () => randomSequence(T, K, rng));
}

/** Fixed held-out sequences for a seed (independent of the training stream). */
export function validationSet(n: number, T: number, K: number, seed: number): Sequence[] {
  return randomBatch(n, T, K, createRng(seed * 7919 + 17));
}

/** Everything the heatmaps and the equations show for one sequence (N = 1), per time step. */
export interface SeqTrace {
  T: number;
  H: number;
  /** [t][k] values of the gates and states. */
  i: Float64Array[];
  f: Float64Array[];
  o: Float64Array[];
  g: Float64Array[];
  c: Float64Array[];
  h: Float64Array[];
  /** Pre-activation parts per gate block j ∈ {i, f, o, g} (0…3): [t][j·H + k] of θ_x x_t, θ_h h_{t−1}, b. */
  ax: Float64Array[];
  ah: Float64Array[];
  ab: Float64Array;
  /** Softmax output after the last step. */
  probs: Float64Array;
}

/** Runs one sequence through the model and keeps every intermediate value. */
export function traceSequence(m: SeqModel, s: Sequence): SeqTrace {
  const T = s.digits.length;
  const { H, D, Wx, Wh, b } = m.lstm;
  const xs = encode([s], T, m.K);
  const f = lstmForward(xs, new Float64Array(H), new Float64Array(H), m.lstm, 1);
  const ax: Float64Array[] = [];
  const ah: Float64Array[] = [];
  for (let t = 0; t < T; t++) {
    const px = new Float64Array(4 * H);
    const ph = new Float64Array(4 * H);
    const hPrev = t === 0 ? new Float64Array(H) : f.hs[t - 1];
    for (let j = 0; j < 4 * H; j++) {
      for (let d = 0; d < D; d++) px[j] += xs[t][d] * Wx[d * 4 * H + j];
      for (let q = 0; q < H; q++) ph[j] += hPrev[q] * Wh[q * 4 * H + j];
    }
    ax.push(px);
    ah.push(ph);
  }
  return {
    T, H, i: f.is, f: f.fs, o: f.os, g: f.gs, c: f.cs, h: f.hs, ax, ah, ab: b.slice(),
    probs: readout(m, f.hs[T - 1], 1),
  };
}

/** "2 0 *3 1": digits separated by spaces, the marked one prefixed by '*'. */
export function formatSequence(s: Sequence): string {
  return s.digits.map((d, t) => (t === s.marker ? `*${d}` : String(d))).join(' ');
}

/** Parses {@link formatSequence}'s format; returns an error message for bad input. */
export function parseSequence(text: string, T: number, K: number): Sequence | { error: string } {
  const tokens = text.trim().split(/[\s,]+/).filter(Boolean);
  if (tokens.length !== T) return { error: `Enter exactly T = ${T} digits (found ${tokens.length}).` };
  const digits: number[] = [];
  let marker = -1;
  for (const [t, tok] of tokens.entries()) {
    const m = /^(\*?)(\d)$/.exec(tok);
    if (!m) return { error: `“${tok}” is not a digit (mark one digit with *, e.g. *3).` };
    const d = Number(m[2]);
    if (d >= K) return { error: `Digits must be 0 … ${K - 1} (found ${d}).` };
    if (m[1]) {
      if (marker >= 0) return { error: 'Mark exactly one digit with * (found more than one).' };
      marker = t;
    }
    digits.push(d);
  }
  if (marker < 0) return { error: 'Mark one digit with *, e.g. *3.' };
  return { digits, marker };
}
