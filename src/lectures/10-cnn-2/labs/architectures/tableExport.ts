/** A data table as a standalone SVG (for the PNG/SVG export of the lab's tables) and number formats. */
import { CHART_FG, CHART_GRID, CHART_MUTED, composeExportSvg, escapeXml, type ExportSvg } from '../../../../charts';
import { groupDigits } from '../../../../charts/format';

const ROW = 20;
const FONT = 11;
const CHAR = FONT * 0.6;
const PAD_X = 8;

/** Text columns left-aligned, numeric ones right-aligned; `strong` rows in bold (e.g. totals). */
export function tableSvg(title: string, header: string[], rows: (string | number)[][], opts: { numeric?: boolean[]; strong?: number[]; note?: string } = {}): ExportSvg {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = header.map((h, j) => Math.max(h.length, ...cells.map((r) => (r[j] ?? '').length)) * CHAR + 2 * PAD_X);
  const xs = widths.reduce<number[]>((acc, w, j) => [...acc, acc[j] + w], [0]);
  const width = xs[xs.length - 1];
  const body: string[] = [];
  const text = (s: string, j: number, y: number, bold: boolean, fill = CHART_FG) => {
    const right = opts.numeric?.[j] ?? false;
    const x = right ? xs[j + 1] - PAD_X : xs[j] + PAD_X;
    body.push(`<text x="${x}" y="${y}" font-size="${FONT}" fill="${fill}"${right ? ' text-anchor="end"' : ''}${bold ? ' font-weight="bold"' : ''}>${escapeXml(s)}</text>`);
  };
  header.forEach((h, j) => text(h, j, 14, true));
  body.push(`<line x1="0" x2="${width}" y1="${ROW}" y2="${ROW}" stroke="${CHART_FG}"/>`);
  cells.forEach((r, i) => {
    const y = ROW * (i + 1);
    body.push(`<line x1="0" x2="${width}" y1="${y + ROW}" y2="${y + ROW}" stroke="${CHART_GRID}"/>`);
    r.forEach((c, j) => text(c, j, y + 14, opts.strong?.includes(i) ?? false));
  });
  let height = ROW * (cells.length + 1) + 4;
  if (opts.note) {
    body.push(`<text x="0" y="${height + 14}" font-size="${FONT - 1}" fill="${CHART_MUTED}">${escapeXml(opts.note)}</text>`);
    height += 22;
  }
  return composeExportSvg({ title, width: Math.max(width, opts.note ? opts.note.length * (FONT - 1) * 0.6 : 0), height, body: body.join(''), legend: [] });
}

/** 138357544 → "138,357,544" */
export const fmtInt = (v: number): string => (Number.isFinite(v) ? groupDigits(v) : '—');

/** 138357544 → "138.4M", 61706 → "61.7k", 4.09e9 → "4.09G" */
export function fmtShort(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  const [d, s] = a >= 1e9 ? [1e9, 'G'] : a >= 1e6 ? [1e6, 'M'] : a >= 1e3 ? [1e3, 'k'] : [1, ''];
  return `${Number((v / d).toPrecision(digits))}${s}`;
}
