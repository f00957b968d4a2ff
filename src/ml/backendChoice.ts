/**
 * Which tfjs backend to try first. Pure decision logic (the browser probing lives in
 * src/labs/backend.ts), so it can be unit-tested.
 *
 * Measured on a machine without a GPU (headless Chromium, SwiftShader): a 2-4-2-1 MLP trained at
 * ~0.2 epochs/s on webgl, ~30 on cpu and ~47 on wasm; a 512² matmul ran at 2 GFLOP/s on webgl,
 * 1.4 on cpu and 25 on wasm. So software-rendered WebGL is skipped in favour of wasm.
 */
export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

export interface WebglProbe {
  available: boolean;
  /** UNMASKED_RENDERER_WEBGL (or RENDERER) string, when it could be read. */
  renderer: string | null;
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen|lavapipe/i;

export function isSoftwareRenderer(renderer: string | null): boolean {
  return renderer !== null && SOFTWARE_RENDERERS.test(renderer);
}

export interface BackendPlan {
  /** Backends to try, in order; the first that initialises wins. */
  order: BackendName[];
  /** Why the first one was chosen, for the badge's tooltip. */
  reason: string;
  /** Set when the `?backend=` value was not understood. */
  notice?: string;
}

export function planBackends(forced: string | null, webgl: WebglProbe): BackendPlan {
  const fallback: BackendName[] = ['wasm', 'cpu'];
  if (forced !== null && forced !== '') {
    const f = forced.toLowerCase();
    if ((BACKENDS as readonly string[]).includes(f)) {
      const name = f as BackendName;
      return { order: [name, ...BACKENDS.filter((b) => b !== name && b !== 'webgl')], reason: `forced by ?backend=${name}` };
    }
    const plan = planBackends(null, webgl);
    return { ...plan, notice: `Unknown backend “${forced}” in the link; choose webgl, wasm or cpu. Picked automatically instead.` };
  }
  if (!webgl.available) return { order: fallback, reason: 'WebGL is not available here' };
  if (isSoftwareRenderer(webgl.renderer)) {
    return { order: fallback, reason: `WebGL is software-rendered (${webgl.renderer}), so WebAssembly is faster` };
  }
  return { order: ['webgl', ...fallback], reason: `hardware WebGL (${webgl.renderer ?? 'renderer hidden'})` };
}
