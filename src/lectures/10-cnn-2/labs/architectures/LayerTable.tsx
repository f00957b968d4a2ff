/** The computed layer table: what each layer is, its output shape, parameters and multiply-adds. */
import { memo, useCallback, useMemo } from 'react';
import { ChartFrame, toCsv } from '../../../../charts';
import { shapeText, type ArchTable, type LayerRow } from '../../../../ml/architectures';
import { fmtInt, fmtShort, tableSvg } from './tableExport';

export type Detail = 'top' | 'blocks' | 'layers';

interface Props {
  table: ArchTable;
  detail: Detail;
  /** The layer (row id) the walk has reached, or null. */
  current: string | null;
  fileBase: string;
}

const maxLevel: Record<Detail, number> = { top: 0, blocks: 1, layers: 2 };
const HEADER = ['layer', 'output H×W×C', 'parameters', 'multiply-adds', 'activation', 'what'];
const NUMERIC = [false, true, true, true, false, false];

export const LayerTable = memo(function LayerTable({ table, detail, current, fileBase }: Props) {
  const rows = useMemo(() => table.rows.filter((r) => r.level <= maxLevel[detail]), [table, detail]);
  const t = table.totals;
  const cells = useCallback((r: LayerRow) => [
    `${'  '.repeat(r.level)}${r.name}`, shapeText(r.out), r.params ? fmtInt(r.params) : '0', r.macs ? fmtInt(r.macs) : '—', r.act, r.desc,
  ], []);
  const totalText = `${t.weightLayers} weight layers${t.bnParams ? `, ${fmtInt(t.bnParams)} of the parameters are BN γ, β` : ''}`;
  const totalCells = ['total', '', fmtInt(t.params), fmtInt(t.macs), '', totalText];
  const title = `Layer table of ${table.net.name}`;
  const getSvg = useCallback(
    () => tableSvg(title, HEADER, [...rows.map(cells), totalCells], { numeric: NUMERIC, strong: [rows.length] }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [title, rows, cells, t],
  );
  const getCsv = useCallback(() => toCsv(
    ['level', 'layer', 'what', 'H', 'W', 'C', 'activation', 'parameters', 'bn_parameters', 'multiply_adds'],
    [...rows.map((r) => [r.level, r.name, r.desc, r.out.h, r.out.w, r.out.c, r.act, r.params, r.bnParams, r.macs]),
      ['', 'total', '', '', '', '', '', t.params, t.bnParams, t.macs]],
  ), [rows, t]);
  return (
    <ChartFrame className="wide" title="Layer table" chartKey="layers" fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
      <div className="architectures-table-wrap" tabIndex={0} role="region" aria-label="Layer table (scrolls)">
        <table className="notes-table architectures-table" data-testid="architectures-table">
          <thead><tr>{HEADER.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={`architectures-l${r.level}${r.id === current ? ' architectures-current' : ''}`} data-row={r.name}>
                <th scope="row" style={{ paddingLeft: `${0.6 + r.level * 1.1}em` }}>{r.name}</th>
                <td>{shapeText(r.out)}</td>
                <td title={fmtShort(r.params)}>{r.params ? fmtInt(r.params) : '0'}</td>
                <td title={fmtShort(r.macs)}>{r.macs ? fmtInt(r.macs) : '—'}</td>
                <td className="architectures-desc">{r.act}</td>
                <td className="architectures-desc">{r.desc}</td>
              </tr>
            ))}
            <tr className="architectures-total">
              <th scope="row">total</th>
              <td />
              <td data-testid="architectures-total-params">{fmtInt(t.params)}</td>
              <td>{fmtInt(t.macs)}</td>
              <td />
              <td className="architectures-desc">{totalText}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
});
