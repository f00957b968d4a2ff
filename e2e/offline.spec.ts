import { expect, test, type Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { expectNoKatexErrors, waitForLab, watchConsole } from './helpers';

/**
 * Offline: after a first visit the service worker has precached the whole build, and the course works
 * with the network off. Other specs block service workers (playwright.config.ts); this one allows them.
 *
 * The build is served by a small server of this spec's own, which is shut down before going offline:
 * Playwright's setOffline() does not reliably cut a service worker's own fetches (microsoft/playwright
 * #2311), so with the server gone a file missing from the precache cannot be fetched behind our back.
 */
test.use({ serviceWorkers: 'allow' });

const DIST = resolve(process.env.E2E_DIST || 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json', '.json': 'application/json', '.md': 'text/markdown',
};
/** Files of the build that are not precached on purpose: the service worker itself and a licence note. */
const NOT_PRECACHED = /^(sw\.js|workbox-[\w-]+\.js|.*\.md)$/;

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), `${prefix}${e.name}/`)));
    else out.push(`${prefix}${e.name}`);
  }
  return out;
}

/** Serves the build; `version.sw` is appended to sw.js, so changing it publishes a "new version". */
function serve(root: string, version = { sw: '' }): Promise<Server> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(root + sep)) return void res.writeHead(403).end();
    try {
      let body = await readFile(file);
      if (path === '/sw.js') body = Buffer.concat([body, Buffer.from(version.sw)]);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Every URL in the page's Cache Storage, relative to the app's base, without Workbox's revision query. */
function cachedPaths(page: Page, base: string): Promise<string[]> {
  return page.evaluate(async (b) => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    }
    return urls.map((u) => new URL(u).pathname.slice(new URL(b).pathname.length));
  }, base);
}

test('after a first visit the course works offline: pages, KaTeX fonts, MNIST, photos and a tfjs lab on wasm', async ({ page, context }) => {
  test.setTimeout(240_000); // the first visit precaches 7.8 MB; slow on a loaded machine
  const con = watchConsole(page);
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    // First visit, online: the service worker installs, precaches everything and says so.
    await page.goto(base);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('offline-notice')).toContainText('Ready to work offline', { timeout: 60_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');

    // The precache holds every file of the build (all lazy lecture and lab chunks, fonts, wasm, data, icons).
    const cached = new Set(await cachedPaths(page, base));
    const built = (await listFiles(DIST)).filter((f) => !NOT_PRECACHED.test(f));
    expect(built.length).toBeGreaterThan(100);
    expect(built.filter((f) => !cached.has(f))).toEqual([]);
    for (const kind of [/\.wasm$/, /\.woff2$/, /^data\/mnist-10k\.bin$/, /^data\/images\/.+\.png$/, /^icons\/.+\.png$/, /^manifest\.webmanifest$/]) {
      expect(built.some((f) => kind.test(f)), `the build has no ${kind}`).toBe(true);
    }
    // The manifest makes it installable.
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
      return (await fetch(href)).json();
    });
    expect(manifest).toMatchObject({ name: 'I2DL Playground', start_url: './', display: 'standalone' });
    expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));

    // Network off: the server is gone and the browser is offline.
    await new Promise<void>((ok) => { server.close(() => ok()); server.closeAllConnections(); });
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect(page.locator('a[href*="#/lecture/"]').first()).toBeVisible();

    // A full navigation (not only a hash change) with the tfjs backend forced to wasm: the binary comes from the cache.
    await page.goto(`${base}?backend=wasm#/lecture/02-ml-basics`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Machine Learning Basics');
    await expect.poll(() => page.locator('.katex').count(), { timeout: 30_000 }).toBeGreaterThan(20); // typeset after paint
    await expectNoKatexErrors(page);
    await expect.poll(() => page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded');
    })).toBe(true);

    // Lecture 8: the augmentation lab draws a sample photograph (public/data/images).
    await page.goto(`${base}?backend=wasm#/lecture/08-regularization/augment`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Training Neural Networks III');
    await waitForLab(page, 'augment', (p) => ['idle', 'running', 'done'].includes(p.status), 60_000);
    await expect(page.locator('[data-lab="augment"] [role="alert"]')).toHaveCount(0);
    expect(await page.evaluate(async () => {
      const r = await fetch('data/images/coffee.png');
      return r.ok && (await r.arrayBuffer()).byteLength > 100_000;
    })).toBe(true);

    // Lecture 9: the CNN gets the MNIST digits from the cache and trains a few steps with tfjs on wasm.
    await page.goto(`${base}?backend=wasm#/lecture/09-cnn/cnn-mnist`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Convolutional Neural Networks');
    const ready = await waitForLab(page, 'cnn-mnist', (p) => p.status === 'idle', 90_000);
    expect(ready.metrics).toMatchObject({ step: 0, nTrain: 8000, nVal: 2000 });
    const badge = page.getByTestId('backend-badge');
    await expect(badge).toHaveAttribute('data-backend', 'wasm');
    const lab = page.locator('[data-lab="cnn-mnist"]');
    await lab.getByRole('button', { name: 'Play' }).click();
    const trained = await waitForLab(page, 'cnn-mnist', (p) => p.step >= 5 && Number.isFinite(p.metrics.trainLoss), 60_000);
    expect(trained.metrics.trainLoss).toBeGreaterThan(0);
    await lab.getByRole('button', { name: 'Pause' }).click();

    // Lecture 12, by a hash change as the learner's links do.
    await page.evaluate(() => { location.hash = '#/lecture/12-advanced'; });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Advanced DL topics');
    await expectNoKatexErrors(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    con.assertClean();
  } finally {
    await context.setOffline(false);
    server.close();
    server.closeAllConnections();
  }
});

test('a new version waits for the learner: the page is not reloaded until Reload is pressed', async ({ page }) => {
  test.setTimeout(120_000);
  const con = watchConsole(page);
  const version = { sw: '' };
  const server = await serve(DIST, version);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await page.goto(`${base}#/lecture/02-ml-basics`);
    const notice = page.getByTestId('offline-notice');
    await expect(notice).toContainText('Ready to work offline', { timeout: 60_000 });
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);

    // Publish a new service worker and look for it, as the hourly check (or the next visit) does.
    version.sw = '\n// a new version\n';
    await page.evaluate(() => { (window as unknown as { __stillHere: boolean }).__stillHere = true; });
    await page.evaluate(async () => { await (await navigator.serviceWorker.ready).update(); });
    await expect(notice).toContainText('A new version of the course is available', { timeout: 60_000 });
    await expect(notice.getByRole('button', { name: 'Later' })).toBeVisible();
    // It waits: no reload of its own.
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    // Reload: the new version takes over and the page reloads once, on the same route.
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Machine Learning Basics');
    expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBeUndefined();
    expect(await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return r?.waiting === null && r?.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
    })).toBe(true);
    await expect(notice).toHaveCount(0);
    con.assertClean();
  } finally {
    server.close();
    server.closeAllConnections();
  }
});
