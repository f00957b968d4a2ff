/**
 * Browser loader for the shared MNIST asset (public/data/mnist-10k.bin, built by
 * scripts/build-mnist.mjs: the I2DM format of src/ml/data/mnist.ts, gzip-compressed by the build).
 *
 * `loadMnist()` fetches it once from the app's own origin (relative to the Vite base, so it works
 * offline and from any sub-path), streams the body to report progress in `useMnistProgress`,
 * gunzips it with the browser's DecompressionStream and decodes it. The promise is cached; after a
 * failure the next call starts a fresh fetch (retry).
 *
 * The file is named .bin (served as application/octet-stream), so no server adds
 * `Content-Encoding: gzip` for it; if a server or proxy does anyway and the browser already
 * decompressed the body, the gzip magic is missing and the bytes are decoded as they are.
 */
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import { decodeMnist, type MnistSet } from '../ml/data/mnist';

/** File name under public/data (also used by e2e tests to intercept the request). */
export const MNIST_ASSET = 'data/mnist-10k.bin';
/** Approximate compressed size, used for the progress bar only if the server sends no usable length. */
const FALLBACK_TOTAL = 1_620_000;

export type MnistStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface MnistProgressState {
  status: MnistStatus;
  /** Bytes received so far. */
  loaded: number;
  /** Expected bytes (Content-Length, or an estimate if the server sends none). */
  total: number;
  /** Message of the last failure (status 'error'), else null. */
  error: string | null;
}

export const useMnistProgress = create<MnistProgressState>(() => ({ status: 'idle', loaded: 0, total: 0, error: null }));

let cached: Promise<MnistSet> | null = null;

function assetUrl(): string {
  return `${import.meta.env.BASE_URL}${MNIST_ASSET}`;
}

async function readAll(res: Response): Promise<Uint8Array> {
  const encoding = res.headers.get('content-encoding');
  const length = Number(res.headers.get('content-length'));
  const known = (!encoding || encoding === 'identity') && Number.isFinite(length) && length > 0;
  let total = known ? length : FALLBACK_TOTAL;
  useMnistProgress.setState({ loaded: 0, total });
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    if (loaded > total) total = loaded;
    useMnistProgress.setState({ loaded, total });
  }
  const out = new Uint8Array(loaded);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes; // already decompressed
  if (typeof DecompressionStream === 'undefined') {
    throw new Error('This browser cannot decompress the MNIST data (no DecompressionStream); please use a current browser.');
  }
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function fetchMnist(): Promise<MnistSet> {
  useMnistProgress.setState({ status: 'loading', loaded: 0, total: 0, error: null });
  let res: Response;
  try {
    res = await fetch(assetUrl());
  } catch (e) {
    throw new Error(`Could not download the MNIST digits (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  }
  if (!res.ok) throw new Error(`Could not download the MNIST digits (HTTP ${res.status} for ${MNIST_ASSET}).`);
  let raw: Uint8Array;
  try {
    raw = await readAll(res);
  } catch (e) {
    throw new Error(`The MNIST download was interrupted (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  }
  let bytes: Uint8Array;
  try {
    bytes = await gunzip(raw);
  } catch (e) {
    throw new Error(`The MNIST data is corrupt and could not be decompressed (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  }
  return decodeMnist(bytes);
}

/**
 * The 10,000 MNIST digits. Fetched once and cached; concurrent callers share one request.
 * Rejects with a clear Error on failure; calling again (e.g. from a Retry button) refetches.
 */
export function loadMnist(): Promise<MnistSet> {
  if (cached) return cached;
  const p = fetchMnist().then(
    (set) => {
      useMnistProgress.setState((s) => ({ status: 'ready', loaded: s.total || s.loaded, error: null }));
      return set;
    },
    (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      if (cached === p) cached = null; // allow a retry
      useMnistProgress.setState({ status: 'error', error: err.message });
      throw err;
    },
  );
  cached = p;
  return p;
}

/** Starts (or restarts after an error) the download, ignoring the result; for Retry buttons. */
export function retryMnist(): void {
  loadMnist().catch(() => {
    /* surfaced through useMnistProgress */
  });
}

/** The shared MNIST set once loaded, for a lab's view (null until then; load errors show in <MnistProgress />). */
export function useMnistSet(): MnistSet | null {
  const [set, setSet] = useState<MnistSet | null>(null);
  useEffect(() => {
    let live = true;
    loadMnist().then((s) => live && setSet(s), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return set;
}
