import { useBackend } from '../labs/backend';

const NAMES: Record<string, string> = { webgl: 'WebGL (GPU)', wasm: 'WebAssembly', cpu: 'CPU (JavaScript)' };

/** Shows which tfjs backend runs the labs, and why it was chosen. */
export function BackendBadge() {
  const { status, name, reason, notice } = useBackend();
  let text = 'ML engine: starts with the first lab that needs it';
  if (status === 'loading') text = 'ML engine: starting…';
  if (status === 'ready' && name) text = `Backend: ${NAMES[name] ?? name}`;
  if (status === 'error') text = 'ML engine failed to start';
  return (
    <span className={`backend-badge backend-${name ?? status}`} data-testid="backend-badge" data-backend={name ?? ''} title={notice ?? reason} role="status">
      {text}
      {notice && status === 'ready' ? <span className="visually-hidden"> ({notice})</span> : null}
    </span>
  );
}
