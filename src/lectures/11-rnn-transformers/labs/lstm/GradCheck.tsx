import { memo, useMemo } from 'react';
import { GRAD_NAMES, lstmStepBackward, lstmStepBackwardNotes, lstmStepGradCheck } from '../../../../ml/lstm';
import { createRng } from '../../../../ml/rng';

export const GC_DIMS = { N: 3, D: 4, H: 5 };
const PASS = 1e-6;

const DIFF: { kind: ' ' | '-' | '+'; text: string }[] = [
  { kind: ' ', text: 'def lstm_step_backward(dnext_h, dnext_c, cache):' },
  { kind: ' ', text: '    """ ... (docstring)' },
  { kind: '+', text: '    """' },
  { kind: ' ', text: '    i, f, o, g, a, ai, af, ao, ag, Wx, Wh, b, prev_h, prev_c, x, next_c, next_h = cache' },
  { kind: ' ', text: '    do = np.tanh(next_c) * dnext_h' },
  { kind: '-', text: '    dnext_c += o * (1 - np.tanh(next_c) ** 2) * dnext_h' },
  { kind: '+', text: '    dc = dnext_c + o * (1 - np.tanh(next_c) ** 2) * dnext_h   # no in-place change of the caller’s array' },
  { kind: ' ', text: '    df, dprev_c, di, dg = prev_c * dc, f * dc, g * dc, i * dc   # (the notes: dnext_c)' },
  { kind: ' ', text: '    dai = sigmoid(ai) * (1 - sigmoid(ai)) * di   # same for daf, dao' },
  { kind: '-', text: '    dag = (1 - np.tanh(ag)) ** 2 * dg' },
  { kind: '+', text: '    dag = (1 - np.tanh(ag) ** 2) * dg                # tanh′ = 1 − tanh²' },
  { kind: ' ', text: '    da = np.hstack((dai, daf, dao, dag))' },
  { kind: ' ', text: '    db = np.sum(da, axis=0)' },
  { kind: '-', text: '    dprev_h = da.dot(Wh.T, da.T)' },
  { kind: '+', text: '    dprev_h = da.dot(Wh.T)                           # 2nd argument of .dot is `out`' },
  { kind: ' ', text: '    dWh, dx, dWx = prev_h.T.dot(da), da.dot(Wx.T), x.T.dot(da)' },
];

function fmt(e: number): string {
  return e === 0 ? '0' : e.toExponential(1);
}

/** Central-difference check of the corrected backward pass and of a faithful port of the notes’ one. */
export const GradCheck = memo(function GradCheck({ seed, onNewSeed }: { seed: number; onNewSeed: () => void }) {
  const res = useMemo(() => ({
    fixed: lstmStepGradCheck(lstmStepBackward, createRng(seed).next, GC_DIMS),
    notes: lstmStepGradCheck(lstmStepBackwardNotes, createRng(seed).next, GC_DIMS),
  }), [seed]);
  return (
    <div className="panel lstm-gc">
      <h4>The backward pass, corrected, and its gradient check</h4>
      <p className="muted">
        The notes’ <code>lstm_step_backward</code> has three mistakes and an unclosed docstring; the lab (and <code>src/ml/lstm.ts</code>)
        uses the corrected lines:
      </p>
      <pre className="lstm-diff" tabIndex={0} aria-label="The notes’ backward pass (−) against the corrected lines (+)">
        {DIFF.map((l, n) => (
          <span key={n} className={l.kind === '-' ? 'lstm-del' : l.kind === '+' ? 'lstm-add' : 'lstm-same'}>
            {`${l.kind} ${l.text}`}
          </span>
        ))}
      </pre>
      <p className="muted">
        (In NumPy, <code>da.dot(Wh.T, da.T)</code> even raises an error; the port below computes <code>da.dot(Wh.T)</code> there, so its
        errors all come from the tanh derivative.) Check: random <code>x</code>, <code>prev_h</code>, <code>prev_c</code>, <code>Wx</code>,{' '}
        <code>Wh</code>, <code>b</code> (N = {GC_DIMS.N}, D = {GC_DIMS.D}, H = {GC_DIMS.H}), loss{' '}
        <code>L = Σ dnext_h·next_h + Σ dnext_c·next_c</code> with random <code>dnext_h</code>, <code>dnext_c</code>; every entry’s
        numerical gradient by central differences (L(v + 10⁻⁵) − L(v − 10⁻⁵)) / 2·10⁻⁵, relative error ‖analytic − numerical‖ / (‖analytic‖ + ‖numerical‖).
      </p>
      <div className="lstm-gc-row">
        <div className="lstm-table-wrap" tabIndex={0} role="region" aria-label="Gradient check table">
          <table className="lstm-table" data-testid="lstm-gradcheck">
            <caption>Relative error per gradient (seed {seed})</caption>
            <thead>
              <tr><th scope="col">gradient</th><th scope="col">corrected</th><th scope="col">notes’ code</th></tr>
            </thead>
            <tbody>
              {GRAD_NAMES.map((g) => (
                <tr key={g}>
                  <th scope="row"><code>{g}</code></th>
                  {(['fixed', 'notes'] as const).map((v) => {
                    const e = res[v].errors[g];
                    return (
                      <td key={v} data-grad={g} data-version={v} data-err={e} className={e < PASS ? 'lstm-pass' : 'lstm-fail'}>
                        {fmt(e)} {e < PASS ? '✓' : '✗'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <button type="button" onClick={onNewSeed}>New random check</button>
          <p className="muted">
            The notes’ version changed the caller’s <code>dnext_c</code>: <strong data-testid="lstm-mutated">{res.notes.mutatedInput ? 'yes' : 'no'}</strong>;
            the corrected one: <strong>{res.fixed.mutatedInput ? 'yes' : 'no'}</strong>. Only <code>dprev_c</code> survives the wrong tanh
            derivative, as it does not pass through <code>dag</code>.
          </p>
        </div>
      </div>
    </div>
  );
});
