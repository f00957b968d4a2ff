import { useCallback, useMemo, useState } from 'react';
import { CLASS_COLORS, LineChart, ScatterHeatmap, seriesColor, type LineSeries, type ScatterPoint } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { useThrottled } from '../../../../labs/useThrottled';
import { FACTION_NAMES, KARATE_EDGES, KARATE_FACTION, KARATE_NODES } from '../../../../ml/data/karate';
import { checkPermutation, forceLayout, type PermutationCheck } from '../../../../ml/gnn';
import { KARATE_GRAPH } from '../../../../ml/gnnKarate';
import { createRng } from '../../../../ml/rng';
import type { GnnView } from './engine';
import { GraphView, edgeKey, type GraphHighlight } from './GraphView';
import { GNN_PARAMS, type GnnParams } from './params';
import { StepPanel, stageOf, useTrace } from './StepPanel';
import './gnn.css';

export const gnnLab: LabDefinition<typeof GNN_PARAMS, GnnView> = {
  id: 'gnn',
  title: 'Message passing on the karate club',
  lecture: '12-advanced',
  schema: GNN_PARAMS,
  engine: () => import('./engine').then((m) => m.createGnnEngine),
  needsTf: false,
  lossKeys: ['loss'],
  maxSteps: (p) => Math.round(p.epochs),
  stepsPerFrame: 2,
  viewOnly: ['node'],
  fileTag: (p) => `${p.agg}-${p.feat}-L${p.rounds}-d${p.hidden}-extra${p.extra}-lr${p.lr}-seed${p.seed}`,
};

/** The drawing's layout: a seeded force layout, computed once. */
const LAYOUT = forceLayout(KARATE_NODES, KARATE_EDGES, createRng(7), 300);
const NO_EDGES: ReadonlySet<string> = new Set();
const EMB_DOMAIN = { xMin: -1.1, xMax: 1.1, yMin: -1.1, yMax: 1.1 };

function ShufflePanel({ view, seed }: { view: GnnView | null; seed: number }) {
  const [res, setRes] = useState<{ n: number; check: PermutationCheck } | null>(null);
  const trace = useTrace(view);
  const shuffle = () => {
    if (!trace || !view) return;
    const n = (res?.n ?? 0) + 1;
    setRes({ n, check: checkPermutation(trace.model, KARATE_GRAPH, trace.X, trace.E0, view.agg, createRng(seed * 1000 + n)) });
  };
  const c = res?.check;
  return (
    <div className="panel gnn-shuffle" data-testid="gnn-shuffle" data-maxdiff={c ? c.maxEmbeddingDiff : undefined}
      data-probdiff={c ? c.maxProbDiff : undefined} data-predchanges={c ? c.predChanges : undefined} data-shuffles={res?.n ?? 0}>
      <h4>Permutation invariance</h4>
      <p>
        Relabel the members with a random permutation <Tex math="\pi" /> (and list the edges in a random order), run the same weights on the
        relabelled graph, and compare node <Tex math="\pi(i)" /> there with node <Tex math="i" /> here.
      </p>
      <button type="button" onClick={shuffle} disabled={!trace}>Shuffle node order</button>
      {c ? (
        <div className="gnn-shuffle-result" role="status">
          <p>
            Shuffle {res.n}: {Array.from(c.perm.slice(0, 6)).map((p, i) => `${i}→${p}`).join(', ')}, … ({c.perm.filter((p, i) => p !== i).length} of
            34 members got a new number; the 156 edges were listed in a new order too).
          </p>
          <p>
            <Tex math={`\\max_{i,c}\\,\\big|\\tilde h^{(L)}_{\\pi(i),c} - h^{(L)}_{i,c}\\big| = ${c.maxEmbeddingDiff === 0 ? '0' : c.maxEmbeddingDiff.toExponential(1).replace('e', '\\times10^{') + '}'}`} />
            {' '}(<Tex math="\tilde h" />: the shuffled graph); largest change of a probability: {c.maxProbDiff === 0 ? '0' : c.maxProbDiff.toExponential(1)}; predictions that changed:{' '}
            <strong>{c.predChanges}</strong> of 34.
          </p>
          <p className="muted">
            {c.maxEmbeddingDiff < 1e-12 ? 'Identical (to rounding): ' : 'Different: '}N_e, N_v and Φ never look at a node’s position in the list,
            only at its features and its neighbours, so the outputs move with the nodes (equivariance) and each member’s prediction stays.
          </p>
        </div>
      ) : null}
    </div>
  );
}

export function GnnLab() {
  const h = useLab(gnnLab);
  const { params: p, lab } = h;
  const fileBase = `lecture12-gnn-${gnnLab.fileTag(p)}`;
  const running = h.status === 'running';
  // Canvases and the graph follow the run at 4 Hz, the step-by-step panel (KaTeX) at 2 Hz: cheaper frames, faster training.
  const view = useThrottled(h.view, running, 250);
  const slowView = useThrottled(h.view, running, 500);
  const node = Math.min(33, Math.max(0, Math.round(p.node)));
  const L = Math.round(p.rounds);
  const [stage, setStage] = useState(0);
  const [nbrChoice, setNbrChoice] = useState<number | null>(null);
  const nbrs = useMemo(() => [...KARATE_GRAPH.nbr].filter((_, k) => KARATE_GRAPH.recv[k] === node), [node]);
  const j = nbrChoice !== null && nbrs.includes(nbrChoice) ? nbrChoice : nbrs[0];
  const st = stageOf(Math.min(stage, 3 * L));

  const highlight = useMemo<GraphHighlight>(() => {
    if (st.kind === 'node-to-edge') return { edges: new Set(KARATE_EDGES.map(([a, b]) => edgeKey(a, b))), edge: [node, j], node };
    if (st.kind === 'edge-to-node') return { edges: new Set(nbrs.map((b) => edgeKey(node, b))), edge: null, node };
    return { edges: NO_EDGES, edge: null, node };
  }, [st.kind, node, j, nbrs]);

  const onNodeClick = useCallback((i: number) => lab.setParams({ node: i }), [lab]);

  const lossSeries = useMemo<LineSeries[]>(() => [
    { key: 'train', label: 'labelled members (trained on)', color: seriesColor(0), points: h.chartSeries.loss ?? [] },
    { key: 'test', label: 'unlabelled members', color: seriesColor(1), points: h.chartSeries.test_loss ?? [], dashed: true },
  ], [h.chartSeries]);
  const accSeries = useMemo<LineSeries[]>(() => [
    { key: 'acc', label: 'unlabelled members', color: seriesColor(1), points: h.chartSeries.acc ?? [] },
    { key: 'all', label: 'all 34 members', color: seriesColor(0), points: h.chartSeries.acc_all ?? [], dashed: true },
  ], [h.chartSeries]);

  const points = useMemo<ScatterPoint[]>(() => (view
    ? Array.from({ length: KARATE_NODES }, (_, i) => ({
      x: view.embedding[2 * i], y: view.embedding[2 * i + 1], label: KARATE_FACTION[i], set: view.labelled.includes(i) ? 'train' as const : 'test' as const,
    }))
    : []), [view]);
  const boundary = view?.boundary;
  const acc = h.metrics.acc;

  return (
    <LabFrame
      handle={h}
      stepLabel="Adam step"
      controls={['agg', 'feat', 'rounds', 'hidden', 'extra', 'lr', 'epochs', 'seed']}
      intro={
        <p>
          Zachary’s karate club (34 members, 78 friendships) split into two factions. Only the instructor (node 0) and the administrator
          (node 33) are labelled; press Play and the network learns to place everyone else from the friendships alone. Then step through one
          round of message passing below, and shuffle the node order.
        </p>
      }
    >
      <div className="gnn-top">
        <GraphView title="The club: predicted faction" fileBase={fileBase} pos={LAYOUT} pred={view?.pred ?? null} labelled={view?.labelled ?? [0, 33]}
          highlight={highlight} onNodeClick={onNodeClick} />
        <ScatterHeatmap title="Node embeddings h_i^(L)" chartKey="embedding" fileBase={fileBase} domain={EMB_DOMAIN} points={points}
          classColors={CLASS_COLORS} classNames={FACTION_NAMES as unknown as string[]} boundary={boundary} size={340} />
      </div>
      <p className="gnn-summary" data-testid="gnn-summary">
        Unlabelled members classified correctly:{' '}
        <strong>{Number.isFinite(acc) ? `${Math.round(acc * (34 - (view?.labelled.length ?? 2)))} of ${34 - (view?.labelled.length ?? 2)} (${(100 * acc).toFixed(1)} %)` : '…'}</strong>.
        The embedding plot shows each member’s last-round vector (2 numbers, colour = true faction, circles = labelled, diamonds = unlabelled);
        the line is where the classifier’s two logits are equal.
      </p>
      <div className="gnn-charts">
        <LineChart title="Loss" chartKey="loss" fileBase={fileBase} xLabel="Adam step" yLabel="cross-entropy" series={lossSeries} logY height={200} />
        <LineChart title="Accuracy" chartKey="acc" fileBase={fileBase} xLabel="Adam step" yLabel="accuracy" series={accSeries} yDomain={[0, 1]} height={200}
          referenceLines={[{ y: 0.5, label: 'chance', color: '#888' }]} />
      </div>
      <StepPanel view={slowView} stage={Math.min(stage, 3 * L)} setStage={setStage} rounds={L} node={node} nbr={j} nbrs={nbrs}
        setNode={onNodeClick} setNbr={setNbrChoice} />
      <ShufflePanel view={slowView} seed={Math.round(p.seed)} />
    </LabFrame>
  );
}

export type { GnnParams };
