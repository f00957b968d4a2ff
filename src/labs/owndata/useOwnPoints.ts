/**
 * State behind the learner's own points: add / replace / undo / clear, and loading a CSV file
 * (parsed by pointsCsv.ts). A file that does not parse leaves the points exactly as they were.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { LabeledPoint, PointsParam } from '../../params/schema';
import { fitToRange, formatProblem, parsePointsCsv, type PlotRange } from './pointsCsv';

export type OwnPointsChange = 'load' | 'edit';

export interface OwnPointsOptions {
  spec: PointsParam;
  points: readonly LabeledPoint[];
  range: PlotRange;
  /** Writes the new points to the lab's parameters (a load may switch the lab to them too). */
  apply: (points: LabeledPoint[], how: OwnPointsChange) => void;
}

/**
 * The usual `apply` of a lab with an "own" data choice: an edit writes the points, a loaded file
 * also switches the lab's `dataset` to 'own'.
 */
export function useApplyOwnDataset(setParams: (patch: { points: LabeledPoint[]; dataset?: 'own' }) => void): OwnPointsOptions['apply'] {
  return useCallback((points, how) => setParams(how === 'load' ? { points, dataset: 'own' } : { points }), [setParams]);
}

export type OwnPointsStatus =
  | { kind: 'none' }
  | { kind: 'ok'; text: string }
  | { kind: 'error'; title: string; problems: string[]; more: number };

/** Most problems listed in the message; the rest are counted. */
export const SHOWN_PROBLEMS = 5;
const MAX_BYTES = 1_000_000;
const HISTORY = 30;

export interface OwnPoints {
  spec: PointsParam;
  points: readonly LabeledPoint[];
  range: PlotRange;
  status: OwnPointsStatus;
  canUndo: boolean;
  add: (x: number, y: number, label: number) => boolean;
  replace: (points: LabeledPoint[]) => void;
  clear: () => void;
  undo: () => void;
  loadFile: (file: File | null | undefined, more?: number) => Promise<void>;
  setStatus: (s: OwnPointsStatus) => void;
}

const round3 = (v: number) => Number(v.toFixed(3));

export function useOwnPoints({ spec, points, range, apply }: OwnPointsOptions): OwnPoints {
  const history = useRef<LabeledPoint[][]>([]);
  const [undoCount, setUndoCount] = useState(0);
  const [status, setStatus] = useState<OwnPointsStatus>({ kind: 'none' });
  // The latest points, for async loads that finish after another change.
  const current = useRef(points);
  current.current = points;

  const commit = useCallback((next: LabeledPoint[], how: OwnPointsChange) => {
    const prev = current.current.map((p) => ({ ...p }));
    history.current = [...history.current.slice(-(HISTORY - 1)), prev];
    setUndoCount(history.current.length);
    apply(next, how);
  }, [apply]);

  const add = useCallback((x: number, y: number, label: number) => {
    const pts = current.current;
    if (pts.length >= spec.maxCount) {
      setStatus({ kind: 'error', title: `This lab takes at most ${spec.maxCount} points.`, problems: [], more: 0 });
      return false;
    }
    commit([...pts, { x: round3(x), y: round3(y), label }], 'edit');
    return true;
  }, [commit, spec.maxCount]);

  const replace = useCallback((next: LabeledPoint[]) => commit(next.slice(0, spec.maxCount), 'edit'), [commit, spec.maxCount]);

  const clear = useCallback(() => {
    if (current.current.length) commit([], 'edit');
  }, [commit]);

  const undo = useCallback(() => {
    const h = history.current;
    if (!h.length) return;
    history.current = h.slice(0, -1);
    setUndoCount(history.current.length);
    apply(h[h.length - 1], 'edit');
  }, [apply]);

  const loadFile = useCallback(async (file: File | null | undefined, more = 0) => {
    if (!file) return;
    const fail = (title: string, problems: string[] = [], extra = 0) => setStatus({ kind: 'error', title, problems, more: extra });
    if (file.type.startsWith('image/')) return fail(`${file.name} is an image, not a CSV file of points.`);
    if (file.size > MAX_BYTES) return fail(`${file.name} is too large (${(file.size / 1e6).toFixed(1)} MB); a file of ${spec.maxCount} points is a few kB.`);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return fail(`${file.name} could not be read.`);
    }
    if (text.includes('\u0000')) return fail(`${file.name} is not a text file.`);
    const r = parsePointsCsv(text, { classes: spec.classes, maxCount: spec.maxCount });
    if (!r.ok) {
      const shown = r.errors.slice(0, SHOWN_PROBLEMS).map(formatProblem);
      return fail(`${file.name} was not loaded; your points are unchanged.`, shown, r.errors.length - shown.length);
    }
    const fitted = fitToRange(r.points, range);
    commit(fitted.points, 'load');
    const scaled = fitted.scale === null ? '' : `; some lay outside the plot, so all were shifted and scaled by ${fitted.scale} (both axes alike) to fit`;
    const others = more > 0 ? ` (only the first of ${more + 1} files was read)` : '';
    setStatus({ kind: 'ok', text: `Loaded ${r.points.length} point${r.points.length === 1 ? '' : 's'} from ${file.name}${scaled}${others}.` });
  }, [commit, range, spec.classes, spec.maxCount]);

  return useMemo(() => ({ spec, points, range, status, canUndo: undoCount > 0, add, replace, clear, undo, loadFile, setStatus }),
    [spec, points, range, status, undoCount, add, replace, clear, undo, loadFile]);
}
