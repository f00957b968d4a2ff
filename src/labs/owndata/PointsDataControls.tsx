/**
 * The learner's own 2-D points: the class to draw with, a keyboard form (x₁, x₂, class, Add point),
 * "Load CSV…", a drop zone, "Download CSV", Undo and Remove. <PointsDropZone> makes a plot accept
 * a dropped file too. State lives in useOwnPoints.
 */
import { useId, useRef, useState, type DragEvent, type FormEvent, type ReactNode } from 'react';
import { CLASS_COLORS, downloadBlob, sanitizeFileName } from '../../charts';
import { pointsToCsv } from './pointsCsv';
import type { OwnPoints } from './useOwnPoints';
import './owndata.css';

const fmt = (v: number) => String(Number(v.toFixed(2))).replace('-', '−');

function hasFiles(e: DragEvent) {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

/** Drag-over highlight and drop handling shared by the plot and the controls' drop zone. */
function useDrop(own: OwnPoints) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  return {
    over,
    handlers: {
      onDragEnter: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      },
      onDragOver: (e: DragEvent) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: () => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      },
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const files = e.dataTransfer?.files;
        if (files?.length) void own.loadFile(files[0], files.length - 1);
      },
    },
  };
}

/** Wraps a plot so that a CSV file dropped on it loads as the learner's points. */
export function PointsDropZone({ own, children }: { own: OwnPoints; children: ReactNode }) {
  const { over, handlers } = useDrop(own);
  return (
    <div className={`owndata-plotdrop${over ? ' owndata-over' : ''}`} data-testid="owndata-plot-drop" {...handlers}>
      {children}
      {over ? <div className="owndata-plotdrop-hint" aria-hidden="true">Drop the CSV file to load its points</div> : null}
    </div>
  );
}

interface Props {
  own: OwnPoints;
  /** Short lab id, for element ids and the download name. */
  labId: string;
  /** Names of the classes in use (one name: no class choice). */
  classNames: readonly string[];
  /** The class clicks on the plot add. */
  brush: number;
  setBrush: (c: number) => void;
  /** "Click the plot to add a training point of". */
  drawHint: string;
  /** File name of the downloaded CSV, without extension. */
  fileBase: string;
  /** Shown under the controls, e.g. that loading switches the lab to "your points only". */
  note?: ReactNode;
  /** Colours of the classes (default CLASS_COLORS), for labs with more classes than it has. */
  classColors?: readonly string[];
}

export function PointsDataControls({ own, labId, classNames, brush, setBrush, drawHint, fileBase, note, classColors = CLASS_COLORS }: Props) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const { over, handlers } = useDrop(own);
  const [x1, setX1] = useState('0');
  const [x2, setX2] = useState('0');
  const [cls, setCls] = useState(String(Math.min(brush, classNames.length - 1)));
  const [formError, setFormError] = useState<string | null>(null);
  const { range, points, spec, status } = own;
  const n = points.length;
  const multi = classNames.length > 1;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const x = Number(x1.replace(',', '.').replace('−', '-'));
    const y = Number(x2.replace(',', '.').replace('−', '-'));
    const bad = (v: number, lo: number, hi: number) => x1.trim() === '' || !Number.isFinite(v) || v < lo || v > hi;
    if (bad(x, range.xMin, range.xMax) || x2.trim() === '' || bad(y, range.yMin, range.yMax)) {
      setFormError(`Enter x₁ from ${fmt(range.xMin)} to ${fmt(range.xMax)} and x₂ from ${fmt(range.yMin)} to ${fmt(range.yMax)}.`);
      return;
    }
    setFormError(null);
    if (own.add(x, y, multi ? Math.min(Number(cls), classNames.length - 1) : 0)) {
      own.setStatus({ kind: 'ok', text: `Added the point (${fmt(x)}, ${fmt(y)})${multi ? ` of ${classNames[Number(cls)] ?? classNames[0]}` : ''}; ${n + 1} point${n ? 's' : ''} now.` });
    }
  };

  return (
    <div className="control owndata" data-testid={`${labId}-owndata`}>
      {multi ? (
        <>
          <span className="control-label" id={`${id}-brush`}>{drawHint}</span>
          <div role="radiogroup" aria-labelledby={`${id}-brush`} className="brush">
            {classNames.map((name, c) => (
              <label key={name} className="owndata-brush">
                <input type="radio" name={`${labId}-brush`} checked={brush === c} onChange={() => setBrush(c)} />{' '}
                <span style={{ color: classColors[c], fontWeight: 600 }} aria-hidden="true">●</span> {name}
              </label>
            ))}
          </div>
        </>
      ) : (
        <span className="control-label">{drawHint}</span>
      )}

      <form className="owndata-form" onSubmit={submit} aria-label="Add a point by its coordinates">
        <label>
          x₁ <input type="text" inputMode="decimal" size={5} value={x1} onChange={(e) => setX1(e.target.value)} aria-label="New point x₁" />
        </label>
        <label>
          x₂ <input type="text" inputMode="decimal" size={5} value={x2} onChange={(e) => setX2(e.target.value)} aria-label="New point x₂" />
        </label>
        {multi ? (
          <label>
            class{' '}
            <select value={cls} onChange={(e) => setCls(e.target.value)} aria-label="New point class">
              {classNames.map((name, c) => <option key={name} value={String(c)}>{name}</option>)}
            </select>
          </label>
        ) : null}
        <button type="submit">Add point</button>
      </form>
      {formError ? <p className="owndata-error" role="alert">{formError}</p> : null}

      <div className={`owndata-drop${over ? ' owndata-over' : ''}`} {...handlers} data-testid={`${labId}-owndata-drop`}>
        <div className="owndata-buttons">
          <button type="button" onClick={() => fileRef.current?.click()}>Load CSV…</button>
          <input
            ref={fileRef}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="CSV file of points"
            data-testid={`${labId}-owndata-file`}
            onChange={(e) => {
              const files = e.currentTarget.files;
              if (files?.length) void own.loadFile(files[0], files.length - 1);
              e.currentTarget.value = '';
            }}
          />
          <button type="button" disabled={n === 0} onClick={() => downloadBlob(`${sanitizeFileName(fileBase)}-points.csv`, new Blob([pointsToCsv(points)], { type: 'text/csv' }))}>
            Download CSV
          </button>
          <button type="button" disabled={!own.canUndo} onClick={own.undo}>Undo</button>
          <button type="button" disabled={n === 0} onClick={own.clear}>Remove my {n} point{n === 1 ? '' : 's'}</button>
        </div>
        <p className="control-help">
          …or drop a CSV file here or on the plot: one point a line, <code>x1,x2{multi ? ',label' : ''}</code>
          {multi ? ` with label 0–${classNames.length - 1}` : ''} (a header line, “;” or tab separators and # comments are fine), at most {spec.maxCount} points.
          Points outside the plot ({fmt(range.xMin)} to {fmt(range.xMax)}) are shifted and scaled together to fit.
        </p>
      </div>
      {note ? <p className="control-help">{note}</p> : null}
      {status.kind === 'error' ? (
        <div className="notice danger owndata-alert" role="alert" data-testid={`${labId}-owndata-alert`}>
          <p>{status.title}</p>
          {status.problems.length ? (
            <ul>
              {status.problems.map((p) => <li key={p}>{p}</li>)}
              {status.more > 0 ? <li>… and {status.more} more problem{status.more === 1 ? '' : 's'}.</li> : null}
            </ul>
          ) : null}
          <button type="button" onClick={() => own.setStatus({ kind: 'none' })}>Dismiss</button>
        </div>
      ) : null}
      <p className="owndata-status" role="status" data-testid={`${labId}-owndata-status`}>{status.kind === 'ok' ? status.text : ''}</p>
    </div>
  );
}
