/**
 * "Check yourself": a lecture's self-check questions, at the end of its page. The set is loaded as
 * its own small chunk; questions computed from a lab follow that lab's live settings. A lecture
 * without a set renders nothing.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useProgress } from '../app/progress';
import { Section } from '../components/LectureParts';
import { useLiveParams } from '../labs/liveParams';
import { DEFAULT_CONTEXT, makeContext } from './context';
import { fmt, grade, signature, tolerance } from './grading';
import { plainText, RichText } from './RichText';
import { selfCheckLoader } from './sets';
import type { BuiltQuestion, Question, QuestionContext, SelfCheckSet } from './types';
import './selfcheck.css';

export default function SelfCheck({ lecture }: { lecture: string }) {
  const [set, setSet] = useState<SelfCheckSet | null>(null);
  const [failed, setFailed] = useState(false);
  const load = selfCheckLoader(lecture);
  useEffect(() => {
    if (!load) return;
    let alive = true;
    load().then(
      (m) => alive && setSet(m.default),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [load]);
  if (!load) return null;
  return (
    <Section id="self-check" title="Check yourself">
      {set ? (
        <QuestionList set={set} />
      ) : failed ? (
        <p className="notice danger" role="alert">The questions could not be loaded. Reload the page to try again.</p>
      ) : (
        <p className="muted">Loading the questions…</p>
      )}
    </Section>
  );
}

function safeBuild(q: Question, ctx: QuestionContext): BuiltQuestion | null {
  try {
    return q.build(ctx);
  } catch {
    try {
      return q.build(DEFAULT_CONTEXT);
    } catch {
      return null;
    }
  }
}

function QuestionList({ set }: { set: SelfCheckSet }) {
  const byLab = useLiveParams((s) => s.byLab);
  const ctx = useMemo(() => makeContext(byLab), [byLab]);
  const done = useProgress((s) => s.questions);
  const right = set.questions.filter((q) => done[`${set.lecture}/${q.id}`]).length;
  return (
    <div className="selfcheck">
      <p>
        {set.questions.length} questions on this lecture. Questions marked “from your settings” are computed from a lab above and
        change as you change it. Numbers can be typed as 0.5, -3, 1e-3, 1/3 or with a decimal comma (1,5).
      </p>
      <p className="selfcheck-score" data-testid="selfcheck-score">
        <strong>{right}</strong> of {set.questions.length} answered right (saved in this browser).
      </p>
      <ol className="selfcheck-list">
        {set.questions.map((q, i) => (
          <QuestionItem key={q.id} n={i + 1} slug={set.lecture} id={q.id} built={safeBuild(q, ctx)} live={(lab) => ctx.isLive(lab)} />
        ))}
      </ol>
    </div>
  );
}

type Result = null | 'correct' | 'wrong' | 'revealed';

interface QState {
  text: string;
  choice: number;
  result: Result;
  message: string | null;
  /** Signature of the question that `result` answers. */
  answeredSig: string | null;
  changed: boolean;
  tries: number;
}

const FRESH: QState = { text: '', choice: -1, result: null, message: null, answeredSig: null, changed: false, tries: 0 };

function QuestionItem({ n, slug, id, built, live }: { n: number; slug: string; id: string; built: BuiltQuestion | null; live: (lab: string) => boolean }) {
  const uid = useId();
  const [st, setSt] = useState<QState>(FRESH);
  const key = `${slug}/${id}`;
  const counted = useProgress((s) => Boolean(s.questions[key]));
  const markRight = useProgress((s) => s.markQuestionRight);
  const sig = built ? signature(built) : '';

  // The lab changed the question under an answer: that answer no longer applies.
  useEffect(() => {
    if (st.answeredSig !== null && st.answeredSig !== sig) setSt({ ...FRESH, changed: true });
  }, [sig, st.answeredSig]);

  if (!built) {
    return (
      <li className="selfcheck-q" data-question={id}>
        <p className="notice">This question could not be built. The other questions still work.</p>
      </li>
    );
  }
  const { answer } = built;
  const stale = st.answeredSig !== null && st.answeredSig !== sig;
  const result = stale ? null : st.result;
  const locked = result === 'correct' || result === 'revealed';

  const check = (e?: FormEvent) => {
    e?.preventDefault();
    if (locked) return;
    const g = grade(answer, answer.kind === 'number' ? { kind: 'number', text: st.text } : { kind: 'choice', index: st.choice });
    if (g.status === 'invalid') {
      setSt((s) => ({ ...s, message: g.message, result: null, answeredSig: null, changed: false }));
      return;
    }
    if (g.status === 'correct') markRight(key);
    setSt((s) => ({ ...s, result: g.status, message: null, answeredSig: sig, changed: false, tries: s.tries + 1 }));
  };
  const reveal = () => setSt((s) => ({ ...s, result: 'revealed', message: null, answeredSig: sig, changed: false }));
  const retry = () => setSt({ ...FRESH });

  const rightAnswer = answer.kind === 'number'
    ? `$${fmt(answer.value)}$${answer.unit ? ` ${answer.unit}` : ''}`
    : answer.options[answer.correct];
  const promptId = `${uid}-prompt`;
  const inputId = `${uid}-input`;
  const hintId = `${uid}-hint`;
  const from = built.fromLab;

  return (
    <li className={`selfcheck-q${result ? ` selfcheck-${result}` : ''}`} data-question={id}>
      <form onSubmit={check} noValidate>
        {from ? (
          <p className="selfcheck-from" data-testid={`selfcheck-from-${id}`}>
            {live(from.labId) ? 'From your settings in the ' : 'From the default settings of the '}
            <strong>{from.labTitle}</strong> lab: <RichText text={from.values} />
            {live(from.labId) ? '' : ' (change them in the lab above and this question follows)'}
          </p>
        ) : null}
        {answer.kind === 'number' ? (
          <>
            <p className="selfcheck-prompt" id={promptId}>
              <span className="selfcheck-n">{n}.</span> <RichText text={built.prompt} />
            </p>
            <div className="selfcheck-answer-row">
              <label htmlFor={inputId}>Your answer</label>
              <input
                id={inputId}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={st.text}
                readOnly={locked}
                aria-describedby={`${promptId} ${hintId}`}
                aria-invalid={st.message ? true : undefined}
                onChange={(e) => setSt((s) => ({ ...s, text: e.target.value, message: null }))}
              />
              {answer.unit ? <span className="selfcheck-unit"><RichText text={answer.unit} /></span> : null}
            </div>
            <p className="selfcheck-hint muted" id={hintId}>{toleranceText(answer)}</p>
          </>
        ) : (
          <fieldset className="selfcheck-choices">
            <legend className="selfcheck-prompt">
              <span className="selfcheck-n">{n}.</span> <RichText text={built.prompt} />
            </legend>
            {answer.options.map((o, i) => (
              <label key={i} className="selfcheck-option">
                <input
                  type="radio"
                  aria-label={o.includes('$') ? plainText(o) : undefined}
                  name={`${uid}-choice`}
                  value={i}
                  checked={st.choice === i}
                  disabled={locked && st.choice !== i}
                  onChange={() => setSt((s) => ({ ...s, choice: i, message: null }))}
                />{' '}
                <RichText text={o} />
              </label>
            ))}
          </fieldset>
        )}
        <div className="selfcheck-buttons">
          <button type="submit" className="primary" disabled={locked}>Check</button>
          {result === 'wrong' ? <button type="button" onClick={retry}>Try again</button> : null}
          {!locked ? <button type="button" onClick={reveal}>Show the answer</button> : null}
          {counted ? <span className="selfcheck-counted" aria-label="Counted as right in your progress">✓ counted</span> : null}
        </div>
        <div className="selfcheck-feedback" aria-live="polite" data-testid={`selfcheck-feedback-${id}`}>
          {st.message ? <p className="selfcheck-invalid">{st.message}</p> : null}
          {st.changed && !result ? (
            <p className="selfcheck-changed">The question changed with your lab settings: answer it again.</p>
          ) : null}
          {result === 'wrong' ? (
            <p className="selfcheck-verdict">
              <strong>Not right.</strong> Try again, or show the answer.
            </p>
          ) : null}
          {result === 'correct' || result === 'revealed' ? (
            <>
              <p className="selfcheck-verdict">
                <strong>{result === 'correct' ? 'Right!' : 'The answer:'}</strong>{' '}
                {result === 'correct' && answer.kind === 'number' ? <>The exact value is <RichText text={rightAnswer} />.</> : null}
                {result === 'revealed' ? <RichText text={rightAnswer} /> : null}
              </p>
              <p className="selfcheck-explanation"><RichText text={built.explanation} /></p>
            </>
          ) : null}
        </div>
      </form>
    </li>
  );
}

function toleranceText(a: Extract<BuiltQuestion['answer'], { kind: 'number' }>): string {
  if (a.abs !== undefined && (a.rel === undefined || a.abs >= (a.rel ?? 0.01) * Math.abs(a.value))) {
    return a.abs === 0 ? 'Give the exact value.' : `Answers within ±${fmt(tolerance(a))} count.`;
  }
  return `Answers within ${fmt((a.rel ?? 0.01) * 100)} % of the exact value count.`;
}
