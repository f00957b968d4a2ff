import type { WebglProbe } from '../ml/backendChoice';

/** Ask a canvas (on the page or an OffscreenCanvas in a worker) for WebGL and report its renderer. */
export function probeCanvas(canvas: HTMLCanvasElement | OffscreenCanvas): WebglProbe {
  try {
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
