/** Top-1 and top-5 error on six images: the model's ranked classes, an editable true class, live errors. */
import { memo, useCallback } from 'react';
import { ChartFrame, toCsv } from '../../../../charts';
import { Tex } from '../../../../components/Tex';
import type { TopKRow } from './engine';
import { TOY_CLASSES } from './params';
import { tableSvg } from './tableExport';

interface Props {
  topk: { rows: TopKRow[]; top1: number; top5: number };
  setTruth: (i: number, cls: number) => void;
  fileBase: string;
}

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
const HEADER = ['image', 'true class', '1st', '2nd', '3rd', '4th', '5th', 'rank', 'top-1', 'top-5'];

export const TopKTable = memo(function TopKTable({ topk, setTruth, fileBase }: Props) {
  const { rows, top1, top5 } = topk;
  const n = rows.length;
  const wrong1 = rows.filter((r) => r.rank !== 1).length;
  const wrong5 = rows.filter((r) => r.rank === 0).length;
  const title = 'Top-1 and top-5 error on six images';
  const plain = useCallback(() => rows.map((r) => [
    r.name, TOY_CLASSES[r.truth], ...r.ranked.map((c) => TOY_CLASSES[c]), r.rank || '—',
    r.rank === 1 ? 'correct' : 'error', r.rank > 0 ? 'correct' : 'error',
  ]), [rows]);
  const getSvg = useCallback(() => tableSvg(title, HEADER, plain(), { note: `top-1 error ${wrong1}/${n} = ${pct(top1)}; top-5 error ${wrong5}/${n} = ${pct(top5)}` }), [plain, wrong1, wrong5, n, top1, top5]);
  const getCsv = useCallback(() => toCsv(['image', 'true_class', 'top5', 'rank', 'top1_correct', 'top5_correct'],
    rows.map((r) => [r.name, TOY_CLASSES[r.truth], r.ranked.map((c) => TOY_CLASSES[c]).join(' > '), r.rank, r.rank === 1 ? 1 : 0, r.rank > 0 ? 1 : 0])), [rows]);
  return (
    <ChartFrame className="wide" title={title} chartKey="topk" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <p className="muted architectures-topk-caption">The model’s five most probable classes per image, most probable first; pick each image’s true class.</p>
      <div className="architectures-table-wrap architectures-topk-wrap" tabIndex={0} role="region" aria-label="Top-k table (scrolls sideways)">
        <table className="notes-table architectures-topk" data-testid="architectures-topk">
          <thead><tr>{HEADER.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>
                  <select value={String(r.truth)} aria-label={`True class of image ${r.name}`} data-param={`y${i + 1}`} onChange={(e) => setTruth(i, Number(e.target.value))}>
                    <optgroup label="the model’s top 5">
                      {r.ranked.map((c) => <option key={c} value={String(c)}>{TOY_CLASSES[c]}</option>)}
                    </optgroup>
                    <optgroup label="other classes">
                      {TOY_CLASSES.map((name, c) => (r.ranked.includes(c) ? null : <option key={c} value={String(c)}>{name}</option>))}
                    </optgroup>
                  </select>
                </td>
                {r.ranked.map((c) => (
                  <td key={c} className={c === r.truth ? 'architectures-desc architectures-hit' : 'architectures-desc'}>{TOY_CLASSES[c]}</td>
                ))}
                <td>{r.rank || '—'}</td>
                <td className={r.rank === 1 ? 'architectures-ok' : 'architectures-bad'}>{r.rank === 1 ? '✓' : '✗'}</td>
                <td className={r.rank > 0 ? 'architectures-ok' : 'architectures-bad'}>{r.rank > 0 ? '✓' : '✗'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div data-testid="architectures-topk-errors">
        <Tex display math={`\\text{top-}k\\text{ error} = \\frac{1}{N}\\sum_{i=1}^{N} \\mathbb{1}\\left[\\,y_i \\notin \\text{the }k\\text{ most probable classes of }x_i\\right]`} />
        <Tex display math={`\\text{top-1 error} = \\tfrac{${wrong1}}{${n}} = ${(100 * top1).toFixed(1)}\\,\\%, \\qquad \\text{top-5 error} = \\tfrac{${wrong5}}{${n}} = ${(100 * top5).toFixed(1)}\\,\\%`} />
      </div>
    </ChartFrame>
  );
});
