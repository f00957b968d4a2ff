import { useEffect } from 'react';
import { useServiceWorker } from './serviceWorker';
import './OfflineNotice.css';

/** How long "Ready to work offline" stays before it hides itself (it can be dismissed earlier). */
const READY_MS = 15_000;

/**
 * A small status box at the bottom of the screen (fixed, so it never shifts the page): "Ready to work
 * offline" once the service worker has saved the course, and "A new version is available" with Reload
 * when an update waits. The page is never reloaded without the learner pressing Reload.
 */
export function OfflineNotice() {
  const { offlineReady, needRefresh, reload, dismiss } = useServiceWorker();
  useEffect(() => {
    if (!offlineReady || needRefresh) return;
    const t = setTimeout(dismiss, READY_MS);
    return () => clearTimeout(t);
  }, [offlineReady, needRefresh, dismiss]);
  if (!offlineReady && !needRefresh) return null;
  return (
    <div className="offline-notice" role="status" data-testid="offline-notice">
      {needRefresh ? (
        <>
          <p>A new version of the course is available. Reloading restarts any lab that is running on this page.</p>
          <div className="offline-notice-actions">
            <button type="button" className="offline-notice-primary" onClick={reload}>Reload</button>
            <button type="button" onClick={dismiss}>Later</button>
          </div>
        </>
      ) : (
        <>
          <p>Ready to work offline: the whole course is saved in this browser.</p>
          <div className="offline-notice-actions">
            <button type="button" onClick={dismiss}>Dismiss</button>
          </div>
        </>
      )}
    </div>
  );
}
