/** The parameter count with the notes' formula and the live numbers, and the loss/accuracy table. */
import { memo } from 'react';
import { Tex } from '../../../../components/Tex';
import { layerParamCounts } from '../../../../ml/models/mlp';
import { formatNumber } from '../../../../ml/metrics';

export const ParamCount = memo(function ParamCount({ sizes }: { sizes: readonly number[] }) {
  const counts = layerParamCounts(sizes);
  const terms = counts.map((c, i) => `(${sizes[i + 1]}\\cdot ${sizes[i]} + ${c.biases})`).join(' + ');
  const total = counts.reduce((s, c) => s + c.weights + c.biases, 0);
  return (
    <div className="panel mlp-count">
      <h4>Number of parameters</h4>
      <p>Per layer: #neurons · #inputs weights plus one bias per neuron.</p>
      <Tex display math={`\\#\\theta = \\sum_{l=1}^{L} \\big(n_l \\cdot n_{l-1} + n_l\\big) = ${terms} = ${total}`} />
      <p className="muted">
        Layer sizes <Tex math={`n_0, \\dots, n_L = ${sizes.join(', ')}`} />; <span data-testid="mlp-param-count">{total}</span> parameters.
      </p>
    </div>
  );
});

interface TableProps {
  metrics: Record<string, number>;
  classification: boolean;
}

export function LossTable({ metrics, classification }: TableProps) {
  const pct = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : '—');
  return (
    <table className="metric-table">
      <thead>
        <tr><th scope="col">Set</th><th scope="col">{classification ? 'Cross-entropy' : 'MSE'}</th>{classification ? <th scope="col">Accuracy</th> : null}</tr>
      </thead>
      <tbody>
        <tr><td>Training</td><td data-testid="mlp-train-loss">{formatNumber(metrics.trainLoss ?? NaN, 4)}</td>{classification ? <td>{pct(metrics.trainAcc)}</td> : null}</tr>
        <tr><td>Test</td><td data-testid="mlp-test-loss">{formatNumber(metrics.testLoss ?? NaN, 4)}</td>{classification ? <td>{pct(metrics.testAcc)}</td> : null}</tr>
      </tbody>
    </table>
  );
}
