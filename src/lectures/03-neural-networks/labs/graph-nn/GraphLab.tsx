import { useMemo, useState } from 'react';
import { Tex } from '../../../../components/Tex';
import { LabFrame } from '../../../../labs/LabFrame';
import type { LabDefinition } from '../../../../labs/types';
import { useLab } from '../../../../labs/useLab';
import { buildGraph, formulaTex, layerFormulasTex, parameterCounts, totalParameters, type Architecture } from '../../../../ml/mlpGraph';
import type { GraphView } from './engine';
import { describeNode, GraphDiagram, shapeText, valueText } from './GraphDiagram';
import { layoutGraph } from './layout';
import { architectureOf, computeNodeCount, GRAPH_PARAMS, graphControls } from './params';
import '../../lecture03.css';

export const graphLab: LabDefinition<typeof GRAPH_PARAMS, GraphView> = {
  id: 'graph-nn',
  title: 'A network as a computational graph',
  lecture: '03-neural-networks',
  schema: GRAPH_PARAMS,
  engine: () => import('./engine').then((m) => m.createGraphEngine),
  needsTf: false,
  lossKeys: [],
  playOnChange: false,
  maxSteps: computeNodeCount,
  stepsPerFrame: 1,
  fileTag: (p) => `${architectureOf(p).hidden.map((h) => `${h.width}${h.activation}`).join('-')}-d${p.inputs}-out${p.outputs}-seed${p.seed}`,
};

function ParameterCount({ arch }: { arch: Architecture }) {
  const rows = parameterCounts(arch);
  const sum = rows.map((r) => r.weights + r.biases).join(' + ');
  return (
    <div className="panel">
      <h4>Parameters: {totalParameters(arch)}</h4>
      <Tex display math={`\\#\\text{params} = \\sum_{l=1}^{${rows.length}} \\big(n_l \\cdot n_{l-1} + n_l\\big) = ${sum} = ${totalParameters(arch)}`} />
      <p className="muted">Layer <Tex math="l" /> has <Tex math="n_l" /> neurons, each with <Tex math="n_{l-1}" /> weights (one per input) and one bias.</p>
      <table className="param-table">
        <caption className="visually-hidden">Parameters per layer</caption>
        <thead>
          <tr><th scope="col">Layer</th><th scope="col">Weights</th><th scope="col">Biases</th><th scope="col">Total</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.layer}>
              <th scope="row">{r.layer === rows.length ? `${r.layer} (output)` : r.layer}</th>
              <td>W<sub>{r.layer}</sub>: {r.neurons}×{r.inputs} = {r.weights}</td>
              <td>{r.biases}</td>
              <td>{r.weights + r.biases}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface InspectorProps {
  nodes: ReturnType<typeof buildGraph>['nodes'];
  shown: string;
  values: Record<string, number[]>;
  onSelect: (id: string) => void;
}

function Inspector({ nodes, shown, values, onSelect }: InspectorProps) {
  const node = nodes.find((n) => n.id === shown) ?? nodes[0];
  const v = values[node.id];
  return (
    <div className="panel node-inspector">
      <label>
        Inspect a node{' '}
        <select value={node.id} onChange={(e) => onSelect(e.target.value)} data-testid="node-select">
          {nodes.map((n) => <option key={n.id} value={n.id}>{n.label} — {n.param ? `${n.param.name}: ${shapeText(n.param.shape)}` : shapeText(n.shape)}</option>)}
        </select>
      </label>
      <p aria-live="polite" data-testid="node-details">
        <strong>{describeNode(node)}</strong>
        {v ? <> · value {valueText(v, 8)}</> : <> · not evaluated yet (press Step)</>}
      </p>
    </div>
  );
}

export function GraphLab() {
  const h = useLab(graphLab);
  const { view, params: p } = h;
  const arch = useMemo(() => architectureOf(p), [p]);
  const graph = useMemo(() => buildGraph(arch), [arch]);
  const layout = useMemo(() => layoutGraph(graph.nodes, graph.edges), [graph]);
  const [hovered, setHovered] = useState<string | null>(null);
  // A node picked from the list stays shown until the next step moves the pass on.
  const [picked, setPicked] = useState<{ id: string; at: string } | null>(null);
  const current = view?.current ?? 'x';
  const pickedNow = picked && picked.at === current && graph.nodes.some((n) => n.id === picked.id) ? picked.id : null;
  const shown = hovered ?? pickedNow ?? current;
  const fileBase = `lecture03-graph-nn-${graphLab.fileTag(p)}`;
  const summary = `Computational graph of a network with ${arch.hidden.length} hidden layer(s): ${graph.nodes.map(describeNode).join('; ')}.`;
  return (
    <LabFrame
      handle={h}
      stepLabel="node"
      controls={graphControls(p)}
      intro={
        <p>
          Build a network layer by layer and read it two ways: as a formula and as a graph of compute nodes. Step walks a random
          input through the graph one node at a time; Play runs the whole forward pass up to the loss.
        </p>
      }
    >
      <div className="panel">
        <h4>The same network as a formula</h4>
        <Tex display math={formulaTex(arch)} />
        <p className="muted">Layer by layer, with the biases the notes leave out:</p>
        <Tex display math={layerFormulasTex(arch)} />
      </div>
      <GraphDiagram layout={layout} values={view?.values ?? {}} current={current} selected={shown} onHover={setHovered} fileBase={fileBase} summary={summary} />
      <Inspector nodes={graph.nodes} shown={shown} values={view?.values ?? {}} onSelect={(id) => setPicked({ id, at: current })} />
      <ParameterCount arch={arch} />
    </LabFrame>
  );
}
