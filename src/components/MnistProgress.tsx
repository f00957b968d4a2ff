/**
 * Download progress of the shared MNIST digits (src/labs/mnist.ts): a labelled <progress> bar
 * while loading, an error with a Retry button on failure, nothing once ready (or before any lab
 * asked for the data).
 */
import { retryMnist, useMnistProgress } from '../labs/mnist';
import './MnistBrowser.css';

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

export function MnistProgress() {
  const { status, loaded, total, error } = useMnistProgress();
  if (status === 'ready' || status === 'idle') return null;
  if (status === 'error') {
    return (
      <div className="mnist-progress mnist-progress-error notice danger" role="alert" data-mnist-progress="error">
        <span>{error ?? 'Could not load the MNIST digits.'}</span>{' '}
        <button type="button" onClick={retryMnist}>
          Retry
        </button>
      </div>
    );
  }
  const label = total > 0 ? `Loading MNIST digits… ${mb(loaded)} of ${mb(total)} MB` : 'Loading MNIST digits…';
  return (
    <div className="mnist-progress" aria-live="polite" data-mnist-progress="loading">
      <label>
        <span className="mnist-progress-label">{label}</span>{' '}
        <progress max={total > 0 ? total : undefined} value={total > 0 ? loaded : undefined} aria-label="Loading MNIST digits" />
      </label>
    </div>
  );
}
