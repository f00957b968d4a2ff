/** Positions of the computational graph's nodes and edges in the diagram (SVG user units). */
import type { GraphEdge, GraphNode } from '../../../../ml/mlpGraph';

export const NODE_W = 84;
export const NODE_H = 40;
const COL = 94;
const ROW = 58;
const TOP = 30;
const PAD = 6;

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
}

export interface LayerBox {
  layer: number;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: { from: PlacedNode; to: PlacedNode; path: string }[];
  layers: LayerBox[];
  width: number;
  height: number;
}

const ROW_OF: Record<GraphNode['kind'], number> = { input: 0, target: 0, matmul: 0, bias: 1, act: 2, loss: 1 };

function layerLabel(layer: number, last: number): string {
  if (layer === 0) return 'Input';
  if (layer === last) return 'Loss';
  return layer === last - 1 ? `Layer ${layer} (out)` : `Layer ${layer}`;
}

/** Same column: top to bottom; next column: right side to left side. */
function edgePath(a: PlacedNode, b: PlacedNode): string {
  if (a.x === b.x) return `M${a.x + NODE_W / 2},${a.y + NODE_H} L${b.x + NODE_W / 2},${b.y - 2}`;
  const [x1, y1, x2, y2] = [a.x + NODE_W, a.y + NODE_H / 2, b.x - 2, b.y + NODE_H / 2];
  const mid = (x1 + x2) / 2;
  return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
}

export function layoutGraph(nodes: GraphNode[], edges: GraphEdge[]): GraphLayout {
  const last = Math.max(...nodes.map((n) => n.layer));
  const placed = nodes.map((n) => ({ ...n, x: PAD + n.layer * COL + (COL - NODE_W) / 2 - PAD / 2, y: TOP + ROW_OF[n.kind] * ROW }));
  const byId = new Map(placed.map((n) => [n.id, n]));
  const layers = Array.from({ length: last + 1 }, (_, layer) => ({
    layer,
    label: layerLabel(layer, last),
    x: PAD / 2 + layer * COL,
    y: 4,
    width: COL - PAD,
    height: TOP + 2 * ROW + NODE_H + 2,
  }));
  const placedEdges = edges.map((e) => {
    const from = byId.get(e.from)!;
    const to = byId.get(e.to)!;
    return { from, to, path: edgePath(from, to) };
  });
  return { nodes: placed, edges: placedEdges, layers, width: (last + 1) * COL + PAD, height: TOP + 2 * ROW + NODE_H + 12 };
}
