import { useMemo } from 'react';
import { Tex, texNum } from '../../../../components/Tex';
import { KARATE_NODES } from '../../../../ml/data/karate';
import { createModel, edgeInit, forward, nodeFeatures, type RoundTrace } from '../../../../ml/gnn';
import { KARATE_GRAPH } from '../../../../ml/gnnKarate';
import type { GnnView } from './engine';

export type StageKind = 'input' | 'node-to-edge' | 'edge-to-node' | 'node-update';

/** Stage 0 shows the inputs; round l has stages 3l − 2 (node to edge), 3l − 1 (edge to node, Φ) and 3l (N_v). */
export function stageOf(s: number): { kind: StageKind; round: number } {
  if (s <= 0) return { kind: 'input', round: 0 };
  const round = Math.ceil(s / 3);
  const kinds: StageKind[] = ['node-to-edge', 'edge-to-node', 'node-update'];
  return { kind: kinds[(s - 1) % 3], round };
}

const STAGE_TITLE: Record<StageKind, string> = {
  input: 'Inputs',
  'node-to-edge': 'node to edge: every edge is updated',
  'edge-to-node': 'edge to node: aggregation Φ',
  'node-update': 'edge to node: node update N_v',
};

/** Re-run the forward pass of the trained weights (the same numbers the engine has). */
export function useTrace(view: GnnView | null) {
  return useMemo(() => {
    if (!view) return null;
    const model = createModel(view.shape, view.params);
    const { X } = nodeFeatures(view.shape.nodeIn === KARATE_NODES ? 'onehot' : 'degree', KARATE_GRAPH);
    const E0 = edgeInit(KARATE_GRAPH);
    return { model, X, E0, f: forward(model, KARATE_GRAPH, X, E0, view.agg) };
  }, [view]);
}

const row = (a: ArrayLike<number>, r: number, w: number) => Array.from({ length: w }, (_, c) => a[r * w + c]);

/** A vector in TeX: a one-hot of length 34 as e_k, short vectors written out. */
function vecTex(v: number[]): string {
  const ones = v.filter((x) => x === 1).length;
  if (v.length > 8 && ones === 1 && v.filter((x) => x === 0).length === v.length - 1) return `\\mathbf{e}_{${v.indexOf(1)}}`;
  const shown = v.length > 8 ? [...v.slice(0, 4).map((x) => texNum(x, 3)), '\\dots'] : v.map((x) => texNum(x, 3));
  return `(${shown.join(',\\,')})`;
}

function edgeIndex(i: number, j: number): number {
  for (let k = 0; k < KARATE_GRAPH.recv.length; k++) if (KARATE_GRAPH.recv[k] === i && KARATE_GRAPH.nbr[k] === j) return k;
  return -1;
}

interface Props {
  view: GnnView | null;
  stage: number;
  setStage: (s: number) => void;
  rounds: number;
  node: number;
  nbr: number;
  nbrs: number[];
  setNode: (i: number) => void;
  setNbr: (j: number) => void;
}

function nodeState(t: RoundTrace[], X: Float64Array, nodeIn: number, l: number, i: number): number[] {
  return l === 0 ? row(X, i, nodeIn) : row(t[l - 1].nodeOut, i, t[l - 1].dOut);
}

export function StepPanel({ view, stage, setStage, rounds, node: i, nbr: j, nbrs, setNode, setNbr }: Props) {
  const trace = useTrace(view);
  const { kind, round: l } = stageOf(stage);
  const last = 3 * rounds;
  const agg = view?.agg ?? 'mean';
  let body: React.ReactNode = <p className="loading">Preparing…</p>;
  if (trace && view) {
    const t = trace.f.rounds;
    const nodeIn = view.shape.nodeIn;
    const hPrev = (n: number) => vecTex(nodeState(t, trace.X, nodeIn, l - 1, n));
    const k = edgeIndex(i, j);
    if (kind === 'input') {
      body = (
        <>
          <Tex display math={`h_{${i}}^{(0)} = ${vecTex(row(trace.X, i, nodeIn))},\\qquad h_{(${i},${j})}^{(0)} = ${texNum(trace.E0[k])}\\ \\text{(every edge starts as the constant 1)}`} />
          <p className="muted">
            {nodeIn === KARATE_NODES
              ? 'Node features: the one-hot identity e_i of each member (34 numbers).'
              : 'Node features: [1, degree / 17]; members with the same degree look alike.'}{' '}
            Press “Next stage” to run round 1.
          </p>
        </>
      );
    } else {
      const r = t[l - 1];
      const prevEdge = l === 1 ? vecTex([trace.E0[k]]) : vecTex(row(t[l - 2].edgeOut, k, r.de));
      if (kind === 'node-to-edge') {
        body = (
          <>
            <Tex display math={`h_{(${i},${j})}^{(${l})} = \\mathcal{N}_e\\left([h_{${i}}^{(${l - 1})}, h_{(${i},${j})}^{(${l - 1})}, h_{${j}}^{(${l - 1})}]\\right) = \\tanh\\left(W_e^{(${l})}[\\,\\cdot\\,] + b_e^{(${l})}\\right)`} />
            <Tex display math={`[h_{${i}}^{(${l - 1})}, h_{(${i},${j})}^{(${l - 1})}, h_{${j}}^{(${l - 1})}] = [${hPrev(i)},\\ ${prevEdge},\\ ${hPrev(j)}]`} />
            <Tex display math={`h_{(${i},${j})}^{(${l})} = ${vecTex(row(r.edgeOut, k, r.eOut))}`} />
            <p className="muted">
              All {KARATE_GRAPH.recv.length} directed edges (both directions of the 78 friendships) are updated with the same{' '}
              <Tex math={`\\mathcal{N}_e^{(${l})}`} />: {r.eOut} numbers each. The arrow shows the edge (i, j) written out.
            </p>
          </>
        );
      } else if (kind === 'edge-to-node') {
        const ks = nbrs.map((n) => edgeIndex(i, n));
        const m = row(r.msg, i, r.eOut);
        body = (
          <>
            <Tex display math={`m_{${i}}^{(${l})} = \\Phi\\left(\\left\\{h_{(${i},j)}^{(${l})}\\right\\}_{j\\in N_{${i}}}\\right) = \\text{${agg}}(\\dots) = ${vecTex(m)}`} />
            <div className="gnn-table-wrap">
              <table className="gnn-table" data-testid="gnn-agg-table">
                <caption>Incoming edge vectors of node {i} ({nbrs.length} neighbours){agg === 'max' ? '; bold: the maximum of each column' : ''}</caption>
                <thead><tr><th scope="col">edge</th>{m.map((_, c) => <th scope="col" key={c}>{c + 1}</th>)}</tr></thead>
                <tbody>
                  {ks.map((kk, rI) => (
                    <tr key={kk}>
                      <th scope="row">({i},{nbrs[rI]})</th>
                      {row(r.edgeOut, kk, r.eOut).map((v, c) => (
                        <td key={c} className={agg === 'max' && r.argmax[i * r.eOut + c] === kk ? 'gnn-win' : undefined}>{v.toFixed(3)}</td>
                      ))}
                    </tr>
                  ))}
                  <tr className="gnn-phi"><th scope="row">{agg}</th>{m.map((v, c) => <td key={c} data-phi={v}>{v.toFixed(3)}</td>)}</tr>
                </tbody>
              </table>
            </div>
            <p className="muted">Φ works entry by entry and does not care in which order the neighbours come: a set in, one vector out.</p>
          </>
        );
      } else {
        body = (
          <>
            <Tex display math={`h_{${i}}^{(${l})} = \\mathcal{N}_v\\left([m_{${i}}^{(${l})}, h_{${i}}^{(${l - 1})}]\\right) = \\tanh\\left(W_v^{(${l})}[${vecTex(row(r.msg, i, r.eOut))},\\ ${hPrev(i)}] + b_v^{(${l})}\\right)`} />
            <Tex display math={`h_{${i}}^{(${l})} = ${vecTex(row(r.nodeOut, i, r.dOut))}${l === rounds ? '\\quad\\text{(the 2-D embedding that is plotted)}' : ''}`} />
            <p className="muted">Every node is updated with the same <Tex math={`\\mathcal{N}_v^{(${l})}`} />; round {l} {l < rounds ? `feeds round ${l + 1}` : 'is the last: the classifier reads this vector'}.</p>
          </>
        );
      }
    }
  }
  return (
    <div className="panel gnn-steps" data-testid="gnn-steps" data-stage={kind} data-round={l}>
      <h4>Message passing step by step</h4>
      <p className="muted">
        <Tex math="\mathcal{N}_e" /> and <Tex math="\mathcal{N}_v" /> are one dense layer with tanh each; every round <Tex math="l" /> has its own
        weights, shared by all edges (nodes) of the graph. The numbers are those of the current weights.
      </p>
      <div className="gnn-step-controls">
        <button type="button" onClick={() => setStage(Math.max(0, stage - 1))} disabled={stage === 0}>Previous stage</button>
        <button type="button" className="primary" onClick={() => setStage(stage >= last ? 0 : stage + 1)}>
          {stage >= last ? 'Start again' : 'Next stage'}
        </button>
        <label>
          Node <Tex math="i" />{' '}
          <select value={i} onChange={(e) => setNode(Number(e.target.value))} aria-label="Node i">
            {Array.from({ length: KARATE_NODES }, (_, n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label>
          Neighbour <Tex math="j" />{' '}
          <select value={j} onChange={(e) => setNbr(Number(e.target.value))} aria-label="Neighbour j">
            {nbrs.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      </div>
      <p className="gnn-stage" data-testid="gnn-stage">
        {kind === 'input' ? 'Stage 0 · inputs' : `Round ${l} of ${rounds} · ${STAGE_TITLE[kind]}`}
      </p>
      {body}
    </div>
  );
}
