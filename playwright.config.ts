import { defineConfig } from '@playwright/test';

// The tests drive the system Chromium (never a downloaded browser): CHROME_PATH or /usr/bin/chromium.
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT || 4173);
// E2E_DIST lets several people test their own builds side by side (default: dist/).
const outDir = process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : '';

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    // Labs mount when scrolled near (src/labs/LabSlot.tsx); the tests drive every lab of a page, so
    // they ask for all labs at once. e2e/lazy-labs.spec.ts clears this to test the lazy path.
    storageState: {
      cookies: [],
      origins: [{ origin: `http://127.0.0.1:${port}`, localStorage: [{ name: 'i2dl-labs-eager', value: '1' }] }],
    },
    // The production build registers a service worker (offline support). Specs run without it, so no
    // request is answered from its cache and page.route() sees every fetch; e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--enable-unsafe-swiftshader',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
