/**
 * Asks for a WebGL context off the main thread and reports its renderer. On a software GPU
 * (SwiftShader) creating the context takes ~0.3 s; here it does not block the page.
 */
interface ProbeResult {
  available: boolean;
  renderer: string | null;
}

function probe(): ProbeResult {
  try {
    if (typeof OffscreenCanvas === 'undefined') return { available: false, renderer: null };
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return { available: false, renderer: null };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, renderer: renderer || null };
  } catch {
    return { available: false, renderer: null };
  }
}

self.postMessage(probe());
