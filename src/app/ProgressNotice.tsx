import { useProgress } from './progress';

export function ProgressNotice() {
  const notice = useProgress((s) => s.discardedNotice);
  const dismiss = useProgress((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice site-notice" role="alert">
      {notice} <button type="button" onClick={dismiss}>Dismiss</button>
    </div>
  );
}
