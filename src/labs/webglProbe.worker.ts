/**
 * Asks for a WebGL context off the main thread and reports its renderer. On a software GPU
 * (SwiftShader) creating the context takes ~0.3 s; here it does not block the page.
 */
import { probeCanvas } from './webglRenderer';

self.postMessage(typeof OffscreenCanvas === 'undefined' ? { available: false, renderer: null } : probeCanvas(new OffscreenCanvas(1, 1)));
