/**
 * Chooses and initialises the tfjs backend once per page, on the first lab (tfjs is loaded lazily
 * so the home page stays light). Real-GPU WebGL where it exists, otherwise the fastest working
 * backend (wasm, then cpu); `?backend=webgl|wasm|cpu` forces one. A lost WebGL context switches
 * to wasm/cpu and bumps `generation` so running labs rebuild their models.
 */
import { create } from 'zustand';
import { planBackends, type BackendName, type WebglProbe } from '../ml/backendChoice';
import { probeCanvas } from './webglRenderer';

export interface BackendState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  name: BackendName | null;
  reason: string;
  notice: string | null;
  /** Increments whenever the active backend changes after start-up. */
  generation: number;
}

export const useBackend = create<BackendState>(() => ({ status: 'idle', name: null, reason: '', notice: null, generation: 0 }));

type Tf = typeof import('../ml/tf');
let loading: Promise<Tf> | null = null;

export function probeWebgl(): WebglProbe {
  return probeCanvas(document.createElement('canvas'));
}

/**
 * The same probe in a worker (OffscreenCanvas), so a slow context creation does not block the page.
 * Falls back to the main thread when workers or OffscreenCanvas WebGL are not there, or after 3 s.
 */
export function probeWebglOffThread(): Promise<WebglProbe> {
  return new Promise((resolve) => {
    let worker: Worker | null = null;
    const finish = (r: WebglProbe | null) => {
      window.clearTimeout(timer);
      worker?.terminate();
      // A worker without OffscreenCanvas WebGL says "unavailable": ask the main thread to be sure.
      resolve(r && r.available ? r : probeWebgl());
    };
    const timer = window.setTimeout(() => finish(null), 3000);
    try {
      worker = new Worker(new URL('./webglProbe.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (e: MessageEvent<WebglProbe>) => finish(e.data);
      worker.onerror = () => finish(null);
    } catch {
      finish(null);
    }
  });
}

async function registerBackend(name: BackendName): Promise<void> {
  if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
  } else if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const { wasmPaths } = await import('./wasmPaths');
    wasm.setWasmPaths(wasmPaths);
    // Conv-net training kernels wasm lacks (and fixes for wrong ones): src/ml/wasmKernels.ts.
    const { registerWasmTrainingKernels } = await import('../ml/wasmKernels');
    registerWasmTrainingKernels('wasm');
  } else {
    await import('@tensorflow/tfjs-backend-cpu');
  }
}

/** Try backends in order; `setBackend` can resolve false (or throw) while getBackend() still answers. */
async function activate(tf: Tf, order: BackendName[]): Promise<BackendName> {
  for (const name of order) {
    try {
      await registerBackend(name);
      const ok = await tf.setBackend(name);
      await tf.ready();
      if (ok && tf.getBackend() === name) return name;
    } catch (e) {
      console.warn(`tfjs backend ${name} failed to initialise`, e);
    }
  }
  throw new Error('No TensorFlow.js backend could be initialised in this browser.');
}

function webglContext(tf: Tf): WebGLRenderingContext | null {
  const backend = tf.backend() as unknown as { getGPGPUContext?: () => { gl: WebGLRenderingContext } };
  return backend.getGPGPUContext?.().gl ?? null;
}

/**
 * Test hooks (documented in the README): `window.__backend.loseWebglContext()` simulates a GPU
 * context loss through WEBGL_lose_context, so the fallback can be tested in a real browser;
 * `numTensors()` lets tests check that resets free every tensor.
 */
function installTestHook(tf: Tf): void {
  (window as unknown as { __backend?: unknown }).__backend = {
    numTensors: (): number => tf.memory().numTensors,
    // For e2e checks and `npm run bench` (CNN section): the page's tfjs, a backend switch, and the
    // ConvNetJS network (a lazy chunk, loaded only when asked for).
    tf,
    activate: (name: BackendName): Promise<BackendName> => activate(tf, [name]),
    convnet: () => import('../ml/models/convnetjs'),
    loseWebglContext: (): boolean => {
      if (useBackend.getState().name !== 'webgl') return false;
      const ext = webglContext(tf)?.getExtension('WEBGL_lose_context');
      ext?.loseContext();
      return Boolean(ext);
    },
  };
}

function watchContextLoss(tf: Tf): void {
  try {
    const canvas = webglContext(tf)?.canvas;
    if (canvas && 'addEventListener' in canvas) {
      canvas.addEventListener('webglcontextlost', (ev) => {
        ev.preventDefault();
        void fallBackFromWebgl('the WebGL context was lost');
      }, { once: true });
    }
  } catch {
    /* not webgl: nothing to watch */
  }
}

/** Switch away from webgl after context loss or a GPU read that never returned. */
export async function fallBackFromWebgl(why: string): Promise<void> {
  const tf = await loading;
  if (!tf || useBackend.getState().name !== 'webgl') return;
  const name = await activate(tf, ['wasm', 'cpu']);
  useBackend.setState((s) => ({ name, reason: `switched from WebGL: ${why}`, notice: `WebGL stopped working (${why}); now running on ${name}.`, generation: s.generation + 1 }));
}

function forcedFromUrl(): string | null {
  const fromSearch = new URLSearchParams(window.location.search).get('backend');
  const h = window.location.hash;
  const q = h.indexOf('?');
  const fromHash = q >= 0 ? new URLSearchParams(h.slice(q + 1)).get('backend') : null;
  return fromHash ?? fromSearch;
}

/** Loads tfjs and picks the backend (once); every lab awaits this before building a model. */
export function ensureBackend(): Promise<Tf> {
  if (loading) return loading;
  useBackend.setState({ status: 'loading' });
  loading = (async () => {
    const [tf, probe] = await Promise.all([import('../ml/tf'), probeWebglOffThread()]);
    const plan = planBackends(forcedFromUrl(), probe);
    try {
      const name = await activate(tf, plan.order);
      const reason = name === plan.order[0] ? plan.reason : `${plan.order[0]} failed to start`;
      useBackend.setState({ status: 'ready', name, reason, notice: plan.notice ?? null });
      if (name === 'webgl') watchContextLoss(tf);
      installTestHook(tf);
      return tf;
    } catch (e) {
      useBackend.setState({ status: 'error', name: null, reason: String(e), notice: String(e) });
      throw e;
    }
  })();
  return loading;
}

/** Resolve `p`, or reject after `ms` (a GPU read after context loss never resolves). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e: unknown) => { clearTimeout(t); reject(e instanceof Error ? e : new Error(String(e))); });
  });
}
