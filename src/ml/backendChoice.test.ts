import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, planBackends } from './backendChoice';

const swiftshader = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('backend plan', () => {
  it('skips software WebGL for wasm', () => {
    expect(isSoftwareRenderer(swiftshader)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(planBackends(null, { available: true, renderer: swiftshader }).order).toEqual(['wasm', 'cpu']);
  });
  it('prefers hardware WebGL', () => {
    const p = planBackends(null, { available: true, renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060)' });
    expect(p.order).toEqual(['webgl', 'wasm', 'cpu']);
  });
  it('uses wasm then cpu without WebGL', () => {
    expect(planBackends(null, { available: false, renderer: null }).order).toEqual(['wasm', 'cpu']);
  });
  it('honours ?backend= and falls back from it', () => {
    expect(planBackends('cpu', { available: true, renderer: swiftshader }).order).toEqual(['cpu', 'wasm']);
    expect(planBackends('WebGL', { available: false, renderer: null }).order).toEqual(['webgl', 'wasm', 'cpu']);
  });
  it('explains an unknown forced backend', () => {
    const p = planBackends('tpu', { available: false, renderer: null });
    expect(p.order).toEqual(['wasm', 'cpu']);
    expect(p.notice).toMatch(/Unknown backend/);
  });
});
