/**
 * The learner's own 2-D data as CSV: a pure parser (every problem reported with its line number),
 * the writer for "Download CSV", and the rule for points outside the plotted square. No DOM.
 */
import type { LabeledPoint } from '../../params/schema';

export interface PointsCsvOptions {
  /** Labels must be whole numbers 0 … classes − 1; with one class the label column may be left out. */
  classes: number;
  /** Most points the lab takes (more is an error that names the limit). */
  maxCount: number;
}

export interface CsvProblem {
  /** 1-based line number in the file (0 for the file as a whole). */
  line: number;
  message: string;
}

export type PointsCsvResult =
  | { ok: true; points: LabeledPoint[]; header: boolean }
  | { ok: false; errors: CsvProblem[] };

/** Problems collected before the parser stops listing them. */
export const MAX_PROBLEMS = 20;

const COLUMNS = ['x1', 'x2', 'label'] as const;
const NAME = /^[A-Za-z_][\w .()\-₁₂]*$/u;

function separatorOf(line: string): string {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  return ',';
}

function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
}

function quoteForMessage(s: string): string {
  const t = s.length > 20 ? `${s.slice(0, 20)}…` : s;
  return `‘${t}’`;
}

function labelRule(classes: number): string {
  if (classes <= 1) return 'must be 0';
  if (classes === 2) return 'must be 0 or 1';
  return `must be a whole number from 0 to ${classes - 1}`;
}

/**
 * Parse "x1, x2, label" rows. Accepts a header line of three names, comma / semicolon / tab
 * separators (with ";" or tab, a decimal comma is read as a point), blank lines, lines starting
 * with "#", CRLF line ends, a byte-order mark and quoted fields.
 * @returns the points, or every problem found (up to MAX_PROBLEMS) with its line
 */
export function parsePointsCsv(text: string, opts: PointsCsvOptions): PointsCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const points: LabeledPoint[] = [];
  const errors: CsvProblem[] = [];
  let sep: string | null = null;
  let header = false;
  let seenContent = false;
  const needLabel = opts.classes > 1;
  for (let i = 0; i < lines.length && errors.length < MAX_PROBLEMS; i++) {
    const lineNo = i + 1;
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    sep ??= separatorOf(raw);
    const fields = raw.split(sep).map(unquote);
    if (!seenContent) {
      seenContent = true;
      if (fields.every((f) => NAME.test(f)) && (fields.length === 3 || (!needLabel && fields.length === 2))) {
        header = true;
        continue;
      }
    }
    const okCount = fields.length === 3 || (!needLabel && fields.length === 2);
    if (!okCount) {
      const want = needLabel ? '3 values (x1, x2, label)' : '2 or 3 values (x1, x2 and an optional label 0)';
      errors.push({ line: lineNo, message: `expected ${want} separated by ${sep === '\t' ? 'tabs' : `“${sep}”`}, found ${fields.length}` });
      continue;
    }
    if (points.length >= opts.maxCount) {
      errors.push({ line: lineNo, message: `more than ${opts.maxCount} points; this lab takes at most ${opts.maxCount}` });
      break;
    }
    const nums: number[] = [];
    let bad = false;
    fields.forEach((f, c) => {
      const col = COLUMNS[c];
      const text = sep !== ',' ? f.replace(',', '.') : f;
      if (f === '') {
        errors.push({ line: lineNo, message: `column ${col} is empty` });
        bad = true;
        return;
      }
      const v = Number(text);
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) || !Number.isFinite(v)) {
        errors.push({ line: lineNo, message: `${quoteForMessage(f)} is not a number in column ${col}` });
        bad = true;
        return;
      }
      nums.push(v);
    });
    if (bad) continue;
    const label = nums.length === 3 ? nums[2] : 0;
    if (!Number.isInteger(label) || label < 0 || label >= Math.max(1, opts.classes)) {
      errors.push({ line: lineNo, message: `label ${quoteForMessage(fields[2])} ${labelRule(opts.classes)}` });
      continue;
    }
    points.push({ x: nums[0], y: nums[1], label });
  }
  if (errors.length) return { ok: false, errors };
  if (points.length === 0) {
    return { ok: false, errors: [{ line: 0, message: seenContent ? 'the file has a header but no points' : 'the file is empty: no points found' }] };
  }
  return { ok: true, points, header };
}

/** One problem as the learner reads it: "line 4: ‘abc’ is not a number in column x2". */
export function formatProblem(p: CsvProblem): string {
  return p.line > 0 ? `line ${p.line}: ${p.message}` : p.message.charAt(0).toUpperCase() + p.message.slice(1);
}

export interface PlotRange {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface Fitted {
  points: LabeledPoint[];
  /** The factor applied to both axes when points lay outside the plot, else null. */
  scale: number | null;
}

const round3 = (v: number) => Number(v.toFixed(3));

/**
 * Points inside the plotted square are kept as they are (to 3 decimals, as links store them).
 * If any lies outside, the whole set is shifted and scaled by one factor for both axes (shape kept)
 * so that it fills 90 % of the square around its centre.
 */
export function fitToRange(points: readonly LabeledPoint[], r: PlotRange): Fitted {
  const inside = points.every((p) => p.x >= r.xMin && p.x <= r.xMax && p.y >= r.yMin && p.y <= r.yMax);
  if (inside) return { points: points.map((p) => ({ x: round3(p.x), y: round3(p.y), label: p.label })), scale: null };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const half = Math.max((x1 - x0) / 2, (y1 - y0) / 2) || 1;
  const room = 0.9 * Math.min((r.xMax - r.xMin) / 2, (r.yMax - r.yMin) / 2);
  const s = room / half;
  const mx = (r.xMin + r.xMax) / 2;
  const my = (r.yMin + r.yMax) / 2;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return {
    points: points.map((p) => ({
      x: clamp(round3(mx + (p.x - cx) * s), r.xMin, r.xMax),
      y: clamp(round3(my + (p.y - cy) * s), r.yMin, r.yMax),
      label: p.label,
    })),
    scale: Number(s.toPrecision(3)),
  };
}

/** The points as a CSV file that parsePointsCsv reads back. */
export function pointsToCsv(points: readonly LabeledPoint[]): string {
  return ['x1,x2,label', ...points.map((p) => `${p.x},${p.y},${p.label}`)].join('\n') + '\n';
}
