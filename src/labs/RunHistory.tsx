/**
 * The lab frame's "Runs" panel: the session's recent runs of this lab with Pin toggles, and the
 * pinned runs overlaid with the current one in one line chart (the kit's LineChart: hover read-outs,
 * PNG/SVG/CSV export). The legend names what differed between the runs shown.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { formatNumber, LineChart, seriesColor, type LineSeries } from '../charts';
import type { Schema } from '../params/schema';
import { diffFrom, differingLegend, MAX_PINNED, type RunRecord } from './runHistory';
import type { LabHandle } from './useLab';
import type { SeriesPoint } from './metricsBuffer';
import './runHistory.css';

interface Props<S extends Schema, V> {
  handle: LabHandle<S, V>;
  stepLabel: string;
}

const STATUS_TEXT: Record<RunRecord['status'], string> = { done: 'finished', diverged: 'diverged', stopped: 'stopped', running: 'in progress' };

const NONE: readonly string[] = [];

/** "loss_right" → "loss right". */
const metricLabel = (k: string) => k.replace(/_/g, ' ');

interface ShownRun {
  key: string;
  name: string;
  params: Record<string, unknown>;
  series: Record<string, SeriesPoint[]>;
}

function finalMetrics(run: RunRecord, keys: readonly string[]): string {
  return keys
    .filter((k) => k in run.metrics)
    .map((k) => `${metricLabel(k)} ${Number.isFinite(run.metrics[k]) ? formatNumber(run.metrics[k]) : 'NaN'}`)
    .join(', ');
}

export function RunHistory<S extends Schema, V>({ handle, stepLabel }: Props<S, V>) {
  const { lab, chartSeries, runId, step, params } = handle;
  const def = lab.def;
  const history = useStore(lab.history);
  const currentKey = lab.runKey(runId);
  const currentRecord = history.runs.find((r) => r.key === currentKey);
  const pinned = useMemo(() => history.runs.filter((r) => r.pinned && r.key !== currentKey), [history.runs, currentKey]);
  const pinnedTotal = pinned.length + (currentRecord?.pinned ? 1 : 0);
  const ignore = (def.viewOnly ?? NONE) as readonly string[];

  // Open by itself when something gets pinned; otherwise the learner decides.
  const [open, setOpen] = useState(pinnedTotal > 0);
  const hadPins = useRef(pinnedTotal > 0);
  useEffect(() => {
    if (pinnedTotal > 0 && !hadPins.current) setOpen(true);
    hadPins.current = pinnedTotal > 0;
  }, [pinnedTotal]);

  const shown = useMemo<ShownRun[]>(() => [
    ...pinned.map((r) => ({ key: r.key, name: `Run ${r.number}`, params: r.params, series: r.series })),
    { key: currentKey, name: currentRecord ? `Run ${currentRecord.number} (current)` : 'Current run', params: params as Record<string, unknown>, series: chartSeries },
  ], [pinned, currentKey, currentRecord, params, chartSeries]);

  // Metrics every shown run has (runs without any points yet, e.g. loading, do not narrow the choice).
  const metricKeys = useMemo(() => {
    const withData = shown.filter((r) => Object.keys(r.series).length > 0);
    if (!withData.length) return [];
    const keys = Object.keys(withData[withData.length - 1].series).concat(...withData.map((r) => Object.keys(r.series)));
    return [...new Set(keys)].filter((k) => withData.every((r) => (r.series[k]?.length ?? 0) > 0));
  }, [shown]);
  const [chosenMetric, setChosenMetric] = useState<string | null>(null);
  const metric = chosenMetric && metricKeys.includes(chosenMetric) ? chosenMetric : def.lossKeys.find((k) => metricKeys.includes(k)) ?? metricKeys[0] ?? null;

  const legend = useMemo(() => differingLegend(def.schema, shown, ignore), [def.schema, shown, ignore]);
  const series = useMemo<LineSeries[]>(() => (metric
    ? shown.map((r, i) => {
      const current = i === shown.length - 1;
      return {
        key: r.key,
        label: legend.labels[i],
        color: current ? seriesColor(0) : seriesColor(i + 1),
        dashed: !current && i % 2 === 1,
        points: r.series[metric] ?? [],
      };
    })
    : []), [shown, legend, metric]);

  // A log axis by default when every value is positive and they span more than two decades.
  const autoLog = useMemo(() => {
    const ys = series.flatMap((s) => s.points.map((p) => p.y));
    return ys.length > 1 && ys.every((y) => y > 0) && Math.max(...ys) / Math.min(...ys) > 100;
  }, [series]);
  const [logChoice, setLogChoice] = useState<boolean | null>(null);
  const logY = logChoice ?? autoLog;

  const recent = useMemo(() => [...history.runs].reverse(), [history.runs]);
  const lecture = def.lecture.slice(0, 2);
  const fileBase = `lecture${lecture}-${def.id}-runs`;
  const idBase = `runs-${def.id}`;
  const shownMetrics = def.lossKeys.slice(0, 2);

  return (
    <details className="runs wide" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={`runs-${def.id}`}>
      <summary>
        Runs ({history.runs.length}{pinnedTotal ? `, ${pinnedTotal} pinned` : ''})
      </summary>
      {open ? (
        <div className="runs-body">
          <div className="runs-actions">
            <button
              type="button"
              aria-pressed={currentRecord?.pinned ?? false}
              disabled={!currentRecord && step === 0}
              onClick={() => lab.pinCurrent(!(currentRecord?.pinned ?? false))}
            >
              Pin current run
            </button>
            <span className="muted runs-hint">Pin runs to overlay their curves with the current run. Kept for this browser tab only.</span>
          </div>
          {history.message ? <p className="runs-message" role="status">{history.message}</p> : null}
          {recent.length ? (
            <ol className="runs-list" aria-label={`Recent runs of ${def.title}`}>
              {recent.map((r) => {
                const diff = diffFrom(def.schema, r.params, params as Record<string, unknown>, ignore);
                const isCurrent = r.key === currentKey;
                return (
                  <li key={r.key} className={r.pinned ? 'runs-item pinned' : 'runs-item'}>
                    <div className="runs-item-text">
                      <strong>Run {r.number}</strong>
                      {isCurrent ? ' (current)' : ''} · {STATUS_TEXT[r.status]} after {r.steps} {stepLabel}{r.steps === 1 ? '' : 's'}
                      {finalMetrics(r, shownMetrics) ? <> · {finalMetrics(r, shownMetrics)}</> : null}
                      <br />
                      <span className="muted">{isCurrent ? 'the current run' : diff.length ? `differs: ${diff.join(', ')}` : 'same parameters as now'}</span>
                    </div>
                    <button type="button" className="runs-pin" aria-pressed={r.pinned} aria-label={`Pin run ${r.number}`} onClick={() => lab.setRunPinned(r.key, !r.pinned)}>
                      {r.pinned ? <span aria-hidden="true">✓ </span> : null}Pin
                    </button>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="muted">No runs yet: a run is listed here when it finishes or when you change a parameter or reset after training.</p>
          )}
          {pinnedTotal === 0 || pinned.length === 0 ? (
            <p className="muted">{pinnedTotal ? 'Pin another run to compare it with this one.' : `Pin up to ${MAX_PINNED} runs to compare their curves here.`}</p>
          ) : metric ? (
            <div className="runs-overlay">
              <div className="runs-overlay-controls">
                <label htmlFor={`${idBase}-metric`}>Curve</label>
                <select id={`${idBase}-metric`} value={metric} onChange={(e) => setChosenMetric(e.target.value)}>
                  {metricKeys.map((k) => <option key={k} value={k}>{metricLabel(k)}</option>)}
                </select>
                <label className="runs-log">
                  <input type="checkbox" checked={logY} onChange={(e) => setLogChoice(e.target.checked)} /> Logarithmic y axis
                </label>
              </div>
              <LineChart
                title={`Runs compared: ${metricLabel(metric)}`}
                chartKey={metric}
                fileBase={fileBase}
                xLabel={stepLabel}
                yLabel={metricLabel(metric)}
                series={series}
                logY={logY}
                height={240}
              />
              {legend.same ? <p className="runs-same">{legend.same}</p> : null}
            </div>
          ) : (
            <p className="muted">The pinned runs and the current one share no curve to compare.</p>
          )}
        </div>
      ) : null}
    </details>
  );
}
