import { describe, expect, it } from 'vitest';
import { buildGraph, evaluateNode, formulaTex, initWeights, layerFormulasTex, parameterCounts, totalParameters, type Architecture } from './mlpGraph';
import { createRng } from './rng';

const NOTES: Architecture = {
  inputs: 2,
  hidden: [
    { width: 3, activation: 'relu' },
    { width: 4, activation: 'relu' },
    { width: 4, activation: 'tanh' },
    { width: 3, activation: 'sigmoid' },
  ],
  outputs: 1,
};

describe('MLP as data', () => {
  it('writes the notes’ formula for the notes’ architecture, and layer by layer with biases', () => {
    expect(formulaTex(NOTES)).toBe(
      'f = \\mathbf{W}_{5} \\sigma(\\mathbf{W}_{4} \\tanh(\\mathbf{W}_{3} \\max(0, \\mathbf{W}_{2} \\max(0, \\mathbf{W}_{1} \\mathbf{x}))))',
    );
    expect(layerFormulasTex({ inputs: 3, hidden: [{ width: 2, activation: 'tanh' }, { width: 2, activation: 'identity' }], outputs: 1 })).toBe(
      '\\begin{aligned} \\mathbf{h}_{1} &= \\tanh(\\mathbf{W}_{1} \\mathbf{x} + \\mathbf{b}_{1}) \\\\ \\mathbf{h}_{2} &= \\mathbf{W}_{2} \\mathbf{h}_{1} + \\mathbf{b}_{2} \\\\ f &= \\mathbf{W}_{3} \\mathbf{h}_{2} + \\mathbf{b}_{3} \\end{aligned}',
    );
  });

  it('counts #neurons·#inputs + #biases per layer', () => {
    expect(parameterCounts(NOTES).map((c) => c.weights + c.biases)).toEqual([3 * 2 + 3, 4 * 3 + 4, 4 * 4 + 4, 3 * 4 + 3, 1 * 3 + 1]);
    expect(totalParameters(NOTES)).toBe(9 + 16 + 20 + 15 + 4);
  });

  it('builds a chain of compute nodes with shapes, plus the target feeding the loss', () => {
    const { nodes, edges } = buildGraph(NOTES);
    expect(nodes.map((n) => n.id)).toEqual(['x', 'W1', 'b1', 'a1', 'W2', 'b2', 'a2', 'W3', 'b3', 'a3', 'W4', 'b4', 'a4', 'W5', 'b5', 'y', 'loss']);
    expect(nodes.find((n) => n.id === 'W2')?.param).toEqual({ name: 'W₂', shape: [4, 3] });
    expect(nodes.find((n) => n.id === 'a3')?.label).toBe('tanh');
    expect(edges).toContainEqual({ from: 'a4', to: 'W5' });
    expect(edges).toContainEqual({ from: 'y', to: 'loss' });
    expect(edges).toHaveLength(nodes.length - 1);
  });

  it('evaluates node by node: shapes agree and the loss is the squared error', () => {
    const { nodes } = buildGraph(NOTES);
    const w = initWeights(NOTES, createRng(3));
    const target = [0.5];
    let v = [1, -1];
    for (const node of nodes.filter((n) => n.kind !== 'input' && n.kind !== 'target')) {
      const prev = v;
      v = evaluateNode(node, prev, w, target);
      expect(v).toHaveLength(node.shape[0]);
      if (node.kind === 'loss') expect(v[0]).toBeCloseTo((0.5 - prev[0]) ** 2, 12);
      if (node.activation === 'sigmoid') v.forEach((s) => expect(s).toBeGreaterThan(0));
    }
  });
});
