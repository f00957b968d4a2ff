/**
 * The notes' building-temperature example as a live matrix product ŷ = Xθ: every entry editable.
 * With the notes' values the two predicted temperatures are 25.2 and −4.8.
 */
import { memo, useState } from 'react';
import { Tex, texNum } from '../../../../components/Tex';
import { matVec } from '../../../../ml/linalg';

const FEATURES = ['bias', 'outside temp.', 'humidity', 'people', 'sun exposure (%)'];

interface Props {
  X: number[];
  theta: number[];
  onChange: (patch: { X?: number[]; theta?: number[] }) => void;
}

function NumberCell({ value, label, onCommit }: { value: number; label: string; onCommit: (v: number) => void }) {
  const [text, setText] = useState(String(value));
  const [bad, setBad] = useState(false);
  const [last, setLast] = useState(value);
  if (last !== value) {
    setLast(value);
    setText(String(value));
  }
  const commit = () => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v) || Math.abs(v) > 1000) {
      setBad(true);
      setText(String(value));
      return;
    }
    setBad(false);
    if (v !== value) onCommit(v);
  };
  return (
    <input
      className={`cell${bad ? ' cell-bad' : ''}`}
      aria-label={label}
      aria-invalid={bad}
      inputMode="decimal"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

const matrixTex = (rows: string[][]) => `\\begin{bmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;

export const TemperatureExample = memo(function TemperatureExample({ X, theta, onChange }: Props) {
  const rows = [X.slice(0, 5), X.slice(5, 10)];
  const yHat = matVec(rows, theta);
  const setX = (i: number, v: number) => onChange({ X: X.map((x, j) => (j === i ? v : x)) });
  const setTheta = (i: number, v: number) => onChange({ theta: theta.map((t, j) => (j === i ? v : t)) });
  const tex = `${matrixTex(yHat.map((v) => [`\\mathbf{${texNum(v, 4)}}`]))} = ${matrixTex(rows.map((r) => r.map((v) => texNum(v, 4))))} \\cdot ${matrixTex(theta.map((t) => [texNum(t, 4)]))}`;
  return (
    <div className="panel wide temperature" data-testid="temperature-example">
      <h4>The building-temperature example: <Tex math="\hat{\mathbf{y}} = \mathbf{X}\theta" /></h4>
      <Tex math={tex} display />
      <div className="matrix-editor">
        <table className="metric-table">
          <caption className="visually-hidden">Editable inputs X and parameters θ</caption>
          <thead>
            <tr><th scope="col">Feature</th><th scope="col">Building 1</th><th scope="col">Building 2</th><th scope="col">θ</th></tr>
          </thead>
          <tbody>
            {FEATURES.map((f, j) => (
              <tr key={f}>
                <th scope="row">{f}</th>
                <td>{j === 0 ? '1' : <NumberCell value={rows[0][j]} label={`Building 1 ${f}`} onCommit={(v) => setX(j, v)} />}</td>
                <td>{j === 0 ? '1' : <NumberCell value={rows[1][j]} label={`Building 2 ${f}`} onCommit={(v) => setX(5 + j, v)} />}</td>
                <td><NumberCell value={theta[j]} label={`θ${j} for ${f}`} onCommit={(v) => setTheta(j, v)} /></td>
              </tr>
            ))}
            <tr>
              <th scope="row">predicted temperature ŷ</th>
              <td data-testid="yhat-1"><strong>{yHat[0].toFixed(2)}</strong></td>
              <td data-testid="yhat-2"><strong>{yHat[1].toFixed(2)}</strong></td>
              <td />
            </tr>
          </tbody>
        </table>
        <p className="muted">
          Each prediction is the bias θ₀ plus each feature times its weight. With the notes' numbers: 0.2 + 25·0.64 + 50·0 + 2·1 + 50·0.14 = 25.2
          and 0.2 − 10·0.64 + 0 + 0 + 10·0.14 = −4.8. Typed values must be numbers between −1000 and 1000.
        </p>
      </div>
    </div>
  );
});
