/**
 * The frame every lab sits in: title, notices, generated parameter controls, play/pause/step/reset,
 * speed, copy-link, status line, divergence banner, and the lab's own views as children.
 */
import { useRef, useState, type ReactNode } from 'react';
import type { Schema } from '../params/schema';
import { ParamControls } from './ParamControls';
import type { LabHandle } from './useLab';
import { useBackend } from './backend';
import { RunHistory } from './RunHistory';

interface Props<S extends Schema, V> {
  handle: LabHandle<S, V>;
  /** One or two sentences: what to try in this lab. */
  intro: ReactNode;
  /** Parameters rendered as generated controls (default: all simple ones). */
  controls?: readonly (keyof S & string)[];
  /** Extra controls (custom widgets) shown under the generated ones. */
  extraControls?: ReactNode;
  /** Label for one step, e.g. "epoch" or "sample". */
  stepLabel?: string;
  /**
   * false for labs that compute everything at once and have no run to play (their own widgets
   * animate, if anything): the Play / Step / Reset group and the step counter are left out.
   */
  runControls?: boolean;
  children: ReactNode;
}

const SPEEDS: { label: string; value: number }[] = [
  { label: 'Slow (1 step per frame)', value: 1 },
  { label: 'Normal (10 steps per frame)', value: 10 },
  { label: 'Fast (as many as fit)', value: Infinity },
];

const STATUS_TEXT: Record<string, string> = {
  loading: 'Preparing…',
  idle: 'Ready',
  running: 'Training',
  paused: 'Paused',
  done: 'Finished',
  diverged: 'Diverged',
  error: 'Stopped by an error',
};

function CopyLink({ makeLink }: { makeLink: () => string }) {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<string>('');
  const copy = async () => {
    const l = makeLink();
    setLink(l);
    try {
      await navigator.clipboard.writeText(l);
      setCopied('Link copied to the clipboard.');
    } catch {
      setCopied('Copy the link below.');
    }
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>Copy link</button>
      {link ? (
        <>
          <input className="share-link" readOnly value={link} aria-label="Link to this lab with its parameters" onFocus={(e) => e.currentTarget.select()} />
          <span role="status" className="muted">{copied}</span>
        </>
      ) : null}
    </div>
  );
}

export function LabFrame<S extends Schema, V>({ handle, intro, controls, extraControls, stepLabel = 'step', runControls = true, children }: Props<S, V>) {
  const { lab, status, step, notices, error, speed } = handle;
  const def = lab.def;
  const backend = useBackend((b) => b.name);
  const running = status === 'running';
  const canRun = status === 'idle' || status === 'paused';
  // The runs panel, for labs with training runs: once a run has shown curves it stays (no flicker on reload).
  const hadSeries = useRef(false);
  if (runControls && Object.keys(handle.chartSeries).length > 0) hadSeries.current = true;
  return (
    <section className="lab" data-lab={def.id} id={`lab-${def.id}`} aria-labelledby={`lab-${def.id}-title`} data-status={status}>
      <header className="lab-header">
        <h3 id={`lab-${def.id}-title`}>
          <span className="lab-kind">Lab</span> {def.title}
        </h3>
        <a className="lab-anchor" href={`#/lecture/${def.lecture}/${def.id}`} aria-label={`Link to the ${def.title} lab`}>#</a>
      </header>
      <div className="lab-intro">{intro}</div>
      {notices.length > 0 ? (
        <div className="notice" role="alert">
          <strong>Some values in the link were adjusted:</strong>
          <ul>{notices.map((n) => <li key={n}>{n}</li>)}</ul>
          <button type="button" onClick={lab.dismissNotices}>Dismiss</button>
        </div>
      ) : null}
      <div className="lab-body">
        <div className="lab-controls">
          <ParamControls schema={def.schema} values={handle.params} onChange={lab.setParams} only={controls} />
          {extraControls}
          {runControls ? (
            <>
              <div className="run-controls" role="group" aria-label={`${def.title} training controls`}>
                {running ? (
                  <button type="button" className="primary" onClick={lab.pause}>Pause</button>
                ) : (
                  <button type="button" className="primary" onClick={lab.play} disabled={!canRun}>Play</button>
                )}
                <button type="button" onClick={lab.step} disabled={!canRun}>Step</button>
                <button type="button" onClick={lab.reset} disabled={status === 'loading'}>Reset</button>
                <label className="speed">
                  <span className="visually-hidden">Speed</span>
                  <select value={String(speed)} onChange={(e) => lab.setSpeed(Number(e.target.value))} aria-label="Training speed">
                    {SPEEDS.map((s) => <option key={s.label} value={String(s.value)}>{s.label}</option>)}
                  </select>
                </label>
              </div>
              <p className="lab-status" aria-live="polite">
                <span className={`status-dot status-${status}`} aria-hidden="true" /> {STATUS_TEXT[status]} · {stepLabel} {step}
                {def.needsTf && backend ? <span className="muted"> · on {backend}</span> : null}
              </p>
            </>
          ) : null}
          {status === 'diverged' || status === 'error' ? (
            <div className="notice danger" role="alert">
              <p>{error}</p>
              {status === 'diverged' ? <p>Lower the learning rate, then press Reset.</p> : null}
              <button type="button" onClick={lab.reset}>Reset</button>
            </div>
          ) : null}
          <CopyLink makeLink={lab.shareLink} />
        </div>
        <div className="lab-views">
          {children}
          {runControls && hadSeries.current ? <RunHistory handle={handle} stepLabel={stepLabel} /> : null}
        </div>
      </div>
    </section>
  );
}
